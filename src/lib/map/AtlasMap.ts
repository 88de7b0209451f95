// The one MapLibre adapter: creates the map, draws the dataset's places, and syncs state into feature-state.
import { Map as MLMap, LngLatBounds, NavigationControl, AttributionControl, setWorkerUrl, prewarm, type GeoJSONSource, type MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Dataset } from '../model/dataset';
import { buildStyle, detailLayers, labelField, themeSettings, townDotImage, townField, townLayers, NATURAL_EARTH, PLACE_LAYERS, TOWN_DOTS, TOWN_LAYER, TOWNS_ATTRIBUTION, TOWNS_BEFORE, TOWNS_FILE } from './style';
import { placeFeatures, placeFirstTimes, placePhases, upperBound } from './placeFeatures';
import { fontFacesFor } from './fontFaces';
import { assetUrl } from '../assetUrl';
import type { Camera, Lang } from '../model/types';
import { openingBounds, opensCoarse, MAX_ZOOM, MIN_ZOOM, OPENING_FIT, OVERVIEW_FROM_ZOOM } from './opening';
import type { MapScene } from './offscreenMap';

setWorkerUrl(new URL(workerUrl, document.baseURI).href);

/** Starts MapLibre's workers (fetching and compiling the worker script) while the dataset is still loading. */
export function warmUpMap() {
  prewarm();
}

/** How far (px) from a point's centre a click or hover still picks it: its largest dot, its white rim and a margin. */
const POINT_REACH = 13;

/** Where the finer basemap exists; flights outside it stop at a zoom the overview draws well. */
const DETAIL_BOUNDS = new LngLatBounds([40, -15], [150, 46]);

export interface AtlasMapOptions {
  container: HTMLElement;
  dataset: Dataset;
  camera: Camera | null;
  lang?: Lang;
  interactive?: boolean;
  cooperativeGestures?: boolean;
  onSelect: (id: string | null) => void;
  onHover: (id: string | null) => void;
  onCamera: (c: Camera) => void;
  onFirstIdle: () => void;
}

export class AtlasMap {
  private readonly map: MLMap;
  private dataset: Dataset;
  private selected = new Set<string>();
  private hovered = new Set<string>();
  private detailRequested = false;
  /** A narrow map opens on the coarse world basemap (a third of the bytes) and swaps in the overview on zoom-in. */
  private coarseBasemap: boolean;

  /** The dataset's places as drawn (also what the towns layer leaves unlabelled where the dataset names a place). */
  private readonly places: GeoJSON.FeatureCollection;

