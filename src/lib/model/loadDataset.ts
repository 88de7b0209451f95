// Fetches a dataset's files from `<base>data/<name>/` and validates them; errors name file, record and field.
// Also normalises the files' text fields into the one shape the app reads (normalizeCollections).
import { buildDataset, type Dataset } from './dataset';
import { FullParserNeeded } from './dates';
import { ALL_DATASET_FILES, DATASET_FILES, DATASET_NAME, collections, datasetDigest, notJsonIssue, type DatasetIssue, type RawCollections } from './datasetFiles';
import type { DatasetInput, Localized, Meta, TextInput } from './schema';
import { LANGS, type Lang } from './types';

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
    return build(name, normalizeCollections(collections(files) as unknown as DatasetInput));
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

/**
 * A text field as texts by language: nulls (missing on purpose) dropped, a plain string taken as the dataset's language
 * `lang`, and `en` always present: the English text, else the text in `lang` (so a reader of any language sees one).
 */
export function localizedText(text: TextInput, lang: Lang): Localized {
  if (typeof text === 'string') return lang === 'en' ? { en: text } : { en: text, [lang]: text };
  const out: Partial<Record<Lang, string>> = {};
  for (const l of LANGS) {
    const v = text[l];
    if (typeof v === 'string') out[l] = v;
  }
  out.en ??= out[lang] ?? LANGS.map((l) => out[l]).find((v) => v !== undefined) ?? '';
  return out as Localized;
}

/**
 * A record whose `fields` are read as one string each: a string stays (no copy when every field is one), texts by
 * language become their `en` text (see localizedText), the whole kept in `i18n` for the languages beside it.
 */
function withTexts<T extends object>(rec: T, fields: readonly string[], lang: Lang): T {
  const r = rec as Record<string, unknown>;
  if (fields.every((f) => typeof r[f] !== 'object' || r[f] === null)) return rec;
  const out: Record<string, unknown> = { ...r };
  const i18n: Record<string, Localized> = { ...(r.i18n as Record<string, Localized> | undefined) };
  for (const f of fields) {
    if (typeof r[f] !== 'object' || r[f] === null) continue;
    i18n[f] = localizedText(r[f] as TextInput, lang);
    out[f] = i18n[f].en;
  }
  out.i18n = i18n;
  return out as T;
}

/**
 * The files' records in the shape the app reads: text fields that may be written as a string or as texts by language
 * become one string (titles, summaries, actor names, captions) or texts by language (place names, theme labels);
 * `meta.lang` and `meta.languages` get their defaults. Idempotent. Both the validated and the trusted load use it.
 */
export function normalizeCollections(input: DatasetInput): RawCollections {
  const lang: Lang = input.meta.lang ?? 'en';
  const meta = withTexts({ ...input.meta, lang, languages: input.meta.languages ?? [lang] }, ['title', 'description'], lang) as Meta;
  const cast = <T>(v: unknown) => v as T;
  return {
    meta,
    places: input.places.map((p) => ({ ...p, name: localizedText(p.name, lang) })),
    events: cast(input.events.map((e) => withTexts(e, ['title', 'summary'], lang))),
    initiatives: cast(input.initiatives.map((i) => withTexts(i, ['title', 'summary'], lang))),
    themes: input.themes.map((t) => ({ ...t, label: localizedText(t.label, lang) })),
    actors: cast(input.actors.map((a) => withTexts(a, ['name'], lang))),
    sources: input.sources,
    stories: cast(input.stories.map((s) => ({ ...withTexts(s, ['title'], lang), steps: s.steps.map((st) => withTexts(st, ['caption'], lang)) }))),
  };
}

/**
 * A dataset from file texts already in hand (an import kept in this browser): parsed and validated in full, with the
 * same issues as a served folder (file, record, field).
 */
export async function datasetFromTexts(name: string, texts: Record<string, string>): Promise<Dataset> {
  const files: Record<string, unknown> = {};
  const issues: DatasetIssue[] = [];
  for (const f of ALL_DATASET_FILES) {
    const t = texts[f];
    if (t === undefined) continue;
    try {
      files[f] = JSON.parse(t);
    } catch (err) {
      issues.push(notJsonIssue(f, err));
    }
  }
  if (issues.length) throw new DatasetLoadError(issues);
  const { validateDataset } = await validatorChunk();
  const result = validateDataset(files);
  if (!result.ok) throw new DatasetLoadError(result.issues);
  return build(name, result.data);
}
