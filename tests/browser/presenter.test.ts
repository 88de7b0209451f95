// The presenter view: a second window opened from the story bar shows this step's and the next step's captions, the
// step count and a clock; clicker keys in either window move the story in both, and both follow the buttons, Back and
// the embed intents; it closes with the story, and opens again after the presenter closed it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startHarness, openPage, gotoAtlas, type Harness, type Watched } from './harness';
import { OFFLINE_OUT, ensureOfflineCopy } from './offlineBuild';

const stories: { id: string; title: string; steps: { caption: string }[] }[] = JSON.parse(readFileSync('data/india-japan/stories.json', 'utf8'));
const corridor = stories.find((s) => s.id === 'corridor')!;
const N = corridor.steps.length;
const caption = (step: number) => corridor.steps[step - 1].caption;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
const opened: Watched[] = [];
afterEach(async () => {
  for (const w of opened.splice(0)) await w.context.close().catch(() => {});
});

const storyBar = (p: Page) => p.getByRole('region', { name: `Story: ${corridor.title}`, exact: true });
const step = (p: Page) => new URL(p.url()).searchParams.get('step');
const text = async (p: Page, selector: string) => ((await p.locator(selector).textContent()) ?? '').trim();

/** What the presenter window shows. */
async function shown(popup: Page) {
  return {
    count: await text(popup, 'header .count'),
    now: ((await popup.getByRole('region', { name: 'This step', exact: true }).locator('.caption').textContent()) ?? '').trim(),
    next: ((await popup.getByRole('region', { name: 'Next step', exact: true }).locator('.caption, .end').textContent()) ?? '').trim(),
  };
}
const at = (n: number) => ({ count: `Step ${n} of ${N}`, now: caption(n), next: n < N ? caption(n + 1) : 'End of the story' });

async function openPresenter(page: Page): Promise<Page> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), storyBar(page).getByRole('button', { name: 'Presenter view', exact: true }).click()]);
  await popup.getByRole('heading', { level: 1, name: corridor.title, exact: true }).waitFor();
  return popup;
}

