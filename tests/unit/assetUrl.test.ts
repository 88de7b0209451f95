import { afterEach, describe, expect, it } from 'vitest';
import { assetUrl } from '../../src/lib/assetUrl';

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
    (globalThis as { window?: unknown }).window = { __atlasOffline: { files: { 'basemap/overview.json': 'data:application/json;charset=utf-8,{}' }, worker: 'blob:null/x' } };
    expect(assetUrl(path, BASE)).toBe(url);
  });
});
