// Builds the MapLibre style (pure): offline basemap, dataset places, labels from bundled font files.
import { MAP, MAP_PROJECTOR } from '../model/palette';
import type { Lang } from '../model/types';
import { assetUrl } from '../assetUrl';
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

/** Stations are drawn from this zoom on, and labelled from STATION_LABEL_ZOOM (the corridor is read closer in). */
export const STATION_POINT_ZOOM = 6;
export const STATION_LABEL_ZOOM = 6.5;
const zoomAtLeast = (z: number): ExpressionSpecification => ['>=', ['zoom'], z];

/** The dataset's points as the map draws them: stations only closer in. */
const placePointFilter: ExpressionSpecification = ['all', ['==', ['geometry-type'], 'Point'], ['any', ['!=', ['get', 'kind'], 'station'], zoomAtLeast(STATION_POINT_ZOOM)]];

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
    paint(TOWN_LAYER, 'text-color', hc ? MAP_PROJECTOR.town : PALETTE.town),
    { layer: TOWN_LAYER, type: 'layout', name: 'icon-image', value: hc ? TOWN_DOT_PROJECTOR : TOWN_DOT },
    { layer: TOWN_LAYER, type: 'layout', name: 'text-size', value: townTextSize(hc) },
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
        filter: placePointFilter,
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
        filter: ['all', ['==', ['geometry-type'], 'Point'], ['!=', ['get', 'hideLabel'], 1], ['any', ['!=', ['get', 'kind'], 'station'], zoomAtLeast(STATION_LABEL_ZOOM)]],
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

// ---------------------------------------------------------------------------------------------------------------
// Towns (DESIGN, The map: "zoomed in, the map must still read as a map")

/** The towns' symbol layer: a dot and a name, under the dataset's places, which always win a collision. */
export const TOWN_LAYER = 'town-labels';
/** An invisible symbol on each of the dataset's points, so that no town label covers one of its dots. */
export const PLACE_CLEARANCE_LAYER = 'place-clearance';
/** The towns file (scripts/build/towns.ts), fetched with the detail basemap. */
export const TOWNS_FILE = 'basemap/towns.json';
export const TOWNS_ATTRIBUTION = 'GeoNames (CC BY 4.0)';
/**
 * Town names are drawn with the places' fonts first; characters only town names use (most of the kanji of Japan's
 * towns) are in files of their own (scripts/build-fonts.ts), fetched only when such a name is drawn.
 */
export const TOWN_FONT = 'Noto Sans Towns';
export const TOWN_FONT_STACK = ['Noto Sans Regular', TOWN_FONT];
/** Zoom from which each town rank (scripts/build/towns.ts: 0 for a million people or more) is drawn. */
export const TOWN_RANK_ZOOM = [5, 6, 7, 8] as const;
export const TOWN_DOT = 'town-dot';
export const TOWN_DOT_PROJECTOR = 'town-dot-projector';
export const TOWN_DOTS = [TOWN_DOT, TOWN_DOT_PROJECTOR] as const;

function townTextSize(hc: boolean): ExpressionSpecification {
  const [a, b, c, d] = hc ? [15, 14, 13, 12.5] : [12, 11.5, 11, 10.5];
  return ['match', ['get', 'rank'], 0, a, 1, b, 2, c, d];
}

/** A town's name: in `lang` where GeoNames has one, else the Latin name. */
export function townField(lang: Lang): ExpressionSpecification {
  return lang === 'en' ? ['get', 'name'] : ['coalesce', ['get', lang], ['get', 'name']];
}

/** The names a place's label shows, as a town would be called ("Anand/Nadiad" is both). */
const placeNames = (en: string) => en.split('/').map((n) => n.trim().toLowerCase()).filter(Boolean);

/** Degrees around a place within which a town of the same name is the same place. */
const SAME_PLACE_DEGREES = 0.3;

/**
 * Towns the dataset already labels are not labelled twice: a town is hidden where a point of the dataset with its
 * name lies within SAME_PLACE_DEGREES, at the zooms where that point's label is drawn (a station's from
 * STATION_LABEL_ZOOM; closer out the town keeps its name).
 */
