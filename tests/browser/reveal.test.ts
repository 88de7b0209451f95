// The reveal.js deck (examples/reveal/): one atlas frame laid over each slide, driven by postMessage on
// slide change. What the atlas should show on each slide is read from the deck's own data-atlas attributes
// and from the dataset's stories.json, so editing a slide or a story does not need editing this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { startHarness, openPage, type Harness, type Watched } from './harness';

interface StoryStep {
  view: { center: [number, number]; zoom: number };
  time?: string;
  range?: [string, string];
  select?: string;
}
const stories: { id: string; steps: StoryStep[] }[] = JSON.parse(readFileSync('data/india-japan/stories.json', 'utf8'));
const DAY_MS = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

interface Expected {
  time?: number;
  selectedId?: string | null;
  camera?: { lon: number; lat: number; zoom: number };
  story?: { id: string; step: number };
}

/** What the atlas should show after a slide's messages, from the messages themselves and stories.json. */
function expectedFor(messages: any[]): Expected {
  const e: Expected = {};
  for (const m of messages) {
    if (m.type === 'atlas:goToStep') {
      const step = stories.find((s) => s.id === m.story)!.steps[m.step - 1];
      e.story = { id: m.story, step: m.step };
      e.camera = { lon: step.view.center[0], lat: step.view.center[1], zoom: step.view.zoom };
      if (step.time) e.time = DAY_MS(step.time);
      if (step.select) e.selectedId = step.select;
    } else if (m.type === 'atlas:setView') e.camera = { lon: m.center[0], lat: m.center[1], zoom: m.zoom };
    else if (m.type === 'atlas:setTime') e.time = DAY_MS(m.time);
    else if (m.type === 'atlas:select') e.selectedId = m.id;
  }
  return e;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

interface Deck extends Watched {
  /** Responses with status 400 or more, anywhere in the page or its frame. */
  failed: string[];
  /** Document loads inside frames: the atlas should load once for the whole deck. */
  frameLoads: string[];
}

async function openDeck(): Promise<Deck> {
  const w = await openPage(h, { reducedMotion: true });
  const failed: string[] = [];
  const frameLoads: string[] = [];
  w.page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  w.page.on('request', (r) => {
    if (r.resourceType() === 'document' && r.frame() !== w.page.mainFrame()) frameLoads.push(r.url());
  });
  await w.page.goto(`${h.url}examples/reveal/`);
  await w.page.waitForSelector('.reveal.ready', { timeout: 30_000 });
  await w.page.frameLocator('iframe').locator('html[data-state="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
  return { ...w, failed, frameLoads };
}

const atlasFrame = (page: Page): Frame => {
  const f = page.frames().find((x) => x !== page.mainFrame());
  if (!f) throw new Error('no atlas frame');
  return f;
};

/** The atlas's state as the test compares it; storyId/storyStep are undefined if the atlas has no such fields. */
async function atlasState(page: Page) {
  return atlasFrame(page).evaluate(() => {
    const s = (window as any).__atlas?.state;
    if (!s) return null;
    return {
      time: s.time as number,
      selectedId: s.selectedId as string | null,
      camera: s.camera ? { lon: s.camera.lon as number, lat: s.camera.lat as number, zoom: s.camera.zoom as number } : null,
      storyId: s.storyId as string | null | undefined,
      storyStep: s.storyStep as number | null | undefined,
    };
  });
}

/** Why the atlas does not (yet) match `e`, or '' when it does. */
async function mismatch(page: Page, e: Expected): Promise<string> {
  const s = await atlasState(page);
  if (!s) return 'no window.__atlas.state in the frame';
  const out: string[] = [];
  if (e.time !== undefined && s.time !== e.time) out.push(`time ${new Date(s.time).toISOString().slice(0, 10)} ≠ ${new Date(e.time).toISOString().slice(0, 10)}`);
  if (e.selectedId !== undefined && s.selectedId !== e.selectedId) out.push(`selectedId ${s.selectedId} ≠ ${e.selectedId}`);
  if (e.camera) {
    const c = s.camera;
    const near = c && Math.abs(c.lon - e.camera.lon) < 0.05 && Math.abs(c.lat - e.camera.lat) < 0.05 && Math.abs(c.zoom - e.camera.zoom) < 0.05;
    if (!near) out.push(`camera ${JSON.stringify(c)} ≠ ${JSON.stringify(e.camera)}`);
  }
  if (e.story && s.storyId !== undefined) {
    if (s.storyId !== e.story.id || s.storyStep !== e.story.step) out.push(`story ${s.storyId}/${s.storyStep} ≠ ${e.story.id}/${e.story.step}`);
  }
  return out.join('; ');
}

async function slideMessages(page: Page): Promise<any[]> {
  const raw = await page.evaluate(() => document.querySelector('.reveal .slides > section.present')?.getAttribute('data-atlas') ?? null);
  if (!raw) return [];
  const data = JSON.parse(raw);
  return Array.isArray(data) ? data : [data];
}

const slideIndex = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.classList.contains('present')));