describe('the presenter view', () => {
  it('shows the step, this caption and the next, a clock, and keeps both windows in step', async () => {
    const w = await openPage(h, { reducedMotion: true });
    opened.push(w);
    const { page } = w;
    await gotoAtlas(w, h, 'story=corridor&step=2');
    const popupErrors: string[] = [];
    const popup = await openPresenter(page);
    popup.on('pageerror', (e) => popupErrors.push(String(e)));
    popup.on('console', (m) => m.type() === 'error' && popupErrors.push(m.text()));

    // What it shows, in a document of its own: title, language, landmarks, headings.
    expect(await shown(popup)).toEqual(at(2));
    expect(await popup.title()).toBe(`Presenter view: ${corridor.title}`);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
    for (const role of ['banner', 'main', 'contentinfo', 'navigation'] as const) expect(await popup.getByRole(role).count(), role).toBe(1);
    expect(await popup.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['This step', 'Next step']);
    // Its styles arrived (its own, injected into its head, and the page's fonts and palette).
    const look = await popup.evaluate(() => ({
      background: getComputedStyle(document.querySelector('.presenter')!).backgroundColor,
      font: getComputedStyle(document.body).fontFamily,
      ink: getComputedStyle(document.documentElement).getPropertyValue('--ink'),
    }));
    expect(look.background).toBe('rgb(20, 25, 31)');
    expect(look.font).toContain('Noto Sans');
    expect(look.ink).not.toBe('');
    // The clocks: time since it opened, and the time of day; only the step count is a live region.
    const clocks = popup.getByRole('contentinfo').locator('time');
    expect(await clocks.count()).toBe(2);
    expect(await clocks.nth(0).textContent()).toMatch(/^00:0\d$/);
    expect(await clocks.nth(0).getAttribute('datetime')).toMatch(/^PT\d+S$/);
    expect(await clocks.nth(1).textContent()).toMatch(/^\d{1,2}:\d\d/);
    expect(await popup.locator('[aria-live]').evaluateAll((els) => els.map((e) => e.className.split(' ')[0]))).toEqual(['count']);
    // axe-core, every rule: nothing at all to report.
    expect((await new AxeBuilder({ page: popup }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    await expect.poll(() => clocks.nth(0).textContent(), { timeout: 5000 }).not.toBe('00:00');

    // A clicker in the presenter window: both windows move, and the page's URL with them.
    await popup.keyboard.press('PageDown');
    await expect.poll(() => step(page)).toBe('3');
    await expect.poll(() => shown(popup)).toEqual(at(3));
    expect(await storyBar(page).locator('.story-count').textContent()).toBe(`Step 3 of ${N}`);
    expect((await storyBar(page).locator('.story-caption').textContent())?.trim()).toBe(caption(3));
    for (const key of ['Space', 'ArrowRight']) await popup.keyboard.press(key);
    await expect.poll(() => step(page)).toBe('5');
    await popup.keyboard.press('ArrowLeft');
    await expect.poll(() => shown(popup)).toEqual(at(4));
    expect(step(page)).toBe('4');

    // Keys in the page: the presenter window follows.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('PageUp');
    await expect.poll(() => shown(popup)).toEqual(at(3));
    expect(step(page)).toBe('3');
    // The page's buttons, Back, and the intents a host page or the URL use.
    await storyBar(page).getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => shown(popup)).toEqual(at(4));
    await page.goBack();
    await expect.poll(() => shown(popup)).toEqual(at(3));
    await page.evaluate((n) => window.postMessage({ type: 'atlas:goToStep', story: 'corridor', step: n }, '*'), N);
    await expect.poll(() => shown(popup)).toEqual(at(N));
    // Its own buttons: Next is off at the end; Previous moves both.
    const nav = popup.getByRole('navigation');
    expect(await nav.getByRole('button', { name: 'Next', exact: true }).isDisabled()).toBe(true);
    await nav.getByRole('button', { name: 'Previous', exact: true }).click();
    await expect.poll(() => step(page)).toBe(String(N - 1));
    expect(await shown(popup)).toEqual(at(N - 1));

    // Closed by the presenter, it opens again; the story's end closes it.
    await popup.close();
    const again = await openPresenter(page);
    expect(await shown(again)).toEqual(at(N - 1));
    const gone = again.waitForEvent('close');
    await storyBar(page).getByRole('button', { name: 'Exit story', exact: true }).click();
    await gone;
    expect(popupErrors).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  it('opens from the offline copy at file:// too, in step, with no request', async () => {
    ensureOfflineCopy();
    const page0 = pathToFileURL(join(OFFLINE_OUT, 'indo-pacific-atlas', 'index.html')).href;
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    try {
      const requests: string[] = [];
      const errors: string[] = [];
      context.on('request', (r) => requests.push(r.url()));
      context.on('weberror', (e) => errors.push(String(e.error())));
      const page = await context.newPage();
      await page.goto(`${page0}?story=corridor&step=2`);
      await page.waitForSelector('html[data-state="ready"]', { timeout: 60_000 });
      const popup = await openPresenter(page);
      expect(await shown(popup)).toEqual(at(2));
      expect(await popup.evaluate(() => getComputedStyle(document.querySelector('.presenter')!).backgroundColor)).toBe('rgb(20, 25, 31)');
      await popup.keyboard.press('PageDown');
      await expect.poll(() => step(page)).toBe('3');
      await expect.poll(() => shown(popup)).toEqual(at(3));
      expect(requests.filter((u) => !/^(blob|data):/.test(u) && u.replace(/[?#].*$/, '') !== page0 && u !== 'about:blank')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says so when the browser blocks the window', async () => {
    const w = await openPage(h, { reducedMotion: true });
    opened.push(w);
    await gotoAtlas(w, h, 'story=corridor&step=1');
    // What a popup blocker does: window.open gives null.
    await w.page.evaluate(() => (window.open = () => null));
    await storyBar(w.page).getByRole('button', { name: 'Presenter view', exact: true }).click();
    await w.page.getByRole('status').filter({ hasText: 'The presenter view was blocked' }).waitFor();
  });
});
