// Exploring and scrubbing: zoomable time axis, honest bands, filters, search, brushing, hover linking, reduced motion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, openPage, gotoAtlas, featureState, mapIdle, onScreen, type Harness } from './harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(async () => h?.close());

const axisLabels = (page: import('playwright-core').Page) => page.locator('.tl-axis text').allTextContents();

describe('time, drawn truthfully', () => {
  it('zooming changes the axis from years to months to days', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    const zoomOut = w.page.getByRole('button', { name: 'Zoom out time', exact: true });
    const zoomIn = w.page.getByRole('button', { name: 'Zoom in time', exact: true });
    for (let i = 0; i < 4; i++) await zoomOut.click();
    expect((await axisLabels(w.page)).every((l) => /^\d{4}$/.test(l))).toBe(true);
    for (let i = 0; i < 5; i++) await zoomIn.click();
    expect((await axisLabels(w.page)).some((l) => /^[A-Z][a-z]{2}$/.test(l))).toBe(true);
    for (let i = 0; i < 4; i++) await zoomIn.click();
    expect((await axisLabels(w.page)).some((l) => /^\d{1,2} [A-Z][a-z]{2}$/.test(l))).toBe(true);
    await w.context.close();
  });

  it('a half-year event is a band as wide as its span; planned and happened marks look different', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    const geo = await w.page.evaluate(() => {
      const cx = (id: string) => Number(document.querySelector(`.mark[data-id="${id}"] circle`)!.getAttribute('cx'));
      const rect = document.querySelector('.mark[data-id="esd-2"] rect')!;
      const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
      return {
        a: cx('strategic-dialogue-18'), b: cx('summit-16'), width: Number(rect.getAttribute('width')),
        happenedFill: document.querySelector('.mark[data-id="summit-16"] circle')!.getAttribute('fill'),
        plannedDash: style('.mark[data-id="esd-2"] rect').strokeDasharray,
        happenedDash: style('.mark[data-id="summit-16"] circle').strokeDasharray,
        label: document.querySelector('.mark[data-id="esd-2"]')!.getAttribute('aria-label'),
      };
    });
    const pxPerDay = (geo.b - geo.a) / 167; // 16 January → 2 July 2026
    expect(geo.width / pxPerDay).toBeGreaterThan(179);
    expect(geo.width / pxPerDay).toBeLessThan(183); // 181 days in the first half of 2026
    expect(geo.happenedFill).not.toBe('#fff');
    expect(geo.plannedDash).not.toBe(geo.happenedDash);
    expect(geo.label).toMatch(/first half of 2026, planned, not confirmed as held/);
    await w.context.close();
  });
});

