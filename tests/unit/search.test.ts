// Search: exact hits and non-hits on a small fixture, width folding, ranking of the best N, and agreement with a plain
// filter-and-sort reference on a synthetic corpus, typed a character at a time (the index keeps recent matches).
import { describe, expect, it } from 'vitest';
import { fold, search, searchIndex, searchIndexFor } from '../../src/lib/model/search';
import type { Dataset } from '../../src/lib/model/dataset';
import { generateSynthetic } from '../../scripts/gen-synthetic';
import { validateDataset } from '../../src/lib/model/validateDataset';
import { buildDataset } from '../../src/lib/model/dataset';

/** Just what search reads: places (id, names), initiatives and events (id, title, summary). */
function fixture(): Dataset {
  const place = (id: string, en: string, ja?: string) => ({ id, name: ja ? { en, ja } : { en } });
  const record = (id: string, title: string, summary: string) => ({ id, title, summary });
  return {
    places: [place('tokyo', 'Tokyo', '東京'), place('kyoto', 'Kyoto', '京都'), place('mumbai', 'Mumbai'), place('tokyo-bay', 'Tokyo Bay')],
    initiatives: [record('hsr', 'Mumbai–Ahmedabad high-speed rail', 'Shinkansen technology for the corridor.')],
    events: [
      record('summit-tokyo', 'Annual summit in Tokyo', 'Leaders met.'),
      record('rail-talks', 'Rail talks', 'Officials met in Tokyo to discuss the corridor.'),
      record('kyoto-visit', 'Visit to Kyoto', 'A cultural visit.'),
      record('fullwidth', 'ＴＯＫＹＯ ｆｏｒｕｍ', 'A forum whose title was typed full-width.'),
      record('accents', 'Tōkyō declaration', 'Signed with macrons in the title.'),
      record('mumbai-port', 'Mumbai port deal', 'A port agreement.'),
      record('tokyoite', 'Meeting of Tokyoites', 'Residents met.'),
    ],
  } as unknown as Dataset;
}

const ids = (index: ReturnType<typeof searchIndex>, q: string, limit?: number) => search(index, q, limit).map((h) => h.id);

describe('search on a fixture: exact hits, in order, and nothing else', () => {
  const index = searchIndex(fixture());
  it.each([
    // Title start (4) + place bonus (1); full-width and accented titles fold to "tokyo" too; "Tokyoites" is a word
    // start (3), "Tokyo Bay" a place (4 + 1); "Rail talks" names Tokyo only in its summary (0), last.
    ['tokyo', ['tokyo', 'tokyo-bay', 'accents', 'fullwidth', 'summit-tokyo', 'tokyoite', 'rail-talks']],
    ['ｔｏｋｙｏ', ['tokyo', 'tokyo-bay', 'accents', 'fullwidth', 'summit-tokyo', 'tokyoite', 'rail-talks']],
    ['TŌKYŌ', ['tokyo', 'tokyo-bay', 'accents', 'fullwidth', 'summit-tokyo', 'tokyoite', 'rail-talks']],
    ['東京', ['tokyo']],
    ['kyoto', ['kyoto', 'kyoto-visit']],
    ['tokyo bay', ['tokyo-bay']],
    ['corridor', ['hsr', 'rail-talks']],
    ['port', ['mumbai-port']],
    ['mumbai', ['mumbai', 'hsr', 'mumbai-port']],
    ['rail tokyo', ['rail-talks']],
    ['osaka', []],
    ['tokyo osaka', []],
  ])('%s → %j', (q, expected) => expect(ids(index, q)).toEqual(expected));

  it('an empty or blank query finds nothing', () => {
    expect(ids(index, '')).toEqual([]);
    expect(ids(index, ' \t ')).toEqual([]);
  });

  it('keeps the best N: the same order, cut after N', () => {
    const all = ids(index, 'tokyo');
    expect(ids(index, 'tokyo', 3)).toEqual(all.slice(0, 3));
    expect(ids(index, 'tokyo', 1)).toEqual(['tokyo']);
    expect(ids(index, 'tokyo', 0)).toEqual([]);
  });

  it('folds full-width letters and digits (NFKC), accents and case', () => {
    expect(fold('ｔｏｋｙｏ')).toBe('tokyo');
    expect(fold('ＴＯＫＹＯ ２０２６')).toBe('tokyo 2026');
    expect(fold('Tōkyō')).toBe('tokyo');
    expect(fold('東京')).toBe('東京');
  });

  it('returns labels and kinds with the ids', () => {
    expect(search(index, 'kyoto')).toEqual([
      { id: 'kyoto', kind: 'place', label: 'Kyoto' },
      { id: 'kyoto-visit', kind: 'event', label: 'Visit to Kyoto' },
    ]);
  });
});

