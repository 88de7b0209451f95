import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Two projects: pure unit tests, and browser tests that drive Debian Chromium against the built app.
export default defineConfig({
  test: {
    projects: [
      // The state's runes ($state, $derived) compile with the Svelte plugin, against Svelte's browser runtime.
      { plugins: [svelte()], resolve: { conditions: ['browser'] }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