describe('find and filter', () => {
  it('brushing a range on the axis limits the list, and Clear range resets it', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    const axis = await w.page.locator('.tl-axis').boundingBox();
    const list = w.page.getByRole('table', { name: 'Events' });
    const total = await w.page.evaluate(() => (window as any).__atlas.state.eventCount as number);
    await expect(list.locator('caption').textContent()).resolves.toBe(`All ${total} events`);
    await w.page.mouse.move(axis!.x + axis!.width * 0.55, axis!.y + 10);
    await w.page.mouse.down();
    await w.page.mouse.move(axis!.x + axis!.width * 0.62, axis!.y + 10, { steps: 5 });
    await w.page.mouse.up();
    const caption = await list.locator('caption').textContent();
    const n = Number(new RegExp(`^(\\d+) of ${total}`).exec(caption!)![1]);
    expect(n).toBeLessThan(total);
    expect(await list.locator('tbody tr').count()).toBe(n);
    expect(new URL(w.page.url()).searchParams.get('range')).toMatch(/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/);
    await w.page.getByRole('button', { name: 'Clear range', exact: true }).click();
    await expect(list.locator('caption').textContent()).resolves.toBe(`All ${total} events`);
    await w.context.close();
  });

  it('a theme filter changes what both the timeline and the map show', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    await w.page.getByRole('button', { name: 'Filters' }).click();
    const menu = w.page.getByRole('group', { name: 'Filters' });
    // Show only connectivity & rail: untick every other theme.
    for (const label of ['AI', 'Critical minerals', 'Economic security', 'Energy', 'Defence', 'Maritime', 'Diplomacy']) {
      await menu.getByRole('checkbox', { name: new RegExp(`^${label} \\d+$`) }).uncheck();
    }
    expect(new URL(w.page.url()).searchParams.get('themes')).toBe('connectivity');
    expect(await w.page.locator('.mark.event[data-id="summit-16"]').count()).toBe(0);
    expect(await w.page.locator('.mark.event[data-id="mahsr-moc"]').count() + (await w.page.locator('.mark.event[data-id="mahsr-accelerate-2026"]').count())).toBeGreaterThan(0);
    expect(await featureState(w.page, 'hiroshima')).toMatchObject({ out: true });
    expect(await featureState(w.page, 'mahsr-corridor')).not.toMatchObject({ out: true });
    await w.page.keyboard.press('Escape');
    await expect(menu.count()).resolves.toBe(0);
    await w.context.close();
  });

  it('search: choosing a result selects it and brings it into view on map and timeline', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    const box = w.page.getByRole('combobox', { name: 'Search events, places and initiatives' });
    // Results tell same-named things apart: an event by its date in words, a place by its kind.
    await box.fill('ahmedabad');
    const options = await w.page.getByRole('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining([expect.stringMatching(/^Ahmedabad city$/), expect.stringMatching(/^Ahmedabad station$/)]));
    await box.fill('xyzzy');
    await expect(w.page.getByRole('status').filter({ hasText: 'matches' }).textContent()).resolves.toBe('No event, place or initiative matches “xyzzy”.');
    await box.fill('unicorn memorandum');
    await expect(w.page.getByRole('option').first().textContent()).resolves.toMatch(/UNICORN.* \d{1,2} \w+ 20\d\d$/);
    await box.press('Enter');
    const panel = w.page.getByRole('complementary', { name: 'Details' });
    await expect(panel.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/UNICORN/);
    await mapIdle(w.page);
    expect(await featureState(w.page, 'tokyo')).toMatchObject({ sel: true });
    const inView = await w.page.evaluate(() => ((b: number[]) => b[0] <= 139.69 && 139.69 <= b[2] && b[1] <= 35.69 && 35.69 <= b[3])((window as any).__atlas.map.view().bounds));
    expect(inView).toBe(true);
    const mark = await w.page.locator('.mark[data-id="unicorn-moi"]').boundingBox();
    const plot = await w.page.locator('.tl-lanes').boundingBox();
    expect(mark!.x).toBeGreaterThan(plot!.x);
    expect(mark!.x).toBeLessThan(plot!.x + plot!.width);
    await w.context.close();
  });
});

