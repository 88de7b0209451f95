// The atlas as a user meets it: loads offline, draws a real map, links timeline and map both ways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, openPage, gotoAtlas, renderedPlaces, featureState, mapIdle, onScreen, type Harness } from './harness';

let h: Harness;
let brokenDir: string;

beforeAll(async () => {
  // A broken copy of the real dataset: one event's date is not EDTF.
  brokenDir = mkdtempSync(join(tmpdir(), 'atlas-broken-'));
  cpSync('data/india-japan', brokenDir, { recursive: true });
  const events = JSON.parse(readFileSync(join(brokenDir, 'events.json'), 'utf8'));
  events[1].date = 'early 2026';
  writeFileSync(join(brokenDir, 'events.json'), JSON.stringify(events));
  h = await startHarness({ broken: brokenDir });
});
afterAll(async () => h?.close());

describe('first load', () => {
  it('reaches ready with no console errors and no request off the page origin', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    await mapIdle(w.page);
    const origin = new URL(h.url).origin;
    const offOrigin = w.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(offOrigin).toEqual([]);
    expect(w.errors).toEqual([]);
    // The built-in dataset is the one the build validated: neither the validator nor the full EDTF parser is fetched.
    expect(w.requests.filter((u) => /validateDataset|datesFull/.test(u))).toEqual([]);
    await expect(w.page.getByRole('region', { name: 'Map', exact: true }).count()).resolves.toBe(1);
    await expect(w.page.getByRole('region', { name: 'Timeline', exact: true }).count()).resolves.toBe(1);
    const attribution = await w.page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(attribution).toMatch(/Natural Earth/);
    expect(attribution).toMatch(/no endorsement/);
    await w.context.close();
  });

  it('draws a basemap: land and ocean pixels on the canvas, and the frame runs from the Gulf to Japan', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    await mapIdle(w.page);
    const stats = await w.page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
      const { drawingBufferWidth: W, drawingBufferHeight: H } = gl;
      const px = new Uint8Array(W * H * 4);
      gl.readPixels(0, 0, W, H, gl.RGBA, gl.UNSIGNED_BYTE, px);
      const colours = new Map<string, number>();
      for (let i = 0; i < px.length; i += 4 * 97) {
        const key = `${px[i] >> 4},${px[i + 1] >> 4},${px[i + 2] >> 4}`;
        colours.set(key, (colours.get(key) ?? 0) + 1);
      }
      const [west, , east] = (window as any).__atlas.map.view().bounds as number[];
      const top = [...colours.entries()].sort((a, b) => b[1] - a[1]);
      return { distinct: colours.size, top: top.slice(0, 2).map(([, n]) => n), total: W * H / 97, west, east };
    });
    // Ocean and land are the two dominant colours, each a real share of the picture.
    expect(stats.distinct).toBeGreaterThan(4);
    expect(stats.top[1] / stats.total).toBeGreaterThan(0.1);
    expect(stats.west).toBeLessThan(50);
    expect(stats.east).toBeGreaterThan(140);
    await w.context.close();
  });

  it('renders Tokyo and the corridor as map features, and stations from zoom 6', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    await mapIdle(w.page);
    const ids = await renderedPlaces(w.page);
    expect(ids).toContain('tokyo');
    expect(ids).toContain('mahsr-corridor');
    expect(ids).not.toContain('mahsr-surat');
    await gotoAtlas(w, h, 'map=7/21.2/72.9');
    await mapIdle(w.page);
    const zoomed = await renderedPlaces(w.page);
    expect(zoomed).toEqual(expect.arrayContaining(['mahsr-corridor', 'mahsr-surat', 'mahsr-vadodara']));
    await w.context.close();
  });
});

describe('linking', () => {
  it('clicking a timeline event opens its details and highlights its place on the map', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    const mark = w.page.getByRole('button', { name: /^18th India–Japan Foreign Ministers’ Strategic Dialogue|^18th .*Strategic Dialogue/ }).first();
    await mark.click();
    const panel = w.page.getByRole('complementary', { name: 'Details' });
    await expect(panel.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/Strategic Dialogue/);
    await expect(panel.textContent()).resolves.toMatch(/16 January 2026/);
    await expect(panel.textContent()).resolves.toMatch(/New Delhi/);
    expect(await featureState(w.page, 'new-delhi')).toMatchObject({ sel: true });
    expect(await featureState(w.page, 'tokyo')).not.toMatchObject({ sel: true });
    expect(new URL(w.page.url()).searchParams.get('sel')).toBe('strategic-dialogue-18');
    await w.page.keyboard.press('Escape');
    await expect(panel.getByRole('heading', { level: 2 }).textContent()).resolves.not.toMatch(/Strategic Dialogue/);
    expect(await featureState(w.page, 'new-delhi')).toMatchObject({ sel: false });
    await w.context.close();
  });

  it('clicking a place on the map lists its events and highlights them on the timeline', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    await mapIdle(w.page);
    const point = await onScreen(w.page, [139.69, 35.69]);
    await w.page.mouse.click(point.x, point.y);
    const panel = w.page.getByRole('complementary', { name: 'Details' });
    await expect(panel.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/^Tokyo(?! Bay)/);
    // Show the whole record so that every one of Tokyo's events has a mark on screen.
    for (let i = 0; i < 4; i++) await w.page.getByRole('button', { name: 'Zoom out time', exact: true }).click();
    const highlighted = await w.page.locator('.mark.event[data-highlighted="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!));
    const listed = await panel.locator('.events button').allTextContents();
    expect(listed.length).toBeGreaterThan(1);
    expect(highlighted.length).toBe(listed.length);
    for (const title of listed) expect(highlighted.some((label) => label.startsWith(`${title}, `))).toBe(true);
    await w.context.close();
  });
});

