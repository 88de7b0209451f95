// Lint: typescript-eslint and eslint-plugin-svelte, plus the rule of the rooms: no component assigns a state field.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const stateWrites = [
  {
    selector: "AssignmentExpression[left.type='MemberExpression'][left.object.name='atlas']",
    message: 'Change atlas state through an AtlasState intent (lib/state/AtlasState.svelte.ts), never by assigning a field.',
  },
  {
    selector: "UpdateExpression[argument.type='MemberExpression'][argument.object.name='atlas']",
    message: 'Change atlas state through an AtlasState intent, never by assigning a field.',
  },
  {
    selector: "SvelteDirective[kind='Binding'] > MemberExpression[object.name='atlas']",
    message: 'Do not bind: to atlas state; read it and call an intent on change.',
  },
];

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'bench/tmp/', 'test-results/', 'public/', '.tmp/', 'src/lib/map/fonts.generated.ts', 'data/', '**/*.generated.*'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Links open with rel="noopener"; the rule cannot see that they are never dynamic Svelte routes.
      'svelte/no-navigation-without-resolve': 'off',
      // Lists here are derived from immutable data and re-rendered whole; keys would add nothing but noise.
      'svelte/require-each-key': 'off',
      // Sets and Dates built inside derived values and functions are local temporaries, not reactive state.
      'svelte/prefer-svelte-reactivity': 'off',
      // {' '} is how a space between two inline elements is written on purpose.
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
  },
  {
    files: ['src/components/**/*.svelte', 'src/App.svelte'],
    rules: { 'no-restricted-syntax': ['error', ...stateWrites] },
  },
);
