// Share, embed and present: every view is a link (reload, Back), the atlas in a frame on another origin and
// driven by postMessage, the origin check, story keys, exports and the Share dialog.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { startHarness, openPage, gotoAtlas, mapIdle, type Harness, type Watched } from './harness';

const events: { id: string; title: string; sources: string[] }[] = JSON.parse(readFileSync('data/india-japan/events.json', 'utf8'));
const sources: { id: string; outlet: string }[] = JSON.parse(readFileSync('data/india-japan/sources.json', 'utf8'));
const stories: { id: string; title: string; steps: unknown[] }[] = JSON.parse(readFileSync('data/india-japan/stories.json', 'utf8'));
const meta: { asOf: string } = JSON.parse(readFileSync('data/india-japan/meta.json', 'utf8'));
const title = (id: string) => events.find((e) => e.id === id)!.title;
const DAY = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

let h: Harness;
/** A second web server for host pages; reached as localhost:PORT (second origin) and 127.0.0.1:PORT (third). */
let hosts: Server;
let hostPort: number;
/** One more port for a host page on yet another origin. */
let otherHosts: Server;
let otherPort: number;

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const HOST_PAGE = (src: string, poster: string | null) => `<!doctype html>
<meta charset="utf-8" />
<title>Host page</title>
<style>html, body { margin: 0 } iframe { display: block; border: 0; width: 960px; height: 600px }</style>
<script>
  window.__msgs = [];
  window.addEventListener('message', (e) => window.__msgs.push({ origin: e.origin, data: e.data }));
</script>
<h1>A deck</h1>
<iframe title="Indo-Pacific Atlas" src="${attr(src)}"></iframe>
${poster ? `<iframe title="Another page" style="width:100px;height:50px" src="${attr(poster)}"></iframe>` : ''}`;

function hostServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/favicon.ico') {
      res.statusCode = 204;
      return res.end();
    }
    if (u.pathname !== '/' || !u.searchParams.get('src')) {
      res.statusCode = 404;
      return res.end('Not found');
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(HOST_PAGE(u.searchParams.get('src')!, u.searchParams.get('poster')));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, port: (server.address() as { port: number }).port })));
}

beforeAll(async () => {
  h = await startHarness();
  ({ server: hosts, port: hostPort } = await hostServer());
  ({ server: otherHosts, port: otherPort } = await hostServer());
});
afterAll(async () => {
  await h?.close();
  for (const s of [hosts, otherHosts]) if (s) await new Promise<void>((ok) => s.close(() => ok()));
});

// ---- helpers --------------------------------------------------------------------------------------------

/** A fresh browser context for one test, closed after it even when the test fails. */
const opened: Watched[] = [];
async function fresh(opts?: Parameters<typeof openPage>[1]): Promise<Watched> {
  const w = await openPage(h, opts);
  opened.push(w);
  return w;
}
afterEach(async () => {
  for (const w of opened.splice(0)) await w.context.close().catch(() => {});
});

type Scope = Page | Frame;
const timeSlider = (p: Scope) => p.getByRole('slider', { name: 'Time', exact: true });
const timeText = (p: Scope) => timeSlider(p).getAttribute('aria-valuetext');
const detailsHeading = (p: Scope) => p.getByRole('complementary', { name: 'Details', exact: true }).getByRole('heading', { level: 2 }).textContent();
const query = (p: Scope) => new URL(p.url()).searchParams;
const historyLength = (p: Page) => p.evaluate(() => history.length);

/** The parts of AtlasState the tests compare, as plain values. */
function atlasState(p: Scope) {
  return p.evaluate(() => {
    const s = (window as any).__atlas.state;
    return {
      time: s.time as number,
      range: s.range ? ([...s.range] as [number, number]) : null,
      selectedId: s.selectedId as string | null,
      themes: s.themes ? ([...s.themes] as string[]) : null,
      lanes: s.lanes as string,
      camera: s.camera ? { zoom: s.camera.zoom as number, lat: s.camera.lat as number, lon: s.camera.lon as number } : null,
      storyId: s.storyId as string | null,
      storyStep: s.storyStep as number,
      embed: s.embed as boolean,
      visible: s.visible as { id: string; places: string[] }[],
    };
  });
}

