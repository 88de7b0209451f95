// Lanes, rows and pixel extents of every mark for the current scale: what the timeline draws, computed purely.
import type { ScaleTime } from 'd3-scale';
import type { EventRecord, InitiativeRecord, DisplayStatus } from '../model/dataset';
import type { Theme } from '../model/schema';
import { isPointLike } from '../model/dates';
import { laneLayout } from './laneLayout';

export interface Mark {
  id: string;
  kind: 'event' | 'initiative';
  /** A known day is a point; anything wider is a band from its earliest to its latest instant. */
  shape: 'point' | 'band';
  x0: number;
  x1: number;
  /** The band fades out to the right (ongoing). */
  open: boolean;
  row: number;
  display: DisplayStatus | 'ongoing' | 'completed';
  color: string;
  label: string;
  /** Whether the label fits beside the mark without overlapping. */
  showLabel: boolean;
}

export interface Lane {
  id: string;
  label: string;
  color: string;
  rows: number;
  marks: Mark[];
}

const POINT_W = 10;
const CHAR_W = 6.6;
const MAX_LABEL = 190;

export const labelWidth = (s: string) => Math.min(MAX_LABEL, s.length * CHAR_W + 6);
/** A label cut to what fits in MAX_LABEL pixels, with an ellipsis; the full title stays in the accessible name. */
export const fitLabel = (s: string) => (s.length * CHAR_W + 6 <= MAX_LABEL ? s : `${s.slice(0, Math.floor((MAX_LABEL - 6) / CHAR_W) - 1).trimEnd()}…`);

function pack(marks: Omit<Mark, 'row' | 'showLabel'>[], maxRows: number): { rows: number; marks: Mark[] } {
  const withLabels = marks.map((m) => ({ id: m.id, x0: m.x0 - POINT_W / 2, x1: Math.max(m.x1, m.x0 + (m.shape === 'point' ? POINT_W / 2 : 0)) + labelWidth(m.label) }));
  let packed = laneLayout(withLabels, 6, Infinity);
  let showLabel = true;
  if (packed.rows > maxRows) {
    packed = laneLayout(marks.map((m) => ({ id: m.id, x0: m.x0 - POINT_W / 2, x1: Math.max(m.x1, m.x0 + POINT_W / 2) })), 2, maxRows);
    showLabel = false;
  }
  return { rows: packed.rows, marks: marks.map((m) => ({ ...m, row: packed.row.get(m.id)!, showLabel })) };
}

export function timelineLayout(
  events: EventRecord[],
  initiatives: InitiativeRecord[],
  themes: Theme[],
  x: ScaleTime<number, number>,
  opts: { maxRows?: number; lang?: 'en' | 'ja' | 'hi' | 'gu' } = {},
): Lane[] {
  const maxRows = opts.maxRows ?? 4;
  const [, rightEdge] = x.range();
  const themeColor = new Map(themes.map((t) => [t.id, t.color]));
  const lanes: Lane[] = [];

  for (const theme of themes) {
    const inLane = events.filter((e) => e.themes[0] === theme.id);
    if (!inLane.length) continue;
    const marks = inLane.map((e) => {
      const point = isPointLike(e.span);
      const x0 = x(e.span.min);
      const x1 = Number.isFinite(e.span.max) ? x(e.span.max) : Math.max(rightEdge, x0 + 40);
      return {
        id: e.id, kind: 'event' as const, shape: point ? ('point' as const) : ('band' as const),
        x0: point ? x((e.span.min + e.span.max) / 2) : x0, x1: point ? x((e.span.min + e.span.max) / 2) : Math.max(x1, x0 + 3),
        open: e.span.open, display: e.display, color: theme.color, label: fitLabel(e.title),
      };
    });
    const { rows, marks: packed } = pack(marks, maxRows);
    lanes.push({ id: theme.id, label: opts.lang && opts.lang !== 'en' ? (theme.label[opts.lang] ?? theme.label.en) : theme.label.en, color: theme.color, rows, marks: packed });
  }
  if (initiatives.length) {
    const marks = initiatives.map((i) => {
      const x0 = x(i.span.min);
      const x1 = i.span.open ? Math.max(rightEdge, x0 + 40) : Math.max(x(i.span.max), x0 + 4);
      return {
        id: i.id, kind: 'initiative' as const, shape: 'band' as const, x0, x1, open: i.span.open,
        display: i.status === 'planned' ? ('planned' as const) : i.status === 'cancelled' ? ('cancelled' as const) : i.status === 'completed' ? ('completed' as const) : ('ongoing' as const),
        color: themeColor.get(i.themes[0]) ?? '#666', label: fitLabel(i.title),
      };
    });
    // Initiative bars run to the right edge, so their labels sit inside the bar: pack by bar only.
    const packed = laneLayout(marks.map((m) => ({ id: m.id, x0: m.x0, x1: Math.max(m.x1, m.x0 + labelWidth(m.label)) })), 3);
    lanes.push({ id: 'initiatives', label: 'Initiatives', color: '#555', rows: packed.rows, marks: marks.map((m) => ({ ...m, row: packed.row.get(m.id)!, showLabel: true })) });
  }
  return lanes;
}
