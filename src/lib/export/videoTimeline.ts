// The timeline strip of a video frame, drawn on a canvas: the lanes and marks (lib/timeline's layout and mark style,
// the same as the page's timeline) over the video's span, laid out once; then, per frame, the range, what is still
// ahead veiled, the selected marks ringed and the playhead with its date. Cheap per frame: one image and a few lines.
import { scaleUtc } from 'd3-scale';
import type { EventRecord, InitiativeRecord } from '../model/dataset';
import type { Theme } from '../model/schema';
import type { Lang } from '../model/types';
import { DAY } from '../model/dates';
import { dayInWords } from '../model/dateWords';
import { UI } from '../model/palette';
import { timelineLayout } from '../timeline/timelineLayout';
import { GUTTER, LANE_PAD, laneTops, rowHeight } from '../timeline/timelineGeometry';
import { markStyle } from '../timeline/markStyle';
import { timeTicks } from '../timeline/timeTicks';
import { fitText, font } from './canvasText';

export interface VideoTimelineOptions {
  events: EventRecord[];
  initiatives: InitiativeRecord[];
  themes: Theme[];
  domain: [number, number];
  width: number;
  height: number;
  lang: Lang;
  projector?: boolean;
}

export interface VideoTimeline {
  /** Draws the strip for a moment at (x, y) of `g`. */
  draw(g: CanvasRenderingContext2D, x: number, y: number, f: { time: number; range: [number, number] | null; highlighted: Set<string> }): void;
}

const AXIS = 34;

export function videoTimeline(o: VideoTimelineOptions): VideoTimeline {
  const { width: W, height: H } = o;
  const x = scaleUtc().domain([new Date(o.domain[0]), new Date(o.domain[1])]).range([GUTTER, W - 16]);
  const lanes = timelineLayout(o.events, [], o.themes, x, { lang: o.lang, mode: 'theme', maxRows: 2 });
  const tops = laneTops(lanes);
  // All lanes in the strip: rows are squeezed when there are more than fit (marks keep their size).
  const k = Math.min(1, (H - AXIS - 4) / Math.max(1, tops.total));
  const marks = new Map<string, { x0: number; x1: number; y: number; m: (typeof lanes)[number]['marks'][number] }>();

  const base = document.createElement('canvas');
  base.width = W;
  base.height = H;
  // In memory like the video canvas it is copied onto each frame (no GPU round trip per frame).
  const g = base.getContext('2d', { willReadFrequently: true })!;
  g.fillStyle = UI.paper;
  g.fillRect(0, 0, W, H);
  g.fillStyle = '#f6f8fa';
  g.fillRect(GUTTER, 0, W - GUTTER, AXIS);
  // Axis: ticks and their labels, grid lines through the lanes.
  for (const t of timeTicks(x, o.lang)) {
    const tx = Math.round(x(t.ms)) + 0.5;
    if (tx < GUTTER) continue;
    g.strokeStyle = t.major ? '#dfe4ea' : '#eef1f4';
    g.lineWidth = 1;
    g.beginPath();
    g.moveTo(tx, AXIS);
    g.lineTo(tx, H);
    g.stroke();
    g.strokeStyle = '#8a94a3';
    g.beginPath();
    g.moveTo(tx, AXIS - 9);
    g.lineTo(tx, AXIS);
    g.stroke();
    g.fillStyle = t.major ? UI.ink : UI.muted;
    g.font = font(14, t.major ? 600 : 400);
    g.fillText(t.label, tx + 4, AXIS - 13);
  }
  lanes.forEach((lane, li) => {
    const top = AXIS + tops.ys[li] * k;
    const laneH = (tops.ys[li + 1] ?? tops.total) * k - tops.ys[li] * k;
    if (li % 2) {
      g.fillStyle = '#f8f9fb';
      g.fillRect(0, top, W, laneH);
    }
    g.fillStyle = lane.color;
    fitText(g, lane.label, 8, top + Math.min(laneH, 24) / 2 + 6, GUTTER - 16, 14, 10);
    const rh = rowHeight(lane.id);
    for (const m of lane.marks) {
      if (m.x1 < GUTTER || m.x0 > W) continue;
      const y = top + (LANE_PAD + m.row * rh + rh / 2) * k;
      marks.set(m.id, { x0: m.x0, x1: m.x1, y, m });
      const st = markStyle(m, { projector: o.projector });
      g.strokeStyle = st.stroke;
      g.fillStyle = st.fill;
      g.lineWidth = st.strokeWidth;
      g.setLineDash(st.dash);
      g.globalAlpha = st.opacity;
      if (m.shape === 'point') {
        g.beginPath();
        g.arc(m.x0, y, st.radius, 0, Math.PI * 2);
        g.globalAlpha = st.opacity * st.fillOpacity;
        g.fill();
        g.globalAlpha = st.opacity;
        g.stroke();
      } else {
        const x0 = Math.max(m.x0, GUTTER), x1 = Math.min(m.x1, W - 4);
        g.globalAlpha = st.opacity * st.fillOpacity;
        g.fillRect(x0, y - 5, Math.max(3, x1 - x0), 10);
        g.globalAlpha = st.opacity;
        g.strokeRect(x0, y - 5, Math.max(3, x1 - x0), 10);
      }
      g.globalAlpha = 1;
      g.setLineDash([]);
    }
  });

  return {
    draw(out, ox, oy, f) {
      out.save();
      out.translate(ox, oy);
      out.beginPath();
      out.rect(0, 0, W, H);
      out.clip();
      out.drawImage(base, 0, 0);
      const px = x(f.time);
      if (f.range) {
        const r0 = Math.max(GUTTER, x(f.range[0])), r1 = Math.min(W, x(f.range[1] + DAY));
        out.fillStyle = 'rgba(230,126,34,0.14)';
        out.fillRect(r0, 0, Math.max(2, r1 - r0), H);
      }
      // What is still ahead of the playhead is veiled, as the map fades places whose events are ahead.
      if (px < W) {
        out.fillStyle = 'rgba(255,255,255,0.55)';
        out.fillRect(Math.max(GUTTER, px), AXIS, W - Math.max(GUTTER, px), H - AXIS);
      }
      for (const id of f.highlighted) {
        const at = marks.get(id);
        if (!at) continue;
        out.strokeStyle = UI.accent;
        out.lineWidth = 3;
        out.beginPath();
        if (at.m.shape === 'point') out.arc(at.x0, at.y, 10, 0, Math.PI * 2);
        else out.rect(Math.max(GUTTER, at.x0) - 3, at.y - 8, Math.max(6, Math.min(at.x1, W) - Math.max(GUTTER, at.x0) + 6), 16);
        out.stroke();
      }
      if (px >= GUTTER && px <= W) {
        out.strokeStyle = UI.accent;
        out.lineWidth = 3;
        out.beginPath();
        out.moveTo(px, 0);
        out.lineTo(px, H);
        out.stroke();
        // The playhead's date, in a tab at the top, kept inside the strip.
        const label = dayInWords(f.time, o.lang);
        out.font = font(15, 600);
        const tw = out.measureText(label).width + 14;
        const lx = Math.min(Math.max(GUTTER, px - tw / 2), W - tw);
        out.fillStyle = UI.accent;
        out.fillRect(lx, 2, tw, AXIS - 8);
        out.fillStyle = UI.paper;
        out.fillText(label, lx + 7, AXIS - 12);
      }
      out.restore();
    },
  };
}
