// Sea lanes stay at sea (planar point-in-polygon on Natural Earth 10m land, the finest land drawn),
// pass their chokepoints, start/end at their ports and keep FACTS.md's sourced waypoints.
import { beforeAll, describe, expect, it } from 'vitest';
import { placeSchema } from '../../src/lib/model/schema.ts';
import { haversineKm, type Pos } from '../../scripts/geo.ts';
import { createLandIndex, type LandIndex } from '../../scripts/land-index.ts';
import { seaLanePlaces, type SeaPlace } from '../../scripts/sea-lanes.ts';

const SAMPLE_KM = 2; // sample spacing along every segment
const PORT_EXCEPTION_KM = 15; // ports are on the coast: land is allowed this close to a port end, nowhere else
const CHOKEPOINT_KM = 30;

const places = seaLanePlaces();
const byId = new Map(places.map((p) => [p.id, p]));
const lanes = places.filter((p) => p.kind === 'sea-lane');
const coords = (p: SeaPlace) => p.geometry.coordinates as Pos[];
const at = (id: string) => byId.get(id)!.geometry.coordinates as Pos;

/** Points every ≤ SAMPLE_KM along each segment, with the segment index. */
function samples(line: Pos[]): { seg: number; p: Pos }[] {
  const out: { seg: number; p: Pos }[] = [];
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1], line[i]];
    const n = Math.max(1, Math.ceil(haversineKm(a, b) / SAMPLE_KM));
    for (let k = 0; k <= n; k++) out.push({ seg: i - 1, p: [a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n] });
  }
  return out;
}

// FACTS.md "Places": the points every lane must keep, in order.
const FACTS_POINTS: [string, Pos][] = [
  ['ras-tanura', [50.16, 26.64]],
  ['strait-of-hormuz', [56.25, 26.57]],
  ['strait-of-malacca', [101.2, 2.5]],
  ['singapore-strait', [103.8, 1.2]],
  ['lombok-strait', [115.72, -8.47]],
  ['luzon-strait', [121.0, 20.5]],
  ['tokyo-bay', [139.8, 35.45]],
  ['suez', [32.55, 29.93]],
  ['bab-el-mandeb', [43.33, 12.58]],
];
const DONDRA: Pos = [80.6, 5.7];
const SOURCED_SEQUENCE: [string, Pos[]][] = [
  ['sea-lane-gulf-japan', [[50.16, 26.64], [56.25, 26.57], [60.5, 22.5], [65.0, 15.0], DONDRA, [94.0, 6.0], [97.5, 5.9], [101.2, 2.5], [103.8, 1.2], [112.0, 10.0], [121.0, 20.5], [127.5, 26.0], [139.8, 35.45]]],
  ['sea-lane-lombok', [[50.16, 26.64], [56.25, 26.57], [60.5, 22.5], [65.0, 15.0], DONDRA, [115.72, -8.47], [127.5, 26.0], [139.8, 35.45]]],
  ['sea-lane-red-sea', [[32.55, 29.93], [43.33, 12.58], DONDRA]],
];

describe('sea-lane place records', () => {
  it.each(FACTS_POINTS)('%s is at its FACTS.md coordinate, approx, sourced', (id, p) => {
    const rec = byId.get(id)!;
    expect(rec.geometry).toEqual({ type: 'Point', coordinates: p });
    expect(rec).toMatchObject({ approx: true, sources: ['facts'] });
    expect(rec.kind).toBe(['ras-tanura', 'tokyo-bay', 'suez'].includes(id) ? 'port' : 'strait');
  });

  it.each(places.map((p) => [p.id, p] as const))('%s fits the place schema', (_, p) => {
    expect(placeSchema.safeParse(p).error?.issues ?? []).toEqual([]);
  });

  it('each point is partOf exactly the lanes that pass it, and lanes list only known places', () => {
    for (const p of places.filter((q) => q.kind !== 'sea-lane')) {
      expect(p.partOf, p.id).toEqual(lanes.filter((l) => l.via!.includes(p.id)).map((l) => l.id));
    }
    for (const l of lanes) for (const id of l.via!) expect(byId.has(id), `${l.id} via ${id}`).toBe(true);
    expect(lanes.map((l) => l.id)).toEqual(['sea-lane-gulf-japan', 'sea-lane-lombok', 'sea-lane-red-sea']);
  });

  it.each(SOURCED_SEQUENCE)('%s passes the sourced waypoints in order', (id, points) => {
    const line = coords(byId.get(id)!);
    let from = 0;
    for (const p of points) {
      const i = line.findIndex((q, k) => k >= from && q[0] === p[0] && q[1] === p[1]);
      expect(i, `${id}: waypoint ${p} missing or out of order`).toBeGreaterThanOrEqual(0);
      from = i + 1;
    }
  });
});

describe('sea lanes stay at sea (Natural Earth 10m land)', () => {
  let land: LandIndex;
  beforeAll(() => {
    land = createLandIndex('land-10m');
  });

  it.each(lanes.map((l) => [l.id, l] as const))('%s: no sample on land', (id, lane) => {
    const ports = lane.via!.filter((v) => byId.get(v)!.kind === 'port').map(at);
    const onLand = samples(coords(lane))
      .filter(({ p }) => !ports.some((q) => haversineKm(p, q) <= PORT_EXCEPTION_KM))
      .filter(({ p }) => land.isLand(p))
      .map(({ seg, p }) => `${id} segment ${seg}: [${p[0].toFixed(4)}, ${p[1].toFixed(4)}] is on land`);
    expect(onLand.slice(0, 20)).toEqual([]);
  });

  it.each(lanes.map((l) => [l.id, l] as const))('%s: densified to steps of at most ~10 km', (_, lane) => {
    const line = coords(lane);
    const longest = Math.max(...line.slice(1).map((p, i) => haversineKm(line[i], p)));
    expect(longest).toBeLessThanOrEqual(10.2); // 10 km plus the rounding to 0.001°
  });

  it.each(lanes.flatMap((l) => l.via!.filter((v) => byId.get(v)!.kind === 'strait').map((s) => [l.id, s, l] as const)))(
    `%s passes within ${CHOKEPOINT_KM} km of %s`,
    (_, strait, lane) => {
      const d = Math.min(...samples(coords(lane)).map(({ p }) => haversineKm(p, at(strait))));
      expect(d).toBeLessThanOrEqual(CHOKEPOINT_KM);
    },
  );

  it.each(lanes.map((l) => [l.id, l] as const))('%s starts (and ends) at its ports', (id, lane) => {
    const line = coords(lane);
    const ports = lane.via!.filter((v) => byId.get(v)!.kind === 'port');
    expect(line[0], `${id} first point`).toEqual(at(lane.via![0]));
    expect(byId.get(lane.via![0])!.kind).toBe('port');
    const last = lane.via![lane.via!.length - 1];
    // The Red Sea lane ends where it joins the crude lane south of Sri Lanka, not at a port.
    expect(line[line.length - 1], `${id} last point`).toEqual(byId.get(last)!.kind === 'port' ? at(last) : DONDRA);
    for (const p of ports) expect([line[0], line[line.length - 1]]).toContainEqual(at(p));
  });
});
