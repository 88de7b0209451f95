// Vite plugin: serves data/<name>/*.json in dev and copies them into the build, so a dataset can be
// swapped without a rebuild; then precompresses the build (gzip + brotli) for the static server.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { contentPolicy } from './csp.ts';
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
export function prefetchScript(checked: Record<string, string> = {}, files: readonly string[] = ALL_DATASET_FILES): string {
  return `(() => {
  window.__atlasChecked = ${JSON.stringify(checked)};
  const name = new URLSearchParams(location.search).getAll('dataset').pop() || 'india-japan';
  if (!${DATASET_NAME}.test(name) || !window.fetch) return;
  const dir = new URL('data/' + name + '/', document.baseURI).href;
  const pre = (window.__atlasPrefetch = {});
  for (const f of ${JSON.stringify(files)}) pre[dir + f] = fetch(dir + f).catch(() => null);
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

export function datasetPlugin(): Plugin {
  let outDir = 'dist';
  return {
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
        const script = prefetchScript(await checkedDatasets());
        const tags: HtmlTagDescriptor[] = [{ tag: 'script', children: script, injectTo: 'body' }];
        // The built page carries DESIGN's Content-Security-Policy with this script's hash (the dev server's own
        // client scripts are not hashed, so only a build gets it); `npm start` sends the same as a header.
        if (!ctx.server) tags.unshift({ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentPolicy([script]) }, injectTo: 'head-prepend' });
        return tags;
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
  };
}
