import { describe, expect, it } from 'vitest';
import { advancePlayhead, advanceSteps, runClock, type Frames } from '../../../src/lib/state/playback';
import { historyMode } from '../../../src/lib/state/urlSync.svelte';

const DAY = 86_400_000;

describe('advancePlayhead', () => {
  it.each([
    // time, carry, elapsed ms, days/s, end → time, carry, done
    [0, 0, 1000, 30, 100 * DAY, 30 * DAY, 0, false],
    [0, 0, 16, 30, 100 * DAY, 0, 16, false],
    [0, 30, 20, 30, 100 * DAY, DAY, 50 - 1000 / 30, false],
    [99 * DAY, 0, 1000, 30, 100 * DAY, 100 * DAY, 0, true],
  ])('from %d carrying %d after %d ms at %d/s', (time, carry, elapsed, speed, end, wantTime, wantCarry, done) => {
    const r = advancePlayhead(time, carry, elapsed, speed, end);
    expect(r.time).toBe(wantTime);
    expect(r.carryMs).toBeCloseTo(wantCarry, 6);
    expect(r.done).toBe(done);
  });

  it('many small frames add up to the same days as one long one (no time lost or gained)', () => {
    let t = 0, carry = 0;
    for (let i = 0; i < 60; i++) ({ time: t, carryMs: carry } = advancePlayhead(t, carry, 1000 / 60, 7, 1e15));
    expect(t).toBe(7 * DAY);
  });
});

describe('advanceSteps', () => {
  it.each([
    [0, 7999, 8000, 0, 7999],
    [7999, 1, 8000, 1, 0],
    [0, 17000, 8000, 2, 1000],
  ])('carry %d + %d ms at %d ms a step → %d steps, carry %d', (carry, elapsed, interval, steps, rest) => {
    expect(advanceSteps(carry, elapsed, interval)).toEqual({ steps, carryMs: rest });
  });
});

describe('runClock', () => {
  it('ticks with elapsed time per frame until the tick says stop, or stop is called', () => {
    let now = 0;
    const queue: ((t: number) => void)[] = [];
    const frames: Frames = { request: (fn) => queue.push(fn), cancel: () => queue.splice(0), now: () => now };
    const seen: number[] = [];
    runClock((ms) => (seen.push(ms), seen.length < 3), frames);
    for (let i = 0; i < 5 && queue.length; i++) queue.shift()!((now += 16));
    expect(seen).toEqual([16, 16, 16]);
    const stop = runClock(() => true, frames);
    stop();
    expect(queue).toHaveLength(0);
  });
});

describe('historyMode', () => {
  it.each([
    ['a', 'b', false, 'push'],
    ['a', 'a', false, 'replace'],
    ['a', 'b', true, 'replace'],
  ] as const)('%s → %s in frame %s: %s', (prev, key, inFrame, want) => {
    expect(historyMode(prev, key, inFrame)).toBe(want);
  });
});
