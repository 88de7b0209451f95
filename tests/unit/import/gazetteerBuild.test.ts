// scripts/build/gazetteer.ts: GeoNames lines reduced to the compact rows the importer indexes.
import { describe, expect, it } from 'vitest';
import { reduceGeonames } from '../../../scripts/build/gazetteer';
import { gazetteerFrom, lookupCity } from '../../../src/lib/import/gazetteer';

/** A GeoNames cities line: id, name, ascii, alternates, lat, lon, class, code, country, …, population (column 15). */
function line(name: string, ascii: string, alternates: string[], lat: number, lon: number, country: string, population: number): string {
  const f = Array<string>(19).fill('');
  Object.assign(f, {
    0: '1',
    1: name,
    2: ascii,
    3: alternates.join(','),
    4: String(lat),
    5: String(lon),
    6: 'P',
    7: 'PPL',
    8: country,
    14: String(population),
  });
  return f.join('\t');
}

const TEXT = [
  line(
    'Ahmedabad',
    'Ahmedabad',
    ['Amdavad', 'amadavada', 'Ahmedabad - અમદાવાદ', 'अमदावाद', 'अहमदाबाद', 'અમદાવાદ', 'アフマダーバード', '艾哈迈达巴德'],
    23.025793,
    72.587265,
    'IN',
    3719710,
  ),
  line('Sendai', 'Sendai', ['Sendai-shi', 'xian tai', '仙台', 'せんだい', '仙台市'], 38.26667, 140.86667, 'JP', 1063103),
  line('Zürich', 'Zurich', ['Zurigo', 'Zurich'], 47.36667, 8.55, 'CH', 341730),
  line('Smallville', 'Smallville', ['Petiteville'], 1, 2, 'US', 20000),
  line('Hamlet', 'Hamlet', [], 3, 4, 'US', 900),
].join('\n');

describe('reduceGeonames', () => {
  const data = reduceGeonames(TEXT, 15_000);

  it('keeps cities of the threshold and more, largest first', () => {
    expect(data.cities.map((c) => c[0])).toEqual(['Ahmedabad', 'Sendai', 'Zürich', 'Smallville']);
    expect(data).toMatchObject({ format: 1, licence: 'CC BY 4.0', minPopulation: 15_000 });
  });

  it('sorts names by script into ja, hi and gu, the likeliest label first', () => {
    const [, ascii, ja, hi, gu, other, lat, lon, country, population] = data.cities[0];
    expect(ascii).toBe(0);
    expect(ja.split('|')[0]).toBe('アフマダーバード');
    expect(hi.split('|')).toEqual(['अहमदाबाद', 'अमदावाद']);
    expect(gu).toBe('અમદાવાદ');
    expect(other).toBe('Amdavad');
    expect([lat, lon, country, population]).toEqual([23.0258, 72.5873, 'IN', 3719710]);
  });

  it('takes the kanji name of a Japanese city as its ja label', () => {
    expect(data.cities[1][2].split('|')[0]).toBe('仙台');
    expect(data.cities[1][5]).toBe('Sendai-shi');
  });

  it('keeps other Latin names only for larger cities, and ASCII names that differ', () => {
    expect(data.cities[2][1]).toBe('Zurich');
    expect(data.cities[2][5]).toBe('Zurigo');
    expect(data.cities[3][5]).toBe('');
  });

  it('is what the lookup reads', () => {
    const g = gazetteerFrom(data);
    const m = lookupCity(g, 'amdavad');
    expect(m.kind === 'city' && m.city.names).toEqual({ en: 'Ahmedabad', ja: 'アフマダーバード', hi: 'अहमदाबाद', gu: 'અમદાવાદ' });
    expect(lookupCity(g, 'ZURICH').kind).toBe('city');
  });
});
