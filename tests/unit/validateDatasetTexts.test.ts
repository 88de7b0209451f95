// Text fields written as a string or as texts by language, the languages a dataset promises, and the other schema
// additions for imported data (DESIGN "Rules that settle the open issues": data model).
import { describe, expect, it } from 'vitest';
import { validateDataset, type DatasetIssue } from '../../src/lib/model/validateDataset';
import { localizedText, normalizeCollections } from '../../src/lib/model/loadDataset';
import type { DatasetInput } from '../../src/lib/model/schema';
import { readDatasetFiles } from './realDataset';

type Mutate = (files: Record<string, any>) => void;

function validate(mutate: Mutate) {
  const files = readDatasetFiles();
  mutate(files);
  return validateDataset(files);
}
const issuesOf = (mutate: Mutate): DatasetIssue[] => {
  const r = validate(mutate);
  return r.ok ? [] : r.issues;
};
const onlyEnglish: Mutate = (f) => (f['meta.json'].languages = ['en']);
/** Promises `langs`, every place name and theme label keeping its text in each where it has one, else null. */
const promise = (f: Record<string, any>, langs: string[]) => {
  f['meta.json'].languages = langs;
  const fill = (t: Record<string, string | null>) => Object.fromEntries(langs.map((l) => [l, t[l] ?? null]));
  for (const p of f['places.json']) p.name = fill(p.name);
  for (const t of f['themes.json']) t.label = fill(t.label);
};

describe('localizedText', () => {
  it.each([
    ['Tokyo', 'en', { en: 'Tokyo' }],
    ['東京', 'ja', { en: '東京', ja: '東京' }],
    [{ en: 'Tokyo', ja: '東京', hi: null }, 'en', { en: 'Tokyo', ja: '東京' }],
    [{ en: null, ja: '東京' }, 'ja', { en: '東京', ja: '東京' }],
    [{ gu: 'સુરત' }, 'en', { en: 'સુરત', gu: 'સુરત' }],
  ] as const)('%j in a dataset in %s → %j', (text, lang, expected) => {
    expect(localizedText(text as never, lang)).toEqual(expected);
  });
});

describe('text fields', () => {
  it('accept a plain string for a place name, read as English texts by language', () => {
    const r = validate((f) => (onlyEnglish(f), (f['places.json'][0].name = 'Tokyo')));
    expect(r.ok && r.data.places[0].name).toEqual({ en: 'Tokyo' });
  });

  it('read a title given by language as its English text, keeping the others in i18n', () => {
    const r = validate((f) => (f['events.json'][0].title = { en: 'Partnership declared', ja: 'パートナーシップ宣言' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.events[0].title).toBe('Partnership declared');
    expect(r.data.events[0].i18n?.title).toEqual({ en: 'Partnership declared', ja: 'パートナーシップ宣言' });
  });

  it('read every text of a dataset in Japanese as Japanese, with that text also standing in for English', () => {
    const r = validate((f) => {
      Object.assign(f['meta.json'], { lang: 'ja', languages: ['ja'], title: '日印協力' });
      for (const p of f['places.json']) p.name = p.name.ja ?? p.name.en;
      for (const t of f['themes.json']) t.label = t.label.ja ?? t.label.en;
      f['events.json'][0].title = '特別戦略的グローバル・パートナーシップ';
      f['themes.json'][0].label = '人工知能';
      f['places.json'][0].name = { ja: '東京', en: 'Tokyo' };
    });
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (!r.ok) return;
    expect(r.data.meta).toMatchObject({ lang: 'ja', languages: ['ja'], title: '日印協力' });
    expect(r.data.events[0].title).toBe('特別戦略的グローバル・パートナーシップ');
    expect(r.data.themes[0].label).toEqual({ en: '人工知能', ja: '人工知能' });
    expect(r.data.places[0].name).toEqual({ en: 'Tokyo', ja: '東京' });
  });

  it('allow an empty summary but not an empty title', () => {
    expect(issuesOf((f) => (f['events.json'][0].summary = ''))).toEqual([]);
    expect(issuesOf((f) => (f['events.json'][0].title = ''))).toEqual([expect.objectContaining({ file: 'events.json', field: 'title' })]);
  });

  it.each<[string, Mutate, Partial<DatasetIssue>]>([
    ['a place name missing a promised language', (f) => (f['meta.json'].languages = ['en', 'ja'], (f['places.json'][0].name = { en: 'Tokyo' })), { file: 'places.json', field: 'name.ja' }],
    ['a plain-string theme label where four languages are promised', (f) => (f['meta.json'].languages = ['en', 'ja', 'hi', 'gu'], (f['themes.json'][0].label = 'AI')), { file: 'themes.json', field: 'label' }],
    ['texts by language without the dataset\'s own language', (f) => (f['events.json'][0].title = { ja: 'パートナーシップ' }), { file: 'events.json', field: 'title.en' }],
    ['a null in the dataset\'s own language', (f) => (onlyEnglish(f), (f['places.json'][0].name = { en: null, ja: '東京' })), { file: 'places.json', field: 'name.en' }],
    ['a language the atlas does not have', (f) => (f['events.json'][0].title = { en: 'x', fr: 'y' }), { file: 'events.json', field: 'title' }],
    ['texts by language with no text at all', (f) => (f['events.json'][0].title = { en: null }), { file: 'events.json', field: 'title' }],
    ['a text that is a number', (f) => (f['actors.json'][0].name = 5), { file: 'actors.json', field: 'name' }],
    ['meta.languages without the dataset\'s language', (f) => (f['meta.json'].languages = ['ja']), { file: 'meta.json', field: 'languages' }],
    ['a news source without an outlet', (f) => delete f['sources.json'][3].outlet, { file: 'sources.json', field: 'outlet' }],
  ])('refuse %s, naming file, record and field', (_name, mutate, expected) => {
    const issues = issuesOf(mutate);
    expect(issues).toEqual(expect.arrayContaining([expect.objectContaining(expected)]));
    for (const i of issues) expect(i.message.length).toBeGreaterThan(10);
  });

  it('accept a name marked missing on purpose (null) in a promised language', () => {
    expect(issuesOf((f) => (promise(f, ['en', 'ja']), (f['places.json'][0].name = { en: 'Tokyo', ja: null })))).toEqual([]);
  });
});

describe('imported data and optional fields', () => {
  it('accept an imported file as a source, imported records, and a story step without a view', () => {
    const r = validate((f) => {
      f['sources.json'].push({ id: 'import-1', kind: 'imported-file', title: 'timeline.csv', date: '2026-12-01' });
      f['sources.json'].push({ id: 'undated', kind: 'news', outlet: 'Some paper', title: 'A report', supports: 'Something.' });
      Object.assign(f['events.json'][0], { confidence: 'imported', summary: '', sources: ['import-1'] });
      delete f['stories.json'][0].steps[0].view;
    });
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('normalises idempotently, and the default language and languages are filled in', () => {
    const r = validate(() => {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(normalizeCollections(r.data as unknown as DatasetInput)).toEqual(r.data);
    const bare = validate((f) => {
      delete f['meta.json'].lang;
      delete f['meta.json'].languages;
      for (const p of f['places.json']) p.name = p.name.en;
      for (const t of f['themes.json']) t.label = t.label.en;
    });
    expect(bare.ok && bare.data.meta).toMatchObject({ lang: 'en', languages: ['en'] });
  });
});
