// Share → "Download offline copy (zip)": the one-file offline atlas that the build places beside the app, fetched only
// when asked for, zipped in the browser with open-this-view.html and a README. Unzipped, open-this-view.html opens
// from file:// at the view that was shared, with no request but the two documents, blob: and data: (Chromium, and
// Firefox ESR where installed); an imported dataset travels inside the copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { startHarness, openPage, gotoAtlas, type Harness, type Watched } from './harness';
import { FIREFOX, ensureOfflineCopy, launchFirefox, readZip } from './offlineBuild';

const events: { id: string; title: string }[] = JSON.parse(readFileSync('data/india-japan/events.json', 'utf8'));
const DIR = 'indo-pacific-atlas';
const VIEW = 't=2026-07-02&sel=summit-16&lanes=initiative&map=5.5/23.1/77.4';

let h: Harness;
let tmp: string;
beforeAll(async () => {
  ensureOfflineCopy();
  h = await startHarness();
  tmp = mkdtempSync(join(tmpdir(), 'atlas-offline-share-'));
}, 300_000);
afterAll(async () => {
  await h?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Presses the button in Share and returns the zip's files. */
async function downloadCopy(page: Page): Promise<Record<string, Buffer>> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download offline copy (zip)', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${DIR}.zip`);
  await dialog
    .getByRole('status')
    .filter({ hasText: /^Offline copy saved \(\d+\.\d MB\)\.$/ })
    .waitFor();
  return readZip(readFileSync((await download.path())!));
}

/** Writes the zip's files under a fresh folder, as unzipping onto a stick does; returns the copy's folder. */
function unzip(entries: Record<string, Buffer>, name: string): string {
  const root = join(tmp, name);
  for (const [path, bytes] of Object.entries(entries)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
  return join(root, DIR);
}

/** Opens open-this-view.html from file:// in Chromium; waits for the atlas it forwards to. */
async function openView(folder: string) {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(pathToFileURL(join(folder, 'open-this-view.html')).href);
  await page.waitForURL(/\/index\.html/);
  await page.waitForSelector('html[data-state="ready"]', { timeout: 60_000 });
  const documents = ['open-this-view.html', 'index.html'].map((f) => pathToFileURL(join(folder, f)).href);
  const outside = requests.filter((u) => !/^(blob|data):/.test(u) && !documents.includes(u.replace(/[?#].*$/, '')));
  return { context, page, outside, errors };
}

const state = (p: Page) => p.evaluate(() => (window as any).__atlas.state);

describe('Share → Download offline copy (zip)', () => {
  it('fetches the copy only when asked, and zips it with a page that opens this view from file://', async () => {
    const w: Watched = await openPage(h, { reducedMotion: true });
    try {
      await gotoAtlas(w, h, VIEW);
      const query = new URL(w.page.url()).search.slice(1);
      // Never on first load, nor on opening Share.
      await w.page.getByRole('button', { name: 'Share', exact: true }).click();
      await w.page.getByRole('dialog', { name: 'Share this view' }).getByRole('button', { name: 'Close', exact: true }).click();
      expect(w.requests.filter((u) => u.includes('/offline/'))).toEqual([]);

      const entries = await downloadCopy(w.page);
      expect(Object.keys(entries).sort()).toEqual(
        ['LICENSE.txt', 'README.txt', 'THIRD-PARTY-NOTICES.txt', 'fonts/LICENSE-OFL.txt', 'index.html', 'open-this-view.html'].map((f) => `${DIR}/${f}`),
      );
      // The copy is the build's, byte for byte; the view page forwards to it with this view's query, by no script.
      expect(entries[`${DIR}/index.html`].equals(readFileSync(resolve(process.env.ATLAS_DIST ?? 'dist', 'offline/index.html')))).toBe(true);
      const viewPage = entries[`${DIR}/open-this-view.html`].toString('utf8');
      expect(viewPage).toContain(`url='index.html?${query.replace(/&/g, '&amp;')}'`);
      expect(viewPage).not.toMatch(/<script/i);
      expect(entries[`${DIR}/README.txt`].toString('utf8')).toContain('open-this-view.html');
      expect(
        w.requests
          .filter((u) => u.includes('/offline/'))
          .map((u) => new URL(u).pathname)
          .sort(),
      ).toEqual(['/offline/LICENSE.txt', '/offline/THIRD-PARTY-NOTICES.txt', '/offline/fonts/LICENSE-OFL.txt', '/offline/index.html']);
      const before = await state(w.page);

      // Unzipped and opened from file://: the same view, with no request.
      const folder = unzip(entries, 'built-in');
      const o = await openView(folder);
      try {
        expect(new URL(o.page.url()).search.slice(1)).toBe(query);
        const after = await state(o.page);
        expect({ time: after.time, selected: after.selectedId, lanes: after.lanes }).toEqual({ time: before.time, selected: 'summit-16', lanes: 'initiative' });
        expect(await o.page.getByRole('slider', { name: 'Time', exact: true }).getAttribute('aria-valuetext')).toBe('2 July 2026');
        const panel = o.page.getByRole('complementary', { name: 'Details', exact: true });
        expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe(events.find((e) => e.id === 'summit-16')!.title);
        expect(o.outside).toEqual([]);
        expect(o.errors).toEqual([]);
      } finally {
        await o.context.close();
      }
    } finally {
      await w.context.close();
    }
  });

  it('carries a dataset imported in this browser, and opens it from file:// by its name in the copy', async () => {
    const w: Watched = await openPage(h, { reducedMotion: true });
    try {
      await gotoAtlas(w, h);
      await w.page.getByRole('button', { name: 'Open your data', exact: true }).click();
      const dialog = w.page.getByRole('dialog', { name: 'Open your data' });
      const csv = [
        'date,title,summary,place,lat,lon,theme,status',
        '2025-08-29,Port summit,Talks.,Kobe,34.69,135.19,Trade,happened',
        '2026-03-02,Chennai dialogue,A day.,Chennai,13.08,80.27,Trade,planned',
      ].join('\n');
      await dialog.locator('input[type=file]').setInputFiles({ name: 'ports.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await dialog.getByRole('region', { name: 'Import report' }).waitFor();
      await dialog.getByRole('button', { name: 'Show in the atlas' }).click();
      await w.page.waitForURL(/dataset=local-[0-9a-f]{12}/);
      await w.page.waitForSelector('html[data-state="ready"]');
      const local = new URL(w.page.url()).searchParams.get('dataset')!;
      const imported = local.replace(/^local-/, 'imported-');

      await w.page.getByRole('button', { name: 'Share', exact: true }).click();
      // Said beside the button: the copy holds this data.
      await expect(w.page.getByRole('dialog', { name: 'Share this view' }).textContent()).resolves.toContain('It carries the data imported in this browser.');
      await w.page.getByRole('dialog', { name: 'Share this view' }).getByRole('button', { name: 'Close', exact: true }).click();
      const entries = await downloadCopy(w.page);
      expect(entries[`${DIR}/open-this-view.html`].toString('utf8')).toContain(`dataset=${imported}`);
      expect(entries[`${DIR}/README.txt`].toString('utf8')).toContain('The data imported in the browser is inside.');

      const o = await openView(unzip(entries, 'imported'));
      try {
        expect(new URL(o.page.url()).searchParams.get('dataset')).toBe(imported);
        const s = await state(o.page);
        expect(s.eventCount).toBe(2);
        expect(await o.page.locator('.tl-count').textContent()).toBe('2 events');
        // No notice that the data was not found.
        expect(await o.page.getByRole('status').filter({ hasText: 'dataset is shown' }).count()).toBe(0);
        expect(o.outside).toEqual([]);
        expect(o.errors).toEqual([]);
      } finally {
        await o.context.close();
      }
    } finally {
      await w.context.close();
    }
  });
});

describe.skipIf(!existsSync(FIREFOX))('the view page in Firefox ESR, opened from file://', () => {
  it('forwards to the copy at the shared view', async () => {
    const w: Watched = await openPage(h, { reducedMotion: true });
    let folder: string;
    try {
      await gotoAtlas(w, h, VIEW);
      folder = unzip(await downloadCopy(w.page), 'firefox');
    } finally {
      await w.context.close();
    }
    const firefox = await launchFirefox();
    try {
      const page = await firefox.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(join(folder, 'open-this-view.html')).href);
      await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('/index.html?');
      await page.waitForSelector('html[data-state="ready"]', { timeout: 60_000 });
      const seen = await page.evaluate(() => ({
        t: document.querySelector('[role="slider"][aria-label="Time"]')?.getAttribute('aria-valuetext'),
        sel: (window as any).__atlas.state.selectedId,
      }));
      expect(seen).toEqual({ t: '2 July 2026', sel: 'summit-16' });
      expect(errors).toEqual([]);
    } finally {
      await firefox.close();
    }
  });
});
