// npm run build:offline: a copy of the atlas that opens by double-clicking its HTML file (a file:// URL, from a USB
// stick, with no network and no server). Chromium runs no module script, module worker or fetch from such a page, so
// the copy is ONE HTML file with everything inside: the app as a classic inline script, its styles, MapLibre's worker,
// the datasets, the basemap (overview and detail) and the label fonts, plus a Content-Security-Policy with the hashes of
// its inline scripts. Writes dist-offline/indo-pacific-atlas/ (index.html and the licence texts) and a zip of it; with
// --app DIR (npm run build: --app dist) also DIR/offline/, the files that Share's "Download offline copy" fetches and
// zips in the browser (src/lib/export/offlineCopy.ts), index.html precompressed like the rest of the build.
// Needs the prebuild's generated files (public/basemap, public/fonts, fonts.generated.ts): `npm run prebuild`.
//
//   tsx scripts/build-offline.ts [--out dist-offline] [--datasets india-japan,other] [--app dist]
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { build, type Rolldown } from 'vite';
import { ALL_DATASET_FILES, DATASET_NAME, datasetDigest, formatIssue } from '../src/lib/model/datasetFiles.ts';
import { validateDataset } from '../src/lib/model/validateDataset.ts';
import { DEFAULT_DATASET } from '../src/lib/model/types.ts';
import { labelFontFaces } from '../src/lib/map/fonts.generated.ts';
import { readDatasetFolder } from './datasetFolder.ts';
import { offlineAppConfig, offlineWorkerConfig } from './offline/viteConfig.ts';
import { bootstrapScript } from './offline/bootstrap.ts';
import { offlinePolicy } from './offline/contentPolicy.ts';
import { zipFolder } from './offline/zipFolder.ts';
import { OFFLINE_DIR, OFFLINE_FILES, OFFLINE_FOLDER } from '../src/lib/export/offlineCopy.ts';

/** The folder's name inside the output (and inside the zip): what a presenter copies to a stick. */
export { OFFLINE_FOLDER };
/** Files beside the page that the app loads by path (see src/lib/assetUrl.ts), and their types. */
const BASEMAP_FILES = ['basemap/overview.json', 'basemap/detail.json', 'basemap/world.json', 'basemap/towns.json'];
/** Images the app may load by path (src/lib/assetUrl.ts), carried when the prebuild drew them. */
const PREVIEW_FILES = ['basemap/preview.svg'];

export interface OfflineBuild {
  /** The folder with index.html. */
  folder: string;
  html: string;
  zip: string;
  htmlBytes: number;
  zipBytes: number;
  datasets: string[];
  /** The folder beside the app (`--app`), if asked for. */
  app?: string;
}

/** Inline text that the HTML parser must not end early: `</script` closes any script element, data blocks included. */
function scriptText(text: string, what: string): string {
  // The parser turns CR LF into LF before the script runs (and before the browser hashes it): do it here first.
  const t = text.replace(/\r\n?/g, '\n').replace(/<\/(script)/gi, '<\\/$1');
  // "<!--" followed by "<script" would put the parser in a state where </script> no longer ends the element.
  if (/<!--/.test(t) && /<script/i.test(t)) throw new Error(`${what} holds "<!--" and "<script": it cannot be inlined safely`);
  return t;
}

/** JSON text safe inside a data block: every "<" escaped (the same value once parsed). */
const jsonBlockText = (json: string) => json.replace(/</g, '\\u003c');

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Datasets to carry: the named ones, else every folder in data/ except the generated synthetic ones. */
function datasetNames(only?: string[]): string[] {
  if (only?.length) return only;
  const names = readdirSync('data').filter((d) => DATASET_NAME.test(d) && d !== 'schema' && !d.startsWith('synthetic-') && statSync(join('data', d)).isDirectory());
  return [DEFAULT_DATASET, ...names.filter((n) => n !== DEFAULT_DATASET)];
}

async function datasetBlocks(names: string[]): Promise<{ blocks: string[]; checked: Record<string, string> }> {
  const blocks: string[] = [];
  const checked: Record<string, string> = {};
  for (const name of names) {
    const folder = readDatasetFolder(join('data', name));
    const result = folder.issues.length ? { ok: false as const, issues: folder.issues } : validateDataset(folder.files);
    if (!result.ok) throw new Error(`data/${name} does not validate:\n${result.issues.slice(0, 10).map(formatIssue).join('\n')}`);
    const texts = Object.fromEntries(Object.entries(folder.texts).filter((e): e is [string, string] => e[1] !== undefined));
    const digest = await datasetDigest(folder.texts);
    if (digest) checked[name] = digest;
    blocks.push(`<script type="application/json" data-atlas-dataset="${attr(name)}">${jsonBlockText(JSON.stringify(texts))}</script>`);
  }
  return { blocks, checked };
}

