// A generated dataset loads by name (?dataset=synthetic-1000): ready, all its events counted, no console errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSynthetic, writeSynthetic } from '../../scripts/gen-synthetic';
import { startHarness, openPage, gotoAtlas, renderedPlaces, mapIdle, type Harness } from './harness';

const N = 1000;
let h: Harness;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-synthetic-'));
  writeSynthetic(dir, generateSynthetic({ events: N, seed: 1 }));
  h = await startHarness({ [`synthetic-${N}`]: dir });
});
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a synthetic dataset', () => {
  it(`loads ${N} events by name, counts them all and logs no console error`, async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h, `dataset=synthetic-${N}`);
    await mapIdle(w.page);
    const total = await w.page.evaluate(() => (window as any).__atlas.state.eventCount);
    expect(total).toBe(N);
    // With no filter, the timeline's count of visible events is the whole dataset.
    const count = w.page.getByRole('region', { name: 'Timeline', exact: true }).getByText(/^1,?000 events$/);
    await expect(count.count()).resolves.toBe(1);
    expect((await renderedPlaces(w.page)).length).toBeGreaterThan(0);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
