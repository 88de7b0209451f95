// Builds the MapLibre style (pure): offline basemap, dataset places, labels from bundled font files.
import { MAP } from '../model/palette';
import type { Lang } from '../model/types';
import type { FontFacesSpecification, StyleSpecification, ExpressionSpecification } from 'maplibre-gl';

export interface StyleOptions {
  basemapUrl: string;
  fontFaces: FontFacesSpecification;
  /** The dataset's places, drawn in the same pass as the basemap (an empty source if absent). */
  places?: GeoJSON.FeatureCollection;
  /** Language of the labels (default English). */
  lang?: Lang;
  /** Draw only each label's first line (see `labelField`); the map adds the second line after its first view. */
  firstLineOnly?: boolean;
}

export const NATURAL_EARTH = 'Natural Earth; boundaries as it depicts them, no endorsement implied';

/** The map's colours: the one palette (lib/model/palette), also read by the CSS and the exports. */
export const PALETTE = MAP;

const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];
const phase: ExpressionSpecification = ['coalesce', ['feature-state', 'phase'], 0];

/** Opacity by phase: what has happened by t at full strength, what is ahead faded. */
const phaseOpacity = (ahead: number): ExpressionSpecification => ['case', state('out'), 0.12, ['match', phase, 1, ahead, 1]];

export const PLACE_LAYERS = ['place-lines-hit', 'place-points'] as const;

/**
 * A place's label: in English the English name over the name in the place's own script (Tokyo / 東京);
 * in another language the name in that language where the data has one, over the English name.
 */
export function labelField(lang: Lang): ExpressionSpecification {
  const first = firstLineField(lang);
  const second: ExpressionSpecification = lang === 'en' ? ['get', 'local'] : ['case', ['!=', ['get', lang], ''], ['get', 'en'], ''];
  return ['format', first, {}, ['case', ['!=', second, ''], '\n', ''], {}, second, { 'font-scale': 0.9 }];
}

/** A label's first line alone: the name in `lang` where the data has one, else the English name. */
export function firstLineField(lang: Lang): ExpressionSpecification {
  return lang === 'en' ? ['get', 'en'] : ['case', ['!=', ['get', lang], ''], ['get', lang], ['get', 'en']];
}

/** A paint or layout property that the projector theme changes. */
export interface ThemeSetting {
  layer: string;
  type: 'paint' | 'layout';
  name: string;
  value: unknown;
}

/**
 * Every colour and size the high-contrast projector theme changes, with its value in the normal theme or in that one:
 * the style is built with `themeSettings(false)`, and AtlasMap.setHighContrast applies either list to the live map.
 */
export function themeSettings(highContrast: boolean): ThemeSetting[] {
  const hc = highContrast;
  const paint = (layer: string, name: string, value: unknown): ThemeSetting => ({ layer, type: 'paint', name, value });
  return [
    paint('ocean', 'background-color', hc ? '#bcd4ea' : PALETTE.ocean),
    ...['land', 'land-detail'].map((l) => paint(l, 'fill-color', hc ? '#ffffff' : PALETTE.land)),
    ...['coast', 'coast-detail'].map((l) => paint(l, 'line-color', hc ? '#1d2733' : PALETTE.coast)),
    ...['boundary', 'boundary-disputed', 'boundary-detail'].map((l) => paint(l, 'line-color', hc ? '#4a4a4a' : PALETTE.boundary)),
    paint('sea-lanes', 'line-color', ['case', state('sel'), hc ? '#b34700' : PALETTE.highlight, hc ? '#003f7f' : PALETTE.seaLane]),
    paint('place-labels', 'text-color', hc ? '#000000' : ['match', ['get', 'kind'], 'strait', PALETTE.strait, PALETTE.city]),
    { layer: 'place-labels', type: 'layout', name: 'text-size', value: ['match', ['get', 'kind'], 'station', hc ? 13 : 11, 'strait', hc ? 13 : 11, 'port', hc ? 13 : 11, hc ? 16 : 13] },
  ];
}

/** Sets the theme's values on the layers of a style being built (layers it does not name are left as they are). */
function applyTheme(layers: StyleSpecification['layers'], highContrast = false): StyleSpecification['layers'] {
  for (const t of themeSettings(highContrast)) {
    const layer = layers.find((l) => l.id === t.layer) as { paint?: Record<string, unknown>; layout?: Record<string, unknown> } | undefined;
    if (layer) (layer[t.type] ??= {})[t.name] = t.value;
  }
  return layers;
}

