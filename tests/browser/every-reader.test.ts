// Every reader: the whole interface in four languages (<html lang> follows), and axe-core finds no serious or critical
// violation in the full page and the embed, in every language, both themes, desktop and phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { startHarness, openPage, gotoAtlas, type Harness } from './harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(async () => h?.close());

const WORDS = {
  en: { play: 'Play', time: 'Time', timeline: 'Timeline', share: 'Share', half: 'first half of 2026' },
  ja: { play: '再生', time: '時間', timeline: 'タイムライン', share: '共有', half: '2026年上半期' },
  hi: { play: 'चलाएँ', time: 'समय', timeline: 'समयरेखा', share: 'साझा करें', half: '2026 की पहली छमाही' },
  gu: { play: 'ચલાવો', time: 'સમય', timeline: 'સમયરેખા', share: 'શેર કરો', half: '2026નું પહેલું છમાસિક' },
} as const;

describe.each(Object.entries(WORDS))('lang=%s', (lang, words) => {
  it('controls, dates in words and <html lang> are in the language chosen', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h, `lang=${lang}&sel=esd-2`);
    await w.page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await expect(w.page.getByRole('button', { name: words.play, exact: true }).count()).resolves.toBe(1);
    await expect(w.page.getByRole('slider', { name: words.time, exact: true }).count()).resolves.toBe(1);
    await expect(w.page.getByRole('region', { name: words.timeline, exact: true }).count()).resolves.toBe(1);
    await expect(w.page.getByRole('button', { name: words.share, exact: true }).count()).resolves.toBe(1);
    // A half-year is worded in the language, not in English.
    const when = await w.page.locator('.panel .when').textContent();
    expect(when).toContain(words.half);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

const serious = (r: Awaited<ReturnType<AxeBuilder['analyze']>>) =>
  r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);

describe('axe-core', () => {
  it.each([
    ['en', '', 1280, 800],
    ['ja', '', 1280, 800],
    ['hi', '', 1280, 800],
    ['gu', '', 1280, 800],
    ['en', '&embed=1', 960, 600],
    ['ja', '&embed=1', 960, 600],
    ['en', '', 375, 667],
    ['hi', '', 375, 667],
  ])('no serious or critical violation: lang=%s%s at %d×%d, both themes', async (lang, extra, width, height) => {
    const w = await openPage(h, { width, height });
    await gotoAtlas(w, h, `lang=${lang}&sel=summit-16${extra}`);
    await w.page.waitForFunction((l) => document.documentElement.lang === l, lang);
    expect(serious(await new AxeBuilder({ page: w.page }).analyze())).toEqual([]);
    await w.page.evaluate(() => localStorage.setItem('atlas:projector', '1'));
    await w.page.reload();
    await w.page.waitForSelector('html[data-state="ready"]');
    await w.page.waitForFunction((l) => document.documentElement.lang === l, lang);
    expect(serious(await new AxeBuilder({ page: w.page }).analyze())).toEqual([]);
    await w.context.close();
  });
});

describe('only the chosen language loads', () => {
  it('an English first load fetches no other catalog, and its scripts hold no Japanese, Hindi or Gujarati UI words', async () => {
    const w = await openPage(h);
    const scripts: string[] = [];
    w.page.on('response', async (r) => {
      if (r.url().endsWith('.js')) scripts.push(await r.text().catch(() => ''));
    });
    await gotoAtlas(w, h);
    expect(w.requests.filter((u) => /\/assets\/(ja|hi|gu)-[\w-]+\.js$/.test(u))).toEqual([]);
    for (const s of scripts) {
      expect(s).not.toContain('インド太平洋アトラス');
      expect(s).not.toContain('हिंद-प्रशांत एटलस');
      expect(s).not.toContain('ઇન્ડો-પેસિફિક એટલાસ');
    }
    // Choosing Japanese fetches its catalog then.
    await w.page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ja');
    await w.page.waitForFunction(() => document.documentElement.lang === 'ja');
    expect(w.requests.some((u) => /\/assets\/ja-[\w-]+\.js$/.test(u))).toBe(true);
    await w.context.close();
  });
});
