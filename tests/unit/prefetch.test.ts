import { describe, expect, it, afterEach } from 'vitest';
import { runInNewContext } from 'node:vm';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_DATASET_FILES, DATASET_FILES, DATASET_NAME, datasetDigest } from '../../src/lib/model/datasetFiles';
import { OPTIONAL_FILES, REQUIRED_FILES } from '../../src/lib/model/validateDataset';
import { prefetchedFetch, loadDataset, DatasetLoadError, builtDigest } from '../../src/lib/model/loadDataset';
import { prefetchScript, checkedDatasets } from '../../scripts/datasetPlugin';
import { readDatasetFolder } from '../../scripts/datasetFolder';
import { parseUrl } from '../../src/lib/state/urlCodec';
import { opensCoarse } from '../../src/lib/map/opening';

describe('the dataset file lists the build uses', () => {
  it('are the files the schemas validate', () => {
    expect([...DATASET_FILES.required]).toEqual([...REQUIRED_FILES]);
    expect([...DATASET_FILES.optional]).toEqual([...OPTIONAL_FILES]);
  });
});

/** Runs index.html's inline prefetch script against a page URL; returns the URLs it fetched. */
function runPrefetch(
  href: string,
  checked: Record<string, string> = {},
  stored: Record<string, string> = {},
  o: { innerWidth?: number; map?: { worker?: string; labelFont?: string } } = {},
): { fetched: string[]; keys: string[]; checked: unknown; preloaded: Record<string, unknown>[]; all: string[] } {
  const all: string[] = [];
  const preloaded: Record<string, unknown>[] = [];
  const win: Record<string, unknown> = {
    fetch: (u: string) => (all.push(u), Promise.resolve({ ok: true })),
    innerWidth: o.innerWidth ?? 1280,
  };
  win.window = win;
  const document = { baseURI: href, createElement: () => ({}), head: { append: (el: Record<string, unknown>) => preloaded.push(el) } };
  const localStorage = { getItem: (k: string) => stored[k] ?? null };
  runInNewContext(prefetchScript(checked, ALL_DATASET_FILES, o.map), {
    ...win,
    window: win,
    location: new URL(href),
    document,
    localStorage,
    URLSearchParams,
    URL,
  });
  const pre = win.__atlasPrefetch as Record<string, unknown> | undefined;
  // `fetched`: the dataset's files; `all`: everything the script asked for.
  const fetched = all.filter((u) => u.includes('/data/'));
  return { fetched, keys: Object.keys(pre ?? {}).filter((u) => u.includes('/data/')), checked: win.__atlasChecked, preloaded, all };
}

describe('index.html prefetch', () => {
  it('fetches every file of the built-in dataset, by absolute URL', () => {
    const { fetched, keys } = runPrefetch('http://h/app/');
    const all = ALL_DATASET_FILES;
    expect(fetched).toEqual(all.map((f) => `http://h/app/data/india-japan/${f}`));
    expect(keys).toEqual(fetched);
  });
  it('fetches the dataset the URL names (the last one, as the app reads it)', () => {
    expect(runPrefetch('http://h/?dataset=synthetic-1000&t=2020').fetched[0]).toBe('http://h/data/synthetic-1000/meta.json');
    expect(runPrefetch('http://h/?dataset=a&dataset=b').fetched[0]).toBe('http://h/data/b/meta.json');
    expect(parseUrl('?dataset=a&dataset=b').state.dataset).toBe('b');
  });
  it.each(['../etc', 'A b', '%2e%2e'])('fetches nothing for a dataset name that is not one (%s)', (bad) => {
    expect(DATASET_NAME.test(decodeURIComponent(bad))).toBe(false);
    expect(runPrefetch(`http://h/?dataset=${bad}`).fetched).toEqual([]);
  });
});

