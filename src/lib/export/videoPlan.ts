// What each frame of a video shows (pure): a story, step by step (its view, time or range, selection and caption,
// the camera easing from one step's view to the next), or the playhead moving across a span of time. The plan is
// computed from the dataset and the story alone; recording it never changes the atlas's own state.
import type { Dataset } from '../model/dataset';
import type { Story } from '../model/schema';
import type { Camera } from '../model/types';
import { DAY, parseIsoDay } from '../model/dates';
import { hasRecord, recordPlaces } from '../model/dataset';
import { cameraBetween, easeInOut } from '../map/sceneState';

export const VIDEO_FPS = 30;
export const VIDEO_WIDTH = 1920;
export const VIDEO_HEIGHT = 1080;

export interface FrameState {
  /** The playhead (ms, a whole day). */
  time: number;
  range: [number, number] | null;
  camera: Camera;
  /** The selected record, as the story step selects it. */
  selected: string | null;
  caption: string | null;
  /** 1-based step of the story, and how many it has (null for a time span). */
  step: number | null;
  steps: number | null;
}

/** A story step resolved as AtlasState.goToStep applies it: time or range, selection, view (or a fit, or as before). */
export interface StepTarget {
  time: number;
  range: [number, number] | null;
  selected: string | null;
  camera: Camera;
  caption: string;
}

/**
 * Each step's target, from `start` (the view before the first step): a step without a view frames its selection's
 * places (`fit`), and one about something without a place keeps the camera where it was.
 */
export function storyTargets(d: Dataset, story: Story, start: { time: number; camera: Camera }, fit: (placeIds: string[]) => Camera | null): StepTarget[] {
  const out: StepTarget[] = [];
  let prev = { time: start.time, camera: start.camera };
  for (const st of story.steps) {
    const day = (s: string) => parseIsoDay(s) ?? prev.time;
    let time = prev.time;
    let range: [number, number] | null = null;
    if (st.range) {
      const a = day(st.range[0]), b = day(st.range[1]);
      range = a <= b ? [a, b] : [b, a];
      time = range[1];
    }
    if (st.time) time = day(st.time);
    const selected = st.select && hasRecord(d, st.select) ? st.select : null;
    const view = (st as { view?: { center: [number, number]; zoom: number } }).view;
    const camera = view ? { zoom: view.zoom, lat: view.center[1], lon: view.center[0] } : (fit([...recordPlaces(d, selected)]) ?? prev.camera);
    out.push({ time, range, selected, camera, caption: st.caption });
    prev = { time, camera };
  }
  return out;
}

export interface StoryVideoOptions {
  /** Steps from and to (1-based, inclusive). */
  fromStep: number;
  toStep: number;
  secondsPerStep: number;
  /** How long the move into each step takes (from the second step on); the rest of the step holds still. */
  moveSeconds?: number;
  fps?: number;
  /** The map box's width in CSS px, for the camera's zoom-out between distant views. */
  boxWidth: number;
}

/** The frames of a story video: each step holds `secondsPerStep`, its first `moveSeconds` easing in from the step before. */
export function storyFrames(targets: StepTarget[], o: StoryVideoOptions): FrameState[] {
  const fps = o.fps ?? VIDEO_FPS;
  const from = Math.max(1, Math.min(targets.length, Math.round(o.fromStep)));
  const to = Math.max(from, Math.min(targets.length, Math.round(o.toStep)));
  const perStep = Math.max(1, Math.round(o.secondsPerStep * fps));
  const move = Math.min(perStep - 1, Math.round((o.moveSeconds ?? Math.min(1.5, o.secondsPerStep / 2)) * fps));
  const frames: FrameState[] = [];
  for (let n = from; n <= to; n++) {
    const t = targets[n - 1];
    const prev = n > from ? targets[n - 2] : null;
    for (let i = 0; i < perStep; i++) {
      let camera = t.camera, time = t.time;
      if (prev && i < move) {
        const p = easeInOut((i + 1) / (move + 1));
        camera = cameraBetween(prev.camera, t.camera, p, o.boxWidth);
        time = Math.round((prev.time + (t.time - prev.time) * p) / DAY) * DAY;
      }
      frames.push({ time, range: t.range, camera, selected: t.selected, caption: t.caption, step: n, steps: targets.length });
    }
  }
  return frames;
}

/** The frames of the playhead moving from `from` to `to` (whole days) in `seconds`, the camera and selection held. */
export function spanFrames(o: { from: number; to: number; seconds: number; fps?: number; camera: Camera; selected: string | null }): FrameState[] {
  const fps = o.fps ?? VIDEO_FPS;
  const n = Math.max(2, Math.round(o.seconds * fps));
  const [a, b] = o.from <= o.to ? [o.from, o.to] : [o.to, o.from];
  const frames: FrameState[] = [];
  for (let i = 0; i < n; i++) {
    const time = Math.round((a + ((b - a) * i) / (n - 1)) / DAY) * DAY;
    frames.push({ time, range: null, camera: o.camera, selected: o.selected, caption: null, step: null, steps: null });
  }
  return frames;
}

/**
 * The time the video's timeline strip shows: every frame's playhead and range, with a margin of a tenth on each side
 * (at least 30 days).
 */
export function framesDomain(frames: FrameState[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const f of frames) {
    lo = Math.min(lo, f.time, f.range?.[0] ?? Infinity);
    hi = Math.max(hi, f.time, f.range?.[1] ?? -Infinity);
  }
  if (!Number.isFinite(lo)) return [0, DAY];
  const pad = Math.max(30 * DAY, (hi - lo) / 10);
  return [lo - pad, hi + pad];
}

/** Seconds left at the pace so far: (frames left) × (time per frame done). Null before the first frame. */
export function secondsLeft(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0) return null;
  return Math.max(0, ((total - done) * elapsedMs) / done / 1000);
}
