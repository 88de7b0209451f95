// A second MapLibre map, off screen, that draws the atlas's view again for an export: at the export's own size and
// pixel ratio (a sharp 2× image, not the screen's canvas scaled up), and frame by frame for a video. It starts from
// the on-screen map's scene (AtlasMap.scene: style as it is now, camera, places' feature-state), keeps its drawing
// buffer so the picture can be read after a render, and is removed when the export is done.
import { Map as MLMap, LngLatBounds, type StyleSpecification } from 'maplibre-gl';
// AtlasMap's module sets MapLibre's worker URL; importing it here keeps that true when this chunk loads first.
import { addTownDot } from './AtlasMap';
import type { Camera, Lang } from '../model/types';
import { withDetail } from './style';

/** What an off-screen map needs to draw the screen's view again (AtlasMap.scene). */
export interface MapScene {
  /** The style as the on-screen map has it now: language, projector theme, detail layers, labels. */
  style: StyleSpecification;
  camera: Camera;
  /** The on-screen map's size in CSS px, so that an export shows what the screen shows. */
  size: { width: number; height: number };
  /** Feature-state of the places (phase, selection, filtered out) by place id. */
  placeStates: Record<string, Record<string, unknown>>;
  highContrast: boolean;
  /** The labels' language (for the towns, when the screen has not drawn them yet). Default English. */
  lang?: Lang;
}

export interface OffscreenOptions {
  /** The map's box in CSS px; the canvas is this times `pixelRatio`. */
  width: number;
  height: number;
  pixelRatio: number;
  camera: Camera;
}

/** MapLibre refuses canvases beyond this (its default maxCanvasSize); a box × pixel ratio must fit. */
export const MAX_CANVAS = 4096;

export class OffscreenMap {
  private states = new Map<string, Record<string, unknown>>();

  private constructor(
    private readonly map: MLMap,
    private readonly host: HTMLElement,
  ) {}

  /** Starts the map for `scene` and resolves once its first view is fully drawn. */
  static async open(scene: MapScene, o: OffscreenOptions): Promise<OffscreenMap> {
    if (o.width * o.pixelRatio > MAX_CANVAS || o.height * o.pixelRatio > MAX_CANVAS) throw new Error(`a map of ${o.width}×${o.height} at ${o.pixelRatio}× is larger than a canvas may be`);
    // In the page (MapLibre measures its container) but out of sight, out of the accessibility tree and of the
    // tab order: the one "Map" region stays the on-screen map's.
    const host = document.createElement('div');
    host.setAttribute('aria-hidden', 'true');
    host.inert = true;
    host.style.cssText = `position:fixed;left:-${o.width + 10_000}px;top:0;width:${o.width}px;height:${o.height}px;pointer-events:none;overflow:hidden;`;
    document.body.append(host);
    // An export or a video may be drawn closer in than the screen has been: the finer basemap and the towns too.
    const style = withDetail(structuredClone(scene.style), { highContrast: scene.highContrast, lang: scene.lang, base: document.baseURI });
    let map: MLMap;
    try {
      map = new MLMap({
        container: host,
        style,
        center: [o.camera.lon, o.camera.lat],
        zoom: o.camera.zoom,
        pixelRatio: o.pixelRatio,
        interactive: false,
        attributionControl: false,
        fadeDuration: 0,
        renderWorldCopies: false,
        maxZoom: 10,
        minZoom: 0,
        canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      });
      map.setMissingStyleImageResolver((id) => addTownDot(map, id));
    } catch (err) {
      host.remove();
      throw err;
    }
    const m = new OffscreenMap(map, host);
    try {
      await new Promise<void>((ok, fail) => {
        map.once('load', () => ok());
        map.once('error', (e) => fail(e.error ?? new Error('the map could not be drawn in this browser')));
      });
      m.setPlaceStates(scene.placeStates);
      await m.idle();
    } catch (err) {
      m.remove();
      throw err;
    }
    return m;
  }

