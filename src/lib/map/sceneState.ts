// Pure parts of drawing the map again off screen: the camera that shows the screen's view in another box, a camera
// between two views (for a video's moves), and the places' feature-state at a moment of a story or a time span.
import type { Dataset } from '../model/dataset';
import type { Camera } from '../model/types';
import { placePhases } from './placeFeatures';

/**
 * The camera that shows, in a box of `box` CSS px, everything a map of `screen` CSS px shows at `camera`: the same
 * centre, zoomed so that the screen's view fits the box (the box may show more at two of its sides).
 * Example: a 900×500 view at zoom 4 in a 1840×600 box → zoom 4 + log2(1.2) ≈ 4.26.
 */
export function cameraForBox(camera: Camera, screen: { width: number; height: number }, box: { width: number; height: number }): Camera {
  if (!(screen.width > 0 && screen.height > 0)) return { ...camera };
  const k = Math.min(box.width / screen.width, box.height / screen.height);
  return { ...camera, zoom: camera.zoom + Math.log2(k) };
}

const mercX = (lon: number) => (lon + 180) / 360;
const mercY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
const lonOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(Math.PI * (1 - 2 * y))) - 90;

/** Slow in, slow out. */
export const easeInOut = (p: number) => (p < 0.5 ? 4 * p * p * p : 1 - Math.pow(-2 * p + 2, 3) / 2);

/**
 * The camera at `p` (0…1, already eased) of a move from `a` to `b`: the centre moves straight in Web Mercator, and
 * the zoom dips midway when the two views are further apart than the box is wide (so the move passes over the map
 * between them instead of a blur), as MapLibre's flyTo does, by at most three zoom levels.
 */
export function cameraBetween(a: Camera, b: Camera, p: number, boxWidth: number): Camera {
  const ax = mercX(a.lon), ay = mercY(a.lat), bx = mercX(b.lon), by = mercY(b.lat);
  const x = ax + (bx - ax) * p, y = ay + (by - ay) * p;
  const zMin = Math.min(a.zoom, b.zoom);
  // MapLibre's world is 512 px wide at zoom 0.
  const apart = Math.hypot(bx - ax, by - ay) * 512 * 2 ** zMin;
  const dip = Math.min(3, Math.max(0, Math.log2(apart / Math.max(1, boxWidth))));
  const zoom = a.zoom + (b.zoom - a.zoom) * p - dip * Math.sin(Math.PI * p);
  return { zoom, lat: latOf(y), lon: lonOf(x) };
}

export type PlaceState = { phase: 0 | 1 | 2; sel: boolean; hover: boolean; out: boolean };

/**
 * Every place's feature-state at a moment: its phase at `time` (as AtlasMap.syncTime), selected when it is one of
 * `highlighted`, faded ("out") when it has events but none of them `visible` (null: nothing is filtered).
 */
export function placeStatesAt(d: Dataset, o: { time: number; highlighted: Set<string>; visible: Set<string> | null }): Map<string, PlaceState> {
  const out = new Map<string, PlaceState>();
  for (const [id, phase] of placePhases(d, o.time)) {
    out.set(id, { phase, sel: o.highlighted.has(id), hover: false, out: o.visible !== null && d.eventsByPlace.has(id) && !o.visible.has(id) });
  }
  return out;
}
