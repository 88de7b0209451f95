// Zoomed in, the map still reads as a map (DESIGN, The map): GeoNames towns are labelled at detail zooms, under the
// dataset's own places, in the chosen language where the town has a name in it; none at the opening view, and the
// towns file is not part of the first load.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, gotoAtlas, mapIdle, renderedPlaces, type Harness, type Watched } from './harness';

const TOWNS = 'town-labels';
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => h?.close());

interface Drawn {
  text?: string;
  properties: Record<string, unknown>;
}
const drawn = (w: Watched, layers: string[]): Promise<Drawn[]> => w.page.evaluate((l) => (window as any).__atlas.map.renderedFeatures(l), layers);

/** Opens a view and waits until the towns (fetched after the first frame) are drawn, or `ms` have passed. */
async function openAt(query: string, expectTowns = true): Promise<Watched> {
  const w = await openPage(h);
  const failed: string[] = [];
  w.page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  w.page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
  (w as Watched & { failed: string[] }).failed = failed;
  await gotoAtlas(w, h, query);
  await mapIdle(w.page);
  if (expectTowns) {
    await expect
      .poll(async () => {
        await mapIdle(w.page);
        return (await drawn(w, [TOWNS])).length;
      }, { timeout: 30_000 })
      .toBeGreaterThan(3);
    await mapIdle(w.page);
  }
  return w;
}
const offOrigin = (w: Watched) => w.requests.filter((u) => !u.startsWith(new URL(h.url).origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
const failures = (w: Watched) => (w as Watched & { failed: string[] }).failed;

describe('towns at detail zooms', () => {
  it('none at the opening view, and the towns file is not fetched on first load', async () => {
    const w = await openAt('', false);
    expect(await w.page.evaluate(() => (window as any).__atlas.map.view().zoom)).toBeLessThan(5);
    expect(await drawn(w, [TOWNS])).toEqual([]);
    expect(w.requests.filter((u) => u.includes('/basemap/towns.json') || u.includes('-towns-'))).toEqual([]);
    expect(offOrigin(w)).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('at zoom 8 over the Mumbai–Ahmedabad corridor: towns labelled around the stations, which keep their own labels', async () => {
    const w = await openAt('map=8/21.5/72.9');
    const towns = (await drawn(w, [TOWNS])).map((f) => f.text ?? '');
    // The towns between the stations, by GeoNames' population, none of them a place of the dataset.
    const expected = ['Navsari', 'Ankleshwar', 'Bardoli', 'Kosamba', 'Jambusar', 'Vyara', 'Rajpipla', 'Bhavnagar'];
    expect(towns.filter((t) => expected.includes(t)).length, towns.join(', ')).toBeGreaterThanOrEqual(5);
    // The dataset's own places still render, labelled by the dataset and not a second time by the towns.
    const places = await renderedPlaces(w.page);
    expect(places).toEqual(expect.arrayContaining(['mahsr-surat', 'mahsr-bharuch', 'mahsr-corridor']));
    const placeLabels = (await drawn(w, ['place-labels'])).map((f) => String(f.text).split('|')[0]);
    expect(placeLabels).toEqual(expect.arrayContaining(['Surat', 'Bharuch']));
    for (const name of placeLabels) expect(towns, name).not.toContain(name);
    // Bigger towns are drawn at this zoom and smaller ones too (rank 3 from zoom 8).
    const ranks = new Set((await drawn(w, [TOWNS])).map((f) => f.properties.rank));
    expect(ranks.has(3)).toBe(true);
    // The towns travel with the view into an export's off-screen map (AtlasMap.scene → withDetail).
    const scene = await w.page.evaluate(() => (window as any).__atlas.map.scene());
    expect(scene.style.sources.towns).toBeTruthy();
    expect(scene.style.layers.some((l: { id: string }) => l.id === 'town-labels')).toBe(true);
    expect(w.requests.filter((u) => u.endsWith('/basemap/towns.json'))).toHaveLength(1);
    expect(offOrigin(w)).toEqual([]);
    expect(failures(w)).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.page.locator('.maplibregl-canvas').screenshot({ path: 'test-results/map-detail-corridor-z8.png' });
    await w.context.close();
  });

  it('at zoom 6 over Japan: the larger cities, Tokyo labelled once (by the dataset)', async () => {
    const w = await openAt('map=6/35.5/137');
    const towns = (await drawn(w, [TOWNS])).map((f) => f.text ?? '');
    expect(towns).toEqual(expect.arrayContaining(['Nagoya', 'Kyoto', 'Osaka']));
    expect(towns).not.toContain('Tokyo');
    expect((await drawn(w, ['place-labels'])).map((f) => String(f.text).split('|')[0])).toContain('Tokyo');
    // Only ranks 0 and 1 (300,000 people or more) at zoom 6.
    expect(new Set((await drawn(w, [TOWNS])).map((f) => f.properties.rank))).toEqual(new Set([0, 1]));
    expect(offOrigin(w)).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.page.locator('.maplibregl-canvas').screenshot({ path: 'test-results/map-detail-japan-z6.png' });
    await w.context.close();
  });

  it('in Japanese: the towns in Japanese, drawn with the towns\' own font files from the page\'s origin', async () => {
    const w = await openAt('map=7/35.3/136.5&lang=ja');
    const towns = (await drawn(w, [TOWNS])).map((f) => f.text ?? '');
    expect(towns).toEqual(expect.arrayContaining(['名古屋', '京都']));
    await expect.poll(() => w.requests.some((u) => /\/fonts\/noto-sans-jp-towns-\d+-400\.woff2$/.test(u)), { timeout: 20_000 }).toBe(true);
    await mapIdle(w.page);
    expect(offOrigin(w)).toEqual([]);
    expect(failures(w)).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.page.locator('.maplibregl-canvas').screenshot({ path: 'test-results/map-detail-japan-z7-ja.png' });
    await w.context.close();
  });

  it('in Gujarati: a town GeoNames names in Gujarati is labelled so, the others in Latin letters', async () => {
    const w = await openAt('map=8/21.5/72.9&lang=gu');
    const towns = (await drawn(w, [TOWNS])).map((f) => f.text ?? '');
    expect(towns.some((t) => /[\u0a80-\u0aff]/.test(t)), towns.join(', ')).toBe(true);
    expect(towns.some((t) => /^[A-Za-z]/.test(t)), towns.join(', ')).toBe(true);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('in the projector theme: the towns take its colours', async () => {
    const w = await openAt('map=8/21.5/72.9');
    const colour = () => w.page.evaluate(() => (window as any).__atlas.map.paint('town-labels', 'text-color'));
    const normal = await colour();
    await w.page.getByRole('button', { name: 'Projector', exact: true }).click();
    await expect.poll(colour).not.toEqual(normal);
    expect(await colour()).toBe('#2b2b2b');
    await mapIdle(w.page);
    expect((await drawn(w, [TOWNS])).length).toBeGreaterThan(3);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