  /** Sets the places' feature-state, touching only the values that differ from what was set before. */
  setPlaceStates(states: Record<string, Record<string, unknown>> | Map<string, Record<string, unknown>>) {
    const entries = states instanceof Map ? states.entries() : Object.entries(states);
    for (const [id, next] of entries) {
      const prev = this.states.get(id);
      const changed: Record<string, unknown> = {};
      let any = false;
      for (const [k, v] of Object.entries(next)) {
        if (prev?.[k] !== v) {
          changed[k] = v;
          any = true;
        }
      }
      if (!any) continue;
      this.map.setFeatureState({ source: 'places', id }, changed);
      this.dirty = true;
      this.states.set(id, { ...prev, ...next });
    }
  }

  /** The camera that frames these coordinates in this map's box (as AtlasMap.showPlaces frames a selection). */
  cameraFor(coords: [number, number][], maxZoom: number): Camera | null {
    if (!coords.length) return null;
    const b = new LngLatBounds();
    for (const c of coords) b.extend(c);
    const c = this.map.cameraForBounds(b, { padding: 80, maxZoom });
    if (!c?.center) return null;
    const center = c.center as { lng: number; lat: number };
    return { zoom: c.zoom ?? this.map.getZoom(), lat: center.lat, lon: center.lng };
  }

  /**
   * Moves to `camera` (when given), waits until everything is drawn, and returns the map's canvas, `fresh` when it was
   * drawn again. When neither the camera nor any feature-state changed since the last draw, the canvas already holds
   * the picture (its drawing buffer is kept): a video's still frames cost nothing here.
   */
  async draw(camera?: Camera): Promise<{ canvas: HTMLCanvasElement; fresh: boolean }> {
    if (camera && (camera.lon !== this.camera?.lon || camera.lat !== this.camera?.lat || camera.zoom !== this.camera?.zoom)) {
      this.map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
      this.camera = { ...camera };
      this.dirty = true;
    }
    const fresh = this.dirty;
    if (fresh) await this.idle();
    this.dirty = false;
    return { canvas: this.map.getCanvas(), fresh };
  }
  private camera: Camera | null = null;
  private dirty = true;

  /** A copy of the current picture on a 2D canvas in memory, which outlives the map. */
  copy(): HTMLCanvasElement {
    return copyCanvas(this.map.getCanvas());
  }

  private idle(): Promise<void> {
    return new Promise<void>((ok) => {
      this.map.once('idle', () => ok());
      this.map.triggerRepaint();
    });
  }

  remove() {
    this.map.remove();
    this.host.remove();
  }
}

/** Draws a scene once at a box and pixel ratio and returns the picture (the off-screen map is removed). */
export async function drawScene(scene: MapScene, o: OffscreenOptions): Promise<HTMLCanvasElement> {
  const m = await OffscreenMap.open(scene, o);
  try {
    return m.copy();
  } finally {
    m.remove();
  }
}

/**
 * A copy of a canvas on a 2D canvas kept in memory (read back from the GPU once, here): drawing it again, or handing
 * it to a video encoder, then costs no GPU round trip, which with SwiftShader costs more than encoding the frame.
 */
export function copyCanvas(src: HTMLCanvasElement, into?: HTMLCanvasElement): HTMLCanvasElement {
  const c = into ?? document.createElement('canvas');
  if (c.width !== src.width || c.height !== src.height) {
    c.width = src.width;
    c.height = src.height;
  }
  const g = c.getContext('2d', { willReadFrequently: true })!;
  g.clearRect(0, 0, c.width, c.height);
  g.drawImage(src, 0, 0);
  // Read the pixels back now and write them as plain pixels: a canvas drawn from a WebGL one otherwise keeps a
  // GPU snapshot, and every later drawImage of it reads the GPU again.
  g.putImageData(g.getImageData(0, 0, c.width, c.height), 0, 0);
  return c;
}
