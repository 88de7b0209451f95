// What the views lend to exports: the map's picture and the timeline's drawing, as functions the views register.
// Exports call these; they never read another component's DOM or reach into the map.
import { getContext, setContext } from 'svelte';
import type { MapInspector } from '../map/AtlasMap';

export interface ViewDrawings {
  /** The map's current picture at a pixel ratio (1 = as on screen); null until the map has started. */
  map: ((pixelRatio?: number) => HTMLCanvasElement) | null;
  /** The timeline (axis above lanes) as standalone SVG markup with its size; null until the timeline is drawn. */
  timeline: (() => { svg: string; width: number; height: number }) | null;
  /**
   * A read-only view of what the map drew, for the test handle, and the scene (`mapInspector.scene()`) that image and
   * video exports draw again with an off-screen map at their own size (lib/map/offscreenMap); null until the map has started.
   */
  mapInspector: MapInspector | null;
}

export function createViewDrawings(): ViewDrawings {
  return { map: null, timeline: null, mapInspector: null };
}

const KEY = Symbol('view-drawings');
export const provideViewDrawings = (v: ViewDrawings) => setContext(KEY, v);
export const useViewDrawings = () => getContext<ViewDrawings>(KEY);
