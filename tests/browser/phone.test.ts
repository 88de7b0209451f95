// Phones and narrow frames: the map keeps at least 45 % of the height with the timeline under it, the toolbar folds
// into a menu, the attribution starts collapsed, details open as a bottom sheet that leaves the playhead visible,
// touch targets are at least 44 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, gotoAtlas, type Harness, type Watched } from './harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(async () => h?.close());

async function phone(width: number, height: number): Promise<Watched> {
  const context = await h.browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  return { page, context, requests: [], errors: [] };
}
const box = (p: Page, sel: string) => p.locator(sel).first().boundingBox();

describe.each([
  [360, 640],
  [375, 667],
  [390, 844],
  [412, 915],
  [667, 375],
])('at %d×%d', (width, height) => {
  it('map ≥ 45 % of the height, timeline and playhead visible, toolbar in a menu, attribution collapsed', async () => {
    const w = await phone(width, height);
    await gotoAtlas(w, h, 'sel=summit-16');
    const map = (await w.page.getByRole('region', { name: 'Map', exact: true }).boundingBox())!;
    expect(map.height / height).toBeGreaterThanOrEqual(0.45);
    const slider = (await w.page.getByRole('slider', { name: 'Time', exact: true }).boundingBox())!;
    expect(slider.y + slider.height).toBeLessThanOrEqual(height);
    expect(slider.y).toBeGreaterThan(map.y);
    // The details sheet is over the map, never over the timeline.
    const sheet = (await w.page.getByRole('complementary', { name: 'Details', exact: true }).boundingBox())!;
    const timeline = (await box(w.page, '.timeline'))!;
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(timeline.y + 1);
    // Toolbar folded: Share is hidden until the menu opens.
    await expect(w.page.getByRole('button', { name: 'Share', exact: true }).isVisible()).resolves.toBe(false);
    await w.page.getByRole('button', { name: 'Menu', exact: true }).tap();
    await expect(w.page.getByRole('button', { name: 'Share', exact: true }).isVisible()).resolves.toBe(true);
    // Touch targets.
    const small = await w.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.masthead button, .masthead select, .tl-toolbar button, .panel .close')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ t: el.textContent?.trim() || el.getAttribute('aria-label'), r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 44 || r.width < 44)
        .map(({ t, r }) => `${t} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);
    const attribution = await w.page.locator('.maplibregl-ctrl-attrib').getAttribute('class');
    expect(attribution).toContain('maplibregl-compact');
    expect(attribution).not.toContain('maplibregl-compact-show');
    await w.context.close();
  });
});

describe('the bottom sheet', () => {
  it('is dismissed by dragging its handle down', async () => {
    const w = await phone(375, 667);
    await gotoAtlas(w, h, 'sel=summit-16');
    const handle = (await box(w.page, '.sheet-handle'))!;
    await w.page.mouse.move(handle.x + handle.width / 2, handle.y + 5);
    await w.page.mouse.down();
    await w.page.mouse.move(handle.x + handle.width / 2, handle.y + 150, { steps: 6 });
    await w.page.mouse.up();
    await expect(w.page.getByRole('complementary', { name: 'Details', exact: true }).isVisible()).resolves.toBe(false);
    expect(new URL(w.page.url()).searchParams.get('sel')).toBeNull();
    await w.context.close();
  });
});
