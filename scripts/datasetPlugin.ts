// Vite plugin: serves data/<name>/*.json in dev and copies them into the build, so a dataset can be
// swapped without a rebuild; then precompresses the build (gzip + brotli) for the static server.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import type { Plugin } from 'vite';
import { contentPolicy } from './csp.ts';
import { NARROW_MAP, OVERVIEW_FROM_ZOOM, PREVIEW_BLOCKERS } from '../src/lib/map/opening.ts';
import { labelFontFaces } from '../src/lib/map/fonts.generated.ts';
import { PROJECTOR_KEY } from '../src/lib/state/preferences.ts';
import { ALL_DATASET_FILES, DATASET_NAME, datasetDigest } from '../src/lib/model/datasetFiles.ts';
import { validateDataset } from '../src/lib/model/validateDataset.ts';
import { readDatasetFolder } from './datasetFolder.ts';

const DATA = 'data';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * A classic inline script for index.html: starts fetching the dataset the URL names (or the built-in one) while the
 * app's modules download and run. loadDataset takes these responses (by absolute URL) instead of fetching again;
 * a failed or unused prefetch costs nothing, since loadDataset fetches (and reports errors) itself.
 */
export function prefetchScript(
  checked: Record<string, string> = {},
  files: readonly string[] = ALL_DATASET_FILES,
  map: { worker?: string; labelFont?: string } = {},
): string {
  // Besides the dataset, what the map's first frame waits for, so that it downloads beside MapLibre instead of after it:
  // MapLibre's worker script (kept by the HTTP cache: it is an immutable asset), the basemap file the map opens on and
  // the Latin label font (lib/assetUrl hands MapLibre these responses as blob: URLs). The preview of the opening view
  // is the first view's largest picture: preloaded when it will be shown (lib/map/opening previewWanted; not in the
  // projector theme, whose colours it lacks).
  return `(() => {
  window.__atlasChecked = ${JSON.stringify(checked)};
  const q = new URLSearchParams(location.search);
  try {
    if (localStorage.getItem(${JSON.stringify(PROJECTOR_KEY)}) !== '1' && !${JSON.stringify(PREVIEW_BLOCKERS)}.some((k) => q.has(k))) {
      const l = document.createElement('link');
      l.rel = 'preload'; l.as = 'image'; l.href = 'basemap/preview.svg'; l.fetchPriority = 'high';
      document.head.append(l);
    }
  } catch (e) { /* no storage (a sandboxed frame): the preview loads when shown */ }
  const name = q.getAll('dataset').pop() || 'india-japan';
  if (!${DATASET_NAME}.test(name) || !window.fetch) return;
  const at = (path) => new URL(path, document.baseURI).href;
  const dir = at('data/' + name + '/');
  const pre = (window.__atlasPrefetch = {});
  for (const f of ${JSON.stringify(files)}) pre[dir + f] = fetch(dir + f).catch(() => null);
  const zoom = parseFloat((q.get('map') || '').split('/')[0]);
  const coarse = window.innerWidth < ${NARROW_MAP} && !(zoom >= ${OVERVIEW_FROM_ZOOM});
  const assets = [coarse ? 'basemap/world.json' : 'basemap/overview.json'];
  ${map.labelFont ? `if (!q.get('lang') || q.get('lang') === 'en') assets.push(${JSON.stringify(map.labelFont)});` : ''}
  for (const a of assets) pre[at(a)] = fetch(at(a)).catch(() => null);
  ${map.worker ? `const worker = ${JSON.stringify(map.worker)};
  if (worker) fetch(at(worker)).catch(() => null);` : ''}
})();`;
}

const checkedCache = new Map<string, { stamp: string; digest: string | null }>();

/**
 * The digest (datasetDigest) of every dataset in data/ that passes validateDataset, by name; datasets that fail are left
 * out, so the app validates them at load and names the problem. Cached by the files' sizes and times, because the
 * dev server asks on every page load.
 */
