import { afterEach, describe, expect, it } from 'vitest';
import { adoptPrefetched, assetUrl } from '../../src/lib/assetUrl';

const BASE = 'https://atlas.example/app/';

describe('assetUrl', () => {
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it.each([
    ['basemap/overview.json', `${BASE}basemap/overview.json`],
    ['fonts/noto-sans-latin-400.woff2', `${BASE}fonts/noto-sans-latin-400.woff2`],
  ])('resolves %s against the page without an offline copy', (path, url) => {
    expect(assetUrl(path, BASE)).toBe(url);
  });

  it.each([
    ['basemap/overview.json', 'data:application/json;charset=utf-8,{}'],
    // A path the offline copy does not carry still resolves against the page.
    ['basemap/detail.json', `${BASE}basemap/detail.json`],
    // Only the copy's own paths: nothing inherited from Object.prototype.
    ['constructor', `${BASE}constructor`],
  ])('in the offline copy, %s is %s', (path, url) => {
    (globalThis as { window?: unknown }).window = {
      __atlasOffline: { files: { 'basemap/overview.json': 'data:application/json;charset=utf-8,{}' }, worker: 'blob:null/x' },
    };
    expect(assetUrl(path, BASE)).toBe(url);
  });

  it('hands out prefetched files that arrived whole as blob: URLs, and leaves the rest to be fetched', async () => {
    (globalThis as { window?: unknown }).window = {
      __atlasPrefetch: {
        'https://atlas.example/app/basemap/world.json': Promise.resolve(new Response('{"type":"FeatureCollection","features":[]}')),
        'https://atlas.example/app/fonts/missing.woff2': Promise.resolve(new Response('no', { status: 404 })),
        'https://atlas.example/app/fonts/failed.woff2': Promise.resolve(null),
        'https://atlas.example/app/fonts/stalled.woff2': new Promise(() => {}),
      },
    };
    await adoptPrefetched(['basemap/world.json', 'fonts/missing.woff2', 'fonts/failed.woff2', 'fonts/stalled.woff2', 'basemap/overview.json'], BASE, 50);
    const world = assetUrl('basemap/world.json', BASE);
    expect(world).toMatch(/^blob:/);
    await expect((await fetch(world)).json()).resolves.toEqual({ type: 'FeatureCollection', features: [] });
    for (const path of ['fonts/missing.woff2', 'fonts/failed.woff2', 'fonts/stalled.woff2', 'basemap/overview.json']) {
      expect(assetUrl(path, BASE)).toBe(`https://atlas.example/app/${path}`);
    }
  });
});
