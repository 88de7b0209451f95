// Builds the offline basemap (GeoJSON sources for MapLibre) from Natural Earth via world-atlas:
//   public/basemap/overview.json  whole world, low zooms: 50m inside the Indo-Pacific frame, 110m outside
//   public/basemap/detail.json    10m clipped to the corridor extent, fetched lazily at zoom 5-9
//   public/basemap/world.json     110m everywhere, the first basemap of a narrow map (a phone)
//   public/basemap/preview.svg    the opening view's basemap drawn with d3-geo, shown until the live map has drawn
//   public/basemap/towns.json     GeoNames towns inside the detail extent, labelled at zoom 5-9 (scripts/build/towns.ts)
// Each basemap file (not towns.json) holds land polygons {k:"land"}, coastlines {k:"coast"} and country boundaries {k:"boundary"}.
// Land polygons are meant to be filled, never stroked: their rings include clip-box and antimeridian
// edges, which are not coasts. Stroke the "coast" and "boundary" lines instead.
// Run: npx tsx scripts/build-basemap.ts [outDir]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import polygonClipping from 'polygon-clipping';
import { geoMercator, geoPath } from 'd3-geo';
import { MAP } from '../src/lib/model/palette.ts';
import { PREVIEW_BOX, mercatorX, mercatorY } from '../src/lib/map/opening.ts';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon } from 'geojson';
import { buildTowns } from './build/towns.ts';
import { geonamesFile } from './build/gazetteer.ts';
import {
  boxContains,
  boxesOverlap,
  boxPolygon,
  clipLine,
  readWorldAtlas,
  ringBBox,
  signedArea2,
  simplify,
  unwrap,
  type BBox,
  type MultiPoly,
  type Poly,
  type Pos,
} from './geo.ts';

/** Overview: 50m inside this frame (the Indo-Pacific the atlas is about), 110m elsewhere. */
export const OVERVIEW_FRAME: BBox = [20, -50, 160, 60];
/** Detail: 10m where the map is read at zoom 5-9, from Suez and the Gulf to Japan, down to Lombok/Timor. */
export const DETAIL_BBOX: BBox = [32, -15, 150, 46];

/**
 * Lines drawn as disputed: between a disputed or de facto unit and the state that claims it, as
 * Natural Earth names them ('*': every line of that unit). The data has no per-line status, so
 * only these are flagged; e.g. the Kashmir Line of Control and the India-China lines come out as
 * ordinary India-Pakistan / India-China boundaries.
 */
export const DISPUTED_LINES: [string, string][] = [
  ['Siachen Glacier', '*'],
  ['Somaliland', 'Somalia'],
  ['W. Sahara', 'Morocco'],
  ['Kosovo', 'Serbia'],
  ['N. Cyprus', 'Cyprus'],
  ['Cyprus U.N. Buffer Zone', '*'],
];

/** 0.002° ≈ 200 m, about a pixel at zoom 9: Douglas–Peucker drops the points that would not show. */
const DETAIL_TOLERANCE = 0.002;

type Topo = Topology<{ land?: GeometryCollection; countries?: GeometryCollection }>;
type Props = { name?: string } | null;

/** Land polygons, each ring simplified (tolerance in degrees) before fill and coast are derived from it. */
function landPolygons(name: string, tolerance = 0): MultiPoly {
  const topo = readWorldAtlas(name) as Topo;
  const fc = feature(topo, topo.objects.land!) as FeatureCollection;
  const polys = fc.features.flatMap((f) => {
    const g = f.geometry;
    return g.type === 'Polygon' ? [g.coordinates as Poly] : g.type === 'MultiPolygon' ? (g.coordinates as MultiPoly) : [];
  });
  return polys.flatMap((p) => {
    const [outer, ...holes] = p.map((r) => simplify(r, tolerance));
    return outer.length >= 4 ? [[outer, ...holes.filter((h) => h.length >= 4)]] : [];
  });
}

/** Windows k = ..., -1, 0, 1, ... of 360° that an unwrapped geometry with this lon range touches. */
function windowsOf(w: number, e: number): number[] {
  const ks: number[] = [];
  for (let k = Math.floor((w + 180) / 360); k <= Math.floor((e + 180) / 360); k++) ks.push(k);
  return ks;
}
const windowBox = (k: number): BBox => [-180 + 360 * k, -90, 180 + 360 * k, 90];
const shiftLon = (line: Pos[], k: number): Pos[] => (k ? line.map(([x, y]) => [x - 360 * k, y] as Pos) : line);

