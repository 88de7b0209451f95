// Validates raw dataset files (already JSON-parsed) into typed collections, or a list of errors that
// each name the file, the record (id or index), the field and what was expected.
import type { z } from 'zod';
import { collectionSchemas, metaSchema, optionalCollectionSchemas } from './schema.ts';
import type { DatasetInput, TextInput } from './schema.ts';
import { DateParseError, parseDate, type DateSpan } from './dates.ts';
import './datesFull.ts'; // every EDTF form, for the date checks below
import { collections, type DatasetIssue, type RawCollections } from './datasetFiles.ts';
import { normalizeCollections } from './loadDataset.ts';
import type { Lang } from './types.ts';

export { formatIssue, type DatasetIssue, type RawCollections } from './datasetFiles.ts';

export const REQUIRED_FILES = ['meta.json', ...Object.keys(collectionSchemas)] as const;
export const OPTIONAL_FILES = Object.keys(optionalCollectionSchemas);

function recordLabel(data: unknown, index: number): string {
  const rec = Array.isArray(data) ? data[index] : undefined;
  const id = rec && typeof rec === 'object' && 'id' in rec ? (rec as { id: unknown }).id : undefined;
  return typeof id === 'string' && id ? `"${id}" (#${index})` : `#${index}`;
}

function zodIssues(file: string, data: unknown, error: z.ZodError, isArray: boolean): DatasetIssue[] {
  return error.issues.map((issue) => {
    const path = [...issue.path];
    let record = '';
    if (isArray && typeof path[0] === 'number') record = recordLabel(data, path.shift() as number);
    let message = issue.message;
    if (issue.code === 'invalid_type') message = `expected ${issue.expected}${'input' in issue && issue.input === undefined ? ', but it is missing' : ''}`;
    if (issue.code === 'invalid_value' && 'values' in issue) message = `expected one of ${(issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    if (issue.code === 'unrecognized_keys') message = `unknown field(s) ${issue.keys.join(', ')}`;
    if (issue.code === 'invalid_format' && issue.format === 'url') {
      const value = issue.path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), data);
      message = `${JSON.stringify(String(value).slice(0, 60))} is not an http or https address (other schemes are refused)`;
    }
    return { file, record, field: path.join('.'), message };
  });
}

/**
 * Checks every file against its schema, then the dataset as a whole: texts in the languages it promises, unique ids,
 * references, EDTF dates, spans that end before they start. `files` maps a file name to its parsed JSON (undefined if
 * the file is missing). The data it returns is normalised (normalizeCollections).
 */
export function validateDataset(files: Record<string, unknown>): { ok: true; data: RawCollections } | { ok: false; issues: DatasetIssue[] } {
  const issues: DatasetIssue[] = [];
  const out: Record<string, unknown> = {};

  for (const name of REQUIRED_FILES) {
    if (files[name] === undefined) {
      issues.push({ file: name, record: '', field: '', message: 'the file is missing' });
      continue;
    }
    const schema = name === 'meta.json' ? metaSchema : collectionSchemas[name as keyof typeof collectionSchemas];
    const result = schema.safeParse(files[name]);
    if (result.success) out[name] = result.data;
    else issues.push(...zodIssues(name, files[name], result.error, name !== 'meta.json'));
  }
  for (const name of OPTIONAL_FILES) {
    if (files[name] === undefined) {
      out[name] = [];
      continue;
    }
    const result = optionalCollectionSchemas[name as keyof typeof optionalCollectionSchemas].safeParse(files[name]);
    if (result.success) out[name] = result.data;
    else issues.push(...zodIssues(name, files[name], result.error, true));
  }
  if (issues.length) return { ok: false, issues };

  const input = collections(out) as unknown as DatasetInput;
  issues.push(...textIssues(input));
  const data = normalizeCollections(input);
  issues.push(...integrityIssues(data));
  return issues.length ? { ok: false, issues } : { ok: true, data };
}

/** A date's span, or null where it does not parse (the date checks report that). */
function spanOrNull(text: string): DateSpan | null {
  try {
    return parseDate(text);
  } catch {
    return null;
  }
}

type Collection = Exclude<keyof RawCollections, 'meta'>;
const FILE_OF: Record<Collection, string> = {
  places: 'places.json', events: 'events.json', initiatives: 'initiatives.json', themes: 'themes.json',
  actors: 'actors.json', sources: 'sources.json', stories: 'stories.json',
};

/**
 * Texts by language must hold one in the dataset's language (`meta.lang`, what a plain string is in), and place names
 * and theme labels one in every language `meta.languages` promises, or null where it is missing on purpose.
 */
function textIssues(data: DatasetInput): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const lang: Lang = data.meta.lang ?? 'en';
  const promised = data.meta.languages ?? [lang];
  if (!promised.includes(lang)) issues.push({ file: 'meta.json', record: '', field: 'languages', message: `must include the dataset's own language "${lang}" (meta.lang)` });
  const check = (file: string, record: string, field: string, text: TextInput | undefined, complete: boolean) => {
    if (text === undefined) return;
    const has = (l: Lang) => (typeof text === 'string' ? l === lang : text[l] !== undefined);
    if (typeof text !== 'string' && typeof text[lang] !== 'string') {
      issues.push({ file, record, field: `${field}.${lang}`, message: `expected a text in the dataset's language "${lang}" (meta.lang)` });
    }
    if (!complete) return;
    const missing = promised.filter((l) => !has(l) && !(typeof text !== 'string' && l === lang));
    if (missing.length) {
      issues.push({ file, record, field: typeof text === 'string' ? field : `${field}.${missing[0]}`, message: `missing in ${missing.join(', ')}: meta.languages promises ${promised.join(', ')} (write null where one is missing on purpose)` });
    }
  };
  const label = (rec: { id: string }, i: number) => `"${rec.id}" (#${i})`;
  check('meta.json', '', 'title', data.meta.title, false);
  check('meta.json', '', 'description', data.meta.description, false);
  data.places.forEach((p, i) => check('places.json', label(p, i), 'name', p.name, true));
  data.themes.forEach((t, i) => check('themes.json', label(t, i), 'label', t.label, true));
  data.events.forEach((e, i) => (check('events.json', label(e, i), 'title', e.title, false), check('events.json', label(e, i), 'summary', e.summary, false)));
  data.initiatives.forEach((e, i) => (check('initiatives.json', label(e, i), 'title', e.title, false), check('initiatives.json', label(e, i), 'summary', e.summary, false)));
  data.actors.forEach((a, i) => check('actors.json', label(a, i), 'name', a.name, false));
  data.stories.forEach((s, i) => {
    check('stories.json', label(s, i), 'title', s.title, false);
    s.steps.forEach((st, j) => check('stories.json', label(s, i), `steps.${j}.caption`, st.caption, false));
  });
  return issues;
}

function integrityIssues(data: RawCollections): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const idSets = {} as Record<Collection, Set<string>>;
  for (const key of Object.keys(FILE_OF) as Collection[]) {
    const seen = new Set<string>();
    (data[key] as { id: string }[]).forEach((rec, i) => {
      if (seen.has(rec.id)) issues.push({ file: FILE_OF[key], record: `"${rec.id}" (#${i})`, field: 'id', message: `duplicate id "${rec.id}"` });
      seen.add(rec.id);
    });
    idSets[key] = seen;
  }
  const selectable = new Set<string>();
  // `sel=` in the URL names a record by id alone, so ids must be unique across the selectable collections.
  for (const key of ['events', 'places', 'initiatives'] as const) {
    data[key].forEach((rec, i) => {
      if (selectable.has(rec.id) && !data[key].slice(0, i).some((r) => r.id === rec.id)) {
        issues.push({ file: FILE_OF[key], record: `"${rec.id}" (#${i})`, field: 'id', message: `"${rec.id}" is already the id of another event, place or initiative` });
      }
      selectable.add(rec.id);
    });
  }

  const check = (key: Collection, refs: Record<string, Collection | 'selectable'>, dates: string[] = []) => {
    (data[key] as Record<string, unknown>[]).forEach((rec, i) => {
      const record = `"${rec.id}" (#${i})`;
      for (const [field, target] of Object.entries(refs)) {
        const value = rec[field];
        const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
        list.forEach((ref, j) => {
          const set = target === 'selectable' ? selectable : idSets[target];
          if (!set.has(ref as string)) {
            issues.push({ file: FILE_OF[key], record, field: Array.isArray(value) ? `${field}.${j}` : field, message: `"${ref}" is not an id in ${target === 'selectable' ? 'events, places or initiatives' : FILE_OF[target]}` });
          }
        });
      }
      for (const field of dates) {
        const value = rec[field];
        if (typeof value !== 'string') continue;
        try {
          parseDate(value);
        } catch (err) {
          if (!(err instanceof DateParseError)) throw err;
          issues.push({ file: FILE_OF[key], record, field, message: err.message });
        }
      }
    });
  };
  check('places', { sources: 'sources', via: 'places', partOf: 'places' });
  check('events', { themes: 'themes', actors: 'actors', places: 'places', initiatives: 'initiatives', sources: 'sources' }, ['date']);
  check('initiatives', { themes: 'themes', places: 'places', milestones: 'events', sources: 'sources' }, ['start', 'end']);
  data.initiatives.forEach((rec, i) => {
    const start = spanOrNull(rec.start), end = rec.end === undefined ? null : spanOrNull(rec.end);
    if (start && end && end.max < start.min) {
      issues.push({ file: 'initiatives.json', record: `"${rec.id}" (#${i})`, field: 'end', message: `ends (${rec.end}) before it starts (${rec.start})` });
    }
  });
  check('actors', { sources: 'sources' });
  check('sources', {}, ['date']);
  check('stories', { sources: 'sources' });
  data.stories.forEach((story, i) =>
    story.steps.forEach((step, j) => {
      if (step.select && !selectable.has(step.select)) {
        issues.push({ file: 'stories.json', record: `"${story.id}" (#${i})`, field: `steps.${j}.select`, message: `"${step.select}" is not an id in events, places or initiatives` });
      }
    }),
  );
  return issues;
}
