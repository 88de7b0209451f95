// The first view on a phone (issue 17): a build-time preview of the opening view that lies exactly where the live map
// draws, only for the opening view; a phone's first load fetches nothing it does not use (the coarse world basemap,
// not the overview; no other language, script font, export or validation code); and the page's
// Content-Security-Policy, as a <meta> and as the server's header, blocks an injected inline script.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { startHarness, openPage, gotoAtlas, mapIdle, type Harness, type Watched } from './harness';
import { MAP } from '../../src/lib/model/palette';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(async () => h?.close());

const open = (width: number, height: number, phone: boolean): Promise<Watched> => openPage(h, { width, height, phone });

/** Holds every request for `pattern` until release() is called. */
async function hold(context: BrowserContext, pattern: string) {
  const held: Route[] = [];
  let released = false;
  await context.route(pattern, (route) => (released ? route.continue() : void held.push(route)));
  return {
    release: async () => {
      released = true;
      await Promise.all(held.map((r) => r.continue()));
    },
  };
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const OCEAN = hex(MAP.ocean), LAND = hex(MAP.land);
const near = (px: Uint8Array, i: number, c: number[]) => Math.abs(px[i] - c[0]) + Math.abs(px[i + 1] - c[1]) + Math.abs(px[i + 2] - c[2]) <= 12;

/** Per pixel of a screenshot (decoded by the page): 1 land, 0 ocean, -1 anything else (coasts, marks, labels). */
async function landMask(page: Page, png: Buffer): Promise<{ w: number; h: number; m: Int8Array }> {
  const { w, h, data } = await page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = c.getContext('2d')!;
    g.drawImage(bitmap, 0, 0);
    return { w: bitmap.width, h: bitmap.height, data: Array.from(g.getImageData(0, 0, bitmap.width, bitmap.height).data) };
  }, png.toString('base64'));
  const px = Uint8Array.from(data);
  const m = new Int8Array(w * h);
  for (let p = 0; p < m.length; p++) m[p] = near(px, p * 4, LAND) ? 1 : near(px, p * 4, OCEAN) ? 0 : -1;
  return { w, h, m };
}

/** Of the pixels both images call land or ocean, the share on which they agree, with b shifted by (dx, dy). */
function agreement(a: Awaited<ReturnType<typeof landMask>>, b: Awaited<ReturnType<typeof landMask>>, dx = 0, dy = 0) {
  let same = 0, both = 0, land = 0;
  for (let y = 0; y < a.h; y++) {
    for (let x = 0; x < a.w; x++) {
      const bx = x + dx, by = y + dy;
      if (bx < 0 || by < 0 || bx >= b.w || by >= b.h) continue;
      const u = a.m[y * a.w + x], v = b.m[by * b.w + bx];
      if (u < 0 || v < 0) continue;
      both++;
      if (u === v) same++;
      if (u === 1) land++;
    }
  }
  return { share: same / both, both, land };
}

async function mapShot(page: Page): Promise<Buffer> {
  const box = (await page.locator('.map-wrap').boundingBox())!;
  return page.screenshot({ clip: box });
}

describe.each([
  ['a phone', 390, 844, true, 'world.json'],
  ['a desktop', 1280, 800, false, 'overview.json'],
] as const)('the preview of the opening view on %s', (_, width, height, phone, basemap) => {
  it('shows before the map has drawn, hidden from assistive technology, and lines up with the live map', async () => {
    const w = await open(width, height, phone);
    // Holding the basemap keeps the live map from finishing its first frame, so the preview stays up to be looked at.
    const basemapHeld = await hold(w.context, `**/basemap/${basemap}`);
    await w.page.goto(h.url);
    const preview = w.page.getByTestId('map-preview');
    await preview.waitFor({ state: 'visible', timeout: 60_000 });
    await expect(preview.getAttribute('aria-hidden')).resolves.toBe('true');
    await expect(w.page.locator('[data-testid="map-preview"] img').evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).resolves.toBeGreaterThan(0);
    // A preview is never "ready".
    await expect(w.page.evaluate(() => document.documentElement.dataset.state)).resolves.not.toBe('ready');
    const shotBefore = await mapShot(w.page);
    await basemapHeld.release();
    await w.page.waitForSelector('html[data-state="ready"]', { timeout: 60_000 });
    await mapIdle(w.page);
    await expect(preview.count()).resolves.toBe(0);
    // The live map fills its place (MapLibre's own stylesheet must not undo the layout's: it once left it 300 px tall).
    const wrap = (await w.page.locator('.map-wrap').boundingBox())!;
    const canvas = await w.page.evaluate(() => (window as any).__atlas.map.canvasSize());
    expect(Math.abs(canvas.cssWidth - wrap.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(canvas.cssHeight - wrap.height)).toBeLessThanOrEqual(1);
    const after = await landMask(w.page, await mapShot(w.page));
    const before = await landMask(w.page, shotBefore);

    const aligned = agreement(before, after);
    // Both land and sea are in view, and nearly every pixel that both call land or sea agrees.
    expect(aligned.land / aligned.both).toBeGreaterThan(0.15);
    expect(aligned.land / aligned.both).toBeLessThan(0.85);
    expect(aligned.share).toBeGreaterThan(0.985);
    // The measure can tell: the same images six pixels apart agree visibly less.
    expect(agreement(before, after, 6, 0).share).toBeLessThan(aligned.share - 0.01);
    expect(agreement(before, after, 0, 6).share).toBeLessThan(aligned.share - 0.01);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('the preview is only for the opening view', () => {
  it.each(['sel=summit-16', 'story=corridor&step=1', 'map=4/20/75', 'dataset=india-japan'])('not with %s', async (query) => {
    const w = await open(390, 844, true);
    let seen = false;
    await w.page.exposeFunction('__sawPreview', () => (seen = true));
    await w.page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="map-preview"]')) (window as any).__sawPreview();
      }).observe(document, { childList: true, subtree: true });
    });
    await gotoAtlas(w, h, query);
    expect(seen).toBe(false);
    expect(w.requests.filter((r) => r.includes('preview.svg'))).toEqual([]);
    await w.context.close();
  });
});

