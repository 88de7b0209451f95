// `npm run bench -- --only import`: issue 14's measure. A 10,000-row CSV in the atlas's own template, chosen in
// "Open your data" on the desktop page (1280×800), timed in the page: from the file input's change to the import
// report, and from the click on "Show in the atlas" to the atlas ready on the imported dataset (which reloads the
// page on dataset=local-…, read from IndexedDB and validated in full). Median of --import-runs, each in a fresh
// context. Every row has its coordinates, so no gazetteer lookup is timed.
import type { Browser } from 'playwright-core';

export interface ImportRun {
  /** File input change → the report on screen (parsing, validation, the report's DOM). */
  reportMs: number;
  /** Click on "Show in the atlas" → data-state="ready" on the reloaded page. */
  showMs: number;
  events: number;
}
export interface ImportResult {
  rows: number;
  bytes: number;
  runs: ImportRun[];
  median: { reportMs: number; showMs: number; totalMs: number };
}

const THEMES = ['Diplomacy', 'Trade', 'Energy', 'Defence', 'Maritime', 'Rail', 'Technology', 'Minerals', 'Culture', 'Health'];

/** A deterministic CSV in the import template's columns: days and months from 2000 to 2026, 250 places. */
export function importCsv(rows: number): string {
  let seed = 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const lines = ['date,end date,title,summary,place,lat,lon,theme,status,source title,source url'];
  for (let i = 0; i < rows; i++) {
    const year = 2000 + Math.floor(rand() * 27);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const date = i % 10 === 0 ? `${year}-${String(month).padStart(2, '0')}` : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const p = Math.floor(rand() * 250);
    const lat = (-10 + (p % 25) * 2.1).toFixed(3);
    const lon = (45 + Math.floor(p / 25) * 10.3).toFixed(3);
    const status = year >= 2026 && rand() < 0.5 ? 'planned' : 'happened';
    lines.push(`${date},,Event ${i + 1},"A synthetic event, row ${i + 2}.",Place ${p + 1},${lat},${lon},${THEMES[i % THEMES.length]},${status},Bench source ${i % 50},https://example.org/s/${i % 50}`);
  }
  return `${lines.join('\n')}\n`;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = (s.length - 1) / 2;
  return (s[Math.floor(m)] + s[Math.ceil(m)]) / 2;
};

export async function measureImport(o: { browser: Browser; url: string; rows: number; runs: number; readyProbe: string; log: (...a: unknown[]) => void }): Promise<ImportResult> {
  const csv = importCsv(o.rows);
  const runs: ImportRun[] = [];
  for (let i = 0; i < o.runs; i++) {
    const context = await o.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(o.readyProbe);
    await context.addInitScript('globalThis.__name ??= (f) => f;'); // see scripts/bench.ts newPage
    // The moments in epoch ms (timeOrigin + now), kept across the reload in sessionStorage.
    await context.addInitScript(() => {
      const at = () => String(performance.timeOrigin + performance.now());
      addEventListener('change', (e) => (e.target as HTMLElement).matches?.('input[type=file]') && sessionStorage.setItem('bench:change', at()), true);
      addEventListener('click', (e) => (e.target as HTMLElement).closest?.('button')?.textContent?.trim() === 'Show in the atlas' && sessionStorage.setItem('bench:show', at()), true);
    });
    const page = await context.newPage();
    await page.goto(o.url);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 120_000 });
    await page.getByRole('button', { name: 'Open your data', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Open your data' });
    await dialog.locator('input[type=file]').setInputFiles({ name: 'bench-10k.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 300_000 });
    const reportAt = await page.evaluate(() => performance.timeOrigin + performance.now());
    await dialog.getByRole('button', { name: 'Show in the atlas' }).click();
    await page.waitForURL(/dataset=local-[0-9a-f]{12}/, { timeout: 300_000 });
    await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state ?? ''), null, { timeout: 300_000 });
    const r = await page.evaluate(() => ({
      state: document.documentElement.dataset.state,
      readyAt: performance.timeOrigin + (window as unknown as { __readyAt: number }).__readyAt,
      change: Number(sessionStorage.getItem('bench:change')),
      show: Number(sessionStorage.getItem('bench:show')),
      events: (window as unknown as { __atlas: { state: { eventCount: number } } }).__atlas.state.eventCount,
    }));
    await context.close();
    if (r.state !== 'ready') throw new Error(`the imported dataset reached data-state="${r.state}"`);
    const run = { reportMs: reportAt - r.change, showMs: r.readyAt - r.show, events: r.events };
    o.log(`import run ${i + 1}/${o.runs}: report ${Math.round(run.reportMs)} ms, show → ready ${Math.round(run.showMs)} ms, ${run.events} events`);
    runs.push(run);
  }
  const m = { reportMs: median(runs.map((r) => r.reportMs)), showMs: median(runs.map((r) => r.showMs)) };
  return { rows: o.rows, bytes: Buffer.byteLength(csv), runs, median: { ...m, totalMs: m.reportMs + m.showMs } };
}

export function importTable(r: ImportResult): string {
  const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
  return [
    `| Import, desktop 1280×800 (median of ${r.runs.length}) | Figure |`,
    '|---|---|',
    `| CSV in the atlas template: rows, size | ${r.rows.toLocaleString('en')} rows, ${(r.bytes / 1e6).toFixed(2)} MB |`,
    `| File chosen → import report on screen | ${s(r.median.reportMs)} |`,
    `| "Show in the atlas" → atlas ready on the imported dataset (reload, IndexedDB, full validation) | ${s(r.median.showMs)} |`,
    `| Both, without the reader's pause between them | ${s(r.median.totalMs)} |`,
    `| Events in the atlas afterwards | ${r.runs.map((x) => x.events).join(', ')} |`,
  ].join('\n');
}
