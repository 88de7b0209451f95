// The two Vite builds behind the offline copy (scripts/build-offline.ts): the app as one classic script, and MapLibre's
// worker as one classic script. Chromium runs neither a module script, nor a module worker, nor a fetch from a page
// opened at file://, so everything the app would load later (lazy chunks, the worker) is folded into these two.
import type { InlineConfig, Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { licenceNotices } from '../vite/licenceNotices.ts';

const WORKER_URL_IMPORT = 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
const VIRTUAL_WORKER_URL = '\0atlas-offline-worker-url';

/**
 * AtlasMap imports the worker's URL (`…/maplibre-gl-worker.mjs?url`) for setWorkerUrl. Here that import is the blob:
 * URL the page's first script made from the inline worker, so the worker file is neither emitted nor inlined twice.
 */
function workerUrlFromPage(): Plugin {
  return {
    name: 'atlas-offline-worker-url',
    enforce: 'pre',
    resolveId(id) {
      return id === WORKER_URL_IMPORT ? VIRTUAL_WORKER_URL : null;
    },
    load(id) {
      return id === VIRTUAL_WORKER_URL ? 'export default window.__atlasOffline.worker;' : null;
    },
  };
}

/** The app (src/main.ts with its styles) as one IIFE and one stylesheet in `outDir`; fonts the CSS names are inlined. */
export function offlineAppConfig(outDir: string): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    base: './',
    publicDir: false,
    plugins: [workerUrlFromPage(), svelte(), licenceNotices()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      cssCodeSplit: false,
      // Every file the CSS names (the Latin UI font) becomes a data: URL; nothing else is imported as a file.
      assetsInlineLimit: () => true,
      chunkSizeWarningLimit: 4000,
      modulePreload: false,
      rolldownOptions: {
        input: 'src/main.ts',
        // Its timing report is for tuning the main build, not this one.
        checks: { pluginTimings: false },
        // Vite passes import.meta.url to its preload helper with every dynamic import; folded into one IIFE those imports
        // preload nothing, so the empty import.meta an IIFE gets is what they need. (The worker's ?url import, the one
        // other import.meta.url, is replaced above.)
        onLog(level, log, handler) {
          if (log.code !== 'EMPTY_IMPORT_META') handler(level, log);
        },
        output: { format: 'iife', codeSplitting: false, entryFileNames: 'atlas.js', assetFileNames: '[name][extname]' },
      },
    },
  };
}

/** MapLibre's worker (an ES module in the package) rewritten as a classic script, returned rather than written. */
export function offlineWorkerConfig(entry: string): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['iife'], name: '__maplibreWorker', fileName: () => 'worker.js' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  };
}