  constructor(o: AtlasMapOptions) {
    this.dataset = o.dataset;
    this.places = placeFeatures(this.dataset);
    this.lang = o.lang ?? 'en';
    performance.mark('atlas:map-create');
    const base = document.baseURI;
    this.coarseBasemap = opensCoarse(window.innerWidth, o.camera?.zoom);
    this.map = new MLMap({
      container: o.container,
      // The places are in the style, so that they are tiled and drawn in the same pass as the basemap. Labels start
      // with their first line only: a second line in another script (東京 under Tokyo) needs more font files and
      // glyphs, and is added as soon as the first view is drawn.
      style: buildStyle({
        basemapUrl: assetUrl(this.coarseBasemap ? 'basemap/world.json' : 'basemap/overview.json', base),
        fontFaces: fontFacesFor(base),
        places: this.places,
        lang: this.lang,
        firstLineOnly: true,
      }),
      bounds: o.camera ? undefined : openingBounds(o.dataset),
      fitBoundsOptions: OPENING_FIT,
      center: o.camera ? [o.camera.lon, o.camera.lat] : undefined,
      zoom: o.camera?.zoom,
      fadeDuration: 0,
      attributionControl: false,
      cooperativeGestures: o.cooperativeGestures ?? false,
      renderWorldCopies: false,
      maxZoom: MAX_ZOOM,
      minZoom: MIN_ZOOM,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(
      // Compact (an "i" button) on narrow maps, as MapLibre does by itself, and on short ones (a phone in landscape).
      new AttributionControl({ customAttribution: 'Noto fonts (OFL)', compact: o.container.clientHeight < 320 || undefined }),
      'bottom-right',
    );
    // On a narrow map the attribution is the compact "i" button, and it starts closed (MapLibre opens it at first).
    this.map.once('load', () => {
      const attrib = o.container.querySelector('.maplibregl-ctrl-attrib.maplibregl-compact');
      attrib?.classList.remove('maplibregl-compact-show');
      attrib?.removeAttribute('open');
    });
    this.map.on('load', () => {
      this.map.once('idle', () => {
        performance.mark('atlas:map-idle');
        o.onFirstIdle();
        // Then the labels' second lines, in their own scripts: their font files are not part of the first view.
        this.map.setLayoutProperty('place-labels', 'text-field', labelField(this.lang));
      });
      this.maybeLoadDetail();
    });
    this.map.on('zoomend', () => this.maybeLoadDetail());
    // The towns' dots (the style has no sprite): added when a layer first asks for one.
    this.map.setMissingStyleImageResolver((id) => addTownDot(this.map, id));
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      o.onCamera({ zoom: this.map.getZoom(), lat: c.lat, lon: c.lng });
    });
    // One handler for all place layers: where features overlap (a city on a sea lane, Tokyo and Tokyo Bay
    // at low zoom), points win over lines and places with more events win over the rest.
    const pick = (p: { x: number; y: number }): string | null => {
      const r = 5;
      // A selected or hovered point's halo (a wide stroke) counts as the point for queryRenderedFeatures; only
      // points within reach of their dot are picked, so the halo does not swallow clicks on its neighbours.
      const hits = this.map.queryRenderedFeatures([[p.x - r, p.y - r], [p.x + r, p.y + r]], { layers: [...PLACE_LAYERS] }).filter((f) => {
        if (f.geometry.type !== 'Point') return true;
        const at = this.map.project(f.geometry.coordinates as [number, number]);
        return Math.hypot(at.x - p.x, at.y - p.y) <= POINT_REACH;
      });
      hits.sort((a, b) => Number(b.geometry.type === 'Point') - Number(a.geometry.type === 'Point') || Number(b.properties.rank) - Number(a.properties.rank));
      return hits.length ? String(hits[0].properties.id) : null;
    };
    this.map.on('click', (e) => {
      const id = pick(e.point);
      if (id) o.onSelect(id);
    });
    let lastHover: string | null = null;
    this.map.on('mousemove', (e) => {
      const id = pick(e.point);
      this.map.getCanvas().style.cursor = id ? 'pointer' : '';
      if (id !== lastHover) o.onHover((lastHover = id));
    });
    this.map.on('mouseout', () => {
      if (lastHover) o.onHover((lastHover = null));
    });
  }

  private maybeLoadDetail() {
    if (this.coarseBasemap && this.map.getZoom() >= OVERVIEW_FROM_ZOOM) {
      this.coarseBasemap = false;
      (this.map.getSource('overview') as GeoJSONSource | undefined)?.setData(assetUrl('basemap/overview.json', document.baseURI));
    }
    if (this.detailRequested || this.map.getZoom() < 4) return;
    this.detailRequested = true;
    const { source, layers } = detailLayers(this.highContrast);
    this.map.addSource(source, { type: 'geojson', data: assetUrl('basemap/detail.json', document.baseURI), attribution: NATURAL_EARTH });
    for (const layer of layers) this.map.addLayer(layer, 'sea-lanes');
    // Towns, fetched with the detail basemap and drawn from zoom 5, under the dataset's points and labels.
    const towns = townLayers({ places: this.places, lang: this.lang, highContrast: this.highContrast });
    for (const id of TOWN_DOTS) addTownDot(this.map, id);
    this.map.addSource(towns.source, { type: 'geojson', data: assetUrl(TOWNS_FILE, document.baseURI), attribution: TOWNS_ATTRIBUTION });
    for (const layer of towns.layers) this.map.addLayer(layer, TOWNS_BEFORE);
  }

  private setState(id: string, state: Record<string, unknown>) {
    this.map.setFeatureState({ source: 'places', id }, state);
  }

  /** What has happened by t is drawn fully, what is ahead faded; only places whose phase changes are touched. */
  private first: { ids: string[]; times: number[] } | null = null;
  private shown = -1;
  syncTime(t: number) {
    if (!this.first) {
      this.first = placeFirstTimes(this.dataset);
      for (const [id, p] of placePhases(this.dataset, t)) this.setState(id, { phase: p });
      this.shown = upperBound(this.first.times, t);
      return;
    }
    // Places [0, k) have begun by t; only those between the old and the new k change phase.
    const k = upperBound(this.first.times, t);
    for (let i = Math.min(k, this.shown); i < Math.max(k, this.shown); i++) this.setState(this.first!.ids[i], { phase: i < k ? 2 : 1 });
    this.shown = k;
  }

  private syncSet(current: Set<string>, next: Set<string>, key: 'sel' | 'hover' | 'out') {
    for (const id of current) if (!next.has(id)) this.setState(id, { [key]: false });
    for (const id of next) if (!current.has(id)) this.setState(id, { [key]: true });
  }