/** The atlas layer's box and the current slide's slot box (null when the slide has none or the layer is hidden). */
async function boxes(page: Page) {
  return page.evaluate(() => {
    const rect = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const layer = document.querySelector('.atlas-layer')!;
    const shown = getComputedStyle(layer).visibility === 'visible' && !(layer as HTMLElement).hidden;
    return { frame: shown ? rect(layer.querySelector('iframe')) : null, slot: rect(document.querySelector('.reveal .slides > section.present .atlas-slot')) };
  });
}

describe('the reveal.js deck', () => {
  it('loads with one atlas frame, no failed request, and lays the frame over each atlas slide', async () => {
    const w = await openDeck();
    const { page } = w;
    const src = await page.locator('iframe').getAttribute('src');
    const origin = new URL(h.url).origin;
    expect(new URL(src!).searchParams.get('embed')).toBe('1');
    expect(new URL(src!).searchParams.get('parent')).toBe(origin);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('India and Japan');

    // Title slide: no slot, the frame is hidden.
    expect(await slideIndex(page)).toBe(0);
    expect((await boxes(page)).frame).toBeNull();

    const total = await page.locator('.reveal .slides > section').count();
    expect(total).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < total; i++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => slideIndex(page)).toBe(i);
      // The frame covers the slot and fills most of the slide.
      await expect
        .poll(async () => {
          const { frame, slot } = await boxes(page);
          if (!frame || !slot) return 'no frame or slot';
          const off = Math.max(Math.abs(frame.x - slot.x), Math.abs(frame.y - slot.y), Math.abs(frame.width - slot.width), Math.abs(frame.height - slot.height));
          return off < 2 && frame.width > 1280 * 0.8 && frame.height > 800 * 0.5 ? 'covers' : JSON.stringify({ frame, slot });
        })
        .toBe('covers');
    }
    // A presenter clicks into the map, moves the pointer off it and presses the clicker: the deck advances.
    await page.keyboard.press('Home');
    await expect.poll(() => slideIndex(page)).toBe(0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await boxes(page)).frame !== null).toBe(true);
    const { frame } = await boxes(page);
    await page.mouse.click(frame!.x + frame!.width / 2, frame!.y + frame!.height / 3);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    await page.mouse.move(frame!.x + frame!.width / 2, frame!.y + frame!.height + 30, { steps: 4 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('IFRAME');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideIndex(page)).toBe(2);

    expect(w.frameLoads).toHaveLength(1);
    expect(w.failed).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('waits for atlas:ready, then drives the atlas on every slide change, forwards and back', async () => {
    const w = await openDeck();
    const { page } = w;
    // The deck records what it received; until the atlas answers, it sends nothing.
    await page.waitForFunction(() => (window as any).__deck?.ready === true, undefined, { timeout: 30_000 });
    const ready = await page.evaluate(() => (window as any).__deck.received.find((m: any) => m.type === 'atlas:ready'));
    expect(ready).toMatchObject({ type: 'atlas:ready', version: 1 });
    expect(typeof ready.state).toBe('object');

    const historyLength = await page.evaluate(() => history.length);
    const total = await page.locator('.reveal .slides > section').count();
    const visited: Expected[] = [];
    for (let i = 1; i < total; i++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => slideIndex(page)).toBe(i);
      const messages = await slideMessages(page);
      expect(messages.length).toBeGreaterThan(0);
      const e = expectedFor(messages);
      visited[i] = e;
      await expect.poll(() => mismatch(page, e), { timeout: 15_000, message: `slide ${i + 1}: ${JSON.stringify(messages)}` }).toBe('');
    }
    // Back two slides: the earlier slide's messages are sent again and the atlas returns to that view.
    for (let i = total - 2; i >= total - 3 && i >= 1; i--) {
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => slideIndex(page)).toBe(i);
      await expect.poll(() => mismatch(page, visited[i]), { timeout: 15_000, message: `back to slide ${i + 1}` }).toBe('');
    }

    // One frame load for the whole deck; the atlas reported no protocol error; the host's history did not
    // gain an entry per atlas change (inside a frame the atlas only replaces its own entry).
    expect(w.frameLoads).toHaveLength(1);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    const errors = await page.evaluate(() => (window as any).__deck.errors);
    expect(errors).toEqual([]);
    expect(w.failed).toEqual([]);
    await w.context.close();
  });
});
