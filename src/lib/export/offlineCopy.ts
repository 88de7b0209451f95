// "Download offline copy" in Share: the one-file atlas that the build places beside the app at offline/index.html
// (scripts/build-offline.ts; fetched only when asked for), zipped in the browser with a page that opens the current
// view (a meta refresh: no script, so no policy to satisfy) and a README. A dataset the copy lacks goes inside it: an
// import kept in this browser (renamed, since `local-` names are read from this browser's storage only) or a folder
// added to the server after the build.
import { ALL_DATASET_FILES, DATASET_FILES, DATASET_NAME } from '../model/datasetFiles';
import { escapeAttribute } from './embedSnippet';
import { zipTextsDeflated } from './zip';
import { download } from './download';

/** The folder inside the zip: what a presenter copies to a stick (the build's zip uses the same). */
export const OFFLINE_FOLDER = 'indo-pacific-atlas';
/** Where the build puts the copy's files beside the app, relative to the page. */
export const OFFLINE_DIR = 'offline/';
/** The copy's files as the build writes them (in OFFLINE_DIR, and in its own folder); index.html first. */
export const OFFLINE_FILES = ['index.html', 'LICENSE.txt', 'THIRD-PARTY-NOTICES.txt', 'fonts/LICENSE-OFL.txt'] as const;
/** The page that opens the saved view. */
export const VIEW_PAGE = 'open-this-view.html';
export const OFFLINE_ZIP = `${OFFLINE_FOLDER}.zip`;

const LOCAL_PREFIX = 'local-';
const COPY_PREFIX = 'imported-';
// The data blocks of the offline page (the build writes them before its scripts). Patterns with "\x3c" for "<": this
// module is inlined in that page too, and the build refuses an app bundle holding "<script" beside Svelte's "<!--".
const DATASET_BLOCK = /\x3cscript type="application\/json" data-atlas-dataset="([a-z0-9-]+)">/g;
const WORKER_BLOCK = /\x3cscript type="text\/plain" data-atlas-worker>/;

/** `copyDatasetName('local-0123456789ab')` is `imported-0123456789ab`; other names stay. */
export function copyDatasetName(name: string): string {
  return name.startsWith(LOCAL_PREFIX) ? COPY_PREFIX + name.slice(LOCAL_PREFIX.length) : name;
}

/** True if `html` is the offline page the build writes (and not, say, a dev server's index.html answering any path). */
export const isOfflinePage = (html: string) => WORKER_BLOCK.test(html) && html.search(DATASET_BLOCK) >= 0;

/** The datasets the offline page carries, by name. */
export const carriedDatasets = (html: string) => [...html.matchAll(DATASET_BLOCK)].map((m) => m[1]);
export const carriesDataset = (html: string, name: string) => carriedDatasets(html).includes(name);

/**
 * The offline page with one more dataset inside, as a data block in front of the built ones, so the page's first
 * script finds it as it finds them (scripts/offline/bootstrap.ts). `texts` maps file names (meta.json, …) to JSON text.
 */
export function withDataset(html: string, name: string, texts: Record<string, string>): string {
  if (!DATASET_NAME.test(name)) throw new Error(`“${name}” is not a dataset name`);
  if (carriesDataset(html, name)) throw new Error(`the copy already carries “${name}”`);
  const first = [...html.matchAll(DATASET_BLOCK)][0];
  if (!first || !isOfflinePage(html)) throw new Error('this is not the offline copy’s page');
  const files = Object.fromEntries(ALL_DATASET_FILES.filter((f) => typeof texts[f] === 'string').map((f) => [f, texts[f]]));
  // The block opens as the built ones do; every "<" in it escaped (the same JSON once parsed, no "</script" inside).
  const open = first[0].slice(0, first[0].length - first[1].length - 2);
  const block = `${open}${name}">${JSON.stringify(files).replace(/</g, '\\u003c')}</script>\n`;
  return html.slice(0, first.index) + block + html.slice(first.index);
}

/** A URL for a meta refresh: quotes and markup characters percent-encoded, so it cannot leave its quotes. */
const safeUrl = (url: string) => url.replace(/['"<>\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/**
 * The page that opens the copy at the saved view: a meta refresh to `index.html?query` (relative, so it works wherever
 * the folder is), and a link for a browser that refuses refreshes. No script, and a policy that allows none.
 */
export function viewPage(query: string, o: { lang: string; title: string; link: string }): string {
  const target = escapeAttribute(safeUrl(`index.html${query ? `?${query}` : ''}`));
  return `<!doctype html>
<html lang="${escapeAttribute(o.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">
<meta http-equiv="refresh" content="0; url='${target}'">
<title>${escapeAttribute(o.title)}</title>
</head>
<body>
<p><a href="${target}">${escapeAttribute(o.link)}</a></p>
</body>
</html>
`;
}

export interface OfflineZipParts {
  /** The copy's files by path (OFFLINE_FILES), index.html already holding any dataset it needs. */
  files: Record<string, string>;
  /** The query of the view to open (formatUrl), without "?". */
  query: string;
  readme: string;
  lang: string;
  /** The view page's title and link text. */
  title: string;
  link: string;
}

/** The zip's entries: the copy's files, the view page and the README, in one folder. */
export function offlineZipEntries(p: OfflineZipParts): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const f of OFFLINE_FILES) if (typeof p.files[f] === 'string') entries[`${OFFLINE_FOLDER}/${f}`] = p.files[f];
  if (!entries[`${OFFLINE_FOLDER}/index.html`]) throw new Error('the copy has no index.html');
  entries[`${OFFLINE_FOLDER}/${VIEW_PAGE}`] = viewPage(p.query, p);
  entries[`${OFFLINE_FOLDER}/README.txt`] = p.readme.replace(/\r?\n/g, '\r\n');
  return entries;
}

/** The zip, deflated (the copy's page is mostly text: about a third of its size). */
export const offlineZip = (p: OfflineZipParts, date = new Date()) => zipTextsDeflated(offlineZipEntries(p), date);

type Fetch = (url: string) => Promise<Response>;

async function text(fetchFn: Fetch, url: string): Promise<string | null> {
  const res = await fetchFn(url);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

/** The copy's files from the server (OFFLINE_DIR beside the page `base`); a missing licence text is left out. */
export async function fetchOfflineFiles(base: string, fetchFn: Fetch = (u) => fetch(u)): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await Promise.all(
    OFFLINE_FILES.map(async (f) => {
      const t = await text(fetchFn, new URL(OFFLINE_DIR + f, base).href);
      if (t !== null) out[f] = t;
    }),
  );
  if (out['index.html'] === undefined) throw new Error(`${OFFLINE_DIR}index.html: HTTP 404`);
  if (!isOfflinePage(out['index.html'])) throw new Error(`${OFFLINE_DIR}index.html is not the offline copy (npm run build makes it)`);
  return out;
}

/** A served dataset folder's files (data/NAME/ beside the page `base`), for a copy built before it was added. */
export async function fetchDatasetTexts(base: string, name: string, fetchFn: Fetch = (u) => fetch(u)): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await Promise.all(
    ALL_DATASET_FILES.map(async (f) => {
      const t = await text(fetchFn, new URL(`data/${name}/${f}`, base).href);
      if (t !== null) out[f] = t;
      else if ((DATASET_FILES.required as readonly string[]).includes(f)) throw new Error(`data/${name}/${f}: HTTP 404`);
    }),
  );
  return out;
}

/** Hands the zip to the browser as a download. */
export function saveZip(bytes: Uint8Array, filename = OFFLINE_ZIP) {
  download(new Blob([bytes as BlobPart], { type: 'application/zip' }), filename);
}