describe("index.html starts what the map's first frame waits for", () => {
  const map = { worker: 'assets/maplibre-gl-worker-abc.mjs', labelFont: 'fonts/noto-sans-latin-400.woff2' };
  const others = (r: ReturnType<typeof runPrefetch>) => r.all.filter((u) => !u.includes('/data/'));
  it('on a narrow screen: the coarse world basemap, the Latin label font and the worker script', () => {
    expect(others(runPrefetch('http://h/app/', {}, {}, { innerWidth: 390, map }))).toEqual([
      'http://h/app/basemap/world.json',
      'http://h/app/fonts/noto-sans-latin-400.woff2',
      'http://h/app/assets/maplibre-gl-worker-abc.mjs',
    ]);
  });
  it('on a wide screen, or a narrow one opening zoomed in, the overview', () => {
    expect(others(runPrefetch('http://h/', {}, {}, { innerWidth: 1280, map }))[0]).toBe('http://h/basemap/overview.json');
    expect(others(runPrefetch('http://h/?map=5/21/73', {}, {}, { innerWidth: 390, map }))[0]).toBe('http://h/basemap/overview.json');
    expect(others(runPrefetch('http://h/?map=2/21/73', {}, {}, { innerWidth: 390, map }))[0]).toBe('http://h/basemap/world.json');
  });
  it('the Latin label font only for English labels', () => {
    expect(others(runPrefetch('http://h/?lang=ja', {}, {}, { innerWidth: 390, map }))).not.toContain('http://h/fonts/noto-sans-latin-400.woff2');
  });
  it('the basemap AtlasMap will open on (lib/map/opening opensCoarse)', () => {
    for (const [w, q, z] of [
      [390, '', undefined],
      [699, '', undefined],
      [700, '', undefined],
      [390, '?map=2.6/0/0', 2.6],
    ] as const) {
      const first = others(runPrefetch(`http://h/${q}`, {}, {}, { innerWidth: w, map }))[0];
      expect(first.endsWith(opensCoarse(w, z) ? 'world.json' : 'overview.json')).toBe(true);
    }
  });
});

describe('index.html preloads the preview of the opening view', () => {
  it('when the page opens on it', () => {
    expect(runPrefetch('http://h/').preloaded).toEqual([{ rel: 'preload', as: 'image', href: 'basemap/preview.svg', fetchPriority: 'high' }]);
    expect(runPrefetch('http://h/?embed=1&t=2026-07-02&lang=ja').preloaded).toHaveLength(1);
  });
  it.each(['map=4/20/75', 'story=corridor', 'sel=summit-16', 'dataset=india-japan'])('not with %s, and still prefetches the dataset', (q) => {
    const r = runPrefetch(`http://h/?${q}`);
    expect(r.preloaded).toEqual([]);
    expect(r.fetched.length).toBeGreaterThan(0);
  });
  it('not in the projector theme', () => {
    expect(runPrefetch('http://h/', {}, { 'atlas:projector': '1' }).preloaded).toEqual([]);
  });
});

describe('prefetchedFetch', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
    delete (globalThis as { window?: unknown }).window;
  });
  function setup(pre: Record<string, Promise<Response | null>>) {
    const calls: string[] = [];
    globalThis.fetch = (async (u: string) => (calls.push(u), new Response('"fresh"'))) as typeof fetch;
    (globalThis as { window?: unknown }).window = { __atlasPrefetch: pre };
    return calls;
  }
  it('uses a prefetched response once, then fetches', async () => {
    const calls = setup({ 'http://h/a.json': Promise.resolve(new Response('"early"')) });
    expect(await (await prefetchedFetch('http://h/a.json')).json()).toBe('early');
    expect(calls).toEqual([]);
    expect(await (await prefetchedFetch('http://h/a.json')).json()).toBe('fresh');
    expect(calls).toEqual(['http://h/a.json']);
  });
  it('fetches itself when the prefetch failed, so the error is its own', async () => {
    const calls = setup({ 'http://h/a.json': Promise.resolve(null) });
    expect(await (await prefetchedFetch('http://h/a.json')).json()).toBe('fresh');
    expect(calls).toEqual(['http://h/a.json']);
  });
  it('fetches URLs nothing prefetched', async () => {
    const calls = setup({});
    await prefetchedFetch('http://h/b.json');
    expect(calls).toEqual(['http://h/b.json']);
  });
});

const texts = (dir: string) => readDatasetFolder(dir).texts;
/** A fetch that serves `<base>data/<name>/<file>` from a folder, 404 for what it lacks. */
function folderFetch(dir: string): typeof fetch {
  return (async (u: string) => {
    const f = String(u).split('/').pop()!;
    return existsSync(join(dir, f)) ? new Response(readFileSync(join(dir, f), 'utf8')) : new Response('', { status: 404 });
  }) as typeof fetch;
}
function copyOfRealDataset(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-checked-'));
  cpSync('data/india-japan', dir, { recursive: true });
  return dir;
}

