// The opening view, without MapLibre: the frame the map opens on, and where the build-time preview of that view
// (public/basemap/preview.svg, drawn by scripts/build-basemap.ts) sits in a map container of a given size, so that the
// preview shows what the live map will show before MapLibre and WebGL are up.
import type { Dataset } from '../model/dataset';
import { DEFAULT_DATASET } from '../model/types';

export type Bounds = [[number, number], [number, number]];

/** Gulf to Japan: the initial frame. */
export const INDO_PACIFIC: Bounds = [
  [44, -11],
  [146, 44],
];

/** The map's zoom range and the opening fit; AtlasMap creates the map with these. */
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 10;
export const OPENING_FIT = { padding: 40, maxZoom: 6 } as const;

/** Below this container width the map opens on the coarse world basemap, and fetches the finer overview on zoom-in. */
export const NARROW_MAP = 700;
/** Zoom from which a narrow map swaps the coarse world basemap for the finer overview. */
export const OVERVIEW_FROM_ZOOM = 2.6;

/**
 * The opening frame: the built-in dataset keeps its Gulf-to-Japan framing; any other dataset opens on its own places
 * (the whole Indo-Pacific frame when it has none).
 */
export function openingBounds(d: Dataset): Bounds {
  if (d.name === DEFAULT_DATASET) return INDO_PACIFIC;
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const p of d.places) {
    const g = p.geometry;
    const coords = g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : g.coordinates[0];
    for (const [lon, lat] of coords as [number, number][]) {
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  }
  if (!Number.isFinite(w)) return INDO_PACIFIC;
  // A single place (or a tight cluster) gets a frame a few degrees wide rather than the maximum zoom.
  const pad = (a: number, b: number) => Math.max(0, 2 - (b - a) / 2);
  const px = pad(w, e),
    py = pad(s, n);
  return [
    [Math.max(-180, w - px), Math.max(-85, s - py)],
    [Math.min(180, e + px), Math.min(85, n + py)],
  ];
}

/** Web Mercator as MapLibre has it: world x, y in [0, 1] (x east from 180° W, y south from 85.05° N). */
export const mercatorX = (lon: number) => (lon + 180) / 360;
export const mercatorY = (lat: number) => {
  const s = Math.sin((Math.max(-85.051129, Math.min(85.051129, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};
/** MapLibre's tiles are 512 px: the world is 512 · 2^zoom CSS pixels across. */
export const worldSize = (zoom: number) => 512 * 2 ** zoom;

/**
 * The camera MapLibre's fitBounds gives for `bounds` in a w × h container (bearing 0, equal padding): the zoom that fits
 * the frame's Mercator box inside the padded container, capped at maxZoom and raised to the map's minimum, centred on
 * the box's Mercator middle.
 */
export function fitCamera(bounds: Bounds, w: number, h: number, fit: { padding: number; maxZoom: number } = OPENING_FIT) {
  const [[west, south], [east, north]] = bounds;
  const x0 = mercatorX(west),
    x1 = mercatorX(east),
    y0 = mercatorY(north),
    y1 = mercatorY(south);
  const scale = Math.min((w - 2 * fit.padding) / (x1 - x0), (h - 2 * fit.padding) / (y1 - y0));
  const zoom = Math.max(MIN_ZOOM, Math.min(fit.maxZoom, MAX_ZOOM, Math.log2(scale / 512)));
  return { zoom, x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
}

/**
 * The part of the world the preview draws (west, south, east, north): beyond it the container's ocean colour shows,
 * as MapLibre shows its background where the world (without copies) ends.
 */
export const PREVIEW_BOX: [number, number, number, number] = [-30, -70, 180, 80];

/** Where the preview image goes in a w × h map container (CSS pixels), so that it lies under the opening camera. */
export function previewPlacement(bounds: Bounds, w: number, h: number) {
  const c = fitCamera(bounds, w, h);
  const size = worldSize(c.zoom);
  const [west, south, east, north] = PREVIEW_BOX;
  const left = w / 2 + (mercatorX(west) - c.x) * size;
  const top = h / 2 + (mercatorY(north) - c.y) * size;
  return { left, top, width: (mercatorX(east) - mercatorX(west)) * size, height: (mercatorY(south) - mercatorY(north)) * size, zoom: c.zoom };
}

/** The preview is for the opening view only: not when the URL names a camera, a story, a selection or a dataset. */
export function previewWanted(search: string): boolean {
  const q = new URLSearchParams(search);
  return !PREVIEW_BLOCKERS.some((k) => q.has(k));
}
/** URL parameters that name a view other than the opening one (index.html's inline script preloads by the same list). */
export const PREVIEW_BLOCKERS = ['map', 'story', 'sel', 'dataset'] as const;

/**
 * Whether the map opens on the coarse world basemap: on a narrow screen (the viewport, as index.html's inline script
 * sees it before any layout, so that it prefetches the same file), unless the view opens zoomed in past it.
 */
export function opensCoarse(viewportWidth: number, zoom?: number): boolean {
  return viewportWidth < NARROW_MAP && !(zoom !== undefined && zoom >= OVERVIEW_FROM_ZOOM);
}
