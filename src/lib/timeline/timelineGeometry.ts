// The timeline's vertical geometry and what lies under a pointer: lanes stacked with padding, rows within a lane,
// and the nearest mark within reach in the row under the pointer. Pure, so the SVG, the canvas and the tests agree.
import type { Lane, Mark } from './timelineLayout';

export const GUTTER = 128;
export const ROW = 20;
/** Initiative bars are thinner than event rows: they are context, not the marks users pick most. */
export const ROW_I = 16;
export const LANE_PAD = 6;
export const AXIS_H = 30;
/** How far (px) from a mark a pointer still picks it. */
export const HIT_REACH = 6;

export const rowHeight = (laneId: string) => (laneId === 'initiatives' ? ROW_I : ROW);
export const laneHeight = (l: Pick<Lane, 'id' | 'rows'>) => l.rows * rowHeight(l.id) + LANE_PAD * 2;

/** Each lane's top and the total height. */
export function laneTops(lanes: Pick<Lane, 'id' | 'rows'>[]): { ys: number[]; total: number } {
  const ys: number[] = [];
  let y = 0;
  for (const l of lanes) {
    ys.push(y);
    y += laneHeight(l);
  }
  return { ys, total: y };
}

/** The nearest mark within HIT_REACH of (px, py) in the row under it; initiative spans drawn as lane backgrounds are not picked. */
export function markAt(lanes: Lane[], tops: number[], px: number, py: number, spansAsBackground: boolean): { mark: Mark; lane: number } | null {
  const li = tops.findIndex((y, i) => py >= y && py < y + laneHeight(lanes[i]));
  if (li < 0) return null;
  const row = Math.floor((py - tops[li] - LANE_PAD) / rowHeight(lanes[li].id));
  let best: Mark | null = null;
  let bestD = HIT_REACH;
  for (const m of lanes[li].marks) {
    if (m.row !== row || (m.kind === 'initiative' && spansAsBackground)) continue;
    const d = px < m.x0 ? m.x0 - px : px > m.x1 ? px - m.x1 : 0;
    if (d <= bestD) [best, bestD] = [m, d];
  }
  return best ? { mark: best, lane: li } : null;
}

/** A pointer gesture on the axis: a short move is a click (move the playhead), a longer one brushes a range. */
export function axisGesture(fromX: number, toX: number, minDrag = 5): { kind: 'click'; x: number } | { kind: 'brush'; x0: number; x1: number } {
  if (Math.abs(toX - fromX) < minDrag) return { kind: 'click', x: toX };
  return { kind: 'brush', x0: Math.min(fromX, toX), x1: Math.max(fromX, toX) };
}

/**
 * The zoom (scale k and translate) that shows both `a` and `b` (base-scale pixels) between `left` and `right`,
 * never zooming in beyond `currentK`, never out beyond the whole record (k ≥ 1).
 */
export function frameBoth(a: number, b: number, left: number, right: number, currentK: number): { k: number; tx: number } {
  const lo = Math.min(a, b), hi = Math.max(a, b);
  const k = Math.max(1, Math.min(currentK, (right - left) / Math.max(1, hi - lo)));
  return { k, tx: (left + right) / 2 - (k * (lo + hi)) / 2 };
}

/** The zoom that opens the timeline on [from, to] (base-scale pixels) across a plot starting at `gutter`. */
export function openingFrame(x0: number, x1: number, rangeStart: number, rangeEnd: number, gutter = GUTTER): { k: number; tx: number } | null {
  const k = (rangeEnd - rangeStart) / Math.max(1, x1 - x0);
  return k > 1 ? { k, tx: gutter - k * x0 } : null;
}
