// The map style and the projector theme: both themes are valid MapLibre styles, and the theme owns every value it changes.
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { buildStyle, detailLayers, themeSettings, townLayers } from '../../src/lib/map/style';
import { fontFacesFor } from '../../src/lib/map/fontFaces';
import { placeFeatures } from '../../src/lib/map/placeFeatures';
import { loadRealDataset } from './realDataset';

const d = loadRealDataset();
type AnyLayer = { id: string; paint?: Record<string, unknown>; layout?: Record<string, unknown> };

/** The whole style as the map has it after a zoom in: overview, places, the detail basemap and the towns. */
function fullStyle(highContrast: boolean): StyleSpecification {
  const places = placeFeatures(d);
  const style = buildStyle({ basemapUrl: 'http://h/basemap/overview.json', fontFaces: fontFacesFor('http://h/'), places });
  const detail = detailLayers(highContrast);
  style.sources[detail.source] = { type: 'geojson', data: 'http://h/basemap/detail.json' };
  style.layers.push(...detail.layers);
  const towns = townLayers({ places, highContrast });
  style.sources[towns.source] = { type: 'geojson', data: 'http://h/basemap/towns.json' };
  style.layers.push(...towns.layers);
  // What AtlasMap.setHighContrast does to a live map, done to the style.
  for (const t of themeSettings(highContrast)) {
    const layer = style.layers.find((l) => l.id === t.layer) as AnyLayer;
    (layer[t.type] ??= {})[t.name] = t.value;
  }
  return style;
}
const value = (style: StyleSpecification, t: ReturnType<typeof themeSettings>[number]) => (style.layers.find((l) => l.id === t.layer) as AnyLayer | undefined)?.[t.type]?.[t.name];

describe('the map style', () => {
  it.each([false, true])('is a valid MapLibre style (high contrast: %s)', (hc) => {
    expect(validateStyleMin(fullStyle(hc)).map((e) => e.message)).toEqual([]);
  });
  it('is valid with first-line labels and in every language', () => {
    for (const lang of ['en', 'ja', 'hi', 'gu'] as const) {
      for (const firstLineOnly of [false, true]) {
        const style = buildStyle({ basemapUrl: 'http://h/o.json', fontFaces: fontFacesFor('http://h/'), lang, firstLineOnly });
        expect(validateStyleMin(style).map((e) => e.message), `${lang} ${firstLineOnly}`).toEqual([]);
      }
    }
  });
});

describe('the projector theme', () => {
  const normal = buildStyle({ basemapUrl: 'http://h/o.json', fontFaces: fontFacesFor('http://h/') });
  normal.layers.push(...detailLayers(false).layers, ...townLayers().layers);
  it('names only layers the map has, and is what the style is built with when off', () => {
    for (const t of themeSettings(false)) {
      expect(normal.layers.some((l) => l.id === t.layer), t.layer).toBe(true);
      expect(value(normal, t), `${t.layer} ${t.name}`).toEqual(t.value);
    }
  });
  it('changes every value it names when on, and the same values in the same order', () => {
    const on = themeSettings(true), off = themeSettings(false);
    expect(on.map((t) => `${t.layer} ${t.type} ${t.name}`)).toEqual(off.map((t) => `${t.layer} ${t.type} ${t.name}`));
    on.forEach((t, i) => expect(t.value, `${t.layer} ${t.name}`).not.toEqual(off[i].value));
  });
  it('uses these colours and sizes, in the normal theme and on a projector', () => {
    const table = (hc: boolean) => Object.fromEntries(themeSettings(hc).map((t) => [`${t.layer} ${t.name}`, t.value]));
    const sel = ['boolean', ['feature-state', 'sel'], false];
    const bySize = (small: number, big: number) => ['match', ['get', 'kind'], 'station', small, 'strait', small, 'port', small, big];
    const byRank = (...s: number[]) => ['match', ['get', 'rank'], 0, s[0], 1, s[1], 2, s[2], s[3]];
    expect(table(false)).toEqual({
      'ocean background-color': '#dce9f2', 'land fill-color': '#f7f4ec', 'land-detail fill-color': '#f7f4ec',
      'coast line-color': '#9fb6c8', 'coast-detail line-color': '#9fb6c8',
      'boundary line-color': '#9a8f80', 'boundary-disputed line-color': '#9a8f80', 'boundary-detail line-color': '#9a8f80',
      'sea-lanes line-color': ['case', sel, '#e67e22', '#1565a8'],
      'place-labels text-color': ['match', ['get', 'kind'], 'strait', '#0b4f80', '#1f3a5f'],
      'place-labels text-size': bySize(11, 13),
      'town-labels text-color': '#626b76', 'town-labels icon-image': 'town-dot', 'town-labels text-size': byRank(12, 11.5, 11, 10.5),
    });
    expect(table(true)).toEqual({
      'ocean background-color': '#bcd4ea', 'land fill-color': '#ffffff', 'land-detail fill-color': '#ffffff',
      'coast line-color': '#1d2733', 'coast-detail line-color': '#1d2733',
      'boundary line-color': '#4a4a4a', 'boundary-disputed line-color': '#4a4a4a', 'boundary-detail line-color': '#4a4a4a',
      'sea-lanes line-color': ['case', sel, '#b34700', '#003f7f'],
      'place-labels text-color': '#000000',
      'place-labels text-size': bySize(13, 16),
      'town-labels text-color': '#2b2b2b', 'town-labels icon-image': 'town-dot-projector', 'town-labels text-size': byRank(15, 14, 13, 12.5),
    });
  });
  it('builds the detail layers in the theme the map is in', () => {
    const hc = detailLayers(true).layers as AnyLayer[];
    expect(hc.find((l) => l.id === 'land-detail')?.paint?.['fill-color']).toBe(themeSettings(true).find((t) => t.layer === 'land-detail')!.value);
  });
});
