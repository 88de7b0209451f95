// Fetches a dataset's files from `<base>data/<name>/` and validates them; errors name file, record and field.
import { buildDataset, type Dataset } from './dataset';
import { FullParserNeeded } from './dates';
import { ALL_DATASET_FILES, DATASET_FILES, DATASET_NAME, collections, datasetDigest, notJsonIssue, type DatasetIssue, type RawCollections } from './datasetFiles';

export { DATASET_NAME } from './datasetFiles';

export class DatasetLoadError extends Error {
  constructor(public issues: DatasetIssue[]) {
    super(issues.length === 1 ? 'The dataset has 1 problem' : `The dataset has ${issues.length} problems`);
  }
}

declare global {
  interface Window {
    /** Responses index.html's inline script started fetching, by absolute URL (see scripts/datasetPlugin.ts). */
    __atlasPrefetch?: Record<string, Promise<Response | null>>;
    /** The SHA-256 digest of each dataset the build validated, by name (see datasetDigest). */
    __atlasChecked?: Record<string, string>;
  }
}

/** The digest the build recorded for the named dataset in index.html, if it validated one by that name. */
export function builtDigest(name: string): string | undefined {
  const checked = typeof window === 'undefined' ? undefined : window.__atlasChecked;
  return checked && Object.hasOwn(checked, name) ? checked[name] : undefined;
}

/** fetch, but a response index.html already started for this URL is used once instead of fetching again. */
export const prefetchedFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const pre = typeof window === 'undefined' ? undefined : window.__atlasPrefetch;
  const started = pre?.[url];
  if (!started || init) return fetch(input, init);
  delete pre[url];
  return started.then((res) => res ?? fetch(input));
};

async function fetchFile(url: string, file: string, optional: boolean, fetchFn: typeof fetch): Promise<{ text: string; json: unknown } | undefined> {
  let res: Response;
  try {
    res = await fetchFn(url);
  } catch {
    throw new DatasetLoadError([{ file, record: '', field: '', message: 'could not be fetched (network error)' }]);
  }
  if (res.status === 404 && optional) return undefined;
  if (!res.ok) throw new DatasetLoadError([{ file, record: '', field: '', message: `could not be fetched (HTTP ${res.status})` }]);
  const text = await res.text();
  try {
    return { text, json: JSON.parse(text) };
  } catch (err) {
    throw new DatasetLoadError([notJsonIssue(file, err)]);
  }
}

/**
 * `checked` is the digest the build recorded for this dataset after validating it (index.html's `__atlasChecked`):
 * when the fetched files digest the same they are exactly what was validated, and the schema checks (the costliest
 * step of a load) are skipped. Any difference, such as a file swapped in the build, is validated in full.
 */
export async function loadDataset(name: string, base: string, fetchFn: typeof fetch = fetch, checked?: string): Promise<Dataset> {
  if (!DATASET_NAME.test(name)) throw new DatasetLoadError([{ file: '', record: '', field: 'dataset', message: `"${name}" is not a dataset name` }]);
  const dir = `${base}data/${name}/`;
  const names = ALL_DATASET_FILES;
  const optional = new Set<string>(DATASET_FILES.optional);
  // Nothing the build checked: the validator is needed, so its download starts with the files'.
  if (!checked) validatorChunk().catch(() => {});
  const settled = await Promise.allSettled(names.map((f) => fetchFile(dir + f, f, optional.has(f), fetchFn)));
  const issues = settled.flatMap((r) => (r.status === 'rejected' ? (r.reason instanceof DatasetLoadError ? r.reason.issues : [{ file: '', record: '', field: '', message: String(r.reason) }]) : []));
  if (issues.length) throw new DatasetLoadError(issues);
  const read = names.map((f, i) => (settled[i] as PromiseFulfilledResult<{ text: string; json: unknown } | undefined>).value);
  const files = Object.fromEntries(names.map((f, i) => [f, read[i]?.json]));
  if (checked && (await datasetDigest(Object.fromEntries(names.map((f, i) => [f, read[i]?.text]))).catch(() => null)) === checked) {
    return build(name, collections(files));
  }
  // The validator (zod, the schemas and the full EDTF parser) is a chunk of its own, fetched only for data the build
  // has not checked: a dataset swapped into the build, or a page without Web Crypto.
  const { validateDataset } = await validatorChunk();
  const result = validateDataset(files);
  if (!result.ok) throw new DatasetLoadError(result.issues);
  return buildDataset(name, result.data);
}

const CHUNK_FAILED = 'could not be checked: part of the atlas failed to load (offline, or the site was updated); reload the page';
const validatorChunk = () => import('./validateDataset').catch(() => Promise.reject(new DatasetLoadError([{ file: '', record: '', field: '', message: `The dataset ${CHUNK_FAILED}` }])));

/** buildDataset, fetching the full EDTF parser first if a date is outside parseDate's fast path. */
async function build(name: string, raw: RawCollections): Promise<Dataset> {
  try {
    return buildDataset(name, raw);
  } catch (err) {
    if (!(err instanceof FullParserNeeded)) throw err;
    await import('./datesFull').catch(() => {
      throw new DatasetLoadError([{ file: '', record: '', field: '', message: `A date ("${err.text}") ${CHUNK_FAILED}` }]);
    });
    return buildDataset(name, raw);
  }
}
