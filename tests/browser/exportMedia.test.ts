// Exports for slide tools: PNGs whose map is drawn again at the image's pixel ratio (a 2× image carries finer detail
// than the 1× one, not only more pixels), and videos of a story or a time span, decoded back in a <video> element.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { gotoAtlas, mapIdle, openPage, startHarness, type Harness, type Watched } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/** Where the test leaves what it made, to be looked at (test-results/ is not committed). */
const OUT = 'test-results/export-media';
mkdirSync(OUT, { recursive: true });

async function exportItem(page: Page, name: string): Promise<{ bytes: Buffer; filename: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const item = page.getByRole('list', { name: 'Export', exact: true }).getByRole('button', { name, exact: true });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), item.click()]);
  return { bytes: readFileSync((await download.path())!), filename: download.suggestedFilename() };
}

const pngSize = (b: Buffer) => ({ sig: b.subarray(1, 4).toString('latin1'), width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

describe('slide images', () => {
  let w: Watched;
  beforeAll(async () => {
    w = await openPage(h);
    await gotoAtlas(w, h, 't=2026-07-02&lang=en');
    await mapIdle(w.page);
  });
  afterAll(async () => w?.context.close());

  it('1×, 2× and 4:3: the right sizes, the map drawn again at 2× with finer detail per unit of map than at 1×', async () => {
    const { page } = w;
    const one = await exportItem(page, 'PNG for a slide (1920×1080)');
    const two = await exportItem(page, 'PNG at 2× (3840×2160)');
    const four = await exportItem(page, 'PNG at 4:3 (1600×1200)');
    expect(pngSize(one.bytes)).toEqual({ sig: 'PNG', width: 1920, height: 1080 });
    expect(pngSize(two.bytes)).toEqual({ sig: 'PNG', width: 3840, height: 2160 });
    expect(pngSize(four.bytes)).toEqual({ sig: 'PNG', width: 1600, height: 1200 });
    expect(two.filename).toMatch(/@2x\.png$/);
    expect(four.filename).toMatch(/-4x3\.png$/);
    writeFileSync(`${OUT}/slide.png`, one.bytes);
    writeFileSync(`${OUT}/slide@2x.png`, two.bytes);
    writeFileSync(`${OUT}/slide-4x3.png`, four.bytes);
    console.info(`PNG sizes: 1× ${one.bytes.length} B, 2× ${two.bytes.length} B, 4:3 ${four.bytes.length} B`);

    // Edge pixels (a step in brightness to the next pixel right or below of more than a third of full scale) inside
    // the map's box, per unit of map: the box is 40,112 1840×600 at 1× and twice that at 2×, the same ground. A map
    // drawn again at 2× has lines and letters twice as long in pixels, each edge still one sharp step: about twice
    // the edge pixels per unit of map. The 1× image scaled up (what the old export did) is the control.
    const edges = await page.evaluate(async ([b1, b2]) => {
      const decode = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        return img;
      };
      const count = (g: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) => {
        const px = g.getImageData(x, y, w, h).data;
        const lum = new Float32Array(w * h);
        for (let i = 0; i < w * h; i++) lum[i] = 0.299 * px[i * 4] + 0.587 * px[i * 4 + 1] + 0.114 * px[i * 4 + 2];
        let n = 0;
        // One pixel in from the box's border on each side (the border line is not map).
        for (let r = 2; r < h - 3; r++) {
          for (let c = 2; c < w - 3; c++) {
            const i = r * w + c;
            if (Math.abs(lum[i + 1] - lum[i]) > 85 || Math.abs(lum[i + w] - lum[i]) > 85) n++;
          }
        }
        return n;
      };
      const canvasOf = (img: HTMLImageElement, k = 1) => {
        const c = document.createElement('canvas');
        c.width = img.naturalWidth * k;
        c.height = img.naturalHeight * k;
        const g = c.getContext('2d', { willReadFrequently: true })!;
        g.imageSmoothingQuality = 'high';
        g.drawImage(img, 0, 0, c.width, c.height);
        return g;
      };
      const [i1, i2] = [await decode(b1), await decode(b2)];
      const g1 = canvasOf(i1), g2 = canvasOf(i2), up = canvasOf(i1, 2);
      return {
        one: count(g1, 40, 112, 1840, 600),
        two: count(g2, 80, 224, 3680, 1200),
        upscaled: count(up, 80, 224, 3680, 1200),
      };
    }, [one.bytes.toString('base64'), two.bytes.toString('base64')] as const);
    console.info(`map edge pixels: 1× ${edges.one}, 2× ${edges.two}, 1× scaled up ${edges.upscaled} (ratio 2×/1× ${(edges.two / edges.one).toFixed(2)}, scaled-up/1× ${(edges.upscaled / edges.one).toFixed(2)})`);
    expect(edges.one).toBeGreaterThan(2000);
    // Same ground, so the counts compare per unit of map directly.
    expect(edges.two / edges.one).toBeGreaterThan(1.6);
    expect(edges.two).toBeGreaterThan(edges.upscaled * 1.5);
    expect(w.errors).toEqual([]);
  });

  it('the timeline as SVG carries the page’s Latin fonts, so it reads as on screen wherever it is opened', async () => {
    const svg = (await exportItem(w.page, 'Timeline as SVG')).bytes.toString('utf8');
    writeFileSync(`${OUT}/timeline.svg`, svg);
    // Regular and semibold (major ticks, selected labels), embedded as data: URLs.
    expect(svg).toMatch(/@font-face\{font-family:"Noto Sans";font-weight:400;[^}]*src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]{1000,}/);
    expect(svg).toMatch(/@font-face\{font-family:"Noto Sans";font-weight:600;[^}]*src:url\(data:font\/woff2;base64,/);
    console.info(`timeline SVG: ${svg.length} B`);
  });
});

describe('video', () => {
  let w: Watched;
  beforeAll(async () => {
    w = await openPage(h);
    // The page logs each video's speed (frames a second at 1920×1080, drawing and encoding per frame): kept in the test's log.
    w.page.on('console', (m) => {
      if (m.type() === 'info' && m.text().startsWith('video')) console.info(m.text());
    });
    await gotoAtlas(w, h, 't=2026-07-02&lang=en');
    await mapIdle(w.page);
  });
  afterAll(async () => w?.context.close());

  /** Records with the dialog and returns the file; `choose` sets the dialog's fields. */
  async function record(page: Page, choose: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<{ bytes: Buffer; filename: string; status: string }> {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('button', { name: 'Video…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Video', exact: true });
    await choose(dialog);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 240_000 }),
      (async () => {
        await dialog.getByRole('button', { name: 'Record video', exact: true }).click();
        // While it records: a progress bar, the frame count with the time left, and Cancel.
        await expect.poll(() => dialog.getByRole('progressbar', { name: 'Video progress', exact: true }).count(), { timeout: 60_000 }).toBe(1);
        await expect.poll(() => dialog.locator('.progress-text').textContent(), { timeout: 60_000 }).toMatch(/^Frame \d+ of 60 · about \d+ (s|min) left$/);
        expect(await dialog.getByRole('button', { name: 'Cancel', exact: true }).count()).toBe(1);
      })(),
    ]);
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/^Video saved/);
    const status = (await dialog.getByRole('status').textContent()) ?? '';
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    return { bytes: readFileSync((await download.path())!), filename: download.suggestedFilename(), status };
  }

  /** Decodes a video in a <video> element (a blob: URL on a blank page) and compares two of its frames. */
  async function decode(bytes: Buffer, type: string, times: [number, number]) {
    const page = await w.context.newPage();
    try {
      return await page.evaluate(
        async ([b64, type, times]) => {
          const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const v = document.createElement('video');
          v.muted = true;
          v.src = URL.createObjectURL(new Blob([bin], { type }));
          document.body.append(v);
          await new Promise<void>((ok, fail) => {
            v.onloadeddata = () => ok();
            v.onerror = () => fail(new Error(`the ${type} video could not be decoded: ${v.error?.message}`));
          });
          const grab = async (t: number) => {
            await new Promise<void>((ok) => {
              v.onseeked = () => ok();
              v.currentTime = t;
            });
            const c = document.createElement('canvas');
            c.width = 480;
            c.height = 270;
            const g = c.getContext('2d', { willReadFrequently: true })!;
            g.drawImage(v, 0, 0, c.width, c.height);
            return g.getImageData(0, 0, c.width, c.height).data;
          };
          const a = await grab(times[0]), b = await grab(times[1]);
          // Share of pixels that changed clearly, over the whole frame and over the map (10–67 % of the height).
          let all = 0, map = 0, mapN = 0;
          const colours = new Set<number>();
          for (let i = 0; i < a.length; i += 4) {
            // Land and sea differ by about 44 (sum over the channels); codec noise stays well under 30.
            const diff = Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 30;
            const row = Math.floor(i / 4 / 480);
            if (diff) all++;
            if (row > 27 && row < 180) {
              mapN++;
              if (diff) map++;
            }
            colours.add((a[i] >> 3 << 10) | (a[i + 1] >> 3 << 5) | (a[i + 2] >> 3));
          }
          return { duration: v.duration, width: v.videoWidth, height: v.videoHeight, changed: all / (a.length / 4), mapChanged: map / mapN, colours: colours.size };
        },
        [bytes.toString('base64'), type, times] as const,
      );
    } finally {
      await page.close();
    }
  }

  it('a story as MP4 (H.264): 1920×1080, two seconds, the frames differ as the story moves from Delhi to Tokyo', async () => {
    const { page } = w;
    const mp4 = await record(page, async (dialog) => {
      await dialog.getByRole('radio', { name: 'A story', exact: true }).check();
      await dialog.getByRole('combobox', { name: 'Story', exact: true }).selectOption('relationship');
      await dialog.getByRole('spinbutton', { name: 'From step', exact: true }).fill('1');
      await dialog.getByRole('spinbutton', { name: 'To step', exact: true }).fill('2');
      await dialog.getByRole('spinbutton', { name: 'Seconds per step', exact: true }).fill('1');
      await dialog.getByRole('combobox', { name: 'Format', exact: true }).selectOption('mp4');
    });
    console.info(`MP4: ${mp4.bytes.length} B; ${mp4.status}`);
    writeFileSync(`${OUT}/story.mp4`, mp4.bytes);
    expect(mp4.filename).toBe('indo-pacific-atlas-india-japan-relationship.mp4');
    expect(mp4.bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const v = await decode(mp4.bytes, 'video/mp4', [0.2, 1.8]);
    console.info(`MP4 decoded: ${JSON.stringify(v)}`);
    expect(v.width).toBe(1920);
    expect(v.height).toBe(1080);
    expect(v.duration).toBeGreaterThan(1.9);
    expect(v.duration).toBeLessThan(2.1);
    expect(v.colours).toBeGreaterThan(50);
    // Step 1 (New Delhi) and step 2 (Tokyo) show different ground, captions and dates.
    expect(v.mapChanged).toBeGreaterThan(0.1);
    // The atlas itself did not move: recording never touches its state.
    expect(await page.evaluate(() => (window as any).__atlas.state.storyId ?? null)).toBeNull();
  });

  it('a time span as WebM (VP9): 1920×1080, two seconds, the playhead moves between frames', async () => {
    const { page } = w;
    const webm = await record(page, async (dialog) => {
      await dialog.getByRole('radio', { name: 'A time span', exact: true }).check();
      await dialog.getByLabel('From', { exact: true }).fill('2024-01-01');
      await dialog.getByLabel('To', { exact: true }).fill('2026-11-28');
      await dialog.getByRole('spinbutton', { name: 'Length in seconds', exact: true }).fill('2');
      await dialog.getByRole('combobox', { name: 'Format', exact: true }).selectOption('webm');
    });
    console.info(`WebM: ${webm.bytes.length} B; ${webm.status}`);
    writeFileSync(`${OUT}/span.webm`, webm.bytes);
    expect(webm.filename).toBe('indo-pacific-atlas-india-japan-2024-01-01-to-2026-11-28.webm');
    expect(webm.bytes.readUInt32BE(0)).toBe(0x1a45dfa3); // EBML
    const v = await decode(webm.bytes, 'video/webm', [0.1, 1.9]);
    console.info(`WebM decoded: ${JSON.stringify(v)}`);
    expect(v.width).toBe(1920);
    expect(v.height).toBe(1080);
    expect(v.duration).toBeGreaterThan(1.9);
    expect(v.duration).toBeLessThan(2.1);
    expect(v.changed).toBeGreaterThan(0.002);
    expect(w.errors).toEqual([]);
  });
});

