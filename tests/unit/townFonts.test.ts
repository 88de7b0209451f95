// The label font build with a towns file: town names' Latin and Indic letters join the label files, their Japanese
// characters that no label uses go into files of their own (TOWN_FONT), so that the files a first load fetches do
// not grow with the kanji of Japan's towns.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFonts, fontCodepoints, inRanges, parseUnicodeRanges, type BuildFontsResult } from '../../scripts/build-fonts.ts';
import { TOWN_FONT } from '../../src/lib/map/style';

const places = [{ id: 'tokyo', name: { en: 'Tokyo', ja: '東京', hi: 'टोक्यो', gu: 'ટોક્યો' } }];
const town = (name: string, more: Record<string, string> = {}) => ({ type: 'Feature', properties: { name, pop: 1e6, rank: 0, ...more }, geometry: { type: 'Point', coordinates: [0, 0] } });
const towns = { type: 'FeatureCollection', features: [town('Gifu', { ja: '岐阜' }), town('Tokyo', { ja: '東京' }), town('Jhagadia', { hi: 'झगड़िया', gu: 'ઝઘડિયા' })] };

let dir: string;
let withTowns: BuildFontsResult, without: BuildFontsResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-town-fonts-'));
  mkdirSync(join(dir, 'data', 'test'), { recursive: true });
  writeFileSync(join(dir, 'data', 'test', 'places.json'), JSON.stringify(places));
  mkdirSync(join(dir, 'public', 'basemap'), { recursive: true });
  writeFileSync(join(dir, 'public', 'basemap', 'towns.json'), JSON.stringify(towns));
  without = await buildFonts({ root: dir, townsFile: null, outDir: 'public/fonts-without', manifestPath: null, log: () => {} });
  withTowns = await buildFonts({ root: dir, log: () => {} });
}, 120_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const claiming = (r: BuildFontsResult, fontName: string, ch: string) =>
  (r.faces[fontName] ?? []).filter((f) => inRanges(parseUnicodeRanges(f.unicodeRange), ch.codePointAt(0)!)).map((f) => f.file);

describe('the label fonts with towns', () => {
  it('draws the kanji only towns use from town files, after the regular name, each file holding what it claims', async () => {
    expect(Object.keys(without.faces)).not.toContain(TOWN_FONT);
    expect(Object.keys(withTowns.faces)).toEqual(['Noto Sans Regular', 'Noto Sans Bold', TOWN_FONT]);
    for (const ch of ['岐', '阜']) {
      expect(claiming(withTowns, 'Noto Sans Regular', ch)).toEqual([]);
      const [file] = claiming(withTowns, TOWN_FONT, ch);
      expect(file).toMatch(/^fonts\/noto-sans-jp-towns-\d+-400\.woff2$/);
      expect((await fontCodepoints(readFileSync(join(dir, 'public', file)))).has(ch.codePointAt(0)!)).toBe(true);
    }
    // 東 and 京 are a place's: the regular files draw them, and no town file repeats them.
    expect(claiming(withTowns, TOWN_FONT, '東')).toEqual([]);
    expect(claiming(withTowns, 'Noto Sans Regular', '東')).toHaveLength(1);
    expect(withTowns.missing).toBe('');
  });

  it('adds the towns\' Indic letters to the script files, and leaves the first-load Japanese files as they were', () => {
    for (const [ch, file] of [['ઝ', 'gujarati'], ['झ', 'devanagari']]) {
      expect(claiming(without, 'Noto Sans Regular', ch)).toEqual([]);
      expect(claiming(withTowns, 'Noto Sans Regular', ch)).toEqual([`fonts/noto-sans-${file}-400.woff2`]);
    }
    const jp = (r: BuildFontsResult) => r.files.filter((f) => /noto-sans-jp-\d/.test(f.file)).map((f) => [f.file, f.bytes]);
    expect(jp(withTowns)).toEqual(jp(without));
  });
});
