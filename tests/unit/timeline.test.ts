import { describe, expect, it } from 'vitest';
import { scaleUtc } from 'd3-scale';
import { laneLayout } from '../../src/lib/timeline/laneLayout';
import { tickUnit, timeTicks } from '../../src/lib/timeline/timeTicks';
import { timelineLayout } from '../../src/lib/timeline/timelineLayout';
import { loadRealDataset } from './realDataset';

describe('laneLayout packs extents into rows without overlap', () => {
  it.each([
    ['disjoint share a row', [[0, 10], [20, 30], [40, 50]], 1, [0, 0, 0]],
    ['overlapping stack', [[0, 10], [5, 15], [8, 20]], 3, [0, 1, 2]],
    ['a gap reuses the first free row', [[0, 10], [5, 15], [16, 20]], 2, [0, 1, 0]],
    ['touching within the gap go apart', [[0, 10], [12, 20]], 2, [0, 1]],
    ['beyond maxRows share the row that ends first', [[0, 10], [1, 11], [2, 30], [3, 4]], 2, [0, 1, 0, 1]],
  ] as const)('%s', (_n, extents, rows, expected) => {
    const items = extents.map(([x0, x1], i) => ({ id: `e${i}`, x0, x1 }));
    const maxRows = _n.startsWith('beyond') ? 2 : Infinity;
    const r = laneLayout(items, 4, maxRows);
    expect(r.rows).toBe(rows);
    expect(items.map((it) => r.row.get(it.id))).toEqual(expected);
  });

  it('no two items in a row overlap (random table)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const items = Array.from({ length: 300 }, (_, i) => {
      const x0 = rnd() * 1000;
      return { id: `i${i}`, x0, x1: x0 + rnd() * 80 };
    });
    const r = laneLayout(items, 4);
    for (let row = 0; row < r.rows; row++) {
      const inRow = items.filter((it) => r.row.get(it.id) === row).sort((a, b) => a.x0 - b.x0);
      for (let k = 1; k < inRow.length; k++) expect(inRow[k].x0).toBeGreaterThanOrEqual(inRow[k - 1].x1 + 4);
    }
  });
});

describe('tick choice per zoom level', () => {
  it.each([
    [0.05, 'year', 5],
    [0.12, 'year', 2],
    [0.3, 'year', 1],
    [1, 'month', 3],
    [3, 'month', 1],
    [10, 'week', 1],
    [40, 'day', 1],
  ])('%s px/day → every %s %s', (pxPerDay, unit, every) => expect(tickUnit(pxPerDay)).toEqual({ unit, every }));

  it.each([
    [[2007, 2031], ['2008', '2010']],
    [[2026, 2027], ['Jan 2026', 'Feb']],
    [[2026.0, 2026.05], ['Jan 2026', '2 Jan']],
    [[2026.0, 2026.1], ['4 Jan', '11 Jan']],
  ] as const)('labels for %j start %j', ([a, b], first) => {
    const y = (v: number) => new Date(Date.UTC(Math.floor(v), 0, 1) + (v % 1) * 365 * 86_400_000);
    const x = scaleUtc().domain([y(a), y(b)]).range([0, 1000]);
    expect(timeTicks(x).slice(0, 2).map((t) => t.label)).toEqual(first);
  });
});

describe('timelineLayout on the real dataset', () => {
  const d = loadRealDataset();
  const x = scaleUtc().domain([new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2027, 0, 1))]).range([100, 1100]);

  it('a half-year event is a band from its first to its last day; a known day is a point', () => {
    const lanes = timelineLayout(d.events, d.initiatives, d.themes, x);
    const marks = lanes.flatMap((l) => l.marks);
    const esd2 = marks.find((m) => m.id === 'esd-2')!;
    expect(esd2.shape).toBe('band');
    expect(esd2.x0).toBeCloseTo(x(new Date(Date.UTC(2026, 0, 1))), 5);
    expect(esd2.x1).toBeCloseTo(x(new Date(Date.UTC(2026, 6, 1) - 1)), 5);
    expect(esd2.display).toBe('overdue');
    expect(marks.find((m) => m.id === 'summit-16')!.shape).toBe('point');
  });

  it('lanes by initiative: every initiative is a lane whose span comes first, then its milestones', () => {
    const lanes = timelineLayout(d.events, d.initiatives, d.themes, x, { mode: 'initiative' });
    expect(lanes.filter((l) => l.id !== 'other').map((l) => l.id).sort()).toEqual(d.initiatives.map((i) => i.id).sort());
    const mahsr = lanes.find((l) => l.id === 'mahsr')!;
    expect(mahsr.marks[0]).toMatchObject({ id: 'mahsr', kind: 'initiative' });
    expect(mahsr.marks.map((m) => m.id)).toEqual(expect.arrayContaining(['mahsr-e10', 'mahsr-accelerate-2026']));
  });

  it('events far outside the visible time are not laid out (deep zoom stays cheap)', () => {
    const ids = timelineLayout(d.events, d.initiatives, d.themes, x).flatMap((l) => l.marks.map((m) => m.id));
    expect(ids).toContain('summit-16');
    expect(ids).not.toContain('mahsr-moc'); // 2015
    expect(ids).not.toContain('mahsr-full-line-target'); // 2029
  });

  it('labels never overlap within a row where they are shown', () => {
    for (const lane of timelineLayout(d.events, d.initiatives, d.themes, x)) {
      if (lane.id === 'initiatives') continue;
      for (let row = 0; row < lane.rows; row++) {
        const inRow = lane.marks.filter((m) => m.row === row && m.showLabel).sort((a, b) => a.x0 - b.x0);
        for (let k = 1; k < inRow.length; k++) expect(inRow[k].x0, `${lane.id} ${inRow[k].id}`).toBeGreaterThan(inRow[k - 1].x1);
      }
    }
  });
});