describe('video while the page is in use, and without an encoder', () => {
  it('the page stays usable while a video records, and Cancel stops it', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h, 't=2026-07-02&lang=en');
    const { page } = w;
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('button', { name: 'Video…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Video', exact: true });
    await dialog.getByRole('radio', { name: 'A time span', exact: true }).check();
    await dialog.getByRole('spinbutton', { name: 'Length in seconds', exact: true }).fill('60');
    await dialog.getByRole('button', { name: 'Record video', exact: true }).click();
    await expect.poll(() => dialog.locator('.progress-text').textContent(), { timeout: 60_000 }).toMatch(/^Frame [2-9]\d* of 1800/);
    // Meanwhile the atlas answers: the playhead moves a day with the key.
    const slider = page.getByRole('slider', { name: 'Time', exact: true });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('3 July 2026');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Video cancelled.');
    expect(await dialog.getByRole('progressbar').count()).toBe(0);
    expect(downloads).toBe(0);
    // The off-screen map is gone with the recording: one map canvas is left, the page's.
    await expect.poll(() => page.locator('canvas.maplibregl-canvas').count()).toBe(1);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('where the browser has no video encoder, the menu says so instead of offering the video', async () => {
    const w = await openPage(h);
    await w.context.addInitScript(() => {
      delete (window as { VideoEncoder?: unknown }).VideoEncoder;
    });
    await gotoAtlas(w, h, 'lang=en');
    await w.page.getByRole('button', { name: 'Export', exact: true }).click();
    const menu = w.page.getByRole('list', { name: 'Export', exact: true });
    const item = menu.getByRole('button', { name: 'Video: this browser has no video encoder', exact: true });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.isDisabled()).toBe(true);
    expect(await menu.getByRole('button', { name: 'Video…', exact: true }).count()).toBe(0);
    await w.context.close();
  });
});
