// Export → Video: plans the frames (a story or a time span), opens an off-screen map for them, draws and encodes
// each frame, and returns the file. It receives the map scene and a way to open a map (lib/map/offscreenMap), and
// the view's values to start from; it never changes the atlas's state, so the page goes on as the user leaves it.
import type { Dataset } from '../model/dataset';
import type { Camera, Lang } from '../model/types';
import type { Filters } from '../model/filters';
import type { MapScene, OffscreenOptions } from '../map/offscreenMap';
import { cameraForBox } from '../map/sceneState';
import { videoLayout } from './imageLayout';
import { frameRenderer, type FrameMap, type FrameWords } from './videoFrames';
import { encodeVideo, type VideoFormat } from './videoEncode';
import { spanFrames, storyFrames, storyTargets, VIDEO_FPS, VIDEO_HEIGHT, VIDEO_WIDTH, type FrameState } from './videoPlan';

export type VideoSource =
  | { kind: 'story'; storyId: string; fromStep: number; toStep: number; secondsPerStep: number }
  | { kind: 'span'; from: number; to: number; seconds: number };

/** The off-screen map as recording needs it. */
export interface VideoMap extends FrameMap {
  cameraFor(coords: [number, number][], maxZoom: number): Camera | null;
  remove(): void;
}

export interface RecordOptions {
  dataset: Dataset;
  scene: MapScene;
  openMap: (scene: MapScene, o: OffscreenOptions) => Promise<VideoMap>;
  /** Copies a map picture into a canvas in memory (lib/map/offscreenMap.copyCanvas). */
  copyMap: (src: HTMLCanvasElement, into?: HTMLCanvasElement) => HTMLCanvasElement;
  source: VideoSource;
  format: VideoFormat;
  /** The view the video starts from: playhead, selection, filters, language, projector theme. */
  view: { time: number; selected: string | null; filters: Omit<Filters, 'range'>; lang: Lang; projector: boolean };
  words: (frames: FrameState[]) => FrameWords;
  onProgress?: (done: number, total: number) => void;
  /** Called once the frames are planned (before the first is drawn). */
  onPlanned?: (frames: number) => void;
  signal?: AbortSignal;
}

/**
 * The video's map is drawn at 1.25 CSS px a pixel: labels and lines a quarter larger than on a 1× slide, for a video
 * watched across a room, and a story's views (their zoom chosen on a screen-sized map) framed about as on screen.
 * 1.25 keeps the box whole: 1472×528 CSS px fill the 1840×660 box exactly.
 */
export const VIDEO_MAP_RATIO = 1.25;

/** Where the finer basemap exists (as AtlasMap's DETAIL_BOUNDS): a fit outside it stops at zoom 4. */
const DETAIL: [[number, number], [number, number]] = [[40, -15], [150, 46]];

/** The coordinates of places, for a camera that frames them. */
export function placeCoords(d: Dataset, ids: Iterable<string>): [number, number][] {
  const out: [number, number][] = [];
  for (const id of ids) {
    const g = d.placeById.get(id)?.geometry;
    if (!g) continue;
    const coords = g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : g.coordinates[0];
    for (const c of coords) out.push([c[0], c[1]]);
  }
  return out;
}

/** How close a fit may come, as AtlasMap.showPlaces: a lone city keeps its region, a short line is read closer. */
export function fitMaxZoom(coords: [number, number][]): number {
  const inside = coords.every(([lon, lat]) => lon >= DETAIL[0][0] && lon <= DETAIL[1][0] && lat >= DETAIL[0][1] && lat <= DETAIL[1][1]);
  const lons = coords.map((c) => c[0]), lats = coords.map((c) => c[1]);
  const span = Math.max(Math.max(...lons) - Math.min(...lons), Math.max(...lats) - Math.min(...lats));
  return !inside ? 4 : span > 0.5 ? 7 : 5;
}

export interface RecordedVideo {
  blob: Blob;
  frames: number;
  /** The video's length. */
  seconds: number;
  /** Wall time from the first frame to the finished file, and its parts: drawing frames, encoding them (ms). */
  totalMs: number;
  renderMs: number;
  encodeMs: number;
}

export async function recordVideo(o: RecordOptions): Promise<RecordedVideo> {
  const d = o.dataset;
  const L = videoLayout(VIDEO_WIDTH, VIDEO_HEIGHT);
  // The map box in CSS px at the video's map pixel ratio: 1472×528 drawn at 1840×660.
  const box = { width: L.map.width / VIDEO_MAP_RATIO, height: L.map.height / VIDEO_MAP_RATIO };
  const start = cameraForBox(o.scene.camera, o.scene.size, box);
  const map = await o.openMap(o.scene, { ...box, pixelRatio: VIDEO_MAP_RATIO, camera: start });
  try {
    let frames: FrameState[];
    const src = o.source;
    if (src.kind === 'story') {
      const story = d.storyById.get(src.storyId);
      if (!story) throw new Error(`the dataset has no story “${src.storyId}”`);
      const fit = (ids: string[]) => {
        const coords = placeCoords(d, ids);
        return coords.length ? map.cameraFor(coords, fitMaxZoom(coords)) : null;
      };
      const targets = storyTargets(d, story, { time: o.view.time, camera: start }, fit);
      frames = storyFrames(targets, { fromStep: src.fromStep, toStep: src.toStep, secondsPerStep: src.secondsPerStep, boxWidth: box.width });
    } else {
      frames = spanFrames({ from: src.from, to: src.to, seconds: src.seconds, camera: start, selected: o.view.selected });
    }
    o.onPlanned?.(frames.length);
    const canvas = document.createElement('canvas');
    canvas.width = VIDEO_WIDTH;
    canvas.height = VIDEO_HEIGHT;
    const render = frameRenderer({
      dataset: d, frames, map, filters: o.view.filters, lang: o.view.lang, projector: o.view.projector, words: o.words(frames), canvas, copyMap: o.copyMap,
    });
    const t0 = performance.now();
    const v = await encodeVideo({ canvas, frameCount: frames.length, format: o.format, render, onProgress: o.onProgress, signal: o.signal });
    return { ...v, frames: frames.length, seconds: frames.length / VIDEO_FPS, totalMs: performance.now() - t0 };
  } finally {
    map.remove();
  }
}
