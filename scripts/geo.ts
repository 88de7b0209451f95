// Small planar geometry helpers shared by the basemap build, the sea lanes and their tests.
// Coordinates are GeoJSON [lon, lat] in degrees, treated as planar (what MapLibre draws in Web Mercator
// is monotone in lon and lat, so "inside a lon/lat box" and "crosses a box edge" mean the same there).
import type { Topology } from 'topojson-specification';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type Pos = [number, number];
export type Ring = Pos[];
export type Poly = Ring[];
export type MultiPoly = Poly[];
/** [west, south, east, north] */
export type BBox = [number, number, number, number];

const require = createRequire(import.meta.url);

/** Reads a world-atlas TopoJSON file, e.g. 'land-10m' or 'countries-50m'. */
export function readWorldAtlas(name: string): Topology {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/${name}.json`), 'utf8')) as Topology;
}

export function ringBBox(ring: Ring): BBox {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [x, y] of ring) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

export const boxesOverlap = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
export const boxContains = (outer: BBox, inner: BBox) =>
  inner[0] >= outer[0] && inner[2] <= outer[2] && inner[1] >= outer[1] && inner[3] <= outer[3];

/** The box as a polygon-clipping polygon. */
export const boxPolygon = ([w, s, e, n]: BBox): Poly => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];

/** Twice the signed area (shoelace): positive for counter-clockwise rings. */
export function signedArea2(ring: Ring): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return a;
}

const lerp = (a: Pos, b: Pos, t: number): Pos =>
  t <= 0 ? a : t >= 1 ? b : [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** Liang–Barsky: the parameter interval [t0, t1] of segment a→b inside the box, or null. */
export function segmentInBox(a: Pos, b: Pos, [w, s, e, n]: BBox): [number, number] | null {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  let t0 = 0, t1 = 1;
  const p = [-dx, dx, -dy, dy];
  const q = [a[0] - w, e - a[0], a[1] - s, n - a[1]];
  for (let i = 0; i < 4; i++) {
    if (p[i] === 0) {
      if (q[i] < 0) return null;
    } else {
      const r = q[i] / p[i];
      if (p[i] < 0) {
        if (r > t1) return null;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return null;
        if (r < t1) t1 = r;
      }
    }
  }
  return [t0, t1];
}

/** Cuts a polyline to the parts inside (or outside) a box; the cut points lie on the box edges. */
export function clipLine(line: Pos[], box: BBox, keep: 'inside' | 'outside' = 'inside'): Pos[][] {
  const out: Pos[][] = [];
  let cur: Pos[] = [];
  const flush = () => {
    if (cur.length > 1) out.push(cur);
    cur = [];
  };
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1], b = line[i];
    const t = segmentInBox(a, b, box);
    let pieces: [number, number][];
    if (keep === 'inside') pieces = t && t[1] > t[0] ? [t] : [];
    else pieces = t ? ([[0, t[0]], [t[1], 1]] as [number, number][]).filter(([u, v]) => v > u) : [[0, 1]];
    for (const [u, v] of pieces) {
      const p = lerp(a, b, u), q = lerp(a, b, v);
      const last = cur[cur.length - 1];
      if (last && last[0] === p[0] && last[1] === p[1]) cur.push(q);
      else {
        flush();
        cur = [p, q];
      }
    }
  }
  flush();
  return out;
}

/** Makes longitudes continuous along a line (each step the short way round), so it may leave -180..180. */
export function unwrap(line: Pos[]): Pos[] {
  const out: Pos[] = [];
  let shift = 0;
  for (let i = 0; i < line.length; i++) {
    const [x, y] = line[i];
    if (i > 0) {
      const prev = line[i - 1][0];
      if (x - prev > 180) shift -= 360;
      else if (x - prev < -180) shift += 360;
    }
    out.push([x + shift, y]);
  }
  return out;
}

/** Inserts points so that no segment is longer than maxStep degrees (planar). */
export function densify(line: Pos[], maxStep: number): Pos[] {
  const out: Pos[] = [line[0]];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1], b = line[i];
    const n = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / maxStep);
    for (let k = 1; k < n; k++) out.push(lerp(a, b, k / n));
    out.push(b);
  }
  return out;
}

/** Great-circle distance in km. */
export function haversineKm(a: Pos, b: Pos): number {
  const r = Math.PI / 180;
  const dLat = (b[1] - a[1]) * r, dLon = (b[0] - a[0]) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Douglas–Peucker (planar, iterative); keeps the end points, so closed rings stay closed. */
export function simplify(line: Pos[], tolerance: number): Pos[] {
  if (line.length <= 2 || tolerance <= 0) return line;
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  const t2 = tolerance * tolerance;
  while (stack.length) {
    const [i, j] = stack.pop()!;
    const [ax, ay] = line[i], [bx, by] = line[j];
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    let worst = -1, worstD = t2;
    for (let k = i + 1; k < j; k++) {
      const [px, py] = line[k];
      const t = len2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
      const ex = ax + t * dx - px, ey = ay + t * dy - py;
      const d = ex * ex + ey * ey;
      if (d > worstD) {
        worst = k;
        worstD = d;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([i, worst], [worst, j]);
    }
  }
  return line.filter((_, k) => keep[k]);
}
