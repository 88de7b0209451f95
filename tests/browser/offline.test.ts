// The offline copy (npm run build:offline): its one HTML file opened from file:// in Chromium, as a presenter opens it
// from a USB stick, reaches ready with no request but the document itself, blob: and data: URLs; it keeps URL state
// and stories, draws the basemap at both zoom bands, enforces its policy, and answers a deck opened from file://.
// Then the same file in Firefox ESR (Debian's firefox-esr, driven by puppeteer-core), where it is installed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_FLAGS } from './harness';
import { FIREFOX, OFFLINE_OUT, ensureOfflineCopy, launchFirefox, readZip } from './offlineBuild';

const OUT = OFFLINE_OUT;
const HTML = join(OUT, 'indo-pacific-atlas', 'index.html');
const PAGE = pathToFileURL(HTML).href;
const stories: { id: string; title: string; steps: unknown[] }[] = JSON.parse(readFileSync('data/india-japan/stories.json', 'utf8'));
const events: { id: string; title: string }[] = JSON.parse(readFileSync('data/india-japan/events.json', 'utf8'));

let browser: Browser;
let deckDir: string;

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Every request URL the context made: pages, frames, workers. */
  requests: string[];
  errors: string[];
}

async function open(url: string, readyIn?: (p: Page) => Promise<void>): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  // Policy violations, recorded from the first moment (init scripts are the browser's, not the page's: no policy applies).
  await context.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await (readyIn ? readyIn(page) : page.waitForSelector('html[data-state="ready"]', { timeout: 60_000 }));
  return { context, page, requests, errors };
}

/** Requests other than the named file:// documents (query and fragment aside), blob: and data: URLs. */
function outsideRequests(requests: string[], documents: string[]): string[] {
  return requests.filter((u) => !/^(blob|data):/.test(u) && !documents.includes(u.replace(/[?#].*$/, '')));
}

beforeAll(() => {
  // Built unless already built from the code under test (a few seconds; see offlineBuild.ts).
  ensureOfflineCopy();
  if (!existsSync(HTML)) throw new Error(`${HTML} was not written`);
  deckDir = mkdtempSync(join(tmpdir(), 'atlas-offline-deck-'));
}, 300_000);

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROME_FLAGS });
});

afterAll(async () => {
  await browser?.close();
  if (deckDir) rmSync(deckDir, { recursive: true, force: true });
});

