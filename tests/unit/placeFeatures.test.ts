import { describe, expect, it } from 'vitest';
import { placeFirstTimes, placePhases, upperBound } from '../../src/lib/map/placeFeatures';
import { loadRealDataset } from './realDataset';

const d = loadRealDataset();
const day = (s: string) => Date.parse(`${s}T00:00:00Z`);

describe('upperBound', () => {
  it.each([
    [[], 5, 0],
    [[1, 2, 3], 0, 0],
    [[1, 2, 2, 3], 2, 3],
    [[1, 2, 3], 3, 3],
    [[1, 2, 3], 9, 3],
  ])('%j, %s → %s', (times, t, k) => expect(upperBound(times, t)).toBe(k));
});

describe('placeFirstTimes: the places begun by t are a prefix', () => {
  const first = placeFirstTimes(d);
  it('is sorted by first event', () => expect([...first.times].sort((a, b) => a - b)).toEqual(first.times));
  it.each(['2007-06-01', '2016-01-01', '2024-08-20', '2026-01-15', '2026-07-02', '2030-01-01'])('at %s agrees with placePhases', (t) => {
    const phases = placePhases(d, day(t));
    const k = upperBound(first.times, day(t));
    first.ids.forEach((id, i) => expect(phases.get(id), id).toBe(i < k ? 2 : 1));
  });
});
