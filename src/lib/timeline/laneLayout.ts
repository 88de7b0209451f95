// Packs horizontal extents into the fewest rows so that none overlap (greedy first fit, sorted by start).
import { byCodePoint } from '../model/dataset';

export interface Extent {
  id: string;
  x0: number;
  x1: number;
}

export interface Packed {
  rows: number;
  /** Row index per id. */
  row: Map<string, number>;
}

/** Items closer than `gap` pixels go on separate rows; beyond `maxRows` items share the last row. */
export function laneLayout(items: Extent[], gap = 4, maxRows = Infinity): Packed {
  const sorted = [...items].sort((a, b) => a.x0 - b.x0 || byCodePoint(a.id, b.id));
  const ends: number[] = [];
  const row = new Map<string, number>();
  for (const it of sorted) {
    let r = ends.findIndex((end) => end + gap <= it.x0);
    if (r === -1) {
      if (ends.length < maxRows) {
        r = ends.length;
        ends.push(-Infinity);
      } else {
        r = ends.indexOf(Math.min(...ends));
      }
    }
    ends[r] = Math.max(ends[r], it.x1);
    row.set(it.id, r);
  }
  return { rows: Math.max(1, ends.length), row };
}