export function townFilter(places?: GeoJSON.FeatureCollection): ExpressionSpecification {
  const last = TOWN_RANK_ZOOM.length - 1;
  const rankZoom = ['match', ['get', 'rank'], ...TOWN_RANK_ZOOM.slice(0, last).flatMap((z, r) => [r, z]), TOWN_RANK_ZOOM[last]] as unknown as ExpressionSpecification;
  // Evaluated at the tile's whole zoom: rank r from zoom TOWN_RANK_ZOOM[r].
  const rank: ExpressionSpecification = ['>=', ['zoom'], rankZoom];
  const same: ExpressionSpecification[] = [];
  for (const f of places?.features ?? []) {
    if (f.geometry?.type !== 'Point') continue;
    const [x, y] = f.geometry.coordinates;
    const p = f.properties ?? {};
    const [w, s, e, n] = [x - SAME_PLACE_DEGREES, y - SAME_PLACE_DEGREES, x + SAME_PLACE_DEGREES, y + SAME_PLACE_DEGREES].map((v) => Math.round(v * 1e4) / 1e4);
    const box = { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
    for (const name of placeNames(String(p.en ?? ''))) {
      const here: ExpressionSpecification[] = [['==', ['downcase', ['get', 'name']], name], ['within', box] as unknown as ExpressionSpecification];
      if (p.kind === 'station') here.push(zoomAtLeast(STATION_LABEL_ZOOM));
      same.push(['all', ...here] as ExpressionSpecification);
    }
  }
  return same.length ? ['all', rank, ['!', ['any', ...same]]] : rank;
}

/** The towns' source and layers, added when the user zooms in (with the detail basemap), in the map's language and theme. */
export function townLayers(o: { places?: GeoJSON.FeatureCollection; lang?: Lang; highContrast?: boolean } = {}): { source: string; layers: StyleSpecification['layers'] } {
  return {
    source: 'towns',
    layers: applyTheme(
      [
        {
          id: TOWN_LAYER, type: 'symbol', source: 'towns', minzoom: TOWN_RANK_ZOOM[0], filter: townFilter(o.places),
          layout: {
            'text-field': townField(o.lang ?? 'en'),
            'text-font': TOWN_FONT_STACK,
            'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
            'text-radial-offset': 0.55,
            'text-justify': 'auto',
            'text-max-width': 8,
            'text-padding': 3,
            'icon-size': ['match', ['get', 'rank'], 0, 0.85, 1, 0.75, 0.65],
            // Larger towns are placed first; a dot is drawn only where its name fits.
            'symbol-sort-key': ['-', 0, ['get', 'pop']],
          },
          paint: { 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 1.3 },
        },
        {
          // Placed before the towns (it is above them), always, and drawn at opacity 0: the dataset's dots keep clear.
          id: PLACE_CLEARANCE_LAYER, type: 'symbol', source: 'places', minzoom: TOWN_RANK_ZOOM[0], filter: placePointFilter,
          layout: { 'icon-image': TOWN_DOT, 'icon-size': 1.4, 'icon-allow-overlap': true, 'icon-padding': 0 },
          paint: { 'icon-opacity': 0 },
        },
      ],
      o.highContrast,
    ),
  };
}

/** Where the town layers go: above the basemap and the dataset's lines, under the dataset's points and labels. */
export const TOWNS_BEFORE = 'place-points';

/**
 * The towns' dot images by name (normal and projector theme), as RGBA at 2× for `map.addImage(id, image,
 * { pixelRatio: 2 })`: a filled circle with a white rim, 12 px across. The style has no sprite, so the map adds
 * them when MapLibre asks (its `styleimagemissing` event).
 */
export function townDotImage(id: string): { width: number; height: number; data: Uint8Array } | null {
  const fill = id === TOWN_DOT ? PALETTE.townDot : id === TOWN_DOT_PROJECTOR ? MAP_PROJECTOR.townDot : null;
  if (!fill) return null;
  const size = 24, c = size / 2, r = 7, rim = 2; // px at 2×: a 3.5 px dot with a 1 px white rim
  const [fr, fg, fb] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16));
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      const cover = Math.min(1, Math.max(0, r + rim + 0.5 - d)); // the whole disc, rim included
      const inner = Math.min(1, Math.max(0, r + 0.5 - d)); // the filled part
      const i = (y * size + x) * 4;
      // Premultiplied by nothing: MapLibre takes straight RGBA; the rim is white, blended into the fill at its edge.
      data[i] = Math.round(fr * inner + 255 * (1 - inner));
      data[i + 1] = Math.round(fg * inner + 255 * (1 - inner));
      data[i + 2] = Math.round(fb * inner + 255 * (1 - inner));
      data[i + 3] = Math.round(255 * cover);
    }
  }
  return { width: size, height: size, data };
}

/**
 * The style with the finer basemap and the towns, which the on-screen map adds only once it is zoomed in (an
 * off-screen map for an export takes the screen's style through this: it may draw closer in than the screen has
 * been). Sources the style already has are left as they are; the towns leave unlabelled what its places label.
 */
export function withDetail(style: StyleSpecification, o: { highContrast: boolean; lang?: Lang; base: string }): StyleSpecification {
  // A phone's map may still be on the coarse world basemap: an export is drawn larger, so it takes the overview.
  const overview = style.sources.overview;
  if (overview?.type === 'geojson') overview.data = assetUrl('basemap/overview.json', o.base);
  const insert = (before: string, layers: StyleSpecification['layers']) => {
    const at = style.layers.findIndex((l) => l.id === before);
    style.layers.splice(at < 0 ? style.layers.length : at, 0, ...layers);
  };
  const detail = detailLayers(o.highContrast);
  if (!style.sources[detail.source]) {
    style.sources[detail.source] = { type: 'geojson', data: assetUrl('basemap/detail.json', o.base), attribution: NATURAL_EARTH };
    insert('sea-lanes', detail.layers);
  }
  const placesSource = style.sources.places;
  const places = placesSource?.type === 'geojson' && typeof placesSource.data === 'object' ? (placesSource.data as GeoJSON.FeatureCollection) : undefined;
  const towns = townLayers({ places, lang: o.lang, highContrast: o.highContrast });
  if (!style.sources[towns.source]) {
    style.sources[towns.source] = { type: 'geojson', data: assetUrl(TOWNS_FILE, o.base), attribution: TOWNS_ATTRIBUTION };
    insert(TOWNS_BEFORE, towns.layers);
  }
  return style;
}