/** Opens a host page at `hostUrl` that frames the atlas at `atlasQuery`; resolves once the atlas in the frame is ready. */
async function openHost(w: Watched, hostUrl: string, atlasQuery: string, poster?: string) {
  const src = `${h.url}?${atlasQuery}`;
  await w.page.goto(`${hostUrl}?src=${encodeURIComponent(src)}${poster ? `&poster=${encodeURIComponent(poster)}` : ''}`);
  const frame = (await (await w.page.locator('iframe[title="Indo-Pacific Atlas"]').elementHandle())!.contentFrame())!;
  await frame.waitForSelector('html[data-state="ready"]', { state: 'attached', timeout: 60_000 });
  return frame;
}

/** Atlas messages (type atlas:*) the host page has received so far. */
const hostMessages = (p: Page, type?: string) =>
  p.evaluate(
    (type) => (window as any).__msgs.filter((m: any) => m.data && typeof m.data.type === 'string' && m.data.type.startsWith('atlas:') && (!type || m.data.type === type)),
    type,
  ) as Promise<{ origin: string; data: any }[]>;

/**
 * Posts `message` from the host page to the frame, then a probe; resolves when the frame has seen the probe.
 * Messages from one window to another arrive in order, so by then the atlas has handled (or dropped) `message`.
 */
async function postAndRoundTrip(from: Scope, frame: Frame, message: unknown) {
  await frame.evaluate(() => {
    (window as any).__probe = new Promise<void>((ok) => window.addEventListener('message', (e) => e.data?.probe === 'h6' && ok()));
  });
  await from.evaluate((m) => {
    const win = window.top!.frames[0];
    win.postMessage(m, '*');
    win.postMessage({ probe: 'h6' }, '*');
  }, message);
  await frame.evaluate(() => (window as any).__probe);
}

/** Where an element sits in its window, and whether any of it is inside the viewport. */
const boxIn = (p: Scope, selector: string) =>
  p.evaluate((selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const inside = r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
    return { x: r.x, y: r.y, width: r.width, height: r.height, inside, viewport: { width: innerWidth, height: innerHeight } };
  }, selector);

