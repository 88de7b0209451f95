// Draws a video's frames: for frame i of the plan, the off-screen map is set to that moment (camera, places' phase,
// selection and filters) and drawn, then map, timeline strip, caption, title, legend and credit are composed on the
// video canvas. The map arrives as an interface (lib/map/offscreenMap implements it), so nothing here touches the
// atlas's state or the on-screen map.
import type { Dataset } from '../model/dataset';
import type { Camera, Lang } from '../model/types';
import type { LegendKey } from '../model/palette';
import { UI } from '../model/palette';
import { applyFilters, type Filters } from '../model/filters';
import { markdownText } from '../model/markdown';
import { placeStatesAt } from '../map/sceneState';
import { videoLayout, type ImageLayout } from './imageLayout';
import { drawCredit, drawLegend, fitText, font, wrapLines } from './canvasText';
import { drawMapInBox } from './exportImage';
import { framesDomain, type FrameState } from './videoPlan';
import { recordEvents, recordPlaces } from '../model/dataset';
import { videoTimeline } from './videoTimeline';

/** The map a video draws its frames with (lib/map/offscreenMap.OffscreenMap). */
export interface FrameMap {
  setPlaceStates(states: Map<string, Record<string, unknown>>): void;
  /** Draws the map at `camera`; `fresh` when the picture changed since the last call. */
  draw(camera?: Camera): Promise<{ canvas: HTMLCanvasElement; fresh: boolean }>;
}

export interface FrameWords {
  title: string;
  /** The line under the title for a frame: the date or range, the step. */
  subtitle: (f: FrameState) => string;
  legend: LegendKey[];
  credit: string[];
}

export interface FrameRendererOptions {
  dataset: Dataset;
  frames: FrameState[];
  map: FrameMap;
  /** The filters of the view the video starts from (themes, statuses, actors); a step's range is added per frame. */
  filters: Omit<Filters, 'range'>;
  lang: Lang;
  projector: boolean;
  words: FrameWords;
  canvas: HTMLCanvasElement;
  /** Copies the map's picture into a canvas in memory (lib/map/offscreenMap.copyCanvas). */
  copyMap: (src: HTMLCanvasElement, into?: HTMLCanvasElement) => HTMLCanvasElement;
}

/** A function that draws frame i on the video canvas. */
export function frameRenderer(o: FrameRendererOptions): (i: number) => Promise<void> {
  const d = o.dataset;
  const L: ImageLayout = videoLayout(o.canvas.width, o.canvas.height);
  const strip = videoTimeline({
    events: applyFilters(d.events, { ...o.filters, range: null }),
    initiatives: d.initiatives,
    themes: d.themes,
    domain: framesDomain(o.frames),
    width: L.timeline.width,
    height: L.timeline.height,
    lang: o.lang,
    projector: o.projector,
  });
  const filtered = Boolean(o.filters.themes || o.filters.statuses || o.filters.actors);
  const visibleByRange = new Map<string, Set<string> | null>();
  const visiblePlaces = (range: [number, number] | null): Set<string> | null => {
    if (!filtered && !range) return null;
    const key = range ? range.join('/') : '';
    let v = visibleByRange.get(key);
    if (v === undefined) {
      v = new Set<string>();
      for (const e of applyFilters(d.events, { ...o.filters, range })) {
        for (const p of e.places) {
          v.add(p);
          for (const parent of d.placeById.get(p)?.partOf ?? []) v.add(parent);
        }
      }
      visibleByRange.set(key, v);
    }
    return v;
  };
  // A canvas in memory, not on the GPU: the encoder reads every frame back, which from a GPU canvas (SwiftShader
  // here) costs ten times the encoding itself.
  const g = o.canvas.getContext('2d', { willReadFrequently: true })!;
  const captionCache = new Map<string, string>();
  let mapCanvas: HTMLCanvasElement | undefined;

  return async (i: number) => {
    const f = o.frames[i];
    o.map.setPlaceStates(placeStatesAt(d, { time: f.time, highlighted: recordPlaces(d, f.selected), visible: visiblePlaces(f.range) }));
    const drawn = await o.map.draw(f.camera);
    // The map's picture is read back from the GPU only when it changed; still frames reuse the copy.
    if (drawn.fresh || !mapCanvas) mapCanvas = o.copyMap(drawn.canvas, mapCanvas);
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.fillStyle = UI.background;
    g.fillRect(0, 0, o.canvas.width, o.canvas.height);
    g.fillStyle = UI.ink;
    fitText(g, o.words.title, L.title.x, L.title.y, L.textWidth, 32, 22, 600);
    g.fillStyle = UI.muted;
    fitText(g, o.words.subtitle(f), L.subtitle.x, L.subtitle.y, L.textWidth, 24, 16);
    drawMapInBox(g, mapCanvas, L.map);
    if (f.caption) {
      let text = captionCache.get(f.caption);
      if (text === undefined) captionCache.set(f.caption, (text = markdownText(f.caption)));
      drawCaption(g, text, L);
    }
    strip.draw(g, L.timeline.x, L.timeline.y, { time: f.time, range: f.range, highlighted: recordEvents(d, f.selected) });
    g.strokeStyle = UI.line;
    g.lineWidth = 1;
    g.strokeRect(L.timeline.x, L.timeline.y, L.timeline.width, L.timeline.height);
    drawLegend(g, o.words.legend, L.title.x, L.legendY, L.textWidth, 17);
    drawCredit(g, o.words.credit, L.title.x, L.creditY, L.textWidth);
  };
}

/** The step's caption over the foot of the map, on a light panel, in at most three lines. */
function drawCaption(g: CanvasRenderingContext2D, text: string, L: ImageLayout) {
  const pad = 18, size = 30, lineH = 40;
  const maxW = L.map.width - 2 * 24 - 2 * pad;
  g.font = font(size);
  const lines = wrapLines(text, maxW, (s) => g.measureText(s).width, 3);
  const h = lines.length * lineH + 2 * pad - (lineH - size) + 4;
  const x = L.map.x + 24, y = L.map.y + L.map.height - 24 - h;
  g.fillStyle = 'rgba(255,255,255,0.93)';
  g.fillRect(x, y, L.map.width - 48, h);
  g.fillStyle = UI.accent;
  g.fillRect(x, y, 6, h);
  g.fillStyle = UI.ink;
  g.font = font(size);
  lines.forEach((line, i) => g.fillText(line, x + pad + 4, y + pad + size - 4 + i * lineH));
}