  private out = new Set<string>();
  /** Places whose events are all filtered out (by filters or the brushed range) are faded; others untouched. */
  syncFiltered(visible: Set<string> | null) {
    const next = new Set<string>();
    if (visible) for (const [id] of this.dataset.eventsByPlace) if (!visible.has(id)) next.add(id);
    this.syncSet(this.out, next, 'out');
    this.out = next;
  }

  syncSelection(ids: Set<string>) {
    this.syncSet(this.selected, ids, 'sel');
    this.selected = new Set(ids);
  }

  syncHover(ids: Set<string>) {
    this.syncSet(this.hovered, ids, 'hover');
    this.hovered = new Set(ids);
  }

  /** Eases to the given places (or flies, unless reduced motion asks for a jump). */
  showPlaces(ids: Iterable<string>, reducedMotion: boolean) {
    const bounds = new LngLatBounds();
    let n = 0;
    for (const id of ids) {
      const g = this.dataset.placeById.get(id)?.geometry;
      if (!g) continue;
      const coords = g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : g.coordinates[0];
      for (const c of coords) bounds.extend(c as [number, number]);
      n++;
    }
    if (!n) return;
    const inDetail = DETAIL_BOUNDS.contains(bounds.getSouthWest()) && DETAIL_BOUNDS.contains(bounds.getNorthEast());
    const span = Math.max(bounds.getEast() - bounds.getWest(), bounds.getNorth() - bounds.getSouth());
    // A lone city keeps its region in view; a short line such as the corridor is read closer in.
    const maxZoom = !inDetail ? 4 : span > 0.5 ? 7 : 5;
    const camera = this.map.cameraForBounds(bounds, { padding: 80, maxZoom });
    if (!camera) return;
    if (reducedMotion) this.map.jumpTo(camera);
    else this.map.easeTo({ ...camera, duration: 900 });
  }

  setCamera(c: Camera, reducedMotion: boolean) {
    const opts = { center: [c.lon, c.lat] as [number, number], zoom: c.zoom };
    if (reducedMotion) this.map.jumpTo(opts);
    else this.map.easeTo({ ...opts, duration: 900 });
  }

  /** Rendered place ids, for tests and the list of what is on screen. */
  renderedPlaceIds(): string[] {
    return this.map.queryRenderedFeatures({ layers: [...PLACE_LAYERS] }).map((f: MapGeoJSONFeature) => String(f.properties.id));
  }

  /** High-contrast projector colours: darker land lines, stronger lanes, no pastel ocean, larger labels. */
  setHighContrast(on: boolean) {
    const m = this.map;
    for (const t of themeSettings(on)) {
      if (!m.getLayer(t.layer)) continue; // the detail layers, before the first zoom in
      // Names and values are those of the style (tests/unit/style.test.ts validates both themes against the spec).
      const set = (t.type === 'paint' ? m.setPaintProperty : m.setLayoutProperty).bind(m) as (layer: string, name: string, value: unknown) => void;
      set(t.layer, t.name, t.value);
    }
    this.highContrast = on;
  }
  highContrast = false;

  setLanguage(lang: Lang) {
    this.map.setLayoutProperty('place-labels', 'text-field', labelField(lang));
    if (this.map.getLayer(TOWN_LAYER)) this.map.setLayoutProperty(TOWN_LAYER, 'text-field', townField(lang));
    this.lang = lang;
  }
  lang: Lang;

  /** The map's canvas with the current frame drawn (the context keeps its drawing buffer). */
  snapshot(): HTMLCanvasElement {
    this.map.redraw();
    return this.map.getCanvas();
  }

  /** What an off-screen map needs to draw this view again (lib/map/offscreenMap): style as it is now, camera, size, places' state. */
  scene(): MapScene {
    const m = this.map, c = m.getCenter(), canvas = m.getCanvas();
    const placeStates: Record<string, Record<string, unknown>> = {};
    for (const p of this.dataset.places) placeStates[p.id] = { ...m.getFeatureState({ source: 'places', id: p.id }), hover: false };
    return {
      style: m.getStyle(),
      camera: { zoom: m.getZoom(), lat: c.lat, lon: c.lng },
      size: { width: canvas.clientWidth || m.getContainer().clientWidth, height: canvas.clientHeight || m.getContainer().clientHeight },
      placeStates,
      highContrast: this.highContrast,
      lang: this.lang,
    };
  }

  /** Follows the container's size; a no-op when it has not changed (a resize reallocates the GL drawing buffer). */
  resize() {
    const canvas = this.map.getCanvas(), box = this.map.getContainer();
    if (canvas.clientWidth !== box.clientWidth || canvas.clientHeight !== box.clientHeight) this.map.resize();
  }

