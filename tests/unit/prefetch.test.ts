import { describe, expect, it, afterEach } from 'vitest';
import { runInNewContext } from 'node:vm';
import { DATASET_FILES, DATASET_NAME } from '../../src/lib/model/datasetFiles';
import { OPTIONAL_FILES, REQUIRED_FILES } from '../../src/lib/model/validateDataset';
import { prefetchedFetch } from '../../src/lib/model/loadDataset';
import { prefetchScript } from '../../scripts/datasetPlugin';
import { parseUrl } from '../../src/lib/state/urlCodec';

describe('the dataset file lists the build uses', () => {
  it('are the files the schemas validate', () => {
    expect([...DATASET_FILES.required]).toEqual([...REQUIRED_FILES]);
    expect([...DATASET_FILES.optional]).toEqual([...OPTIONAL_FILES]);
  });
});

/** Runs index.html's inline prefetch script against a page URL; returns the URLs it fetched. */
function runPrefetch(href: string): { fetched: string[]; keys: string[] } {
  const fetched: string[] = [];
  const win: Record<string, unknown> = {
    fetch: (u: string) => (fetched.push(u), Promise.resolve({ ok: true })),
  };
  win.window = win;
  runInNewContext(prefetchScript(), { ...win, window: win, location: new URL(href), document: { baseURI: href }, URLSearchParams, URL });
  const pre = win.__atlasPrefetch as Record<string, unknown> | undefined;
  return { fetched, keys: Object.keys(pre ?? {}) };
}

describe('index.html prefetch', () => {
  it('fetches every file of the built-in dataset, by absolute URL', () => {
    const { fetched, keys } = runPrefetch('http://h/app/');
    const all = [...DATASET_FILES.required, ...DATASET_FILES.optional];
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
