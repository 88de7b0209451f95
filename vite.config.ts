import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { datasetPlugin } from './scripts/datasetPlugin.ts';
import { licenceNotices } from './scripts/vite/licenceNotices.ts';

export default defineConfig({
  base: './',
  plugins: [svelte(), datasetPlugin(), licenceNotices()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    // With two entries Vite would split its modulepreload polyfill into an extra chunk that the atlas loads
    // first; every browser the es2022 target runs on preloads modules without it (or just skips the hint).
    modulePreload: { polyfill: false },
    rollupOptions: {
      // Second entry: the reveal.js deck that drives the atlas through postMessage (served at /examples/reveal/).
      input: { main: 'index.html', reveal: 'examples/reveal/index.html' },
      output: {
        // MapLibre's script in a chunk of its own, loaded beside the shell (lib/map/loadMap); its stylesheet stays with
        // the entry's CSS, or the entry would import the MapLibre chunk for it and wait for 230 KB before it runs.
        manualChunks: (id: string) => (id.includes('node_modules/maplibre-gl') && !id.endsWith('.css') ? 'maplibre' : undefined),
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173 },
});
