// The offline copy's first inline script (its source text, built here): turns the page's data blocks into what the
// app would otherwise fetch beside the page. Files (basemap, label fonts) become data: URLs listed in
// window.__atlasOffline (read by src/lib/assetUrl.ts): MapLibre's workers fetch the basemap, and a worker cannot read
// a blob: URL that a page at file:// made (Chromium: "Failed to fetch"), while a data: URL reads anywhere. MapLibre's
// worker itself becomes a blob: URL for setWorkerUrl. The datasets become the responses index.html's prefetch script
// would have started (window.__atlasPrefetch, keyed by the absolute URL loadDataset asks for), with the digests the
// build checked (window.__atlasChecked), so the app loads them through its usual path and skips validating what the
// build already validated.

export interface BootstrapOptions {
  /** Every file a dataset may have (ALL_DATASET_FILES): a file a dataset lacks answers 404, as a static host would. */
  datasetFiles: readonly string[];
  /** The dataset opened when the URL names none. */
  defaultDataset: string;
  /** The form of a dataset name (DATASET_NAME); a name that fails it is never answered (the app refuses it). */
  namePattern: RegExp;
  /** The digest of each inlined dataset, by name (datasetDigest). */
  checked: Record<string, string>;
}

export function bootstrapScript(o: BootstrapOptions): string {
  return `(() => {
  'use strict';
  const blocks = (sel) => Array.from(document.querySelectorAll(sel), (el) => { el.remove(); return [el.dataset, el.textContent]; });
  // A data: URL needs only "%" and "#" escaped; ":" too, because MapLibre takes a URL holding "://" for a custom protocol.
  const data = (d, text) => 'data:' + d.type + ('base64' in d ? ';base64,' + text : ';charset=utf-8,' + text.replace(/[%#:]/g, encodeURIComponent));
  const files = {};
  for (const [d, text] of blocks('script[data-atlas-file]')) files[d.atlasFile] = data(d, text);
  // A classic worker: MapLibre starts a worker URL ending in .cjs as a classic script (the fragment does not reach the blob).
  const [[, worker]] = blocks('script[data-atlas-worker]');
  const workerUrl = URL.createObjectURL(new Blob([worker], { type: 'text/javascript' }));
  window.__atlasOffline = Object.freeze({ files: Object.freeze(files), worker: workerUrl + '#maplibre-gl-worker.cjs' });
  const datasets = {};
  for (const [d, text] of blocks('script[data-atlas-dataset]')) datasets[d.atlasDataset] = JSON.parse(text);
  window.__atlasChecked = ${JSON.stringify(o.checked)};
  const pre = (window.__atlasPrefetch = {});
  const answer = (name) => {
    const dir = new URL('data/' + name + '/', document.baseURI).href, texts = datasets[name] || {};
    for (const f of ${JSON.stringify(o.datasetFiles)}) {
      const text = Object.hasOwn(texts, f) ? texts[f] : null;
      pre[dir + f] = Promise.resolve(text === null ? new Response('Not found', { status: 404 }) : new Response(text, { headers: { 'Content-Type': 'application/json' } }));
    }
  };
  // The dataset the URL names (a name this copy lacks answers 404, so the app opens the default with a notice), and
  // every dataset inside, for that fallback.
  const named = new URLSearchParams(location.search).getAll('dataset').pop() || ${JSON.stringify(o.defaultDataset)};
  if (${o.namePattern}.test(named)) answer(named);
  for (const name of Object.keys(datasets)) answer(name);
})();`;
}