describe('searchIndexFor builds the index once, when first asked', () => {
  it('returns the same index for the same dataset and another for another', () => {
    const a = fixture(),
      b = fixture();
    const ia = searchIndexFor(a);
    expect(searchIndexFor(a)).toBe(ia);
    expect(searchIndexFor(b)).not.toBe(ia);
    expect(search(ia, 'kyoto').map((h) => h.id)).toEqual(['kyoto', 'kyoto-visit']);
  });
});

describe('search agrees with a plain filter-and-sort on a synthetic corpus, typed a key at a time', () => {
  const r = validateDataset(generateSynthetic({ events: 3000, seed: 11 }) as unknown as Record<string, unknown>);
  if (!r.ok) throw new Error('synthetic data did not validate');
  const d = buildDataset('synthetic-3000', r.data);

  /** The rules written the slow, obvious way: every word in the text, scored on the title, all matches sorted. */
  function reference(q: string, limit = 12): string[] {
    const words = fold(q).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    const rows = [
      ...d.places.map((p) => ({ id: p.id, text: fold(`${Object.values(p.name).join(' ')} ${p.id}`), title: fold(p.name.en), bonus: 1 })),
      ...d.initiatives.map((i) => ({ id: i.id, text: fold(`${i.title} ${i.summary} ${i.id}`), title: fold(i.title), bonus: 1 })),
      ...d.events.map((e) => ({ id: e.id, text: fold(`${e.title} ${e.summary} ${e.id}`), title: fold(e.title), bonus: 0 })),
    ].map((row, order) => ({ ...row, order }));
    return rows
      .filter((row) => words.every((w) => row.text.includes(w)))
      .map((row) => ({
        row,
        score: row.bonus + words.reduce((s, w) => s + (row.title.startsWith(w) ? 4 : row.title.includes(` ${w}`) ? 3 : row.title.includes(w) ? 2 : 0), 0),
      }))
      .sort((a, b) => b.score - a.score || (a.row.title < b.row.title ? -1 : a.row.title > b.row.title ? 1 : a.row.order - b.row.order))
      .slice(0, limit)
      .map((x) => x.row.id);
  }

  const typed = ['annual summit', 'port', 'the parties launched', 'solar park', 'programme 1', 'e-0001', 'a', 'xyz', 'rail link in'];
  it.each(typed)('typing "%s"', (q) => {
    const index = searchIndex(d);
    for (let i = 1; i <= q.length; i++) expect(ids(index, q.slice(0, i)), q.slice(0, i)).toEqual(reference(q.slice(0, i)));
    // Backspace to the start, then a different query, on the same index (with its remembered matches).
    for (let i = q.length - 1; i >= 1; i--) expect(ids(index, q.slice(0, i)), q.slice(0, i)).toEqual(reference(q.slice(0, i)));
    expect(ids(index, 'summit port')).toEqual(reference('summit port'));
    expect(ids(index, q, 40)).toEqual(reference(q, 40));
  });

  it('finds something and not everything for ordinary words', () => {
    const index = searchIndex(d);
    const hits = search(index, 'port', 10_000).length;
    expect(hits).toBeGreaterThan(0);
    expect(hits).toBeLessThan(d.events.length);
  });
});