export function buildStyle(o: StyleOptions): StyleSpecification {
  const lang = o.lang ?? 'en';
  const label = o.firstLineOnly ? firstLineField(lang) : labelField(lang);
  return {
    version: 8,
    name: 'Indo-Pacific Atlas',
    'font-faces': o.fontFaces,
    sources: {
      overview: { type: 'geojson', data: o.basemapUrl, attribution: NATURAL_EARTH },
      places: { type: 'geojson', data: o.places ?? { type: 'FeatureCollection', features: [] }, promoteId: 'id' },
    },
    layers: applyTheme([
      { id: 'ocean', type: 'background' },
      { id: 'land', type: 'fill', source: 'overview', maxzoom: 5.5, filter: ['==', ['get', 'k'], 'land'] },
      { id: 'coast', type: 'line', source: 'overview', maxzoom: 5.5, filter: ['==', ['get', 'k'], 'coast'], paint: { 'line-width': 0.6 } },
      {
        id: 'boundary', type: 'line', source: 'overview', maxzoom: 5.5, filter: ['==', ['get', 'k'], 'boundary'],
        paint: { 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.4, 5, 0.9] },
      },
      {
        id: 'boundary-disputed', type: 'line', source: 'overview', maxzoom: 5.5, filter: ['all', ['==', ['get', 'k'], 'boundary'], ['==', ['get', 'disputed'], true]],
        paint: { 'line-width': 0.9, 'line-dasharray': [3, 2] },
      },
      {
        id: 'sea-lanes', type: 'line', source: 'places', filter: ['==', ['get', 'kind'], 'sea-lane'],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-width': ['case', ['any', state('sel'), state('hover')], 4, 2.2],
          'line-opacity': 0.85,
          'line-dasharray': [2, 1.5],
        },
      },
      {
        id: 'corridor-casing', type: 'line', source: 'places', filter: ['==', ['get', 'kind'], 'corridor'],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 3, 8, 8] },
      },
      {
        id: 'corridor', type: 'line', source: 'places', filter: ['==', ['get', 'kind'], 'corridor'],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': ['case', ['any', state('sel'), state('hover')], PALETTE.highlight, PALETTE.corridor],
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 1.6, 8, 5],
          'line-opacity': phaseOpacity(0.45),
        },
      },
      // Wide transparent lines so that thin lines are easy to click and hover.
      { id: 'place-lines-hit', type: 'line', source: 'places', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#000', 'line-opacity': 0, 'line-width': 14 } },
      {
        id: 'place-points', type: 'circle', source: 'places',
        filter: ['all', ['==', ['geometry-type'], 'Point'], ['any', ['!=', ['get', 'kind'], 'station'], ['>=', ['zoom'], 6]]],
        paint: {
          'circle-radius': [
            '+',
            ['match', ['get', 'kind'], 'station', 4, 'strait', 4.5, 'port', 3.5, ['interpolate', ['linear'], ['get', 'rank'], 0, 3.5, 6, 6.5]],
            ['case', state('sel'), 3, state('hover'), 2, 0],
          ],
          'circle-color': ['case', ['any', state('sel'), state('hover')], PALETTE.highlight, ['match', ['get', 'kind'], 'strait', PALETTE.strait, 'station', PALETTE.corridor, ['match', phase, 1, PALETTE.future, PALETTE.city]]],
          'circle-opacity': phaseOpacity(0.55),
          // Selected and hovered points wear a wide translucent halo: their own stroke, not a second circle layer
          // (a second layer with other data-driven properties compiles another shader program on first draw).
          'circle-stroke-color': ['case', ['any', state('sel'), state('hover')], PALETTE.highlight, '#ffffff'],
          'circle-stroke-width': ['case', state('sel'), 7, state('hover'), 5, 1.5],
          'circle-stroke-opacity': ['case', ['any', state('sel'), state('hover')], 0.45, 1],
        },
      },
      {
        id: 'place-labels', type: 'symbol', source: 'places',
        filter: ['all', ['==', ['geometry-type'], 'Point'], ['!=', ['get', 'hideLabel'], 1], ['any', ['!=', ['get', 'kind'], 'station'], ['>=', ['zoom'], 6.5]]],
        layout: {
          'text-field': label,
          'text-font': ['Noto Sans Regular'],
          'text-anchor': 'left',
          'text-offset': [0.7, 0],
          'text-justify': 'left',
          'text-max-width': 12,
          'symbol-sort-key': ['-', 0, ['get', 'rank']],
          'text-optional': true,
        },
        paint: {
          'text-halo-color': 'rgba(255,255,255,0.92)',
          'text-halo-width': 1.6,
          'text-opacity': phaseOpacity(0.6),
        },
      },
    ], false),
  };
}

/** The finer basemap, added when the user zooms in (not part of first load), in the theme the map is in. */
export function detailLayers(highContrast = false): { source: string; layers: StyleSpecification['layers'] } {
  return {
    source: 'detail',
    layers: applyTheme([
      { id: 'land-detail', type: 'fill', source: 'detail', minzoom: 5, filter: ['==', ['get', 'k'], 'land'] },
      { id: 'coast-detail', type: 'line', source: 'detail', minzoom: 5, filter: ['==', ['get', 'k'], 'coast'], paint: { 'line-width': 0.8 } },
      { id: 'boundary-detail', type: 'line', source: 'detail', minzoom: 5, filter: ['==', ['get', 'k'], 'boundary'], paint: { 'line-width': 1 } },
    ], highContrast),
  };
}