/**
 * world-atlas rings cross ±180 as on a sphere (d3 draws them so). A planar renderer draws such a
 * step as a line across the whole map, so unwrap each ring, cut it into 360° windows and shift the
 * pieces back. A ring that goes all the way round (Antarctica) is closed along the pole first.
 */
export function splitAtAntimeridian(polys: MultiPoly): MultiPoly {
  const out: MultiPoly = [];
  for (const poly of polys) {
    let outer = unwrap(poly[0]);
    const first = outer[0], last = outer[outer.length - 1];
    if (Math.abs(last[0] - first[0]) > 180) {
      const pole = outer.reduce((s, p) => s + p[1], 0) / outer.length < 0 ? -90 : 90;
      outer = [...outer, [last[0], pole], [first[0], pole], first];
    }
    const [w, , e] = ringBBox(outer);
    const holes = poly.slice(1).flatMap((h) => {
      const u = unwrap(h);
      if (Math.abs(u[u.length - 1][0] - u[0][0]) > 180) return []; // a degenerate ring along the pole
      return [shiftLon(u, Math.round((u[0][0] - (w + e) / 2) / 360))];
    });
    const unwrapped: Poly = [outer, ...holes];
    if (w >= -180 && e <= 180) {
      out.push(unwrapped);
      continue;
    }
    for (const k of windowsOf(w, e)) {
      for (const p of polygonClipping.intersection(unwrapped, boxPolygon(windowBox(k)))) {
        out.push(p.map((r) => shiftLon(r, k)));
      }
    }
  }
  return out;
}

/** Lines (coasts, boundaries) cut at ±180 the same way; open lines need no pole closure. */
export function splitLinesAtAntimeridian(lines: Pos[][]): Pos[][] {
  return lines.flatMap((line) => {
    const u = unwrap(line);
    const [w, , e] = ringBBox(u);
    if (w >= -180 && e <= 180) return [u];
    return windowsOf(w, e).flatMap((k) => clipLine(u, windowBox(k)).map((l) => shiftLon(l, k)));
  });
}

/** Coastlines are the land rings themselves, before any clipping (so no clip edges get in). */
function coastLines(polys: MultiPoly): Pos[][] {
  return splitLinesAtAntimeridian(
    polys.flatMap((poly) =>
      poly.filter((ring, j) => {
        if (j === 0) return true;
        const u = unwrap(ring); // drop degenerate polar holes, as above
        return Math.abs(u[u.length - 1][0] - u[0][0]) <= 180;
      }),
    ),
  );
}

function boundaryLines(name: string, disputed: boolean, tolerance = 0): Pos[][] {
  const topo = readWorldAtlas(name) as Topo;
  const isDisputed = (a: { properties?: Props }, b: { properties?: Props }) => {
    const [x, y] = [a.properties?.name, b.properties?.name];
    return DISPUTED_LINES.some(([u, v]) => (x === u && (v === '*' || y === v)) || (y === u && (v === '*' || x === v)));
  };
  const m = mesh(topo, topo.objects.countries!, (a, b) => a !== b && isDisputed(a, b) === disputed);
  return splitLinesAtAntimeridian((m.coordinates as Pos[][]).map((l) => simplify(l, tolerance)));
}

/** Keeps the parts of polygons inside (or outside) a box; only polygons that straddle it are clipped. */
export function clipPolygons(polys: MultiPoly, box: BBox, keep: 'inside' | 'outside'): MultiPoly {
  const kept: MultiPoly = [], straddling: MultiPoly = [];
  for (const poly of polys) {
    const b = ringBBox(poly[0]);
    if (boxContains(box, b)) {
      if (keep === 'inside') kept.push(poly);
    } else if (!boxesOverlap(box, b)) {
      if (keep === 'outside') kept.push(poly);
    } else straddling.push(poly);
  }
  if (!straddling.length) return kept;
  const clipped =
    keep === 'inside'
      ? polygonClipping.intersection(straddling, boxPolygon(box))
      : polygonClipping.difference(straddling, boxPolygon(box));
  return [...kept, ...clipped];
}

const clipLines = (lines: Pos[][], box: BBox, keep: 'inside' | 'outside') =>
  lines.flatMap((l) => clipLine(l, box, keep));

