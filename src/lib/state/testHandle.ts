// The one read-only handle that browser tests and the bench read (`window.__atlas`): the state as plain values and
// what the map drew. It changes nothing; tests change the atlas as a user does, or through the postMessage API.
import type { AtlasState } from './AtlasState.svelte';
import type { ViewDrawings } from './viewDrawings';
import type { MapInspector } from '../map/AtlasMap';

export interface AtlasStateView {
  time: number;
  timeBounds: [number, number];
  range: [number, number] | null;
  selectedId: string | null;
  themes: string[] | null;
  statuses: string[] | null;
  actors: string[] | null;
  lanes: string;
  lang: string;
  camera: { zoom: number; lat: number; lon: number } | null;
  storyId: string | null;
  storyStep: number;
  embed: boolean;
  playing: boolean;
  eventCount: number;
  visible: { id: string; places: string[] }[];
}

export interface TestHandle {
  readonly state: AtlasStateView;
  readonly map: MapInspector | null;
}

const copy = <T>(v: T[] | null): T[] | null => (v ? [...v] : null);

export function testHandle(atlas: AtlasState, drawings: ViewDrawings): TestHandle {
  return Object.freeze({
    get state(): AtlasStateView {
      return {
        time: atlas.time,
        timeBounds: atlas.timeBounds,
        range: copy(atlas.range) as [number, number] | null,
        selectedId: atlas.selectedId,
        themes: copy(atlas.themes),
        statuses: copy(atlas.statuses),
        actors: copy(atlas.actors),
        lanes: atlas.lanes,
        lang: atlas.lang,
        camera: atlas.camera ? { ...atlas.camera } : null,
        storyId: atlas.storyId,
        storyStep: atlas.storyStep,
        embed: atlas.embed,
        playing: atlas.playing,
        eventCount: atlas.dataset.events.length,
        visible: atlas.visibleEvents.map((e) => ({ id: e.id, places: [...e.places] })),
      };
    },
    get map() {
      return drawings.mapInspector;
    },
  });
}
