// Places from names: the dataset's own places first, then the gazetteer, folded for case, accents and NFKC; ambiguous
// and unknown names listed for the user, a clear winner taken only with a note; the user's choices resolve names.
import { describe, expect, it } from 'vitest';
import { countryCode, splitCountryHint } from '../../../src/lib/import/countryCode';
import { foldName } from '../../../src/lib/import/foldName';
import { lookupCity } from '../../../src/lib/import/gazetteer';
import { importAtlasCsv, importFiles, importWithGazetteer, needsGazetteer } from '../../../src/lib/import/importFiles';
import { DAY, expectValid, smallGazetteer } from './importHelpers';

const csv = (...places: string[]) => ['date,title,place', ...places.map((p, i) => `2020,Event ${i + 1},"${p}"`)].join('\n');

describe('foldName', () => {
  it.each([
    ['Tokyo', 'TOKYO'],
    ['Tokyo', 'ＴＯＫＹＯ'],
    ['São Paulo', 'Sao Paulo'],
    ['Zürich', 'zurich'],
    ['Kōbe', 'Kobe'],
    ["Xi'an", 'Xian'],
    ['Saint-Denis', 'saint denis'],
    ['東京', '東京'],
    ['ｶﾞ', 'ガ'],
  ])('%j and %j fold alike', (a, b) => expect(foldName(a)).toBe(foldName(b)));

  it('keeps the marks of Indic scripts, which are letters there', () => {
    expect(foldName('अहमदाबाद')).not.toBe(foldName('अहमदबद'));
  });
});

describe('lookupCity', () => {
  const g = smallGazetteer();
  it.each([
    ['tokyo', undefined, 'Tokyo', false],
    ['東京', undefined, 'Tokyo', false],
    ['Tokio', undefined, 'Tokyo', false],
    ['BOMBAY', undefined, 'Mumbai', false],
    ['Sao Paulo', undefined, 'São Paulo', false],
    ['zurich', undefined, 'Zürich', false],
    ['New Delhi', undefined, 'New Delhi', false],
    ['Delhi', undefined, 'Delhi', false],
    ['Paris', undefined, 'Paris', true],
    ['Hyderabad', 'PK', 'Hyderabad', false],
    ['અમદાવાદ', undefined, 'Ahmedabad', false],
  ])('%j (%s) → %s', (name, country, city, winner) => {
    const m = lookupCity(g, name, country);
    expect(m.kind).toBe('city');
    if (m.kind !== 'city') return;
    expect(m.city.name).toBe(city);
    expect(Boolean(m.over)).toBe(winner);
  });

  it.each([
    ['Hyderabad', 'ambiguous'],
    ['Springfield', 'ambiguous'],
    ['Atlantis', 'unknown'],
  ])('%j is %s', (name, kind) => expect(lookupCity(g, name).kind).toBe(kind));
});

describe('country hints', () => {
  it.each([
    ['Hyderabad, Pakistan', { name: 'Hyderabad', country: 'PK' }],
    ['Hyderabad (IN)', { name: 'Hyderabad', country: 'IN' }],
    ['Portland, United States', { name: 'Portland', country: 'US' }],
    ['Washington, D.C.', { name: 'Washington, D.C.' }],
    ['Kobe', { name: 'Kobe' }],
  ])('%j → %j', (text, hint) => expect(splitCountryHint(text)).toEqual(hint));

  it.each([
    ['JP', 'JP'],
    ['japan', 'JP'],
    ['UK', 'GB'],
    ['Narnia', undefined],
  ])('country %j → %j', (word, code) => expect(countryCode(word)).toBe(code));
});

describe('places by name in an import', () => {
  it('lists names as waiting for the gazetteer when it is not loaded, and loads it only then', async () => {
    const text = csv('Tokyo');
    const without = importAtlasCsv('a.csv', text, { importDay: DAY });
    expect(needsGazetteer(without)).toBe(true);
    expect(without.report.unresolvedPlaces[0]).toMatchObject({ name: 'Tokyo', reason: 'gazetteer-not-loaded', record: 'row 2', field: 'place' });
    expect(without.report.needingPlace[0]).toMatchObject({ record: 'row 2', placeName: 'Tokyo' });

    let loads = 0;
    const loadGazetteer = async () => {
      loads++;
      return smallGazetteer();
    };
    const withIt = await importWithGazetteer([{ name: 'a.csv', text }], { importDay: DAY, loadGazetteer });
    expect(loads).toBe(1);
    expect(withIt.dataset.places[0]).toMatchObject({ id: 'tokyo', kind: 'city', country: 'JP', name: { en: 'Tokyo', ja: '東京', hi: 'टोक्यो' } });
    expectValid(withIt);

    const located = await importWithGazetteer([{ name: 'b.csv', text: 'date,title,lat,lon\n2020,x,1,2' }], { importDay: DAY, loadGazetteer });
    expect(located.dataset.places).toHaveLength(1);
    expect(loads).toBe(1);
  });

  it('never guesses an ambiguous or unknown name: it lists it with the candidates', () => {
    const r = importAtlasCsv('a.csv', csv('Hyderabad', 'Atlantis', 'Hyderabad'), { importDay: DAY, gazetteer: smallGazetteer() });
    expect(r.dataset.places).toEqual([]);
    expect(r.report.unresolvedPlaces).toEqual([
      expect.objectContaining({
        name: 'Hyderabad',
        key: 'hyderabad',
        reason: 'ambiguous',
        uses: 2,
        candidates: [expect.objectContaining({ country: 'IN' }), expect.objectContaining({ country: 'PK' })],
      }),
      expect.objectContaining({ name: 'Atlantis', reason: 'unknown', uses: 1, candidates: [] }),
    ]);
    expect(r.report.needingPlace).toHaveLength(3);
    expectValid(r);
  });

  it('takes a clear winner by population, and says so in the report', () => {
    const r = importAtlasCsv('a.csv', csv('Paris'), { importDay: DAY, gazetteer: smallGazetteer() });
    expect(r.dataset.places[0]).toMatchObject({ country: 'FR' });
    expect(r.report.notes).toContainEqual(expect.objectContaining({ code: 'place-clear-winner', record: 'row 2', field: 'place' }));
    expect(r.report.notes[0].message).toContain('Paris, FR');
  });

  it('resolves names with the user’s choices', () => {
    const r = importFiles([{ name: 'a.csv', text: csv('Hyderabad') }], {
      importDay: DAY,
      gazetteer: smallGazetteer(),
      placeChoices: { hyderabad: { lon: 68.3737, lat: 25.3924, country: 'PK' } },
    });
    expect(r.report.unresolvedPlaces).toEqual([]);
    expect(r.dataset.places[0]).toMatchObject({ name: 'Hyderabad', country: 'PK', geometry: { coordinates: [68.3737, 25.3924] } });
    expectValid(r);
  });

  it('shares one place between files and rows that name the same city', () => {
    const r = importFiles(
      [
        { name: 'a.csv', text: csv('Tokyo', 'TOKYO') },
        { name: 'b.csv', text: csv('東京') },
      ],
      { importDay: DAY, gazetteer: smallGazetteer() },
    );
    expect(r.dataset.places).toHaveLength(1);
    expect(new Set(r.dataset.events.map((e) => e.places[0]))).toEqual(new Set(['tokyo']));
    expect(r.dataset.sources).toHaveLength(2);
    expect(new Set(r.dataset.events.map((e) => e.id)).size).toBe(3);
    expectValid(r);
  });
});
