// The floor for `npm run bench`: MapLibre alone with the atlas's overview basemap and the same map options,
// no dataset, no timeline. `?w=&h=` sizes the map like the atlas's map; `?basemap=world` takes basemap/world.json
// instead of basemap/overview.json (the file the atlas opens on at that size); ready on the first 'idle'.
import { Map as MLMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(new URL(workerUrl, document.baseURI).href);

// Same colours as src/lib/map/style.ts (copied, not imported: a shared module would change the app's chunks).
const OCEAN = '#dce9f2', LAND = '#f7f4ec', COAST = '#9fb6c8', BOUNDARY = '#9a8f80';

const q = new URLSearchParams(location.search);
const el = document.getElementById('map')!;
if (q.get('w')) el.style.width = `${Number(q.get('w'))}px`;
if (q.get('h')) el.style.height = `${Number(q.get('h'))}px`;
const basemap = /^[a-z-]+$/.test(q.get('basemap') ?? '') ? q.get('basemap') : 'overview';

performance.mark('atlas:map-create');
const map = new MLMap({
  container: el,
  style: {
    version: 8,
    sources: { overview: { type: 'geojson', data: new URL(`../basemap/${basemap}.json`, document.baseURI).href } },
    layers: [
      { id: 'ocean', type: 'background', paint: { 'background-color': OCEAN } },
      { id: 'land', type: 'fill', source: 'overview', maxzoom: 5.5, filter: ['==', ['get', 'k'], 'land'], paint: { 'fill-color': LAND } },
      { id: 'coast', type: 'line', source: 'overview', maxzoom: 5.5, filter: ['==', ['get', 'k'], 'coast'], paint: { 'line-color': COAST, 'line-width': 0.6 } },
      { id: 'boundary', type: 'line', source: 'overview', maxzoom: 5.5, filter: ['==', ['get', 'k'], 'boundary'], paint: { 'line-color': BOUNDARY, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.4, 5, 0.9] } },
      { id: 'boundary-disputed', type: 'line', source: 'overview', maxzoom: 5.5, filter: ['all', ['==', ['get', 'k'], 'boundary'], ['==', ['get', 'disputed'], true]], paint: { 'line-color': BOUNDARY, 'line-width': 0.9, 'line-dasharray': [3, 2] } },
    ],
  },
  bounds: [[44, -11], [146, 44]],
  fadeDuration: 0,
  attributionControl: false,
  renderWorldCopies: false,
  maxZoom: 10,
  minZoom: 1,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
(window as unknown as { __bare: unknown }).__bare = { map };
map.once('idle', () => {
  performance.mark('atlas:map-idle');
  document.documentElement.dataset.state = 'ready';
});
