import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  OFFLINE_FOLDER,
  carriedDatasets,
  carriesDataset,
  copyDatasetName,
  fetchDatasetTexts,
  fetchOfflineFiles,
  isOfflinePage,
  offlineZip,
  offlineZipEntries,
  viewPage,
  withDataset,
} from '../../src/lib/export/offlineCopy';

/** The offline page's shape as scripts/build-offline.ts writes it: data blocks, then the two inline scripts. */
const PAGE = `<!doctype html><html><head><meta charset="utf-8" /></head><body><div id="app"></div>
<script type="application/json" data-atlas-file="basemap/overview.json" data-type="application/json">{}</script>
<script type="text/plain" data-atlas-worker>self.onmessage = () => {};</script>
<script type="application/json" data-atlas-dataset="india-japan">{"meta.json":"{}"}</script>
<script>/* bootstrap */</script>
<script>/* app */</script>
</body></html>`;

/** The data blocks of a page, by dataset name, parsed as the bootstrap parses them. */
const blocks = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<script type="application\/json" data-atlas-dataset="([^"]+)">([^]*?)<\/script>/g)].map((m) => [m[1], JSON.parse(m[2])]),
  );

describe('copyDatasetName', () => {
  it.each([
    ['local-0123456789ab', 'imported-0123456789ab'],
    ['india-japan', 'india-japan'],
    ['my-local-data', 'my-local-data'],
  ])('%s → %s', (name, want) => expect(copyDatasetName(name)).toBe(want));
});

