// The rooms as a user meets them: one refusal per kind of bad input, unknown names and datasets, filters that show
// none, and no component writing state behind the intents (a host message and the UI reach the same result).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, gotoAtlas, type Harness } from './harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(async () => h?.close());

describe('bad input falls back with a notice', () => {
  it('a parameter named __proto__ or constructor is dropped by name and the atlas still opens', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h, '__proto__=1&constructor=2&t=2026-07-02');
    const notice = await w.page.getByRole('status').filter({ hasText: 'Ignored URL parameters' }).textContent();
    expect(notice).toContain('“__proto__”');
    expect(notice).toContain('“constructor”');
    await expect(w.page.getByRole('slider', { name: 'Time', exact: true }).getAttribute('aria-valuetext')).resolves.toBe('2 July 2026');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('a dataset name no folder answers opens the default dataset with a notice naming it', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h, 'dataset=no-such-thing');
    const notice = await w.page.getByRole('status').filter({ hasText: 'no-such-thing' }).textContent();
    expect(notice).toContain('No dataset is named “no-such-thing”');
    expect(await w.page.locator('h1').textContent()).toContain('India–Japan cooperation');
    // The URL no longer claims the missing dataset.
    expect(new URL(w.page.url()).searchParams.get('dataset')).toBeNull();
    await w.context.close();
  });

  it('themes= (present, empty) shows no event, as the URL contract says', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h, 'themes=');
    const count = await w.page.locator('.tl-count').textContent();
    expect(count).toMatch(/^0 of \d+ events$/);
    expect(await w.page.locator('.timeline .mark.event').count()).toBe(0);
    await w.context.close();
  });
});

describe('the read-only test handle', () => {
  it('exposes state as plain values and the map as an inspector that changes nothing', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h, 'sel=summit-16');
    const r = await w.page.evaluate(() => {
      const a = (window as any).__atlas;
      const s = a.state;
      s.selectedId = 'tampered';
      return { sel: a.state.selectedId, hasRawMap: 'getStyle' in (a.map ?? {}), layers: a.map.renderedFeatures(['place-points']).length };
    });
    expect(r.sel).toBe('summit-16');
    expect(r.hasRawMap).toBe(false);
    expect(r.layers).toBeGreaterThan(0);
    await w.context.close();
  });
});
