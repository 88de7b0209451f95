// Fast "is this point on land?" against Natural Earth land (world-atlas), for the sea-lane checks.
// Planar point-in-polygon (@turf/boolean-point-in-polygon) on [lon, lat], as MapLibre draws it:
// d3's spherical geoContains depends on winding order and misleads here (DESIGN.md).
// Big polygons (Afro-Eurasia has ~80,000 points) would make each test O(n), so land is cut lazily
// into 1° cells (Sutherland–Hodgman, which is exact for points strictly inside the cell) and each
// point is tested only against the pieces in its own cell. Rings are used as stored, and a few of them
// cross ±180 as on a sphere, so answers within a degree or so of the antimeridian are not meaningful
// (no lane goes there).
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { boxesOverlap, readWorldAtlas, ringBBox, type BBox, type MultiPoly, type Poly, type Pos, type Ring } from './geo.ts';

const CELL = 1; // degrees; cut from 10° cells (COARSE), themselves cut from the whole polygons
const COARSE = 10;
const MARGIN = 0.01; // cells are cut a little larger, so a point on a cell edge is strictly inside

/** Clips a closed ring to a box (Sutherland–Hodgman); may leave zero-width bridges along the box edges. */
function clipRingToBox(ring: Ring, [w, s, e, n]: BBox): Ring {
  const edges: [(p: Pos) => boolean, (a: Pos, b: Pos) => Pos][] = [
    [(p) => p[0] >= w, (a, b) => [w, a[1] + ((b[1] - a[1]) * (w - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= e, (a, b) => [e, a[1] + ((b[1] - a[1]) * (e - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= s, (a, b) => [a[0] + ((b[0] - a[0]) * (s - a[1])) / (b[1] - a[1]), s]],
    [(p) => p[1] <= n, (a, b) => [a[0] + ((b[0] - a[0]) * (n - a[1])) / (b[1] - a[1]), n]],
  ];
  let pts = ring.slice(0, -1);
  for (const [inside, cut] of edges) {
    if (!pts.length) break;
    const out: Pos[] = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i], prev = pts[(i + pts.length - 1) % pts.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    }
    pts = out;
  }
  return pts.length >= 3 ? [...pts, pts[0]] : [];
}

export type LandIndex = {
  /** True if the point is on land (or on the coastline). */
  isLand(p: Pos): boolean;
};

export function createLandIndex(name = 'land-10m'): LandIndex {
  const topo = readWorldAtlas(name) as Topology<{ land: GeometryCollection }>;
  const fc = feature(topo, topo.objects.land) as FeatureCollection;
  const all: MultiPoly = fc.features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates as Poly] : f.geometry.type === 'MultiPolygon' ? (f.geometry.coordinates as MultiPoly) : [],
  );
  const cache = new Map<string, { polys: MultiPoly; boxes: BBox[] }>();

  function piecesIn(box: BBox, src: { polys: MultiPoly; boxes: BBox[] }) {
    const polys: MultiPoly = [];
    src.polys.forEach((poly, i) => {
      if (!boxesOverlap(box, src.boxes[i])) return;
      const outer = clipRingToBox(poly[0], box);
      if (!outer.length) return;
      polys.push([outer, ...poly.slice(1).map((h) => clipRingToBox(h, box)).filter((h) => h.length)]);
    });
    return { polys, boxes: polys.map((p) => ringBBox(p[0])) };
  }

  function cell(size: number, margin: number, x: number, y: number, src: () => { polys: MultiPoly; boxes: BBox[] }) {
    const cx = Math.floor(x / size), cy = Math.floor(y / size), key = `${size}:${cx},${cy}`;
    let c = cache.get(key);
    if (!c) cache.set(key, (c = piecesIn([cx * size - margin, cy * size - margin, (cx + 1) * size + margin, (cy + 1) * size + margin], src())));
    return c;
  }

  const world = { polys: all, boxes: all.map((p) => ringBBox(p[0])) };
  const pieces = (p: Pos) => cell(CELL, MARGIN, p[0], p[1], () => cell(COARSE, 2 * MARGIN, p[0], p[1], () => world)).polys;

  return {
    isLand(p) {
      return pieces(p).some((coordinates) =>
        booleanPointInPolygon(p, { type: 'Polygon', coordinates }),
      );
    },
  };
}
