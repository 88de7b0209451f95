// `npm run gen:synthetic -- --events N --seed S [--out dir]`: a valid, deterministic synthetic dataset of N events
// with the real data's structure (mixed EDTF precisions, statuses, places across the Indo-Pacific, initiatives with
// milestones), for benchmarks and tests. Written to data/synthetic-N/ by default; never committed (see .gitignore).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor, AtlasEvent, Initiative, Meta, Place, Source, Story, Theme } from '../src/lib/model/schema.ts';

export interface SyntheticOptions {
  events: number;
  seed?: string | number;
}

/** The dataset as file name → parsed JSON, the shape validateDataset takes. */
export interface SyntheticFiles {
  'meta.json': Meta;
  'places.json': Place[];
  'events.json': AtlasEvent[];
  'initiatives.json': Initiative[];
  'themes.json': Theme[];
  'actors.json': Actor[];
  'sources.json': Source[];
  'stories.json': Story[];
}

const DAY = 86_400_000;
export const SYNTHETIC_AS_OF = '2026-06-30';
const AS_OF = Date.UTC(2026, 5, 30);
const FIRST_YEAR = 2000;
const LAST_YEAR = 2030;

/** The real dataset's eight themes (ids, labels, colours), so lanes and colours look as they do in the app. */
export function realThemes(): Theme[] {
  return JSON.parse(readFileSync(new URL('../data/india-japan/themes.json', import.meta.url), 'utf8'));
}

// ---- seeded randomness (no Math.random) --------------------------------------------------------------------

/** cyrb53-style string hash → 32-bit seed. */
function hashSeed(seed: string): number {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}

/** mulberry32: small, fast, good enough for test data. */
function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: string | number) {
    this.next = mulberry32(hashSeed(String(seed)));
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Weighted choice: weights need not sum to 1. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of options) total += w;
    let r = this.next() * total;
    for (const [v, w] of options) if ((r -= w) < 0) return v;
    return options[options.length - 1][0];
  }
  /** Index in [0, n) skewed to the front (a few busy places, many quiet ones). */
  skewed(n: number, power = 2.2): number {
    return Math.min(n - 1, Math.floor(n * this.next() ** power));
  }
  gauss(): number {
    const u = 1 - this.next(), v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** k distinct items (k ≤ list.length). */
  some<T>(list: readonly T[], k: number, index: (n: number) => number = (n) => Math.floor(this.next() * n)): T[] {
    const out = new Set<T>();
    let guard = 0;
    while (out.size < Math.min(k, list.length) && guard++ < k * 20) out.add(list[index(list.length)]);
    return [...out];
  }
}

// ---- vocabulary --------------------------------------------------------------------------------------------

