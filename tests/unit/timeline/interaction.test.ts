import { describe, expect, it } from 'vitest';
import { sliderKeyTime } from '../../../src/lib/timeline/sliderKeys';
import { axisGesture, frameBoth, laneTops, markAt, openingFrame, LANE_PAD } from '../../../src/lib/timeline/timelineGeometry';
import { markStyle } from '../../../src/lib/timeline/markStyle';
import type { Lane, Mark } from '../../../src/lib/timeline/timelineLayout';

const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
const bounds: [number, number] = [day('2020-01-01'), day('2030-12-31')];

describe('sliderKeyTime', () => {
  it.each([
    [{ key: 'ArrowRight' }, '2024-02-29', '2024-03-01'],
    [{ key: 'ArrowLeft' }, '2024-03-01', '2024-02-29'],
    [{ key: 'ArrowUp', shiftKey: true }, '2024-01-31', '2024-02-29'],
    [{ key: 'ArrowDown', shiftKey: true }, '2024-03-31', '2024-02-29'],
    [{ key: 'PageUp' }, '2024-02-29', '2025-02-28'],
    [{ key: 'PageUp' }, '0050-06-01', '0051-06-01'],
    [{ key: 'PageDown' }, '2025-06-01', '2024-06-01'],
    [{ key: 'Home' }, '2025-06-01', '2020-01-01'],
    [{ key: 'End' }, '2025-06-01', '2030-12-31'],
  ])('%j from %s → %s', (e, from, to) => {
    expect(new Date(sliderKeyTime(e, day(from), bounds)!).toISOString().slice(0, 10)).toBe(to);
  });
  it('other keys are not the slider’s', () => {
    expect(sliderKeyTime({ key: 'a' }, 0, bounds)).toBeNull();
  });
});

const mark = (id: string, row: number, x0: number, x1 = x0, kind: Mark['kind'] = 'event'): Mark => ({
  id, kind, shape: x0 === x1 ? 'point' : 'band', x0, x1, open: false, row, display: 'happened', color: '#000', label: id, showLabel: true,
});
const lanes: Lane[] = [
  { id: 'ai', label: 'AI', color: '#000', rows: 2, marks: [mark('p', 0, 200), mark('q', 0, 230), mark('band', 1, 300, 400)] },
  { id: 'initiatives', label: 'Initiatives', color: '#000', rows: 1, marks: [mark('span', 0, 150, 500, 'initiative')] },
];

describe('timeline geometry and hit testing', () => {
  const { ys, total } = laneTops(lanes);
  it('stacks lanes with padding', () => {
    expect(ys).toEqual([0, 2 * 20 + 2 * LANE_PAD]);
    expect(total).toBe(52 + 16 + 12);
  });
  it.each([
    [204, LANE_PAD + 10, 'p'],
    [215, LANE_PAD + 10, null],
    [226, LANE_PAD + 10, 'q'],
    [350, LANE_PAD + 30, 'band'],
    [405, LANE_PAD + 30, 'band'],
    [350, LANE_PAD + 10, null],
    [300, 52 + LANE_PAD + 5, 'span'],
    [300, 500, null],
  ])('at (%d, %d) picks %s', (x, y, want) => {
    expect(markAt(lanes, ys, x, y, false)?.mark.id ?? null).toBe(want);
  });
  it('initiative spans drawn as lane backgrounds are not picked', () => {
    expect(markAt(lanes, ys, 300, 52 + LANE_PAD + 5, true)).toBeNull();
  });
  it.each([
    [100, 103, { kind: 'click', x: 103 }],
    [100, 60, { kind: 'brush', x0: 60, x1: 100 }],
  ])('a gesture from %d to %d is %j', (a, b, want) => {
    expect(axisGesture(a, b)).toEqual(want);
  });
  it('frameBoth centres two times and never zooms in beyond the current zoom', () => {
    expect(frameBoth(100, 300, 0, 1000, 50)).toEqual({ k: 5, tx: 500 - 5 * 200 });
    expect(frameBoth(100, 110, 0, 1000, 2).k).toBe(2);
    expect(frameBoth(0, 5000, 0, 1000, 2).k).toBe(1);
  });
  it('openingFrame zooms to the recent years, or not at all when they fill the plot', () => {
    expect(openingFrame(600, 800, 128, 1128)).toEqual({ k: 5, tx: 128 - 5 * 600 });
    expect(openingFrame(128, 1128, 128, 1128)).toBeNull();
  });
});

describe('markStyle (shared by the SVG marks and the canvas)', () => {
  it.each([
    [{ shape: 'point', kind: 'event', display: 'happened' }, { fill: '#123456', dash: [], slash: false, fillOpacity: 1 }],
    [{ shape: 'point', kind: 'event', display: 'planned' }, { fill: '#fff', dash: [3, 2], slash: false }],
    [{ shape: 'point', kind: 'event', display: 'overdue' }, { fill: '#fff', dash: [3, 2] }],
    [{ shape: 'point', kind: 'event', display: 'cancelled' }, { fill: '#fff', dash: [], slash: true }],
    [{ shape: 'band', kind: 'event', display: 'happened' }, { fill: '#123456', fillOpacity: 0.35 }],
    [{ shape: 'band', kind: 'event', display: 'planned' }, { fillOpacity: 0.08, dash: [3, 2] }],
    [{ shape: 'band', kind: 'initiative', display: 'ongoing' }, { fillOpacity: 0.2, dash: [] }],
  ] as const)('%j', (m, want) => {
    expect(markStyle({ ...m, color: '#123456' })).toMatchObject(want);
  });
  it('a planned mark is never drawn like a happened one, in either theme', () => {
    for (const projector of [false, true]) {
      const h = markStyle({ shape: 'point', kind: 'event', display: 'happened', color: '#123456' }, { projector });
      const p = markStyle({ shape: 'point', kind: 'event', display: 'planned', color: '#123456' }, { projector });
      expect(p.fill).not.toBe(h.fill);
      expect(p.dash.length).toBeGreaterThan(0);
    }
  });
  it('dims marks outside the selection', () => {
    expect(markStyle({ shape: 'point', kind: 'event', display: 'happened', color: '#000' }, { dimmed: true }).opacity).toBeLessThan(1);
  });
});
