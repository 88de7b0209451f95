// Fetches a dataset's files from `<base>data/<name>/` and validates them; errors name file, record and field.
import { buildDataset, type Dataset } from './dataset';
import { OPTIONAL_FILES, REQUIRED_FILES, validateDataset, type DatasetIssue } from './validateDataset';
import { DATASET_NAME } from './datasetFiles';

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
  }
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

async function fetchJson(url: string, file: string, optional: boolean, fetchFn: typeof fetch): Promise<unknown> {
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
    return JSON.parse(text);
  } catch (err) {
    throw new DatasetLoadError([{ file, record: '', field: '', message: `is not valid JSON: ${(err as Error).message}` }]);
  }
}

export async function loadDataset(name: string, base: string, fetchFn: typeof fetch = fetch): Promise<Dataset> {
  if (!DATASET_NAME.test(name)) throw new DatasetLoadError([{ file: '', record: '', field: 'dataset', message: `"${name}" is not a dataset name` }]);
  const dir = `${base}data/${name}/`;
  const names = [...REQUIRED_FILES, ...OPTIONAL_FILES];
  const settled = await Promise.allSettled(names.map((f) => fetchJson(dir + f, f, OPTIONAL_FILES.includes(f), fetchFn)));
  const issues = settled.flatMap((r) => (r.status === 'rejected' ? (r.reason instanceof DatasetLoadError ? r.reason.issues : [{ file: '', record: '', field: '', message: String(r.reason) }]) : []));
  if (issues.length) throw new DatasetLoadError(issues);
  const files = Object.fromEntries(names.map((f, i) => [f, (settled[i] as PromiseFulfilledResult<unknown>).value]));
  const result = validateDataset(files);
  if (!result.ok) throw new DatasetLoadError(result.issues);
  return buildDataset(name, result.data);
}