describe('datasets the build validated are not checked again', () => {
  it('the build lists each valid dataset with the digest of its files', async () => {
    // A copy of data/ holding the real dataset (data/ itself may also hold large synthetic ones).
    const root = mkdtempSync(join(tmpdir(), 'atlas-data-'));
    cpSync('data/india-japan', join(root, 'india-japan'), { recursive: true });
    expect(await checkedDatasets(root)).toEqual({ 'india-japan': await datasetDigest(texts('data/india-japan')) });
    expect(runPrefetch('http://h/', { 'india-japan': 'abc' }).checked).toEqual({ 'india-japan': 'abc' });
  });
  it('leaves out a dataset that fails validation, and one that is not JSON', async () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-root-'));
    cpSync('data/india-japan', join(root, 'good'), { recursive: true });
    cpSync('data/india-japan', join(root, 'bad-date'), { recursive: true });
    const events = JSON.parse(readFileSync(join(root, 'bad-date/events.json'), 'utf8'));
    events[0].date = 'early 2026';
    writeFileSync(join(root, 'bad-date/events.json'), JSON.stringify(events));
    cpSync('data/india-japan', join(root, 'not-json'), { recursive: true });
    writeFileSync(join(root, 'not-json/themes.json'), '[{');
    expect(Object.keys(await checkedDatasets(root))).toEqual(['good']);
  });
  it('a missing optional file digests differently from an empty one, and any edit changes the digest', async () => {
    const t = texts('data/india-japan');
    const h = await datasetDigest(t);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await datasetDigest({ ...t, 'stories.json': undefined })).not.toBe(await datasetDigest({ ...t, 'stories.json': '' }));
    expect(await datasetDigest({ ...t, 'events.json': t['events.json']!.replace('2026', '2027') })).not.toBe(h);
    expect(await datasetDigest({ ...t })).toBe(h);
  });
  it('loads unchanged files without the schema checks, and validates a file changed after the build', async () => {
    const dir = copyOfRealDataset();
    const built = (await datasetDigest(texts(dir)))!;
    const ds = await loadDataset('india-japan', 'http://h/', folderFetch(dir), built);
    expect(ds.events.length).toBeGreaterThan(40);
    // A file swapped in the build after it was checked: the same error a load without a digest reports.
    const events = JSON.parse(readFileSync(join(dir, 'events.json'), 'utf8'));
    events[1].places = ['atlantis'];
    writeFileSync(join(dir, 'events.json'), JSON.stringify(events, null, 2));
    const err = await loadDataset('india-japan', 'http://h/', folderFetch(dir), built).catch((e) => e);
    expect(err).toBeInstanceOf(DatasetLoadError);
    expect((err as DatasetLoadError).issues).toEqual([expect.objectContaining({ file: 'events.json', record: `"${events[1].id}" (#1)`, field: 'places.0' })]);
  });
  it('trusts exactly the bytes it was given a digest for (which is why only the build may write it)', async () => {
    // Proof that the checks are skipped: a dataset that fails them loads when handed its own digest.
    const dir = copyOfRealDataset();
    const events = JSON.parse(readFileSync(join(dir, 'events.json'), 'utf8'));
    events[1].places = ['atlantis'];
    writeFileSync(join(dir, 'events.json'), JSON.stringify(events));
    await expect(loadDataset('india-japan', 'http://h/', folderFetch(dir))).rejects.toBeInstanceOf(DatasetLoadError);
    await expect(loadDataset('india-japan', 'http://h/', folderFetch(dir), (await datasetDigest(texts(dir)))!)).resolves.toBeTruthy();
  });
});

describe('builtDigest', () => {
  it('reads the digest index.html recorded for a name, and nothing inherited', () => {
    (globalThis as { window?: unknown }).window = { __atlasChecked: { 'india-japan': 'abc' } };
    try {
      expect(builtDigest('india-japan')).toBe('abc');
      expect(builtDigest('constructor')).toBeUndefined();
      expect(builtDigest('other')).toBeUndefined();
    } finally {
      delete (globalThis as { window?: unknown }).window;
    }
  });
});

describe('the trusted path and the validated path agree', () => {
  it('the real dataset built from its checked files equals the one built after validation', async () => {
    const dir = 'data/india-japan';
    const trusted = await loadDataset('india-japan', 'http://h/', folderFetch(dir), (await datasetDigest(texts(dir)))!);
    const validated = await loadDataset('india-japan', 'http://h/', folderFetch(dir));
    expect(trusted).toEqual(validated);
  });
  it('nothing on the first-load path imports the validator, zod or the full EDTF parser', () => {
    const firstLoad = [
      'src/main.ts',
      'src/App.svelte',
      'src/lib/model/loadDataset.ts',
      'src/lib/model/dataset.ts',
      'src/lib/model/dates.ts',
      'src/lib/model/datasetFiles.ts',
      'src/lib/model/dateWords.ts',
    ];
    for (const f of firstLoad) {
      const staticImports = [...readFileSync(f, 'utf8').matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
      expect(
        staticImports.filter((m) => /zod|edtf|validateDataset|datesFull|\/schema/.test(m)),
        f,
      ).toEqual([]);
    }
  });
});