/** Indo-Pacific anchors that synthetic places cluster around: [name, lon, lat, ISO country]. */
const ANCHORS: [string, number, number, string][] = [
  ['Tokyo', 139.69, 35.69, 'JP'], ['Osaka', 135.5, 34.69, 'JP'], ['Fukuoka', 130.4, 33.59, 'JP'], ['Sendai', 140.87, 38.27, 'JP'],
  ['New Delhi', 77.21, 28.61, 'IN'], ['Mumbai', 72.88, 19.08, 'IN'], ['Chennai', 80.27, 13.08, 'IN'], ['Kolkata', 88.36, 22.57, 'IN'],
  ['Ahmedabad', 72.57, 23.02, 'IN'], ['Bengaluru', 77.59, 12.97, 'IN'], ['Guwahati', 91.74, 26.14, 'IN'], ['Visakhapatnam', 83.22, 17.69, 'IN'],
  ['Colombo', 79.86, 6.93, 'LK'], ['Dhaka', 90.41, 23.81, 'BD'], ['Male', 73.51, 4.18, 'MV'], ['Yangon', 96.2, 16.87, 'MM'],
  ['Bangkok', 100.5, 13.76, 'TH'], ['Hanoi', 105.85, 21.03, 'VN'], ['Ho Chi Minh City', 106.63, 10.82, 'VN'], ['Manila', 120.98, 14.6, 'PH'],
  ['Jakarta', 106.85, -6.21, 'ID'], ['Surabaya', 112.75, -7.25, 'ID'], ['Singapore', 103.82, 1.35, 'SG'], ['Kuala Lumpur', 101.69, 3.14, 'MY'],
  ['Seoul', 126.98, 37.57, 'KR'], ['Busan', 129.08, 35.18, 'KR'], ['Taipei', 121.57, 25.03, 'TW'], ['Darwin', 130.84, -12.46, 'AU'],
  ['Dubai', 55.27, 25.2, 'AE'], ['Muscat', 58.41, 23.59, 'OM'], ['Karachi', 67.01, 24.86, 'PK'], ['Djibouti', 43.15, 11.59, 'DJ'],
  ['Port Louis', 57.5, -20.16, 'MU'], ['Victoria', 55.45, -4.62, 'SC'], ['Phnom Penh', 104.93, 11.56, 'KH'], ['Guam', 144.79, 13.44, 'GU'],
];
/** Open-sea waypoints for synthetic sea lanes (routing only). */
const SEA: [number, number][] = [
  [56.5, 26.3], [60, 22], [65, 15], [72, 8], [80, 5.5], [88, 5], [95, 5.8], [98.5, 4.5], [103.8, 1.2], [107, 4],
  [112, 10], [116, 16], [120.8, 20.5], [125, 25], [132, 30], [139.7, 34.9], [115.7, -8.8], [110, -10], [88, -5], [70, -5], [52, 12], [43.4, 12.6],
];
const SYLLABLES = ['ka', 'ra', 'mu', 'san', 'te', 'vi', 'lo', 'na', 'pa', 'ri', 'shi', 'go', 'dan', 'ma', 'ku', 'tha', 'bel', 'pur', 'ya', 'no', 'hai', 'li', 'sa', 'ren'];
const KIND_WORDS: Record<string, string> = { venue: 'Convention Centre', station: 'Station', port: 'Port', strait: 'Strait', region: 'Region', sea: 'Sea', corridor: 'Corridor', 'sea-lane': 'Sea Lane' };
const TOPICS: Record<string, string[]> = {
  ai: ['AI dialogue', 'AI safety workshop', 'Semiconductor talent programme', 'Data centre partnership', 'Digital public infrastructure pact'],
  'critical-minerals': ['Critical minerals working group', 'Rare earths offtake deal', 'Lithium exploration survey', 'Minerals stockpile review', 'Recycling plant agreement'],
  'economic-security': ['Economic security dialogue', 'Supply-chain resilience review', 'Export-control consultation', 'Investment screening talks', 'Trusted-vendor roundtable'],
  energy: ['Green hydrogen pilot', 'LNG supply agreement', 'Grid interconnection study', 'Solar park financing', 'Nuclear cooperation talks'],
  defence: ['Joint naval exercise', 'Defence ministers meeting', 'Coast guard drill', 'Maritime domain awareness pact', 'Logistics support agreement'],
  connectivity: ['High-speed rail milestone', 'Port expansion loan', 'Metro line opening', 'Undersea cable landing', 'Freight corridor survey'],
  maritime: ['Sea-lane security patrol', 'Port call', 'Humanitarian relief exercise', 'Fisheries enforcement meeting', 'Hydrographic survey'],
  diplomacy: ['Foreign ministers dialogue', 'Annual summit', 'Quad leaders meeting', '2+2 ministerial', 'State visit'],
};
const OUTCOMES = ['agreed a roadmap', 'signed a memorandum', 'reviewed progress', 'announced financing', 'set up a working group', 'issued a joint statement', 'launched a pilot', 'extended the programme'];
const ACTOR_ROLES = ['Ministry of External Affairs', 'Ministry of Defence', 'Ministry of Economy, Trade and Industry', 'Development Agency', 'Coast Guard', 'Navy', 'Rail Corporation', 'Port Authority', 'Energy Agency', 'Mineral Development Board', 'Chamber of Commerce', 'Research Institute'];
const SOURCE_KINDS = ['official', 'news', 'digest', 'fact-sheet', 'seed-article'] as const;
const OUTLETS = ['Synthetic Ministry Press Office', 'Synthetic Daily', 'Synthetic Wire', 'Synthetic Review', 'Synthetic Fact Sheet', 'Synthetic Seed Article', 'Synthetic Gazette', 'Synthetic Monitor'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ym = (ms: number) => new Date(ms).toISOString().slice(0, 7);
const yearOf = (ms: number) => new Date(ms).getUTCFullYear();
const monthStart = (ms: number) => { const d = new Date(ms); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); };
const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const round = (x: number, k = 1e4) => Math.round(x * k) / k;
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

