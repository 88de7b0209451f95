// `npm run bench` builds with this config: the app's own config (same plugins, chunks and options) plus the bare
// MapLibre baseline page as one more entry, into bench/tmp/dist so that a bench never overwrites dist/.
import { defineConfig, mergeConfig, type UserConfig } from 'vite';
import appConfig from '../vite.config.ts';

const app = appConfig as UserConfig;
const input = app.build?.rollupOptions?.input;
const entries: Record<string, string> =
  typeof input === 'string' ? { main: input } : Array.isArray(input) ? Object.fromEntries(input.map((f, i) => [`entry${i}`, f])) : { main: 'index.html', ...(input ?? {}) };

export default mergeConfig(
  { ...app, build: { ...app.build, rollupOptions: { ...app.build?.rollupOptions, input: undefined } } },
  defineConfig({
    build: {
      outDir: 'bench/tmp/dist',
      emptyOutDir: true,
      manifest: true,
      // Maps without a sourceMappingURL comment: the chunks stay byte-identical, and profiles name the sources.
      sourcemap: 'hidden',
      rollupOptions: { input: { ...entries, bare: 'bench/bare.html' } },
    },
  }),
);