/** Rounds, drops repeated points and splits the edge along a pole (it spans 360°) into 90° steps. */
function tidy(line: Pos[], decimals: number): Pos[] {
  const f = 10 ** decimals;
  const out: Pos[] = [];
  for (const [x, y] of line) {
    const p: Pos = [Math.round(x * f) / f, Math.round(y * f) / f];
    const prev = out[out.length - 1];
    if (prev && prev[0] === p[0] && prev[1] === p[1]) continue;
    if (prev && Math.abs(p[0] - prev[0]) > 90 && Math.abs(p[1]) === 90 && prev[1] === p[1]) {
      const n = Math.ceil(Math.abs(p[0] - prev[0]) / 90);
      for (let k = 1; k < n; k++) {
        out.push([Math.round((prev[0] + ((p[0] - prev[0]) * k) / n) * f) / f, Math.round((prev[1] + ((p[1] - prev[1]) * k) / n) * f) / f]);
      }
    }
    out.push(p);
  }
  return out;
}

/** Valid GeoJSON polygons: closed rings of 4+ points, outer rings counter-clockwise, holes clockwise. */
function tidyPolygons(polys: MultiPoly, decimals: number): MultiPoly {
  const valid = (r: Pos[]) => r.length >= 4 && signedArea2(r) !== 0;
  const out: MultiPoly = [];
  for (const poly of polys) {
    const [outer, ...holes] = poly.map((r) => tidy(r, decimals));
    if (!valid(outer)) continue; // collapsed by rounding: an islet under 0.01° (or 0.001°) across
    const ccw = (r: Pos[], want: boolean) => ((signedArea2(r) > 0) === want ? r : r.reverse());
    out.push([ccw(outer, true), ...holes.filter(valid).map((h) => ccw(h, false))]);
  }
  return out;
}

function tidyLines(lines: Pos[][], decimals: number): Pos[][] {
  return lines.map((l) => tidy(l, decimals)).filter((l) => l.length >= 2);
}

function collection(
  bbox: BBox | undefined,
  land: MultiPoly,
  coast: Pos[][],
  boundary: Pos[][],
  disputed: Pos[][],
  decimals: number,
): FeatureCollection {
  const features: Feature[] = [
    { type: 'Feature', properties: { k: 'land' }, geometry: { type: 'MultiPolygon', coordinates: tidyPolygons(land, decimals) } as MultiPolygon },
    { type: 'Feature', properties: { k: 'coast' }, geometry: { type: 'MultiLineString', coordinates: tidyLines(coast, decimals) } as MultiLineString },
    { type: 'Feature', properties: { k: 'boundary' }, geometry: { type: 'MultiLineString', coordinates: tidyLines(boundary, decimals) } as MultiLineString },
    { type: 'Feature', properties: { k: 'boundary', disputed: true }, geometry: { type: 'MultiLineString', coordinates: tidyLines(disputed, decimals) } as MultiLineString },
  ];
  return { type: 'FeatureCollection', ...(bbox ? { bbox } : {}), features };
}

export function buildOverview(): FeatureCollection {
  const F = OVERVIEW_FRAME;
  const coarse = landPolygons('land-110m'), fine = landPolygons('land-50m');
  // One union, so the 50m and 110m pieces share no edge along the frame (no hairline seam).
  const land = polygonClipping.union(
    clipPolygons(splitAtAntimeridian(coarse), F, 'outside'),
    clipPolygons(splitAtAntimeridian(fine), F, 'inside'),
  );
  const coast = [...clipLines(coastLines(coarse), F, 'outside'), ...clipLines(coastLines(fine), F, 'inside')];
  const lines = (disputed: boolean) => [
    ...clipLines(boundaryLines('countries-110m', disputed), F, 'outside'),
    ...clipLines(boundaryLines('countries-50m', disputed), F, 'inside'),
  ];
  // 0.01° ≈ 1 km, under a pixel up to about zoom 5.
  return collection(undefined, land, coast, lines(false), lines(true), 2);
}

export function buildDetail(): FeatureCollection {
  const B = DETAIL_BBOX;
  const land = landPolygons('land-10m', DETAIL_TOLERANCE);
  const lines = (disputed: boolean) => clipLines(boundaryLines('countries-10m', disputed, DETAIL_TOLERANCE), B, 'inside');
  // 0.001° ≈ 110 m, under a pixel at zoom 9; world-atlas 10m is quantised to ~0.002-0.004° anyway.
  return collection(B, clipPolygons(land, B, 'inside'), clipLines(coastLines(land), B, 'inside'), lines(false), lines(true), 3);
}