function placeName(rng: Rng): string {
  const n = rng.int(2, 3);
  let s = '';
  for (let i = 0; i < n; i++) s += rng.pick(SYLLABLES);
  return titleCase(s);
}

/** An EDTF date and its earliest instant (UTC ms), for an event around `ms`. */
function eventDate(rng: Rng, ms: number): { date: string; min: number; dateText?: string } {
  const kind = rng.weighted([
    ['day', 52], ['month', 12], ['approxMonth', 8], ['approxDay', 3], ['quarter', 6], ['half', 4], ['dayInterval', 11], ['monthInterval', 4],
  ] as const);
  const y = yearOf(ms);
  switch (kind) {
    case 'day':
      return { date: ymd(ms), min: ms };
    case 'approxDay':
      return { date: `${ymd(ms)}~`, min: ms, dateText: 'around this day' };
    case 'month':
      return { date: ym(ms), min: monthStart(ms) };
    case 'approxMonth':
      return { date: `${ym(ms)}~`, min: monthStart(ms), dateText: `about ${new Date(ms).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${y}` };
    case 'quarter': {
      const q = Math.floor(new Date(ms).getUTCMonth() / 3);
      return { date: `${y}-${33 + q}`, min: Date.UTC(y, q * 3, 1), dateText: `Q${q + 1} ${y}` };
    }
    case 'half': {
      const h = new Date(ms).getUTCMonth() < 6 ? 0 : 1;
      return { date: `${y}-${40 + h}`, min: Date.UTC(y, h * 6, 1), dateText: `${h ? 'second' : 'first'} half of ${y}` };
    }
    case 'dayInterval': {
      const end = Math.min(ms + rng.int(1, 6) * DAY, Date.UTC(LAST_YEAR, 11, 31));
      const approx = rng.chance(0.15) ? '~' : '';
      return { date: `${ymd(ms)}${approx}/${ymd(end)}${approx}`, min: ms };
    }
    case 'monthInterval': {
      const start = monthStart(ms);
      if (start >= Date.UTC(LAST_YEAR, 11, 1)) return { date: ym(ms), min: start };
      const end = Math.min(Date.UTC(yearOf(start), new Date(start).getUTCMonth() + rng.int(1, 5), 1), Date.UTC(LAST_YEAR, 11, 1));
      return { date: `${ym(start)}/${ym(end)}`, min: start };
    }
  }
}

/** A day between 2000 and 2030, denser in recent years as real coverage is. */
function eventDay(rng: Rng): number {
  const lo = Date.UTC(FIRST_YEAR, 0, 1), hi = Date.UTC(LAST_YEAR, 11, 25);
  const u = rng.next() ** 0.75;
  return lo + Math.floor((u * (hi - lo)) / DAY) * DAY;
}

// ---- the generator -----------------------------------------------------------------------------------------