describe('the Time slider', () => {
  it('moves with the keyboard, changes its value text and the map’s feature states', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h, 't=2026-01-15');
    const slider = w.page.getByRole('slider', { name: 'Time', exact: true });
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('15 January 2026');
    // Before the strategic dialogue, New Delhi's events from 2024 have happened; the 16th summit's Hyderabad House is ahead.
    await slider.focus();
    await w.page.keyboard.press('ArrowRight');
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('16 January 2026');
    await w.page.keyboard.press('Shift+ArrowRight');
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('16 February 2026');
    await w.page.keyboard.press('PageDown');
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('16 February 2025');
    await w.page.keyboard.press('Home');
    const atStart = await featureState(w.page, 'tokyo');
    await w.page.keyboard.press('End');
    const atEnd = await featureState(w.page, 'tokyo');
    expect(atStart.phase).toBe(1);
    expect(atEnd.phase).toBe(2);
    expect(new URL(w.page.url()).searchParams.get('t')).toMatch(/^\d{4}-12-31$/);
    await w.context.close();
  });
});

describe('bad input', () => {
  it('a broken dataset shows an alert naming the file, record and field', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h, 'dataset=broken', 'error');
    const alert = w.page.getByRole('alert');
    const text = await alert.textContent();
    expect(text).toMatch(/events\.json/);
    expect(text).toMatch(/record "[a-z0-9-]+" \(#1\)/);
    expect(text).toMatch(/field date/);
    await w.context.close();
  });

  it('the built-in dataset changed after the build is validated, not trusted: the alert names the file, record and field', async () => {
    const swapped = await startHarness({ 'india-japan': brokenDir });
    try {
      const w = await openPage(swapped);
      await gotoAtlas(w, swapped, '', 'error');
      const text = await w.page.getByRole('alert').textContent();
      expect(text).toMatch(/events\.json, record "[a-z0-9-]+" \(#1\), field date/);
      expect(w.requests.some((u) => /validateDataset/.test(u))).toBe(true);
      await w.context.close();
    } finally {
      await swapped.close();
    }
  });

  it('a browser without WebGL gets a message where the map would be, and a working timeline', async () => {
    const w = await openPage(h);
    await w.context.addInitScript(() => {
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/.test(type) ? null : (get as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof get;
    });
    await gotoAtlas(w, h, 't=2026-01-16');
    const alert = w.page.getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(/map could not be drawn in this browser.*timeline, the list and the details still work/);
    const slider = w.page.getByRole('slider', { name: 'Time', exact: true });
    await slider.focus();
    await w.page.keyboard.press('ArrowRight');
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('17 January 2026');
    // An export that needs the map says why it cannot run instead of failing silently.
    await w.page.getByRole('button', { name: 'Export', exact: true }).click();
    await w.page.getByRole('button', { name: 'PNG for a slide (1920×1080)', exact: true }).click();
    await expect(w.page.getByRole('status').filter({ hasText: 'PNG export failed' }).textContent()).resolves.toMatch(/map could not be drawn/);
    await w.context.close();
  });

  it('a bad URL parameter falls back to defaults with a visible notice', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h, 't=someday&sel=no-such-thing&lang=en&themes=ai,no-such-theme&actors=zz-');
    const status = w.page.getByRole('status').filter({ hasText: 'Ignored' });
    await expect(status.textContent()).resolves.toMatch(/“t”.*“sel”.*“themes”.*“actors”/);
    // A filter naming an id the dataset lacks is dropped whole (a typo must not empty the atlas), and leaves the URL.
    await expect(w.page.locator('.tl-count').textContent()).resolves.toMatch(/^\d+ events$/);
    expect(new URL(w.page.url()).searchParams.has('themes')).toBe(false);
    await expect(w.page.getByRole('slider', { name: 'Time', exact: true }).getAttribute('aria-valuetext')).resolves.toBe('28 November 2026');
    await w.context.close();
  });
});
