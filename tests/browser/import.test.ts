// Bring your own data, as a user does it: open a file, read the report, see the atlas change, download the folder;
// hostile text shows as text and runs nothing; nothing leaves the page's origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { execFileSync } from 'node:child_process';
import { startHarness, openPage, gotoAtlas, type Harness } from './harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(async () => h?.close());

const CSV = [
  'date,end date,title,summary,place,lat,lon,theme,status,source title,source url',
  '2025-08-29,2025-08-30,Port summit,"Two days of talks, with *emphasis*.",Kobe,34.69,135.19,Trade,happened,Port statement,https://example.org/port',
  '2026-03,,Chennai dialogue,A month only.,Chennai,,,Trade,planned,,',
  '2024,,Hostile row,"<script>window.__pwned=1</script><img src=x onerror=""window.__pwned=2""> [click](javascript:window.__pwned=3)",,,,Security,happened,Evil,javascript:alert(1)',
  'someday,,Bad date,Nope.,,,,,,,',
].join('\n');

describe('Open your data', () => {
  it('imports a CSV: report, atlas on the new data, zip download, hostile text inert, no request off the origin', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    await w.page.getByRole('button', { name: 'Open your data', exact: true }).click();
    const dialog = w.page.getByRole('dialog', { name: 'Open your data' });
    await expect(dialog.textContent()).resolves.toContain('nothing is uploaded');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'ports.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    const report = dialog.getByRole('region', { name: 'Import report' });
    await report.waitFor();
    const text = (await report.textContent()) ?? '';
    expect(text).toMatch(/4 records in: 3 events/);
    expect(text).toMatch(/1 skipped/);
    // The refusal names the file, the row and the column.
    expect(text).toMatch(/ports\.csv, row 5, column date/);

    // The dataset folder as a zip, readable by another program.
    const [download] = await Promise.all([w.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download as a dataset folder (zip)' }).click()]);
    const path = await download.path();
    const names = execFileSync('python3', ['-c', 'import zipfile,sys;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', path!]).toString();
    expect(names).toContain('ports/events.json');
    expect(names).toContain('ports/meta.json');

    await dialog.getByRole('button', { name: 'Show in the atlas' }).click();
    await w.page.waitForURL(/dataset=local-[0-9a-f]{12}/);
    await w.page.waitForSelector('html[data-state="ready"]');
    await expect(w.page.locator('.tl-count').textContent()).resolves.toBe('3 events');
    const marks = await w.page.locator('.timeline .mark.event').count();
    expect(marks).toBe(3);
    // The map draws the imported places.
    await w.page.evaluate(() => (window as any).__atlas.map.idle());
    const drawn = await w.page.evaluate(() => (window as any).__atlas.map.renderedFeatures(['place-points']).map((f: any) => f.properties.en));
    expect(drawn).toContain('Kobe');

    // Hostile text shows as text and runs nothing; its javascript: links are not links.
    await w.page.locator('.mark[aria-label^="Hostile row"]').click();
    const panel = w.page.getByRole('complementary', { name: 'Details', exact: true });
    // The importer keeps safe formatting only: the script and the image are gone, the link's words stay as words.
    await expect(panel.textContent()).resolves.toContain('click');
    expect(await panel.locator('script, img, [onerror]').count()).toBe(0);
    expect(await panel.locator('a[href^="javascript"]').count()).toBe(0);
    await expect(panel.getByText('Evil').count()).resolves.toBeGreaterThan(0);
    expect(await w.page.evaluate(() => (window as any).__pwned)).toBeUndefined();

    // A reload keeps the import (IndexedDB); nothing was requested from another origin.
    await w.page.reload();
    await w.page.waitForSelector('html[data-state="ready"]');
    await expect(w.page.locator('.tl-count').textContent()).resolves.toBe('3 events');
    const origin = new URL(h.url).origin;
    expect(w.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    await w.context.close();
  });

  it('a local dataset named in another browser opens the default dataset with a notice', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h, 'dataset=local-0123456789ab');
    await expect(w.page.getByRole('status').filter({ hasText: 'local-0123456789ab' }).textContent()).resolves.toContain('imported in another browser');
    await w.context.close();
  });

  it('files dropped on the page open the importer with them', async () => {
    const w = await openPage(h);
    await gotoAtlas(w, h);
    const dt = await w.page.evaluateHandle((csv) => {
      const d = new DataTransfer();
      d.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
      return d;
    }, CSV);
    await w.page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
    await w.page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    const report = w.page.getByRole('dialog', { name: 'Open your data' }).getByRole('region', { name: 'Import report' });
    await expect(report.textContent()).resolves.toMatch(/dropped\.csv: 4 in, 1 skipped/);
    await w.context.close();
  });
});