describe('the offline copy, opened from file://', () => {
  it('is one HTML file beside its licences, with a policy that hashes its inline scripts', () => {
    const html = readFileSync(HTML, 'utf8');
    // Its two inline scripts by hash, and no 'self' (see scripts/offline/contentPolicy.ts).
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'sha256-[^']+' 'sha256-[^']+';/);
    expect(html).toContain("worker-src 'self' blob:");
    expect(html).toContain("object-src 'none'; base-uri 'none'");
    // No script, stylesheet, font or image that names a file.
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link(?![^>]*href="data:)[^>]*>/i);
    expect(html).not.toMatch(/type="module"/);
  });

  it('is zipped whole: the zip holds the folder, its page byte for byte', () => {
    const zip = readFileSync(join(OUT, 'indo-pacific-atlas.zip'));
    const entries = readZip(zip);
    expect(Object.keys(entries).sort()).toEqual(['LICENSE.txt', 'README.txt', 'THIRD-PARTY-NOTICES.txt', 'fonts/LICENSE-OFL.txt', 'index.html'].map((f) => `indo-pacific-atlas/${f}`));
    expect(entries['indo-pacific-atlas/index.html'].equals(readFileSync(HTML))).toBe(true);
  });

  it('reaches ready with no request but itself, blob: and data:, and draws places, labels and land', async () => {
    const o = await open(PAGE);
    expect(outsideRequests(o.requests, [PAGE])).toEqual([]);
    expect(o.requests[0]).toBe(PAGE);
    // The document's own fetches (fonts, data, worker) as the page saw them: none named a file.
    const resources = await o.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(resources.filter((u) => !/^(blob|data):/.test(u))).toEqual([]);
    const drawn = await o.page.evaluate(() => {
      const m = (window as any).__atlas.map;
      return { points: m.renderedFeatures(['place-points']).length, labels: m.renderedFeatures(['place-labels']).length, land: m.renderedFeatures(['land']).length };
    });
    expect(drawn.points).toBeGreaterThan(0);
    expect(drawn.labels).toBeGreaterThan(0);
    expect(drawn.land).toBeGreaterThan(0);
    expect(await o.page.evaluate(() => (window as any).__violations)).toEqual([]);
    expect(o.errors).toEqual([]);
    await o.context.close();
  });

  it('restores the time and the selection from its URL', async () => {
    const o = await open(`${PAGE}?t=2026-07-02&sel=summit-16`);
    await expect(o.page.getByRole('slider', { name: 'Time', exact: true }).getAttribute('aria-valuetext')).resolves.toBe('2 July 2026');
    const panel = o.page.getByRole('complementary', { name: 'Details' });
    await expect(panel.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(events.find((e) => e.id === 'summit-16')!.title);
    expect(outsideRequests(o.requests, [PAGE])).toEqual([]);
    await o.context.close();
  });

  it('opens a story at its step, and the clicker keys move it and the URL', async () => {
    const story = stories.find((s) => s.id === 'corridor')!;
    const o = await open(`${PAGE}?story=corridor&step=2`);
    const bar = o.page.getByRole('region', { name: `Story: ${story.title}`, exact: true });
    await bar.getByText(`Step 2 of ${story.steps.length}`).waitFor();
    await o.page.keyboard.press('PageDown');
    await bar.getByText(`Step 3 of ${story.steps.length}`).waitFor();
    expect(new URL(o.page.url()).searchParams.get('step')).toBe('3');
    expect(outsideRequests(o.requests, [PAGE])).toEqual([]);
    await o.context.close();
  });

  it('draws the finer basemap where the corridor is read (zoom 7)', async () => {
    const o = await open(`${PAGE}?map=7/22.2/72.8`);
    await o.page.waitForFunction(() => (window as any).__atlas.map.renderedFeatures(['land-detail']).length > 0, null, { timeout: 30_000 });
    expect(outsideRequests(o.requests, [PAGE])).toEqual([]);
    expect(o.errors).toEqual([]);
    await o.context.close();
  });

  it('opens the built-in dataset, with a notice, for a dataset it does not carry', async () => {
    const o = await open(`${PAGE}?dataset=not-here`);
    await o.page.getByRole('status').filter({ hasText: 'not-here' }).first().waitFor();
    expect(await o.page.evaluate(() => (window as any).__atlas.state.eventCount)).toBe(events.length);
    expect(outsideRequests(o.requests, [PAGE])).toEqual([]);
    await o.context.close();
  });

  it('blocks an injected inline script by its policy (a violation, not only escaping)', async () => {
    const o = await open(PAGE);
    const outcome = await o.page.evaluate(
      () =>
        new Promise<{ ran: boolean; directive: string }>((ok) => {
          document.addEventListener('securitypolicyviolation', (e) => ok({ ran: Boolean((window as any).__injected), directive: e.violatedDirective }), { once: true });
          const s = document.createElement('script');
          s.textContent = 'window.__injected = true';
          document.body.append(s);
        }),
    );
    expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
    // Nor a script file: on a file:// page 'self' would match every file: URL, so the policy names no 'self' for scripts.
    const file = join(deckDir, 'local.js');
    writeFileSync(file, 'window.__fromFile = true;');
    const fromFile = await o.page.evaluate(
      (src) =>
        new Promise<{ ran: boolean; directive: string }>((ok) => {
          document.addEventListener('securitypolicyviolation', (e) => ok({ ran: Boolean((window as any).__fromFile), directive: e.violatedDirective }), { once: true });
          const s = document.createElement('script');
          s.src = src;
          document.body.append(s);
        }),
      pathToFileURL(file).href,
    );
    expect(fromFile).toEqual({ ran: false, directive: 'script-src-elem' });
    await o.context.close();
  });

  it('is driven by a deck opened from file:// with parent=null, and only by that deck', async () => {
    const deck = join(deckDir, 'deck.html');
    const atlasUrl = `${PAGE}?embed=1&parent=null&t=2026-01-16`;
    // The second frame shares the deck's opaque origin ("null") but is not the atlas's parent: its messages are ignored.
    writeFileSync(
      deck,
      `<!doctype html><meta charset="utf-8"><title>Deck</title>
<script>window.__msgs = []; addEventListener('message', (e) => window.__msgs.push({ origin: e.origin, data: e.data }));</script>
<iframe title="Indo-Pacific Atlas" src="${atlasUrl.replace(/&/g, '&amp;')}" style="width:960px;height:600px;border:0"></iframe>
<iframe title="Another slide" srcdoc="<script>window.poke = (m) => { parent.frames[0].postMessage(m, '*'); return true; };</script>"></iframe>`,
    );
    const deckUrl = pathToFileURL(deck).href;
    const o = await open(deckUrl, async (p) => {
      await p.waitForFunction(() => (window as any).__msgs.some((m: any) => m.data?.type === 'atlas:ready'), null, { timeout: 60_000 });
    });
    const msgs = () => o.page.evaluate(() => (window as any).__msgs.filter((m: any) => typeof m.data?.type === 'string').map((m: any) => ({ origin: m.origin, ...m.data })));
    const [ready] = (await msgs()).filter((m: any) => m.type === 'atlas:ready');
    expect(ready).toMatchObject({ origin: 'null', version: 1, state: { t: '2026-01-16' } });

    const atlas = o.page.frameLocator('iframe[title="Indo-Pacific Atlas"]');
    const slider = atlas.getByRole('slider', { name: 'Time', exact: true });
    const toAtlas = (m: unknown) => o.page.evaluate((m) => document.querySelector('iframe')!.contentWindow!.postMessage(m, '*'), m);
    // The other frame speaks first: a selection the atlas would refuse aloud (atlas:error) if it listened.
    const other = o.page.frames().find((f) => f.url() === 'about:srcdoc')!;
    expect(await other.evaluate(() => (window as any).poke({ type: 'atlas:select', id: 'no-such-record' }))).toBe(true);
    // Then the deck: the same refusal (its one atlas:error), and a time.
    await toAtlas({ type: 'atlas:select', id: 'no-such-record' });
    await toAtlas({ type: 'atlas:setTime', time: '2026-07-02' });
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('2 July 2026');
    await expect.poll(async () => (await msgs()).filter((m: any) => m.type === 'atlas:state' && m.state.t === '2026-07-02').length).toBeGreaterThan(0);
    // Messages reach the atlas in the order sent and its errors go out at once (its state reports wait 150 ms), so by
    // now an error for the other frame's message would have arrived before the deck's.
    expect((await msgs()).filter((m: any) => m.type === 'atlas:error')).toMatchObject([{ origin: 'null', message: expect.stringContaining('no-such-record') }]);

    expect(outsideRequests(o.requests, [deckUrl, PAGE])).toEqual([]);
    expect(o.errors).toEqual([]);
    await o.context.close();
  });
});

describe.skipIf(!existsSync(FIREFOX))('the offline copy in Firefox ESR, opened from file://', () => {
  it('reaches ready with no request but itself, blob: and data:, restores its URL state and draws the map', async () => {
    const firefox = await launchFirefox();
    try {
      const page = await firefox.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error' || /could not start/.test(m.text())) errors.push(m.text());
      });
      const url = `${PAGE}?t=2026-07-02&sel=summit-16`;
      await page.goto(url);
      await page.waitForSelector('html[data-state="ready"]', { timeout: 60_000 });
      const seen = await page.evaluate(() => {
        const m = (window as any).__atlas.map;
        return {
          time: document.querySelector('[role="slider"][aria-label="Time"]')?.getAttribute('aria-valuetext'),
          selected: (window as any).__atlas.state.selectedId,
          points: m.renderedFeatures(['place-points']).length,
          land: m.renderedFeatures(['land', 'land-detail']).length,
          resources: performance.getEntriesByType('resource').map((e) => e.name).filter((u) => !/^(blob|data):/.test(u)),
        };
      });
      expect(seen.time).toBe('2 July 2026');
      expect(seen.selected).toBe('summit-16');
      expect(seen.points).toBeGreaterThan(0);
      expect(seen.land).toBeGreaterThan(0);
      expect(seen.resources).toEqual([]);
      expect(outsideRequests(requests, [PAGE])).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await firefox.close();
    }
  });
});
