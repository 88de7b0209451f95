// Indian Ocean sea lanes and their chokepoints, as place records (DESIGN.md "Place"), [lon, lat].
// The chokepoints, the ends and the unnamed waypoints come from FACTS.md ("Places"). Everything else is
// routing: at-sea points that keep each line off Natural Earth 10m land. Routing is illustrative, not a
// claim about where ships sail; tests/unit/seaLanes.test.ts proves that no part of a lane crosses land.
import { haversineKm, type Pos } from './geo.ts';

export type SeaPlace = {
  id: string;
  name: { en: string; ja?: string };
  kind: 'strait' | 'port' | 'sea-lane';
  geometry: { type: 'Point'; coordinates: Pos } | { type: 'LineString'; coordinates: Pos[] };
  approx: true;
  country?: string;
  via?: string[];
  partOf?: string[];
  notes?: string;
  sources: string[];
};

export const LANE_NOTES =
  'Routing between the sourced waypoints is illustrative: it keeps the line at sea and is not a factual claim; the chokepoints and ends are.';

/** Chokepoints and ends (FACTS.md). Japanese names only where the usual form is certain. */
export const SEA_POINTS: { id: string; kind: 'strait' | 'port'; en: string; ja?: string; country?: string; at: Pos }[] = [
  { id: 'ras-tanura', kind: 'port', en: 'Ras Tanura', country: 'SA', at: [50.16, 26.64] },
  { id: 'strait-of-hormuz', kind: 'strait', en: 'Strait of Hormuz', ja: 'ホルムズ海峡', at: [56.25, 26.57] },
  { id: 'strait-of-malacca', kind: 'strait', en: 'Strait of Malacca', ja: 'マラッカ海峡', at: [101.2, 2.5] },
  { id: 'singapore-strait', kind: 'strait', en: 'Singapore Strait', ja: 'シンガポール海峡', at: [103.8, 1.2] },
  { id: 'lombok-strait', kind: 'strait', en: 'Lombok Strait', ja: 'ロンボク海峡', at: [115.72, -8.47] },
  { id: 'luzon-strait', kind: 'strait', en: 'Luzon Strait', ja: 'ルソン海峡', at: [121.0, 20.5] },
  { id: 'tokyo-bay', kind: 'port', en: 'Tokyo Bay', ja: '東京湾', country: 'JP', at: [139.8, 35.45] },
  { id: 'suez', kind: 'port', en: 'Suez', ja: 'スエズ', country: 'EG', at: [32.55, 29.93] },
  { id: 'bab-el-mandeb', kind: 'strait', en: 'Bab-el-Mandeb', at: [43.33, 12.58] },
];

/** FACTS.md's unnamed waypoints (sourced shape of the lanes). */
const WP = {
  offRasAlHadd: [60.5, 22.5],
  arabianSea: [65.0, 15.0],
  dondraHead: [80.6, 5.7], // south of Sri Lanka, where the Red Sea lane joins
  sixDegreeChannel: [94.0, 6.0], // between Great Nicobar and Sumatra
  offAceh: [97.5, 5.9],
  southChinaSea: [112.0, 10.0],
  offOkinawa: [127.5, 26.0], // where the Lombok route rejoins
} satisfies Record<string, Pos>;

/** A lane's course: a place id (its point is used) or a coordinate (FACTS waypoint or routing point). */
type Step = string | Pos;

// Shared legs, so the Lombok route follows the main lane exactly where they coincide.
const GULF_TO_SRI_LANKA: Step[] = [
  'ras-tanura',
  [50.5, 26.9],
  [52.5, 26.75],
  [54.0, 26.2], // south of Kish
  [54.9, 26.05],
  [55.5, 26.1], // south of the Tunbs
  [56.0, 26.45], // south of Qeshm and Hengam (a straight line crosses the Iranian coast and Qeshm)
  'strait-of-hormuz',
  [56.6, 26.45], // round the Musandam tip
  [57.0, 25.9],
  WP.offRasAlHadd,
  WP.arabianSea,
  WP.dondraHead,
];
const OKINAWA_TO_TOKYO: Step[] = [
  WP.offOkinawa,
  [127.9, 25.9], // south and east of Okinawa (the straight line crosses it)
  [128.6, 26.5],
  [130.7, 28.6],
  [132.0, 31.0],
  [134.5, 32.8],
  [136.0, 33.2],
  [138.5, 34.3],
  [138.95, 34.45], // south of the Izu peninsula
  [139.3, 34.9], // between Izu and Izu Oshima
  [139.73, 35.08], // clear of Miura's tip
  [139.745, 35.2], // the Uraga Channel into Tokyo Bay
  [139.755, 35.28],
  'tokyo-bay',
];