export async function checkedDatasets(root = DATA): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let dirs: string[];
  try {
    dirs = readdirSync(root).filter((d) => DATASET_NAME.test(d) && d !== 'schema' && statSync(join(root, d)).isDirectory());
  } catch {
    return out;
  }
  for (const name of dirs) {
    const dir = join(root, name);
    const stamp = ALL_DATASET_FILES.map((f) => {
      try {
        const st = statSync(join(dir, f));
        return `${f}:${st.size}:${st.mtimeMs}`;
      } catch {
        return `${f}:missing`;
      }
    }).join('|');
    let entry = checkedCache.get(dir);
    if (!entry || entry.stamp !== stamp) {
      const folder = readDatasetFolder(dir);
      const valid = !folder.issues.length && validateDataset(folder.files).ok;
      entry = { stamp, digest: valid ? await datasetDigest(folder.texts) : null };
      checkedCache.set(dir, entry);
    }
    if (entry.digest) out[name] = entry.digest;
  }
  return out;
}

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.txt', '.csv', '.geojson']);

export function datasetPlugin(): Plugin[] {
  let outDir = 'dist';
  return [
    {
      name: 'atlas-datasets',
      configResolved(c) {
        outDir = c.build.outDir;
      },
      transformIndexHtml: {
        order: 'pre',
        async handler(html, ctx) {
          // Only the atlas's own page; the reveal deck and the bench's bare page load no dataset.
          if (!/(^|\/)index\.html$/.test(ctx.path) || ctx.path.includes('examples/')) return html;
          // At the end of the body, so the browser has already asked for the app's own scripts and styles: with six
          // connections per host, dataset requests issued first would queue the JavaScript behind them. (It runs once
          // the stylesheets have arrived, still well before the modules are evaluated.)
          // In a build, the worker's file name is known only to the post hook below, which puts it in.
          const worker = ctx.server ? undefined : WORKER_PLACEHOLDER;
          const labelFont = labelFontFaces['Noto Sans Regular']?.find((f) => f.file.includes('latin'))?.file;
          const script = prefetchScript(await checkedDatasets(), ALL_DATASET_FILES, { worker, labelFont });
          return [{ tag: 'script', children: script, injectTo: 'body' }];
        },
      },
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          const m = /^\/data\/([a-z0-9-]+)\/([a-z0-9-]+\.json)$/.exec((req.url ?? '').split('?')[0]);
          if (!m) return next();
          try {
            const body = readFileSync(join(DATA, m[1], m[2]));
            res.setHeader('Content-Type', 'application/json');
            res.end(body);
          } catch {
            res.statusCode = 404;
            res.end('not found');
          }
        });
      },
      generateBundle() {
        for (const file of walk(DATA)) {
          if (!file.endsWith('.json') || file.includes(`${DATA}/schema`)) continue;
          this.emitFile({ type: 'asset', fileName: relative('.', file), source: readFileSync(file) });
        }
      },
      closeBundle() {
        for (const file of walk(outDir)) {
          if (!COMPRESSIBLE.has(extname(file)) || statSync(file).size < 1024) continue;
          const raw = readFileSync(file);
          writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
          writeFileSync(`${file}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        }
      },
    },
    pagePolicy(),
  ];
}

const WORKER_PLACEHOLDER = '__ATLAS_MAPLIBRE_WORKER__';

/**
 * Last, on the finished page: the worker's file name, then DESIGN's Content-Security-Policy with the hashes of the page's
 * inline scripts as they now are, after `<meta charset>` (the dev server's own client scripts are not hashed, so only
 * a build gets it); `npm start` sends the same as a header.
 */
function pagePolicy(): Plugin {
  return {
    name: 'atlas-page-policy',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !/(^|\/)index\.html$/.test(ctx.path) || ctx.path.includes('examples/')) return html;
        const worker = Object.keys(ctx.bundle).find((f) => /maplibre-gl-worker-[^/]*\.mjs$/.test(f));
        const out = html.replaceAll(WORKER_PLACEHOLDER, worker ?? '');
        const inline = [...out.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentPolicy(inline).replace(/"/g, '&quot;')}" />`;
        return out.replace(/(<meta\s+charset=[^>]*>)/i, `$1\n    ${meta}`);
      },
    },
  };
}
