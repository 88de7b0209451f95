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
export function fitLabel(s: string): string {
  if (s.length * CHAR_W + 6 <= MAX_LABEL) return s;
  // Cut between words, so that what is shown is words of the mark's accessible name (WCAG 2.5.3, label in name);
  // a single long word (or a script without spaces) is cut where it must be.
  return `${wordCut(s, Math.floor((MAX_LABEL - 6) / CHAR_W) - 1)}…`;
}

/** The start of `s` in at most `max` characters, ending between words and outside an unclosed parenthesis. */
export function wordCut(s: string, max: number): string {
  let cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  if (space > cut.length / 2) cut = cut.slice(0, space);
  const open = cut.lastIndexOf('(');
  if (open > 0 && !cut.slice(open).includes(')')) cut = cut.slice(0, open);
  return cut.replace(/[\s,;:&–—-]+$/u, '');
}

/** How an initiative's bar is drawn: its status as is ('planned' and 'cancelled' share the events' styles). */
const initiativeDisplay = (status: InitiativeRecord['status']): Mark['display'] => status;

function eventMark(e: EventRecord, color: string, x: ScaleTime<number, number>, rightEdge: number): Omit<Mark, 'row' | 'showLabel'> {
  const point = isPointLike(e.span);
  const x0 = x(e.span.min);
  const x1 = Number.isFinite(e.span.max) ? x(e.span.max) : Math.max(rightEdge, x0 + 40);
  const mid = x((e.span.min + e.span.max) / 2);
  return {
    id: e.id, kind: 'event', shape: point ? 'point' : 'band', x0: point ? mid : x0, x1: point ? mid : Math.max(x1, x0 + 3),
    open: e.span.open, display: e.display, color, label: fitLabel(e.title),
  };
}

/** Lanes by initiative: each initiative's span with its milestones on it, then the events of no initiative. */
function initiativeLanes(events: EventRecord[], initiatives: InitiativeRecord[], themes: Theme[], x: ScaleTime<number, number>, collapsedIds: string[], noInitiative = 'No initiative'): Lane[] {
  const collapsed = new Set(collapsedIds);
  const rightEdge = x.range()[1];
  const themeColor = new Map(themes.map((t) => [t.id, t.color]));
  const lanes: Lane[] = [];
  const placed = new Set<string>();
  for (const i of [...initiatives].sort((a, b) => a.span.min - b.span.min)) {
    const color = themeColor.get(i.themes[0]) ?? '#666';
    const x0 = x(i.span.min);
    const bar: Mark = {
      id: i.id, kind: 'initiative', shape: 'band', x0, x1: i.span.open ? Math.max(rightEdge, x0 + 40) : Math.max(x(i.span.max), x0 + 4), open: i.span.open,
      display: initiativeDisplay(i.status),
      color, label: fitLabel(i.title), row: 0, showLabel: false,
    };
    const mine = events.filter((e) => e.initiatives.includes(i.id));
    mine.forEach((e) => placed.add(e.id));
    const { rows, marks } = pack(mine.map((e) => eventMark(e, color, x, rightEdge)), collapsed.has(i.id) ? 1 : 3);
    lanes.push({ id: i.id, label: i.title, color, rows, marks: [bar, ...marks] });
  }
  const rest = events.filter((e) => !placed.has(e.id));
  if (rest.length) {
    const { rows, marks } = pack(rest.map((e) => eventMark(e, themeColor.get(e.themes[0]) ?? '#666', x, rightEdge)), collapsed.has('other') ? 1 : 4);
    lanes.push({ id: 'other', label: noInitiative, color: '#555', rows, marks });
  }
  return lanes;
}

function pack(marks: Omit<Mark, 'row' | 'showLabel'>[], maxRows: number): { rows: number; marks: Mark[] } {
  const withLabels = marks.map((m) => ({ id: m.id, x0: m.x0 - POINT_W / 2, x1: Math.max(m.x1, m.x0 + (m.shape === 'point' ? POINT_W / 2 : 0)) + labelWidth(m.label) }));
  // Capped at maxRows + 1: once labels need more rows than that they are dropped anyway (keeps 100k marks linear).
  let packed = laneLayout(withLabels, 6, maxRows + 1);
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
  opts: {
    maxRows?: number;
    lang?: 'en' | 'ja' | 'hi' | 'gu';
    mode?: 'theme' | 'initiative';
    collapsed?: string[];
    /** The lane names the layout itself gives, in the interface's language. */
    words?: { initiatives: string; noInitiative: string };
  } = {},
): Lane[] {
  // Only what can be on screen (with room for labels to the left) is laid out: deep zoom stays cheap.
  const [r0, r1] = x.range();
  const t0 = x.invert(r0 - MAX_LABEL - 20).getTime(), t1 = x.invert(r1 + 20).getTime();
  events = events.filter((e) => e.span.min <= t1 && e.span.max >= t0);
  if (opts.mode === 'initiative') return initiativeLanes(events, initiatives, themes, x, opts.collapsed ?? [], opts.words?.noInitiative);
  const collapsed = new Set(opts.collapsed ?? []);
  const maxRows = opts.maxRows ?? 4;
  const [, rightEdge] = x.range();
  const themeColor = new Map(themes.map((t) => [t.id, t.color]));
  const lanes: Lane[] = [];

  for (const theme of themes) {
    const inLane = events.filter((e) => e.themes[0] === theme.id);
    if (!inLane.length) continue;
    const marks = inLane.map((e) => eventMark(e, theme.color, x, rightEdge));
    const { rows, marks: packed } = pack(marks, collapsed.has(theme.id) ? 1 : maxRows);
    lanes.push({ id: theme.id, label: opts.lang && opts.lang !== 'en' ? (theme.label[opts.lang] ?? theme.label.en) : theme.label.en, color: theme.color, rows, marks: packed });
  }
  if (initiatives.length) {
    const marks = initiatives.map((i) => {
      const x0 = x(i.span.min);
      const x1 = i.span.open ? Math.max(rightEdge, x0 + 40) : Math.max(x(i.span.max), x0 + 4);
      return {
        id: i.id, kind: 'initiative' as const, shape: 'band' as const, x0, x1, open: i.span.open,
        display: initiativeDisplay(i.status),
        color: themeColor.get(i.themes[0]) ?? '#666', label: fitLabel(i.title),
      };
    });
    // Initiative bars run to the right edge, so their labels sit inside the bar: pack by bar only.
    const packed = laneLayout(marks.map((m) => ({ id: m.id, x0: m.x0, x1: Math.max(m.x1, m.x0 + labelWidth(m.label)) })), 3, collapsed.has('initiatives') ? 1 : 12);
    lanes.push({ id: 'initiatives', label: opts.words?.initiatives ?? 'Initiatives', color: '#555', rows: packed.rows, marks: marks.map((m) => ({ ...m, row: packed.row.get(m.id)!, showLabel: true })) });
  }
  return lanes;
}