/**
 * The coarse world file: 110m everywhere. A narrow map (a phone) opens on it, where 110m is finer than a pixel, and
 * fetches the overview once zoomed in (src/lib/map/opening.ts: NARROW_MAP, OVERVIEW_FROM_ZOOM).
 */
export function buildWorld(): FeatureCollection {
  const coarse = landPolygons('land-110m');
  // The union makes the pieces cut at ±180 (Antarctica, Chukotka, Fiji) one valid fill, as buildOverview's does.
  const land = polygonClipping.union(splitAtAntimeridian(coarse));
  const lines = (disputed: boolean) => boundaryLines('countries-110m', disputed);
  return collection(undefined, land, coastLines(coarse), lines(false), lines(true), 2);
}

/** World units of the preview's paths: Web Mercator at zoom 2 (2048 px across), whole units. */
const PREVIEW_WORLD = 2048;

/**
 * The preview of the opening view (DESIGN, Speed on a phone): the basemap alone (land, coasts, boundaries; no words,
 * no marks) in Web Mercator, drawn with d3-geo from the same 110m Natural Earth data as the world file and in the
 * map's colours, cut to PREVIEW_BOX. The page places it under the opening camera (previewPlacement) until the live
 * map has drawn. Strokes do not scale, so they stay as thin as the map's at any size.
 */
export function buildPreview(): string {
  const [west, south, east, north] = PREVIEW_BOX;
  const S = PREVIEW_WORLD;
  const x0 = mercatorX(west) * S, x1 = mercatorX(east) * S, y0 = mercatorY(north) * S, y1 = mercatorY(south) * S;
  // d3's Mercator with MapLibre's world: scale S/2π, origin at the top-left corner of the world; cut to the box.
  const projection = geoMercator().scale(S / (2 * Math.PI)).translate([S / 2, S / 2]).clipExtent([[x0, y0], [x1, y1]]);
  const path = geoPath(projection).digits(0);
  const land = readWorldAtlas('land-110m') as Topo;
  const countries = readWorldAtlas('countries-110m') as Topo;
  const d = (g: Parameters<typeof path>[0]) => path(g) ?? '';
  const landD = d(feature(land, land.objects.land!) as FeatureCollection);
  const coastD = d(mesh(land, land.objects.land!));
  const boundaryD = d(mesh(countries, countries.objects.countries!, (a, b) => a !== b));
  const r = (n: number) => Math.round(n);
  const line = (stroke: string, width: number, dd: string) =>
    `<path d="${dd}" fill="none" stroke="${stroke}" stroke-width="${width}" vector-effect="non-scaling-stroke" stroke-linejoin="round"/>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${r(x0)} ${r(y0)} ${r(x1 - x0)} ${r(y1 - y0)}" preserveAspectRatio="none">`,
    `<rect x="${r(x0)}" y="${r(y0)}" width="${r(x1 - x0)}" height="${r(y1 - y0)}" fill="${MAP.ocean}"/>`,
    `<path d="${landD}" fill="${MAP.land}"/>`,
    line(MAP.coast, 0.6, coastD),
    line(MAP.boundary, 0.5, boundaryD),
    '</svg>',
  ].join('');
}

export type BuiltFile = { file: string; raw: number; gzip: number; brotli: number };

export function buildBasemap(outDir = 'public/basemap'): BuiltFile[] {
  mkdirSync(outDir, { recursive: true });
  const built: BuiltFile[] = [];
  const files: [string, () => string][] = [
    ['overview.json', () => JSON.stringify(buildOverview())],
    ['detail.json', () => JSON.stringify(buildDetail())],
    ['world.json', () => JSON.stringify(buildWorld())],
    ['preview.svg', buildPreview],
    ['towns.json', () => JSON.stringify(buildTowns(readFileSync(geonamesFile(), 'utf8'), DETAIL_BBOX))],
  ];
  for (const [name, build] of files) {
    const text = build();
    const file = join(outDir, name);
    writeFileSync(file, text);
    built.push({ file, raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length, brotli: brotliCompressSync(text).length });
  }
  return built;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const b of buildBasemap(process.argv[2])) console.log(`${b.file}: ${kb(b.raw)} raw, ${kb(b.gzip)} gzip, ${kb(b.brotli)} brotli`);
}