/** RFC 4180 CSV: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') continue;
    else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

// ---- every view is a link -------------------------------------------------------------------------------

describe('every view is a link', () => {
  it('a reload restores time, selection, filters, lanes, camera and range', async () => {
    const w = await fresh();
    const q = 't=2026-07-02&sel=summit-16&themes=ai,diplomacy&lanes=initiative&map=5/20/80&range=2025-01-01/2026-12-31';
    await gotoAtlas(w, h, q);
    const check = async (when: string) => {
      await mapIdle(w.page);
      expect(await timeText(w.page), when).toBe('2 July 2026');
      expect(await detailsHeading(w.page), when).toBe(title('summit-16'));
      await expect(w.page.getByRole('button', { name: 'By initiative', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
      const s = await atlasState(w.page);
      expect(s.time, when).toBe(DAY('2026-07-02'));
      expect(s.selectedId, when).toBe('summit-16');
      expect(s.themes, when).toEqual(['ai', 'diplomacy']);
      expect(s.lanes, when).toBe('initiative');
      expect(s.range, when).toEqual([DAY('2025-01-01'), DAY('2026-12-31')]);
      const map = await w.page.evaluate(() => {
        const v = (window as any).__atlas.map.view();
        return { zoom: v.zoom as number, lat: v.lat as number, lon: v.lon as number };
      });
      // Soft, so that one wrong part of the view does not hide the others (and the reload still runs).
      for (const [name, c] of [['state.camera', s.camera], ['map', map]] as const) {
        const near = c !== null && Math.abs(c.zoom - 5) < 0.01 && Math.abs(c.lat - 20) < 0.01 && Math.abs(c.lon - 80) < 0.01;
        expect.soft(near, `${when}: ${name} ${JSON.stringify(c)} is not 5/20/80`).toBe(true);
      }
      const p = query(w.page);
      expect(Object.fromEntries(['t', 'sel', 'themes', 'lanes', 'range'].map((k) => [k, p.get(k)])), when).toEqual({
        t: '2026-07-02', sel: 'summit-16', themes: 'ai,diplomacy', lanes: 'initiative', range: '2025-01-01/2026-12-31',
      });
      const [zoom, lat, lon] = (p.get('map') ?? '').split('/').map(Number);
      expect.soft(Math.abs(zoom - 5) < 0.01 && Math.abs(lat - 20) < 0.01 && Math.abs(lon - 80) < 0.01, `${when}: map=${p.get('map')}`).toBe(true);
    };
    await check('first load');
    await w.page.reload();
    await w.page.waitForSelector('html[data-state="ready"]', { timeout: 60_000 });
    await check('after reload');
    expect(w.errors).toEqual([]);
  });

  it('at top level, selecting pushes history and scrubbing replaces; Back restores each entry, camera included', async () => {
    const w = await fresh();
    await gotoAtlas(w, h);
    const { page } = w;
    const start = await historyLength(page);
    const intro = await detailsHeading(page);

    // Scrubbing with the keyboard moves time and the URL, but adds no entry.
    const t0 = (await atlasState(page)).time;
    await timeSlider(page).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => atlasState(page).then((s) => s.time)).toBe(t0 + 3 * 86_400_000);
    await expect.poll(() => query(page).get('t')).toBe(new Date(t0 + 3 * 86_400_000).toISOString().slice(0, 10));
    expect(await historyLength(page)).toBe(start);

    // Two selections: two entries. Between them the user drags the map: that camera belongs to the first entry.
    await page.locator('.mark[data-id="summit-16"] circle').click();
    await expect.poll(() => detailsHeading(page)).toBe(title('summit-16'));
    await mapIdle(page);
    const beforeDrag = query(page).get('map');
    const c = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.move(c.x + c.width * 0.5, c.y + c.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(c.x + c.width * 0.5 - 220, c.y + c.height * 0.5 + 120, { steps: 6 });
    await page.mouse.up();
    await mapIdle(page);
    await expect.poll(() => query(page).get('map')).not.toBe(beforeDrag);
    const dragged = query(page).get('map');
    await page.locator('.mark[data-id="strategic-dialogue-18"] circle').click();
    await expect.poll(() => detailsHeading(page)).toBe(title('strategic-dialogue-18'));
    expect(query(page).get('sel')).toBe('strategic-dialogue-18');
    expect(await historyLength(page)).toBe(start + 2);

    await page.goBack();
    await expect.poll(() => detailsHeading(page)).toBe(title('summit-16'));
    expect(query(page).get('sel')).toBe('summit-16');
    await mapIdle(page);
    // Soft: the camera the user left on that entry comes back too (and the entry keeps it).
    expect.soft(query(page).get('map'), 'Back restores the dragged camera').toBe(dragged);
    const [zoom, lat, lon] = dragged!.split('/').map(Number);
    const cam = (await atlasState(page)).camera;
    expect.soft(cam !== null && Math.abs(cam.zoom - zoom) < 0.01 && Math.abs(cam.lat - lat) < 0.01 && Math.abs(cam.lon - lon) < 0.01, `camera ${JSON.stringify(cam)} after Back, expected ${dragged}`).toBe(true);
    await page.goBack();
    await expect.poll(() => detailsHeading(page)).toBe(intro);
    expect(query(page).get('sel')).toBeNull();
    expect((await atlasState(page)).selectedId).toBeNull();
    await page.goForward();
    await expect.poll(() => detailsHeading(page)).toBe(title('summit-16'));
  });
});

// ---- embed mode and the postMessage API -----------------------------------------------------------------

describe('embedded in a frame on another origin', () => {
  it('shows the atlas without chrome, talks to the parent= origin, follows setTime, answers bad messages, keeps the host history', async () => {
    const w = await fresh({ width: 1280, height: 800 });
    const host = `http://localhost:${hostPort}/`;
    const frame = await openHost(w, host, `embed=1&parent=http://localhost:${hostPort}&t=2026-01-16`);
    const { page } = w;

    // What the frame shows.
    expect(await timeText(frame)).toBe('16 January 2026');
    const open = frame.getByRole('link', { name: 'Open full atlas', exact: true });
    const href = new URL((await open.getAttribute('href'))!, frame.url());
    expect(href.origin).toBe(new URL(h.url).origin);
    expect(href.searchParams.get('t')).toBe('2026-01-16');
    expect(href.searchParams.has('embed')).toBe(false);
    expect(href.searchParams.has('parent')).toBe(false);
    for (const name of ['Share', 'Export']) expect(await frame.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(await frame.getByRole('region', { name: 'Map', exact: true }).count()).toBe(1);
    expect(await frame.getByRole('region', { name: 'Timeline', exact: true }).count()).toBe(1);
    const root = await boxIn(frame, '.atlas');
    expect(root!.viewport).toEqual({ width: 960, height: 600 });
    expect(Math.abs(root!.width - 960) <= 1 && Math.abs(root!.height - 600) <= 1 && root!.x === 0 && root!.y === 0, JSON.stringify(root)).toBe(true);
    expect(await frame.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight)).toBe(true);

    // atlas:ready reached the host on the second origin, from the atlas's origin.
    await expect.poll(() => hostMessages(page, 'atlas:ready').then((m) => m.length)).toBe(1);
    const [ready] = await hostMessages(page, 'atlas:ready');
    expect(ready.origin).toBe(new URL(h.url).origin);
    expect(ready.data).toMatchObject({ type: 'atlas:ready', version: 1, state: { t: '2026-01-16' } });
    expect(ready.data.state).not.toHaveProperty('embed');
    expect(ready.data.state).not.toHaveProperty('parent');

    // The host moves the playhead (posting with targetOrigin '*', as a careless host would).
    const topHistory = await historyLength(page);
    await page.evaluate(() => document.querySelector('iframe')!.contentWindow!.postMessage({ type: 'atlas:setTime', time: '2026-07-02' }, '*'));
    await expect.poll(() => timeText(frame)).toBe('2 July 2026');
    await expect
      .poll(() => hostMessages(page, 'atlas:state').then((m) => m.map((x) => x.data.state.t)), { timeout: 10_000 })
      .toContain('2026-07-02');
    const state = (await hostMessages(page, 'atlas:state')).find((m) => m.data.state.t === '2026-07-02')!.data;
    const url = new URL(state.url);
    expect(url.searchParams.get('t')).toBe('2026-07-02');
    expect(url.searchParams.has('embed') || url.searchParams.has('parent')).toBe(false);

    // A malformed message from the allowed origin is answered with atlas:error naming type and field, and changes nothing.
    await postAndRoundTrip(page, frame, { type: 'atlas:setTime', time: 'tomorrow' });
    await expect.poll(() => hostMessages(page, 'atlas:error').then((m) => m.length)).toBe(1);
    const [error] = await hostMessages(page, 'atlas:error');
    expect(error.data.message).toMatch(/atlas:setTime.*time.*tomorrow/);
    expect(await timeText(frame)).toBe('2 July 2026');
    // A field the message does not have is refused too, by name.
    await postAndRoundTrip(page, frame, { type: 'atlas:setFilters', theme: ['ai'] });
    await expect.poll(() => hostMessages(page, 'atlas:error').then((m) => m.length)).toBe(2);
    expect((await hostMessages(page, 'atlas:error'))[1].data.message).toMatch(/atlas:setFilters.*theme/);
    expect((await atlasState(frame)).themes).toBeNull();
    // Well-formed but naming what the dataset lacks: refused by name, and nothing changes, not even story mode.
    await postAndRoundTrip(page, frame, { type: 'atlas:goToStep', story: 'corridor', step: 2 });
    await expect.poll(() => query(frame).get('story')).toBe('corridor');
    await postAndRoundTrip(page, frame, { type: 'atlas:select', id: 'no-such-id' });
    await postAndRoundTrip(page, frame, { type: 'atlas:setFilters', themes: ['ai', 'no-such-theme'] });
    await expect.poll(() => hostMessages(page, 'atlas:error').then((m) => m.length)).toBe(4);
    const refused = (await hostMessages(page, 'atlas:error')).slice(2).map((m) => m.data.message);
    expect(refused).toEqual([expect.stringMatching(/atlas:select.*"no-such-id"/), expect.stringMatching(/atlas:setFilters: themes has no "no-such-theme"/)]);
    expect(query(frame).get('story')).toBe('corridor');
    expect(query(frame).get('step')).toBe('2');
    expect((await atlasState(frame)).themes).toBeNull();
    await postAndRoundTrip(page, frame, { type: 'atlas:setTime', time: '2026-07-02' });
    await expect.poll(() => query(frame).get('story')).toBeNull();
    await postAndRoundTrip(page, frame, { type: 'atlas:select', id: null });
    await expect.poll(() => query(frame).get('sel')).toBeNull();

    // Selecting inside the frame: the frame's URL follows, the host's history does not grow.
    const markId = await frame.evaluate(() => {
      const plot = document.querySelector('.tl-lanes')!.getBoundingClientRect();
      const marks = [...document.querySelectorAll<SVGGElement>('.mark.event')];
      const m = marks.find((el) => {
        const r = el.querySelector('circle, rect')!.getBoundingClientRect();
        return r.width > 0 && r.left > plot.left + 4 && r.right < plot.right - 4 && r.top > plot.top && r.bottom < plot.bottom;
      });
      return m?.dataset.id ?? null;
    });
    expect(markId).not.toBeNull();
    await frame.locator(`.mark[data-id="${markId}"]`).locator('circle, rect').first().click();
    await expect.poll(() => detailsHeading(frame)).toBe(title(markId!));
    await expect.poll(() => query(frame).get('sel')).toBe(markId);
    await expect
      .poll(() => hostMessages(page, 'atlas:state').then((m) => m.map((x) => x.data.state.sel)), { timeout: 10_000 })
      .toContain(markId);
    expect(await historyLength(page)).toBe(topHistory);
    expect(w.errors).toEqual([]);
  });

  it('from 320×240 to 1920×1080 the map and the timeline are both on screen and the atlas fills its frame', async () => {
    const w = await fresh({ width: 1920, height: 1080 });
    const frame = await openHost(w, `http://localhost:${hostPort}/`, `embed=1&parent=http://localhost:${hostPort}&t=2026-01-16`);
    for (const [width, height] of [
      [320, 240],
      [1920, 1080],
    ]) {
      const size = `${width}×${height}`;
      await w.page.evaluate(([width, height]) => {
        const f = document.querySelector('iframe')!;
        f.style.width = `${width}px`;
        f.style.height = `${height}px`;
      }, [width, height]);
      await expect.poll(() => frame.evaluate(() => [innerWidth, innerHeight])).toEqual([width, height]);
      const mapBox = () => boxIn(frame, '.maplibregl-canvas');
      // The map follows its frame: the canvas is redrawn at the new width.
      await expect
        .poll(async () => {
          const m = await mapBox();
          const drawn = await frame.evaluate(() => (window as any).__atlas.map.canvasSize().width / devicePixelRatio);
          return m && Math.abs(drawn - m.width) <= 1 && m.width >= width * 0.9 && m.width <= width + 1 ? 'fits' : JSON.stringify({ m, drawn });
        }, { message: size })
        .toBe('fits');
      const map = await mapBox();
      const timeline = await boxIn(frame, 'section.timeline');
      const root = await boxIn(frame, '.atlas');
      for (const [name, b] of [['map canvas', map], ['timeline', timeline]] as const) {
        expect(b, `${size} ${name}`).not.toBeNull();
        expect(b!.width > 0 && b!.height > 0 && b!.inside, `${size} ${name} ${JSON.stringify(b)}`).toBe(true);
        // Wholly inside the frame: nothing needs scrolling to be seen.
        expect(b!.y >= 0 && b!.y + b!.height <= height + 1, `${size} ${name} ${JSON.stringify(b)}`).toBe(true);
      }
      expect(map!.height, `${size}: a map too short to read`).toBeGreaterThanOrEqual(Math.min(100, height * 0.35));
      expect(await frame.getByRole('region', { name: 'Timeline', exact: true }).isVisible(), size).toBe(true);
      expect(await timeSlider(frame).isVisible(), size).toBe(true);
      expect(Math.abs(root!.width - width) <= 1 && Math.abs(root!.height - height) <= 1, `${size} ${JSON.stringify(root)}`).toBe(true);
    }
  });
});

describe('the origin check', () => {
  it('messages from origins other than parent= are ignored and get no answer, and the framing page hears nothing', async () => {
    const w = await fresh();
    const { page } = w;
    // The framing page is on 127.0.0.1:P while the embed URL names localhost:P; a second frame beside the
    // atlas sits on localhost with another port. Neither is the parent= origin.
    const wrongHost = `http://127.0.0.1:${hostPort}/`;
    const poster = `http://localhost:${otherPort}/?src=about:blank`;
    const frame = await openHost(w, wrongHost, `embed=1&parent=http://localhost:${hostPort}&t=2026-01-16`, poster);
    const posterFrame = (await (await page.locator('iframe[title="Another page"]').elementHandle())!.contentFrame())!;
    await posterFrame.waitForFunction(() => Array.isArray((window as any).__msgs));
    expect(new URL(posterFrame.url()).origin).toBe(`http://localhost:${otherPort}`);
    for (const [who, from] of [
      ['the framing page on 127.0.0.1 (parent= says localhost)', page],
      ['a page on localhost with another port', posterFrame],
    ] as const) {
      await postAndRoundTrip(from, frame, { type: 'atlas:setTime', time: '2026-07-02' });
      expect(await timeText(frame), who).toBe('16 January 2026');
      expect((await atlasState(frame)).time, who).toBe(DAY('2026-01-16'));
      // Refused messages from a page that is not allowed are not answered either.
      await postAndRoundTrip(from, frame, { type: 'atlas:setTime', time: 'tomorrow' });
    }
    // The atlas posts only to its parent= origin: the framing page heard nothing, not even atlas:ready.
    expect(await timeText(frame)).toBe('16 January 2026');
    expect(await hostMessages(page)).toEqual([]);
    expect(await posterFrame.evaluate(() => (window as any).__msgs.length)).toBe(0);
  });
});

// ---- story mode ---------------------------------------------------------------------------------------

describe('story keys', () => {
  it('clickers walk the story, the focused slider keeps its arrows, Escape leaves, Back returns to the last step', async () => {
    const corridor = stories.find((s) => s.id === 'corridor')!;
    const n = corridor.steps.length;
    const w = await fresh({ reducedMotion: true });
    await gotoAtlas(w, h, 'story=corridor&step=1');
    const { page } = w;
    const region = page.getByRole('region', { name: `Story: ${corridor.title}`, exact: true });
    const counter = () => region.locator('.story-count').textContent();
    expect(await region.count()).toBe(1);
    expect(await counter()).toBe(`Step 1 of ${n}`);
    const start = await historyLength(page);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const keys: [string, number][] = [
      ['PageDown', 2],
      ['Space', 3],
      ['ArrowRight', 4],
      ['PageUp', 3],
      ['ArrowLeft', 2],
    ];
    for (const [key, step] of keys) {
      await page.keyboard.press(key);
      await expect.poll(counter, { message: `after ${key}` }).toBe(`Step ${step} of ${n}`);
      expect(query(page).get('step'), `after ${key}`).toBe(String(step));
      expect(query(page).get('story')).toBe('corridor');
    }
    // Each step pushed an entry: Back returns to the step before (3, reached with PageUp).
    expect(await historyLength(page)).toBe(start + keys.length);
    await page.goBack();
    await expect.poll(counter).toBe(`Step 3 of ${n}`);
    expect((await atlasState(page)).storyStep).toBe(3);

    // With the slider focused, → is a day and not a step.
    const slider = timeSlider(page);
    await slider.focus();
    const t0 = (await atlasState(page)).time;
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => atlasState(page).then((s) => s.time)).toBe(t0 + 86_400_000);
    expect(await timeText(page)).toBe(new Date(t0 + 86_400_000).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
    expect(await counter()).toBe(`Step 3 of ${n}`);

    // Escape leaves story mode.
    await page.keyboard.press('Escape');
    await expect.poll(() => region.count()).toBe(0);
    expect(query(page).has('story')).toBe(false);
    expect(query(page).has('step')).toBe(false);
    expect((await atlasState(page)).storyId).toBeNull();
  });
});

// ---- exports ----------------------------------------------------------------------------------------------

describe('exports', () => {
  const pngSize = (b: Buffer) => ({ sig: b.subarray(1, 4).toString('latin1'), width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

  async function exportItem(page: Page, name: string): Promise<Buffer> {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const item = page.getByRole('list', { name: 'Export', exact: true }).getByRole('button', { name, exact: true });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), item.click()]);
    return readFileSync((await download.path())!);
  }

  // One page for all exports: a theme filter, so "visible" is a real subset, that keeps the summit on show.
  let w: Watched;
  beforeAll(async () => {
    w = await openPage(h);
    await gotoAtlas(w, h, 'themes=ai,diplomacy&t=2026-07-02');
    await mapIdle(w.page);
  });
  afterAll(async () => w?.context.close());

  it('PNG at 1× and 2× for a slide, drawn with map and timeline; the timeline as SVG', async () => {
    const { page } = w;
    for (const [name, width, height] of [
      ['PNG for a slide (1920×1080)', 1920, 1080],
      ['PNG at 2× (3840×2160)', 3840, 2160],
    ] as const) {
      const png = await exportItem(page, name);
      expect(pngSize(png), name).toEqual({ sig: 'PNG', width, height });
      // Not blank: many colours overall, and the map's box (40,112 1840×600 at 1×) holds a drawn map.
      const colours = await page.evaluate(async ([b64, k]) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const count = (x: number, y: number, w: number, h: number) => {
          const px = g.getImageData(x * k, y * k, w * k, h * k).data;
          const set = new Set<number>();
          for (let i = 0; i < px.length; i += 4 * 7) set.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
          return set.size;
        };
        return { all: count(0, 0, 1920, 1080), map: count(40, 112, 1840, 600), timeline: count(40, 728, 1840, 280) };
      }, [png.toString('base64'), width / 1920] as const);
      expect(colours.all, name).toBeGreaterThan(50);
      expect(colours.map, `${name}: map area`).toBeGreaterThan(20);
      expect(colours.timeline, `${name}: timeline area`).toBeGreaterThan(5);
    }

    // The timeline's SVG is a well-formed document with the summit's mark and the label shown for it.
    const shownLabel = await page.evaluate(() => document.querySelector('.mark[data-id="summit-16"] text')?.textContent ?? null);
    const svg = (await exportItem(page, 'Timeline as SVG')).toString('utf8');
    const parsed = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const mark = doc.querySelector('.mark[data-id="summit-16"]');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.localName,
        ns: doc.documentElement.namespaceURI,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        markLabel: mark?.getAttribute('aria-label') ?? null,
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
    expect(parsed.markLabel).toMatch(new RegExp(`^${title('summit-16')}, 2 July 2026`));
    if (shownLabel) expect(parsed.texts).toContain(shownLabel);
    expect(parsed.texts.some((t) => /^\d{4}$|^[A-Z][a-z]{2}/.test(t))).toBe(true); // the axis came along
    expect(w.errors).toEqual([]);
  });

  it('CSV and GeoJSON hold exactly the visible events and their places', async () => {
    const { page } = w;
    const visible = (await atlasState(page)).visible;
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(events.length);
    // What the timeline tells the user.
    expect(await page.locator('.tl-count').textContent()).toBe(`${visible.length} of ${events.length} events`);

    const csv = (await exportItem(page, 'Visible events as CSV')).toString('utf8');
    // A byte-order mark, so that spreadsheet programs read UTF-8 ("India–Japan"), then the import template's columns.
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1));
    const [header, ...body] = rows;
    expect(header.slice(0, 11)).toEqual(['date', 'end date', 'title', 'summary', 'place', 'lat', 'lon', 'theme', 'status', 'source title', 'source url']);
    const col = (name: string) => header.indexOf(name);
    expect(body).toHaveLength(visible.length);
    for (const r of body) expect(r, r[col('id')]).toHaveLength(header.length);
    expect(body.map((r) => r[col('id')]).sort()).toEqual(visible.map((e) => e.id).sort());
    for (const r of body) expect(r[col('title')], r[col('id')]).toBe(title(r[col('id')]));
    for (const r of body) expect(r[col('licence')]).toMatch(/CC BY 4\.0/);

    const geo = JSON.parse((await exportItem(page, 'Visible places as GeoJSON')).toString('utf8'));
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBeGreaterThan(0);
    for (const f of geo.features) {
      expect(f.type).toBe('Feature');
      expect(['Point', 'LineString', 'Polygon', 'MultiPolygon', 'MultiLineString']).toContain(f.geometry?.type);
      expect(Array.isArray(f.geometry.coordinates) && f.geometry.coordinates.length > 0, f.id).toBe(true);
    }
    const ids = geo.features.map((f: any) => f.id).sort();
    expect(ids).toEqual([...new Set(visible.flatMap((e) => e.places))].sort());
  });
});

// ---- the Share dialog -------------------------------------------------------------------------------------

describe('the Share dialog', () => {
  it('gives a link that restores the view, an embed snippet and a citation; Escape closes it before the selection', async () => {
    const w = await fresh();
    await gotoAtlas(w, h, 't=2026-07-02&sel=summit-16');
    const { page } = w;
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this view', exact: true });
    await expect.poll(() => dialog.count()).toBe(1);

    const link = await dialog.getByRole('textbox', { name: 'Link', exact: true }).inputValue();
    const snippet = await dialog.getByRole('textbox', { name: 'Embed in a page or a slide deck', exact: true }).inputValue();
    const cite = await dialog.getByRole('textbox', { name: 'Cite this view', exact: true }).inputValue();

    expect(snippet).toMatch(/^<iframe [^>]*src="[^"]+"[^>]*><\/iframe>$/);
    const embedSrc = new URL(/src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&'));
    expect(embedSrc.searchParams.get('embed')).toBe('1');
    expect(embedSrc.searchParams.get('t')).toBe('2026-07-02');
    expect(embedSrc.searchParams.get('sel')).toBe('summit-16');

    const asOfWords = new Date(DAY(meta.asOf)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(asOfWords).toBe('28 November 2026');
    expect(cite).toContain(asOfWords);
    expect(cite).toContain(link);
    const outlets = events.find((e) => e.id === 'summit-16')!.sources.map((id) => sources.find((s) => s.id === id)!.outlet);
    expect(outlets.some((o) => cite.includes(o)), cite).toBe(true);

    // The link, opened afresh, shows the same view.
    const other = await w.context.newPage();
    await other.goto(link);
    await other.waitForSelector('html[data-state="ready"]', { timeout: 60_000 });
    expect(await timeText(other)).toBe('2 July 2026');
    expect(await detailsHeading(other)).toBe(title('summit-16'));
    expect(new URL(link).searchParams.has('embed')).toBe(false);
    await other.close();

    // Escape: first the dialog, then the selection.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await detailsHeading(page)).toBe(title('summit-16'));
    expect(query(page).get('sel')).toBe('summit-16');
    await page.keyboard.press('Escape');
    await expect.poll(() => detailsHeading(page)).not.toBe(title('summit-16'));
    expect(query(page).has('sel')).toBe(false);
  });
});