  destroy() {
    this.map.remove();
  }

  /** The words of MapLibre's own controls in the interface's language (its locale keys: Map.Title, NavigationControl.ZoomIn…). */
  setUiWords(words: Record<string, string>) {
    const set = (el: Element | null | undefined, text: string | undefined) => {
      if (!el || !text) return;
      el.setAttribute('aria-label', text);
      if (el.hasAttribute('title')) el.setAttribute('title', text);
    };
    const box = this.map.getContainer();
    set(this.map.getCanvas(), words['Map.Title']);
    set(box.querySelector('.maplibregl-ctrl-zoom-in'), words['NavigationControl.ZoomIn']);
    set(box.querySelector('.maplibregl-ctrl-zoom-out'), words['NavigationControl.ZoomOut']);
    set(box.querySelector('.maplibregl-ctrl-attrib-button'), words['AttributionControl.ToggleAttribution']);
  }

  /** Calls `fn` once the style exists (feature-state can be set from then on). */
  onStyleLoad(fn: () => void) {
    if (this.map.isStyleLoaded()) fn();
    else this.map.once('style.load', fn);
  }

  /** A read-only view of what the map drew, for tests and the bench; it can change nothing. */
  inspector(): MapInspector {
    const m = this.map;
    return {
      renderedFeatures: (layers) =>
        m.queryRenderedFeatures({ layers: layers.filter((l) => m.getLayer(l)) }).map((f: MapGeoJSONFeature) => ({
          id: f.properties.id === undefined ? null : String(f.properties.id),
          layer: f.layer.id,
          properties: { ...f.properties },
          text: textOf(f.layer.layout?.['text-field' as keyof typeof f.layer.layout]),
        })),
      featureState: (id) => ({ ...m.getFeatureState({ source: 'places', id }) }),
      view: () => {
        const b = m.getBounds();
        return { zoom: m.getZoom(), lat: m.getCenter().lat, lon: m.getCenter().lng, bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] };
      },
      isMoving: () => m.isMoving(),
      scene: () => this.scene(),
      paint: (layer, name) => (m.getLayer(layer) ? m.getPaintProperty(layer, name as Parameters<MLMap['getPaintProperty']>[1]) : undefined),
      project: (lonLat) => {
        const p = m.project(lonLat);
        const r = m.getCanvas().getBoundingClientRect();
        return { x: r.left + p.x, y: r.top + p.y };
      },
      canvasSize: () => ({ width: m.getCanvas().width, height: m.getCanvas().height, cssWidth: m.getCanvas().clientWidth, cssHeight: m.getCanvas().clientHeight }),
      idle: () =>
        new Promise<void>((ok) => {
          m.once('idle', () => ok());
          m.triggerRepaint();
        }),
    };
  }
}

/**
 * Adds a town dot image the style asks for (style.townDotImage); other missing images are left to MapLibre's warning.
 * Called by MapLibre's missing-image resolver, which waits for it: an image added on its later `styleimagemissing`
 * event would be missing from the tiles that asked first.
 */
export function addTownDot(map: MLMap, id: string) {
  const image = townDotImage(id);
  if (image && !map.hasImage(id)) map.addImage(id, image, { pixelRatio: 2 });
}

/** What a rendered feature's label says: the text of a formatted text-field's sections, joined with "|". */
function textOf(field: unknown): string | undefined {
  const sections = (field as { sections?: { text: string }[] } | undefined)?.sections;
  return sections ? sections.map((s) => s.text).join('|') : typeof field === 'string' ? field : undefined;
}

export interface RenderedFeature {
  id: string | null;
  layer: string;
  properties: Record<string, unknown>;
  /** A label's text as drawn (formatted sections joined with "|"). */
  text?: string;
}

export interface MapInspector {
  renderedFeatures(layers: string[]): RenderedFeature[];
  featureState(id: string): Record<string, unknown>;
  view(): { zoom: number; lat: number; lon: number; bounds: [number, number, number, number] };
  isMoving(): boolean;
  /** The view as an off-screen map needs it to draw it again for an export (a copy: changing it changes nothing). */
  scene(): MapScene;
  paint(layer: string, name: string): unknown;
  /** A [lon, lat]'s position on the page in CSS px, for pointer actions. */
  project(lonLat: [number, number]): { x: number; y: number };
  canvasSize(): { width: number; height: number; cssWidth: number; cssHeight: number };
  /** Resolves when the map has finished drawing (a repaint is triggered so it always ends). */
  idle(): Promise<void>;
}
