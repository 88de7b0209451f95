// World cities (GeoNames, reduced at build time by scripts/build/gazetteer.ts) indexed by folded name, and the
// lookup that takes a city only when it is certain: one match, or one far more populous than the rest (said in the report).
import { foldName } from './foldName.ts';
import type { GazetteerCandidate } from './importTypes.ts';

/** [name, ascii name or 0 when the same, ja, hi, gu, other names ("|"-separated, "" for none), lat, lon, country, population] */
export type GazetteerRow = [string, string | 0, string, string, string, string, number, number, string, number];

export interface GazetteerData {
  format: 1;
  /** Who to credit, as the licence asks. */
  attribution: string;
  licence: string;
  minPopulation: number;
  cities: GazetteerRow[];
}

export interface Gazetteer {
  data: GazetteerData;
  /** Folded name or ASCII name → row indexes. */
  index: Map<string, number[]>;
  /** Folded other names (other languages, older names) → row indexes: asked only when no city has the name itself. */
  alternates: Map<string, number[]>;
}

export interface GazetteerCity extends GazetteerCandidate {
  /** Labels by language where GeoNames has them (ja, hi and gu told apart by script). */
  names: { en: string; ja?: string; hi?: string; gu?: string };
}

export type CityMatch =
  | { kind: 'city'; city: GazetteerCity; /** Set when other cities share the name and this one was taken for its size. */ over?: GazetteerCity[] }
  | { kind: 'ambiguous'; candidates: GazetteerCity[] }
  | { kind: 'unknown' };

/** A clear winner has at least this many times the people of the next city of the same name. */
export const CLEAR_WINNER_RATIO = 10;

export function gazetteerFrom(data: GazetteerData): Gazetteer {
  if (!data || data.format !== 1 || !Array.isArray(data.cities)) throw new Error('not a gazetteer file (format 1)');
  const index = new Map<string, number[]>();
  const alternates = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, name: string, i: number) => {
    const key = foldName(name);
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  data.cities.forEach((row, i) => {
    add(index, row[0], i);
    if (row[1]) add(index, row[1], i);
    for (const col of [2, 3, 4, 5] as const) if (row[col]) for (const n of (row[col] as string).split('|')) add(alternates, n, i);
  });
  return { data, index, alternates };
}

export function gazetteerCity(g: Gazetteer, i: number): GazetteerCity {
  const r = g.data.cities[i];
  const first = (s: string) => (s ? s.split('|')[0] : undefined);
  const names: GazetteerCity['names'] = { en: r[0] };
  const ja = first(r[2]),
    hi = first(r[3]),
    gu = first(r[4]);
  if (ja) names.ja = ja;
  if (hi) names.hi = hi;
  if (gu) names.gu = gu;
  return { name: r[0], names, lat: r[6], lon: r[7], country: r[8], population: r[9] };
}

/**
 * The city a name means, if certain; `country` (ISO alpha-2) narrows the candidates. Cities whose own name it is come
 * first: other names are asked only when none has it ("New Delhi" is New Delhi, though Delhi is also called so;
 * "Bombay" is Mumbai).
 */
export function lookupCity(g: Gazetteer, name: string, country?: string): CityMatch {
  const key = foldName(name);
  const find = (map: Map<string, number[]>) => {
    const hits = (map.get(key) ?? []).map((i) => gazetteerCity(g, i));
    return country ? hits.filter((c) => c.country === country) : hits;
  };
  let hits = find(g.index);
  if (!hits.length) hits = find(g.alternates);
  if (!hits.length) return { kind: 'unknown' };
  hits.sort((a, b) => b.population - a.population);
  if (hits.length === 1) return { kind: 'city', city: hits[0] };
  if (hits[0].population >= CLEAR_WINNER_RATIO * Math.max(1, hits[1].population)) return { kind: 'city', city: hits[0], over: hits.slice(1) };
  return { kind: 'ambiguous', candidates: hits.slice(0, 8) };
}
