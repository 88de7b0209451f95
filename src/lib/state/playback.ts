// One playback clock for the atlas: Play advances the playhead by days per second, story autoplay advances a step
// every few seconds. Both run on animation frames (or injected ones in tests) and keep the fraction they have not
// yet spent, so a slow frame never loses time and a fast one never adds it.
import { DAY } from '../model/dates';

export interface Frames {
  request(fn: (now: number) => void): number;
  cancel(handle: number): void;
  now(): number;
}

export const animationFrames: Frames = {
  request: (fn) => requestAnimationFrame(fn),
  cancel: (h) => cancelAnimationFrame(h),
  now: () => performance.now(),
};

/** Calls `tick(elapsedMs)` every frame until it returns false or the returned stop is called. */
export function runClock(tick: (elapsedMs: number) => boolean, frames: Frames = animationFrames): () => void {
  let last = frames.now();
  let handle = 0;
  let stopped = false;
  const frame = (now: number) => {
    if (stopped) return;
    const elapsed = now - last;
    last = now;
    if (!tick(elapsed)) return;
    handle = frames.request(frame);
  };
  handle = frames.request(frame);
  return () => {
    stopped = true;
    frames.cancel(handle);
  };
}

/**
 * The playhead after `elapsedMs` at `daysPerSecond`, moving whole days only and carrying the remainder (ms of
 * wall time not yet turned into a day). Stops at `end`.
 */
export function advancePlayhead(time: number, carryMs: number, elapsedMs: number, daysPerSecond: number, end: number): { time: number; carryMs: number; done: boolean } {
  const total = carryMs + elapsedMs;
  const days = Math.floor((total / 1000) * daysPerSecond);
  const rest = total - (days / daysPerSecond) * 1000;
  const next = time + days * DAY;
  if (next >= end) return { time: end, carryMs: 0, done: true };
  return { time: next, carryMs: rest, done: false };
}

/** Story autoplay: how many steps to advance after `elapsedMs` at one step per `intervalMs`, and the carry. */
export function advanceSteps(carryMs: number, elapsedMs: number, intervalMs: number): { steps: number; carryMs: number } {
  const total = carryMs + elapsedMs;
  const steps = Math.floor(total / intervalMs);
  return { steps, carryMs: total - steps * intervalMs };
}