/** Builds the dataset in memory: deterministic for (events, seed). */
export function generateSynthetic(o: SyntheticOptions): SyntheticFiles {
  const n = Math.max(0, Math.floor(o.events));
  const rng = new Rng(`${o.seed ?? 1}:${n}`);
  const themes = realThemes();
  const themeIds = themes.map((t) => t.id);

  // Sources: a handful, cited by everything.
  const sources: Source[] = Array.from({ length: 8 }, (_, i) => ({
    id: `src-${i + 1}`,
    outlet: OUTLETS[i % OUTLETS.length],
    title: `Synthetic source ${i + 1}: generated records for benchmarks`,
    ...(i % 2 === 0 ? { url: `https://example.org/synthetic/${i + 1}` } : {}),
    date: SYNTHETIC_AS_OF,
    kind: SOURCE_KINDS[i % SOURCE_KINDS.length],
    supports: 'Nothing real: every record citing it is generated by scripts/gen-synthetic.ts.',
  }));
  const cite = (): string[] => (rng.chance(0.25) ? rng.some(sources, 2).map((s) => s.id) : [rng.pick(sources).id]);

  // Actors: countries plus organisations, sub-linear in N.
  const countries = [...new Set(ANCHORS.map((a) => a[3]))];
  const actors: Actor[] = countries.map((c) => ({ id: `a-${c.toLowerCase()}`, name: `Country ${c}`, kind: 'country' as const, country: c, sources: [sources[0].id] }));
  const orgCount = clamp(Math.round(n / 100), 10, 1000);
  for (let i = 0; i < orgCount; i++) {
    const person = rng.chance(0.3);
    const c = rng.pick(countries);
    actors.push({
      id: `a-${pad(i + 1, 4)}`,
      name: person ? `${titleCase(placeName(rng))} ${titleCase(placeName(rng))}` : `${c} ${rng.pick(ACTOR_ROLES)} ${i + 1}`,
      kind: person ? 'person' : 'organisation',
      role: person ? `Minister, ${rng.pick(ACTOR_ROLES)}` : rng.pick(ACTOR_ROLES),
      country: c,
      sources: cite(),
    });
  }

  // Places: ~N/20 (min 20, max 5000), points clustered around real cities, a few lines (corridors, sea lanes).
  const placeCount = clamp(Math.round(n / 20), 20, 5000);
  const lineCount = Math.max(2, Math.round(placeCount * 0.04));
  const places: Place[] = [];
  for (let i = 0; i < placeCount - lineCount; i++) {
    const [city, lon, lat, country] = rng.pick(ANCHORS);
    const kind = i < ANCHORS.length ? 'city' : rng.weighted([['city', 45], ['venue', 15], ['station', 12], ['port', 12], ['strait', 4], ['region', 7], ['sea', 5]] as const);
    const spread = kind === 'venue' || kind === 'station' ? 0.3 : kind === 'sea' || kind === 'region' ? 4 : 1.5;
    const place: Place = {
      id: `p-${pad(i + 1, 4)}`,
      name: { en: i < ANCHORS.length ? city : kind === 'city' ? placeName(rng) : `${placeName(rng)} ${KIND_WORDS[kind]}` },
      kind,
      geometry: { type: 'Point', coordinates: i < ANCHORS.length ? [lon, lat] : [round(clamp(lon + rng.gauss() * spread, 40, 150)), round(clamp(lat + rng.gauss() * spread, -15, 46))] },
      ...(rng.chance(0.2) ? { approx: true } : {}),
      ...(kind === 'sea' || kind === 'strait' ? {} : { country }),
      sources: cite(),
    };
    places.push(place);
  }
  const pointCount = places.length;
  for (let j = 0; j < lineCount; j++) {
    const id = `p-${pad(pointCount + j + 1, 4)}`;
    if (j % 2 === 0) {
      // A corridor: a short line through 3–8 nearby points, which become its stations (via / partOf).
      const a = rng.pick(ANCHORS);
      const k = rng.int(3, 8);
      const coords: [number, number][] = [];
      let [lon, lat] = [a[1], a[2]];
      const [dx, dy] = [rng.gauss() * 0.5, rng.gauss() * 0.5];
      for (let s = 0; s < k; s++) coords.push([round(clamp((lon += dx), 40, 150)), round(clamp((lat += dy), -15, 46))]);
      const via = rng.some(places.slice(0, pointCount), Math.min(3, k), (m) => rng.skewed(m, 1.2)).map((p) => p.id);
      for (const pid of via) {
        const p = places.find((q) => q.id === pid)!;
        p.partOf = [...(p.partOf ?? []), id];
      }
      places.push({ id, name: { en: `${a[0]} ${placeName(rng)} ${KIND_WORDS.corridor}` }, kind: 'corridor', geometry: { type: 'LineString', coordinates: coords }, country: a[3], via, sources: cite() });
    } else {
      // A sea lane through consecutive open-sea waypoints.
      const from = rng.int(0, SEA.length - 4);
      const coords = SEA.slice(from, from + rng.int(3, Math.min(8, SEA.length - from)));
      places.push({ id, name: { en: `${placeName(rng)} ${KIND_WORDS['sea-lane']}` }, kind: 'sea-lane', geometry: { type: 'LineString', coordinates: coords }, approx: true, sources: cite() });
    }
  }

  // Events: dates first, so initiatives can pick milestones in their span.
  type Draft = AtlasEvent & { min: number };
  const drafts: Draft[] = [];
  for (let i = 0; i < n; i++) {
    const day = eventDay(rng);
    const { date, min, dateText } = eventDate(rng, day);
    const future = min > AS_OF;
    const status = future
      ? rng.weighted([['planned', 93], ['cancelled', 7]] as const)
      : rng.weighted([['happened', 92], ['planned', 5], ['cancelled', 3]] as const);
    const confidence = status === 'planned'
      ? rng.weighted([['reported', 45], ['unconfirmed', 35], ['seed', 15], ['confirmed', 5]] as const)
      : rng.weighted([['confirmed', 62], ['reported', 26], ['seed', 6], ['unconfirmed', 6]] as const);
    const theme = rng.pick(themeIds);
    const evPlaces = rng.some(places, rng.weighted([[1, 70], [2, 25], [3, 5]] as const), (m) => rng.skewed(m)).map((p) => p.id);
    const placeLabel = places[Number(evPlaces[0].slice(2)) - 1]?.name.en ?? 'the region';
    const topic = rng.pick(TOPICS[theme] ?? ['Meeting']);
    drafts.push({
      id: `e-${pad(i + 1, 6)}`,
      title: `${topic}, ${placeLabel}`,
      summary: `${topic} in ${placeLabel}: the parties ${rng.pick(OUTCOMES)}${status === 'planned' ? ' (planned)' : status === 'cancelled' ? ' (called off)' : ''}.`,
      date,
      ...(dateText ? { dateText } : {}),
      status,
      confidence,
      themes: rng.chance(0.25) ? [theme, rng.pick(themeIds.filter((t) => t !== theme))] : [theme],
      actors: rng.some(actors, rng.int(1, 3), (m) => rng.skewed(m, 1.6)).map((a) => a.id),
      places: evPlaces,
      initiatives: [],
      sources: cite(),
      ...(rng.chance(0.01) ? { notes: 'Synthetic note: a source gives a different date; the record follows the official one.' } : {}),
      min,
    });
  }
  const byMin = [...drafts].sort((a, b) => a.min - b.min || (a.id < b.id ? -1 : 1));
  const firstAtOrAfter = (t: number) => {
    let lo = 0, hi = byMin.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byMin[mid].min < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // Initiatives: ~N/100 (min 3, max 1000); milestones are events in their span that list them, in date order.
  const initiativeCount = clamp(Math.round(n / 100), 3, 1000);
  const initiatives: Initiative[] = [];
  for (let i = 0; i < initiativeCount; i++) {
    const id = `i-${pad(i + 1, 4)}`;
    const startMs = eventDay(rng);
    const start = rng.chance(0.7) ? ymd(startMs) : ym(startMs);
    const startMin = start.length === 7 ? monthStart(startMs) : startMs;
    const open = rng.chance(0.4);
    const endMs = Math.min(startMin + rng.int(180, 3650) * DAY, Date.UTC(LAST_YEAR, 11, 31));
    const end = open ? undefined : rng.weighted([[ymd(endMs), 3], [ym(endMs), 2], [`${yearOf(endMs)}-${33 + Math.floor(new Date(endMs).getUTCMonth() / 3)}`, 1]] as const);
    const endMax = open ? Infinity : endMs + 92 * DAY;
    const status = startMin > AS_OF
      ? 'planned'
      : rng.chance(0.05) ? 'cancelled'
      : open ? 'ongoing'
      : endMax < AS_OF ? 'completed' : 'ongoing';
    const theme = rng.pick(themeIds);
    const lo = firstAtOrAfter(startMin);
    const hi = Math.min(firstAtOrAfter(open ? Date.UTC(LAST_YEAR + 1, 0, 1) : endMs), byMin.length);
    // Indexes into byMin rather than a slice: at 100k events a slice per initiative is a needless copy.
    const inSpan = (k: number) => (hi > lo ? rng.some(byMin, k, () => rng.int(lo, hi - 1)) : []);
    const milestones = inSpan(rng.int(2, 8)).sort((a, b) => a.min - b.min || (a.id < b.id ? -1 : 1));
    // Some more events in the span belong to the initiative without being milestones.
    const members = inSpan(rng.int(0, 6));
    for (const e of [...milestones, ...members]) if (!e.initiatives.includes(id)) e.initiatives.push(id);
    const initPlaces = [...new Set(milestones.flatMap((e) => e.places))].slice(0, 3);
    initiatives.push({
      id,
      title: `${rng.pick(TOPICS[theme] ?? ['Programme'])} programme ${i + 1}`,
      summary: `A synthetic ${open ? 'open-ended' : 'time-bound'} programme on ${themes.find((t) => t.id === theme)!.label.en.toLowerCase()}.`,
      start,
      ...(end ? { end } : {}),
      status,
      themes: [theme],
      places: initPlaces.length ? initPlaces : [rng.pick(places).id],
      milestones: milestones.map((e) => e.id),
      sources: cite(),
    });
  }

  const events: AtlasEvent[] = drafts.map(({ min: _min, ...e }) => e);
  const busiest = byMin.length ? byMin[Math.floor(byMin.length * 0.8)] : undefined;
  const stories: Story[] = [
    {
      id: 'tour',
      title: 'A tour of the synthetic data',
      steps: [
        { caption: 'The whole region.', view: { center: [95, 15], zoom: 2.5 } },
        { caption: 'Recent years.', view: { center: [105, 10], zoom: 3.5 }, range: ['2024-01-01', '2026-12-31'] },
        ...(busiest ? [{ caption: 'One event.', view: { center: [100, 12] as [number, number], zoom: 4 }, time: ymd(busiest.min), select: busiest.id }] : []),
      ],
      sources: [sources[0].id],
    },
  ];
  const meta: Meta = {
    title: 'Synthetic data',
    description: `${n} generated events (scripts/gen-synthetic.ts, seed ${o.seed ?? 1}) for benchmarks and tests; no record is real.`,
    asOf: SYNTHETIC_AS_OF,
    licence: 'CC0 (generated)',
    attribution: 'Synthetic data, Indo-Pacific Atlas contributors',
  };
  return { 'meta.json': meta, 'places.json': places, 'events.json': events, 'initiatives.json': initiatives, 'themes.json': themes, 'actors.json': actors, 'sources.json': sources, 'stories.json': stories };
}

/** Writes the files (compact JSON) to `dir`. */
export function writeSynthetic(dir: string, files: SyntheticFiles): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(data));
}

function parseArgs(argv: string[]): { events: number; seed: string; out?: string } {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const events = Number(get('--events') ?? 1000);
  if (!Number.isInteger(events) || events < 1) throw new Error(`--events must be a positive integer, got "${get('--events')}"`);
  return { events, seed: get('--seed') ?? '1', out: get('--out') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const files = generateSynthetic({ events: args.events, seed: args.seed });
  const dir = resolve(args.out ?? `data/synthetic-${args.events}`);
  writeSynthetic(dir, files);
  console.log(
    `${dir}: ${files['events.json'].length} events, ${files['places.json'].length} places, ${files['initiatives.json'].length} initiatives, ` +
      `${files['actors.json'].length} actors (seed ${args.seed}, ${Math.round(performance.now() - t0)} ms)`,
  );
}