function fileBlocks(): string[] {
  const blocks: string[] = [];
  for (const path of BASEMAP_FILES) {
    const file = join('public', path);
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run prebuild" first`);
    // Parsed and written again: checks it is JSON, drops whitespace, and escapes "<".
    const json = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
    blocks.push(`<script type="application/json" data-atlas-file="${attr(path)}" data-type="application/json">${jsonBlockText(json)}</script>`);
  }
  // The opening view's preview image (where the basemap build draws one): base64, since a data: URL in text form
  // would lose the SVG's line breaks to the URL parser.
  for (const path of PREVIEW_FILES) {
    const file = join('public', path);
    if (existsSync(file)) blocks.push(`<script type="text/plain" data-atlas-file="${attr(path)}" data-type="image/svg+xml" data-base64>${readFileSync(file).toString('base64')}</script>`);
  }
  const fonts = new Set(Object.values(labelFontFaces).flatMap((faces) => faces.map((f) => f.file)));
  for (const path of fonts) {
    const file = join('public', path);
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run prebuild" first`);
    const b64 = readFileSync(file).toString('base64');
    blocks.push(`<script type="text/plain" data-atlas-file="${attr(path)}" data-type="font/woff2" data-base64>${b64}</script>`);
  }
  return blocks;
}

/** MapLibre's worker module as one classic script. */
async function workerScript(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('maplibre-gl/dist/maplibre-gl-worker.mjs');
  const out = (await build(offlineWorkerConfig(entry))) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`the worker build gave ${chunks.length} chunks, not one`);
  return chunks[0].code;
}