describe("a phone's first load", () => {
  it('fetches the coarse world basemap and nothing the first view does not use; the finer overview comes on zooming in', async () => {
    const w = await open(390, 844, true);
    // First load: what was asked for from navigation to ready (the page tells the test the moment it is ready). After
    // that the labels' second lines (東京 under Tokyo) bring the script fonts they are drawn with.
    let first: string[] | null = null;
    await w.page.exposeFunction('__ready', () => (first ??= w.requests.map((r) => new URL(r).pathname)));
    await w.page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.documentElement?.dataset.state === 'ready') (window as any).__ready();
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
    });
    await gotoAtlas(w, h);
    await mapIdle(w.page);
    await expect.poll(() => first !== null, { timeout: 20_000 }).toBe(true);
    first = first!;
    expect(first).toContain('/basemap/world.json');
    expect(first.filter((p) => p.endsWith('/basemap/preview.svg'))).toHaveLength(1);
    const unused = first.filter((p) =>
      /\/basemap\/(overview|detail)\.json$|\/gazetteer\/|\/fonts\/noto-sans-(jp|devanagari|gujarati)|\/assets\/(ja|hi|gu|ImportDialog|validateDataset|datesFull|exportImage|offscreenMap|recordVideo|videoEncode|videoPlan|ShareDialog)-/.test(p),
    );
    expect(unused).toEqual([]);
    // Every request stayed on the page's own origin.
    expect(w.requests.filter((r) => !r.startsWith(h.url) && !r.startsWith('data:') && !r.startsWith('blob:'))).toEqual([]);
    // Zooming in swaps in the finer overview, and the map still draws land there.
    for (let i = 0; i < 2; i++) {
      await w.page.getByRole('button', { name: 'Zoom in', exact: true }).tap();
      await expect.poll(() => w.page.evaluate(() => (window as any).__atlas.map.isMoving()), { timeout: 20_000 }).toBe(false);
    }
    await expect(w.page.evaluate(() => (window as any).__atlas.map.view().zoom)).resolves.toBeGreaterThan(2.6);
    await expect.poll(() => w.requests.some((r) => r.endsWith('/basemap/overview.json')), { timeout: 20_000 }).toBe(true);
    await mapIdle(w.page);
    const land = await w.page.evaluate(() => (window as any).__atlas.map.renderedFeatures(['land']).length);
    expect(land).toBeGreaterThan(0);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('the Content-Security-Policy', () => {
  it('is in the page and in the header, blocks an injected inline script, and the atlas loads without a violation', async () => {
    const w = await open(1280, 800, false);
    await w.page.addInitScript(() => {
      (window as any).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    const response = await w.page.goto(h.url);
    await w.page.waitForSelector('html[data-state="ready"]', { timeout: 60_000 });
    await mapIdle(w.page);
    const header = await response!.headerValue('content-security-policy');
    const meta = await w.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(header).toBe(meta);
    expect(meta).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(meta).toContain("object-src 'none'");
    expect(meta).toContain("base-uri 'none'");
    await expect(response!.headerValue('x-content-type-options')).resolves.toBe('nosniff');
    await expect(response!.headerValue('referrer-policy')).resolves.toBe('strict-origin-when-cross-origin');
    // Nothing the atlas itself does is refused (workers, fonts, the dataset, the preview, the basemap).
    await expect(w.page.evaluate(() => (window as any).__violations)).resolves.toEqual([]);
    // An inline script that got into the page (as hostile imported text would try) does not run, and the policy says so.
    const ran = await w.page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as any).__injected === true;
    });
    expect(ran).toBe(false);
    await expect(w.page.evaluate(() => (window as any).__violations)).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem inline/)]));
    await w.context.close();
  });
});