describe('the offline page', () => {
  it('is recognised by its worker and dataset blocks, and names the datasets it carries', () => {
    expect(isOfflinePage(PAGE)).toBe(true);
    expect(isOfflinePage('<!doctype html><div id="app"></div><script type="module" src="./assets/main.js"></script>')).toBe(false);
    expect(carriedDatasets(PAGE)).toEqual(['india-japan']);
    expect(carriesDataset(PAGE, 'india-japan')).toBe(true);
    expect(carriesDataset(PAGE, 'india')).toBe(false);
  });

  it('takes one more dataset as a data block before the built ones, its JSON intact and unable to end the block', () => {
    const texts = { 'meta.json': '{"title":"</script><script>alert(1)</script>"}', 'events.json': '[]', 'notes.txt': 'not a dataset file' };
    const html = withDataset(PAGE, 'imported-0123456789ab', texts);
    expect(carriedDatasets(html)).toEqual(['imported-0123456789ab', 'india-japan']);
    expect(blocks(html)['imported-0123456789ab']).toEqual({ 'meta.json': texts['meta.json'], 'events.json': '[]' });
    // Before the scripts, so the bootstrap (the first inline script) finds it; nothing else changed.
    expect(html.indexOf('imported-0123456789ab')).toBeLessThan(html.indexOf('<script>/* bootstrap */'));
    expect(html.replace(/<script type="application\/json" data-atlas-dataset="imported-[^]*?<\/script>\n/, '')).toBe(PAGE);
    expect(html.match(/<\/script>/g)!.length).toBe(PAGE.match(/<\/script>/g)!.length + 1);
  });

  it.each([
    ['a name the URL could not carry', 'Local Data', /not a dataset name/],
    ['a name it already carries', 'india-japan', /already carries/],
  ])('refuses %s', (_what, name, error) => {
    expect(() => withDataset(PAGE, name, {})).toThrow(error);
  });
  it('refuses a page that is not the offline copy', () => {
    expect(() => withDataset('<!doctype html><p>dev server</p>', 'x', {})).toThrow(/not the offline copy/);
  });
});

describe('the view page', () => {
  it('forwards to index.html with the view’s query by a meta refresh, with a link, and runs no script', () => {
    const html = viewPage('t=2026-07-02&sel=summit-16&themes=ai,energy', { lang: 'ja', title: 'Atlas "A" <b>', link: 'Open <it>' });
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url='index.html?t=2026-07-02&amp;sel=summit-16&amp;themes=ai,energy'">`);
    expect(html).toContain('<a href="index.html?t=2026-07-02&amp;sel=summit-16&amp;themes=ai,energy">Open &lt;it&gt;</a>');
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<title>Atlas &quot;A&quot; &lt;b&gt;</title>');
    expect(html).toContain(`content="default-src 'none'; base-uri 'none'; form-action 'none'"`);
    expect(html).not.toMatch(/<script/i);
  });
  it.each([
    ['', 'index.html'],
    ["sel=it's", 'index.html?sel=it%27s'],
    ['sel="x"><script>', 'index.html?sel=%22x%22%3E%3Cscript%3E'],
  ])('keeps the URL %j inside its quotes', (query, url) => {
    expect(viewPage(query, { lang: 'en', title: 't', link: 'l' })).toContain(`url='${url}'`);
  });
});

describe('the zip', () => {
  const files = { 'index.html': PAGE, 'LICENSE.txt': 'MIT', 'THIRD-PARTY-NOTICES.txt': 'notices', 'fonts/LICENSE-OFL.txt': 'OFL' };
  const parts = { files, query: 'story=corridor&step=2', readme: 'Open it.\nNo network.\n', lang: 'en', title: 'Atlas', link: 'Open' };

  it('holds the copy, the view page and the README in one folder', () => {
    const entries = offlineZipEntries(parts);
    expect(Object.keys(entries).sort()).toEqual(
      ['LICENSE.txt', 'README.txt', 'THIRD-PARTY-NOTICES.txt', 'fonts/LICENSE-OFL.txt', 'index.html', 'open-this-view.html'].map(
        (f) => `${OFFLINE_FOLDER}/${f}`,
      ),
    );
    expect(entries[`${OFFLINE_FOLDER}/index.html`]).toBe(PAGE);
    expect(entries[`${OFFLINE_FOLDER}/open-this-view.html`]).toContain("url='index.html?story=corridor&amp;step=2'");
    // Windows' Notepad included.
    expect(entries[`${OFFLINE_FOLDER}/README.txt`]).toBe('Open it.\r\nNo network.\r\n');
  });

  it('needs the page itself, and leaves out a licence text the server lacks', () => {
    expect(() => offlineZipEntries({ ...parts, files: { 'LICENSE.txt': 'MIT' } })).toThrow(/no index.html/);
    expect(Object.keys(offlineZipEntries({ ...parts, files: { 'index.html': PAGE } }))).not.toContain(`${OFFLINE_FOLDER}/LICENSE.txt`);
  });

  it('is a zip that python’s zipfile reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'offline-zip-'));
    writeFileSync(join(dir, 'a.zip'), await offlineZip(parts));
    const out = execFileSync('python3', [
      '-c',
      'import zipfile,sys,json;z=zipfile.ZipFile(sys.argv[1]);print(json.dumps({n:z.read(n).decode() for n in z.namelist()}))',
      join(dir, 'a.zip'),
    ]);
    expect(JSON.parse(out.toString())).toEqual(offlineZipEntries(parts));
  });
});

describe('fetching', () => {
  const server = (files: Record<string, string>) => {
    const asked: string[] = [];
    const fetchFn = async (url: string) => {
      asked.push(url);
      const body = files[url];
      return body === undefined ? new Response('Not found', { status: 404 }) : new Response(body);
    };
    return { asked, fetchFn };
  };
  const BASE = 'https://atlas.example/deck/index.html?story=corridor';

  it('fetches the copy’s files from offline/ beside the page, leaving out a missing licence', async () => {
    const s = server({ 'https://atlas.example/deck/offline/index.html': PAGE, 'https://atlas.example/deck/offline/LICENSE.txt': 'MIT' });
    await expect(fetchOfflineFiles(BASE, s.fetchFn)).resolves.toEqual({ 'index.html': PAGE, 'LICENSE.txt': 'MIT' });
    expect(s.asked.sort()).toEqual(
      ['LICENSE.txt', 'THIRD-PARTY-NOTICES.txt', 'fonts/LICENSE-OFL.txt', 'index.html'].map((f) => `https://atlas.example/deck/offline/${f}`),
    );
  });
  it('says so when the server has no copy, or answers with a page that is not one (a dev server’s fallback)', async () => {
    await expect(fetchOfflineFiles(BASE, server({}).fetchFn)).rejects.toThrow('offline/index.html: HTTP 404');
    await expect(fetchOfflineFiles(BASE, server({ 'https://atlas.example/deck/offline/index.html': '<!doctype html><div id="app">' }).fetchFn)).rejects.toThrow(
      /not the offline copy/,
    );
  });
  it('fetches a served dataset folder, its optional files where present', async () => {
    const required = ['meta.json', 'places.json', 'events.json', 'initiatives.json', 'themes.json', 'actors.json', 'sources.json'];
    const files = Object.fromEntries(required.map((f) => [`https://atlas.example/deck/data/extra/${f}`, `"${f}"`]));
    await expect(fetchDatasetTexts(BASE, 'extra', server(files).fetchFn)).resolves.toEqual(Object.fromEntries(required.map((f) => [f, `"${f}"`])));
    delete files['https://atlas.example/deck/data/extra/events.json'];
    await expect(fetchDatasetTexts(BASE, 'extra', server(files).fetchFn)).rejects.toThrow('data/extra/events.json: HTTP 404');
  });
});