/** The page: index.html with its module script replaced by the inline app, and the files it needs inside it. */
function page(template: string, parts: { css: string; blocks: string[]; scripts: string[]; favicon: string }): string {
  let html = template.replace(/\r\n?/g, '\n');
  // A policy already in the template (or any <base>) would stand beside this one and refuse its scripts.
  html = html.replace(/\s*<meta\s+http-equiv=["']?content-security-policy["']?[^>]*>/gi, '').replace(/\s*<base\b[^>]*>/gi, '');
  const scriptsWithSrc = html.match(/<script\b[^>]*\bsrc=[^>]*>\s*<\/script>/gi) ?? [];
  if (scriptsWithSrc.length !== 1 || !scriptsWithSrc[0].includes('/src/main.ts')) {
    throw new Error(`index.html should load exactly one script, /src/main.ts; it has: ${scriptsWithSrc.join(' ') || 'none'}`);
  }
  if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) throw new Error('index.html has an inline script: hash it into the offline policy before inlining it');
  html = html.replace(scriptsWithSrc[0], '');
  html = html.replace(/<link\b[^>]*rel=["']icon["'][^>]*>/i, `<link rel="icon" href="${attr(parts.favicon)}" type="image/svg+xml" />`);
  const otherLinks = (html.match(/<link\b[^>]*>/gi) ?? []).filter((l) => !/rel=["']icon["']/i.test(l));
  if (otherLinks.length) throw new Error(`index.html links files the offline copy cannot load: ${otherLinks.join(' ')}`);
  const policy = offlinePolicy(parts.scripts);
  html = html.replace(/(<meta\s+charset=[^>]*>)/i, `$1\n    <meta http-equiv="Content-Security-Policy" content="${attr(policy)}" />`);
  if (!html.includes(policy.slice(0, 20))) throw new Error('index.html has no <meta charset>: the policy has nowhere to go');
  html = html.replace('</head>', `    <style>${parts.css.replace(/<\/(style)/gi, '<\\/$1')}</style>\n  </head>`);
  const body = [...parts.blocks, ...parts.scripts.map((s) => `<script>${s}</script>`)].join('\n');
  const at = html.lastIndexOf('</body>');
  if (at < 0) throw new Error('index.html has no </body>');
  return `${html.slice(0, at)}${body}\n  ${html.slice(at)}`;
}

/** Drops the stylesheet's WOFF fallbacks beside WOFF2 (every browser that runs the atlas reads WOFF2). */
const withoutWoffFallback = (css: string) => css.replace(/,\s*url\(["']?data:font\/woff;base64,[^)"']*["']?\)\s*format\(["']?woff["']?\)/g, '');

/**
 * The copy's files in the built app's `offline/` folder, for Share's button to fetch. index.html gets .gz and .br
 * beside it, as the app build precompresses its files for the static server (a lower brotli quality than the app
 * build's 11, which takes 12 s on this 6 MB file; 7 takes a third of a second and is 23 % larger).
 */
function placeBesideApp(folder: string, app: string): string {
  if (!existsSync(join(app, 'index.html'))) throw new Error(`${app}/index.html not found: build the app (vite build) before --app`);
  const dir = join(app, OFFLINE_DIR);
  rmSync(dir, { recursive: true, force: true });
  for (const f of OFFLINE_FILES) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(folder, f), join(dir, f));
  }
  const raw = readFileSync(join(dir, 'index.html'));
  writeFileSync(join(dir, 'index.html.gz'), gzipSync(raw, { level: 6 }));
  writeFileSync(join(dir, 'index.html.br'), brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 7, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
  return dir;
}

export async function buildOffline(o: { out?: string; datasets?: string[]; app?: string } = {}): Promise<OfflineBuild> {
  const outRoot = resolve(o.out ?? 'dist-offline');
  const folder = join(outRoot, OFFLINE_FOLDER);
  const tmp = resolve('.tmp/offline-build');
  const names = datasetNames(o.datasets);
  const { blocks: dataBlocks, checked } = await datasetBlocks(names);
  const files = fileBlocks();

  await build(offlineAppConfig(tmp));
  const built = readdirSync(tmp);
  const cssFiles = built.filter((f) => f.endsWith('.css'));
  const extra = built.filter((f) => !['atlas.js', 'THIRD-PARTY-NOTICES.txt', ...cssFiles].includes(f));
  if (extra.length) throw new Error(`the offline app build wrote files it cannot inline: ${extra.join(', ')}`);
  const css = withoutWoffFallback(cssFiles.map((f) => readFileSync(join(tmp, f), 'utf8')).join('\n'));
  if (/url\((?!["']?data:)/.test(css)) throw new Error('the stylesheet still names a file (a url() that is not data:)');
  const app = scriptText(readFileSync(join(tmp, 'atlas.js'), 'utf8'), 'The app bundle');
  const worker = scriptText(await workerScript(), 'MapLibre\'s worker');

  const boot = bootstrapScript({ datasetFiles: ALL_DATASET_FILES, defaultDataset: DEFAULT_DATASET, namePattern: DATASET_NAME, checked });
  const favicon = `data:image/svg+xml;base64,${readFileSync('public/favicon.svg').toString('base64')}`;
  const html = page(readFileSync('index.html', 'utf8'), {
    css,
    favicon,
    blocks: [...files, `<script type="text/plain" data-atlas-worker>${worker}</script>`, ...dataBlocks],
    scripts: [boot, app],
  });

  rmSync(outRoot, { recursive: true, force: true });
  mkdirSync(join(folder, 'fonts'), { recursive: true });
  const htmlPath = join(folder, 'index.html');
  writeFileSync(htmlPath, html);
  copyFileSync(join(tmp, 'THIRD-PARTY-NOTICES.txt'), join(folder, 'THIRD-PARTY-NOTICES.txt'));
  copyFileSync('public/fonts/LICENSE-OFL.txt', join(folder, 'fonts', 'LICENSE-OFL.txt'));
  copyFileSync('LICENSE', join(folder, 'LICENSE.txt'));
  writeFileSync(
    join(folder, 'README.txt'),
    'Indo-Pacific Atlas, offline copy.\n\n' +
      'Open index.html in Chromium, Chrome or Edge (double-click it, or drag it onto the browser). It needs no network\n' +
      'and no server: the map, the basemap, the fonts and the data are inside that one file. Add ?t=2026-07-02 or\n' +
      '?story=… to its address as on the web; to drive it from an HTML deck opened from a file, embed\n' +
      'index.html?embed=1&parent=null in an iframe.\n',
  );
  const zipPath = join(outRoot, `${OFFLINE_FOLDER}.zip`);
  writeFileSync(zipPath, zipFolder(folder, OFFLINE_FOLDER));
  const beside = o.app ? placeBesideApp(folder, resolve(o.app)) : undefined;
  return { folder, html: htmlPath, zip: zipPath, htmlBytes: statSync(htmlPath).size, zipBytes: statSync(zipPath).size, datasets: names, app: beside };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
  buildOffline({ out: arg('out'), datasets: arg('datasets')?.split(',').filter(Boolean), app: arg('app') }).then(
    (b) => {
      console.log(`Offline copy (${b.datasets.join(', ')}): ${b.html} ${mb(b.htmlBytes)}; ${b.zip} ${mb(b.zipBytes)}${b.app ? `; beside the app in ${b.app}` : ''}`);
    },
    (err) => {
      console.error(`build:offline failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