describe('selection and playhead', () => {
  it('a selection years from the playhead shows both on the timeline, and clearing it loops nothing', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h, 't=2026-01-16&sel=mahsr-foundation');
    const plot = (await w.page.locator('.tl-lanes').boundingBox())!;
    const inPlot = async (sel: string) => {
      const b = (await w.page.locator(sel).first().boundingBox())!;
      return b.x + b.width / 2 > plot.x + 100 && b.x + b.width / 2 < plot.x + plot.width;
    };
    await expect.poll(() => inPlot('.mark[data-id="mahsr-foundation"] circle')).toBe(true);
    expect(await inPlot('.tl-handle')).toBe(true);
    await w.page.keyboard.press('Escape');
    await expect.poll(() => new URL(w.page.url()).searchParams.has('sel')).toBe(false);
    await w.page.waitForTimeout(300);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('linking both ways', () => {
  it('hovering a mark makes its places glow on the map; hovering a place makes its marks glow', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    await mapIdle(w.page);
    await w.page.locator('.mark[data-id="summit-16"]').hover();
    expect(await featureState(w.page, 'new-delhi')).toMatchObject({ hover: true });
    await w.page.mouse.move(5, 5);
    expect(await featureState(w.page, 'new-delhi')).toMatchObject({ hover: false });
    const p = await onScreen(w.page, [77.21, 28.61]);
    await w.page.mouse.move(p.x, p.y);
    await expect(w.page.locator('.mark.hovered[data-id="summit-16"]').count()).resolves.toBe(1);
    await w.context.close();
  });
});

describe('reduced motion', () => {
  it.each([
    [true, false],
    [false, true],
  ])('with prefers-reduced-motion %s the camera moves by %s', async (reduced, animates) => {
    const w = await openPage(h, { reducedMotion: reduced });
    await gotoAtlas(w, h);
    await mapIdle(w.page);
    // By keyboard, as a screen-reader or keyboard user would: focus the mark and press Enter.
    await w.page.locator('.mark[data-id="mahsr-accelerate-2026"]').focus();
    await w.page.keyboard.press('Enter');
    const moving = await w.page.evaluate(() => (window as any).__atlas.map.isMoving());
    expect(moving).toBe(animates);
    await w.context.close();
  });
});

describe('presenting', () => {
  it('the projector theme switches the map to high-contrast colours and is remembered on reload', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    const ocean = () => w.page.evaluate(() => (window as any).__atlas.map.paint('ocean', 'background-color'));
    const before = await ocean();
    const button = w.page.getByRole('button', { name: 'Projector', exact: true });
    await button.click();
    await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await ocean()).not.toEqual(before);
    await w.page.reload();
    await w.page.waitForSelector('html[data-state="ready"]');
    await expect(w.page.getByRole('button', { name: 'Projector', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await ocean()).not.toEqual(before);
    await w.context.close();
  });
});

describe('presenting, continued', () => {
  it('projector mode keeps planned marks hollow; a keyboard user skips to the time slider; an embedded story shows its caption, not the detail card', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    await w.page.keyboard.press('Tab');
    await expect(w.page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to the time slider');
    await w.page.keyboard.press('Enter');
    await expect(w.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Time');
    await w.page.getByRole('button', { name: 'Projector', exact: true }).click();
    const fill = (sel: string) => w.page.evaluate((s) => getComputedStyle(document.querySelector(s)!).fillOpacity, sel);
    expect(Number(await fill('.mark.status-overdue rect'))).toBeLessThan(0.2);
    expect(Number(await fill('.mark.status-happened circle'))).toBeGreaterThan(0.5);
    await w.page.getByRole('button', { name: 'Projector', exact: true }).click();
    await gotoAtlas(w, h, 'embed=1&story=corridor&step=2');
    await expect(w.page.locator('.story-caption').textContent()).resolves.toMatch(/foundation stone/);
    expect(await w.page.getByRole('complementary', { name: 'Details' }).count()).toBe(0);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('language', () => {
  it('lang=ja words dates in Japanese and labels the map in Japanese where the data has names', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h, 'lang=ja&t=2026-07-02');
    // In Japanese the controls carry the Japanese catalog's names, and the page says it is Japanese.
    await w.page.waitForFunction(() => document.documentElement.lang === 'ja');
    await expect(w.page.getByRole('slider', { name: '時間', exact: true }).getAttribute('aria-valuetext')).resolves.toBe('2026年7月2日');
    await expect(w.page.getByRole('button', { name: '再生', exact: true }).count()).resolves.toBe(1);
    await expect(w.page.getByRole('region', { name: 'タイムライン', exact: true }).count()).resolves.toBe(1);
    await expect(w.page.getByRole('region', { name: '地図', exact: true }).count()).resolves.toBe(1);
    await expect(w.page.getByRole('button', { name: '拡大', exact: true }).count()).resolves.toBe(1);
    await mapIdle(w.page);
    const label = await w.page.evaluate(() => {
      return (window as any).__atlas.map.renderedFeatures(['place-labels']).find((x: any) => x.id === 'tokyo')?.text;
    });
    expect(label).toMatch(/^東京\|\n\|Tokyo$/);
    await w.page.getByRole('combobox', { name: '言語' }).selectOption('en');
    await w.page.waitForFunction(() => document.documentElement.lang === 'en');
    await expect(w.page.getByRole('slider', { name: 'Time', exact: true }).getAttribute('aria-valuetext')).resolves.toBe('2 July 2026');
    expect(new URL(w.page.url()).searchParams.get('lang')).toBeNull();
    await w.context.close();
  });
});