export const LANE_ROUTES: { id: string; en: string; course: Step[] }[] = [
  {
    id: 'sea-lane-gulf-japan',
    en: 'Gulf–Japan crude-oil lane (via Malacca)',
    course: [
      ...GULF_TO_SRI_LANKA,
      WP.sixDegreeChannel,
      [95.3, 6.05], // clear of Pulau Weh
      WP.offAceh,
      'strait-of-malacca',
      [102.5, 1.75],
      [103.38, 1.2], // between Karimun and Tanjung Piai (the straight line crosses Johor)
      [103.6, 1.12],
      'singapore-strait',
      [104.1, 1.25],
      [104.5, 1.45],
      [105.0, 2.9], // west of the Anambas Islands
      WP.southChinaSea,
      'luzon-strait',
      ...OKINAWA_TO_TOKYO,
    ],
  },
  {
    id: 'sea-lane-lombok',
    en: 'Gulf–Japan lane via the Lombok Strait (VLCC route)',
    course: [
      ...GULF_TO_SRI_LANKA,
      [95.0, -4.0], // west of Sumatra's outer islands
      [104.0, -8.5], // south of Sumatra and Java
      [110.0, -9.3],
      [114.5, -9.2],
      [115.72, -9.1], // between Nusa Penida and Lombok
      'lombok-strait',
      [115.85, -8.1],
      [116.2, -7.0],
      [117.6, -4.5], // up the Makassar Strait
      [118.3, -2.5],
      [118.8, -0.5],
      [119.6, 1.5],
      [121.5, 3.5], // across the Celebes Sea
      [124.8, 4.9],
      [125.6, 5.05], // between Mindanao and the Sangihe Islands
      [127.5, 6.5],
      [128.0, 12.0], // east of the Philippines, north to rejoin off Okinawa
      ...OKINAWA_TO_TOKYO,
    ],
  },
  {
    id: 'sea-lane-red-sea',
    en: 'Red Sea lane (Suez to Sri Lanka)',
    course: [
      'suez',
      [32.6, 29.8], // down the Gulf of Suez
      [32.68, 29.5],
      [32.95, 29.0],
      [33.12, 28.7],
      [33.4, 28.3],
      [33.75, 27.9],
      [34.0, 27.6], // Strait of Gubal
      [34.5, 27.0],
      [37.0, 23.0],
      [39.5, 19.0],
      [41.0, 16.2], // between the Dahlak and Farasan islands
      [41.9, 14.9],
      [42.5, 13.8], // west of the Hanish Islands
      [43.1, 12.9],
      'bab-el-mandeb',
      [43.6, 12.4],
      [45.5, 12.2],
      [51.5, 12.9],
      [54.0, 13.1], // north of Socotra
      WP.dondraHead,
    ],
  },
];

const pointOf = (id: string): Pos => {
  const p = SEA_POINTS.find((q) => q.id === id);
  if (!p) throw new Error(`sea-lanes: unknown place id ${id}`);
  return p.at;
};

/** The course's control points as coordinates. */
export const controlPoints = (course: Step[]): Pos[] => course.map((s) => (typeof s === 'string' ? pointOf(s) : s));

/**
 * Inserts points along each segment (linear in lon/lat, as the map and the land test read it) so no
 * step is longer than maxKm. Rounds to 3 decimals (~100 m, under a pixel at zoom 9), which keeps the
 * sourced points exact.
 */
export function densifyKm(line: Pos[], maxKm = 10): Pos[] {
  const r = (v: number) => Math.round(v * 1e3) / 1e3;
  const out: Pos[] = [[r(line[0][0]), r(line[0][1])]];
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1], line[i]];
    const n = Math.max(1, Math.ceil(haversineKm(a, b) / maxKm));
    for (let k = 1; k <= n; k++) out.push([r(a[0] + ((b[0] - a[0]) * k) / n), r(a[1] + ((b[1] - a[1]) * k) / n)]);
  }
  return out;
}

/** All place records: chokepoints and ports first (in SEA_POINTS order), then the lanes. */
export function seaLanePlaces(): SeaPlace[] {
  const lanes: SeaPlace[] = LANE_ROUTES.map((lane) => ({
    id: lane.id,
    name: { en: lane.en },
    kind: 'sea-lane',
    geometry: { type: 'LineString', coordinates: densifyKm(controlPoints(lane.course)) },
    approx: true,
    via: lane.course.filter((s): s is string => typeof s === 'string'),
    notes: LANE_NOTES,
    sources: ['facts'],
  }));
  const points: SeaPlace[] = SEA_POINTS.map((p) => ({
    id: p.id,
    name: p.ja ? { en: p.en, ja: p.ja } : { en: p.en },
    kind: p.kind,
    geometry: { type: 'Point', coordinates: p.at },
    approx: true,
    ...(p.country ? { country: p.country } : {}),
    partOf: lanes.filter((l) => l.via!.includes(p.id)).map((l) => l.id),
    sources: ['facts'],
  }));
  return [...points, ...lanes];
}
