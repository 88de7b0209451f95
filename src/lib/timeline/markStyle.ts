// How a timeline mark is drawn, once for both renderers: the SVG marks (as presentation attributes, so the CSS for
// selection, hover and focus still wins) and the dense canvas read the same values.
import type { Mark } from './timelineLayout';

export interface MarkStyle {
  /** Point radius (px). */
  radius: number;
  stroke: string;
  strokeWidth: number;
  /** Fill colour; hollow points (planned, overdue, cancelled) are white inside. */
  fill: string;
  fillOpacity: number;
  /** Dash pattern of the outline, empty for solid. */
  dash: number[];
  /** Cancelled points carry a slash. */
  slash: boolean;
  /** Marks outside the selection fade while something is selected. */
  opacity: number;
}

export const PAPER = '#fff';

export function markStyle(m: Pick<Mark, 'shape' | 'kind' | 'display' | 'color'>, o: { dimmed?: boolean; projector?: boolean; dense?: boolean } = {}): MarkStyle {
  const planned = m.display === 'planned' || m.display === 'overdue';
  const point = m.shape === 'point';
  const hollow = point && (planned || m.display === 'cancelled');
  const bandOpacity = m.kind === 'initiative' ? 0.2 : o.projector ? 0.55 : 0.35;
  return {
    radius: o.dense ? 4 : 5.5,
    stroke: m.color,
    strokeWidth: point ? (o.projector ? 3 : 2) : o.projector ? 2 : 1.2,
    fill: hollow ? PAPER : m.color,
    fillOpacity: planned ? 0.08 : point ? 1 : bandOpacity,
    dash: planned ? (o.projector ? [4, 3] : [3, 2]) : [],
    slash: point && m.display === 'cancelled',
    opacity: o.dimmed ? 0.35 : 1,
  };
}
