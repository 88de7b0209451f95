// The single source of truth: map, timeline and panels read it and write intents to it.
import { getContext, setContext } from 'svelte';
import { hasRecord, type Dataset, type EventRecord } from '../model/dataset';
import { STATUSES, type Camera, type Lang, type LaneMode, type UrlState } from './urlCodec';
import { DAY, parseIsoDay } from '../model/dates';
import { applyFilters } from '../model/filters';

export type Selected =
  | { kind: 'event'; id: string }
  | { kind: 'place'; id: string }
  | { kind: 'initiative'; id: string };

export class AtlasState {
  readonly dataset: Dataset;
  time = $state(0);
  range = $state<[number, number] | null>(null);
  selectedId = $state<string | null>(null);
  /** Transient hover/focus from map or timeline, for linking; never in the URL. */
  hoveredId = $state<string | null>(null);
  themes = $state<string[] | null>(null);
  statuses = $state<string[] | null>(null);
  actors = $state<string[] | null>(null);
  lanes = $state<LaneMode>('theme');
  camera = $state<Camera | null>(null);
  lang = $state<Lang>('en');
  embed = $state(false);
  /** Notices shown in role="status" (ignored URL parameters and the like). */
  notices = $state<string[]>([]);
  playing = $state(false);
  /** High-contrast projector theme (kept in localStorage, not the URL: it is about the room, not the view). */
  projector = $state(false);
  /** Playback speed in days per second. */
  speed = $state(30);
  /** Where the last selection came from: the map does not fly to a place the user just clicked on it. */
  selectSource = $state<'map' | 'host' | 'url' | 'other'>('other');
  /** Lanes the user collapsed on the timeline. */
  collapsed = $state<string[]>([]);
  /** Story mode: the story id and the step shown (from 1), or null. */
  storyId = $state<string | null>(null);
  storyStep = $state(1);
  /** Host origin allowed to drive an embed (`parent=`), if any. */
  parent = $state<string | undefined>(undefined);
  /** A camera move asked for by a story step, a host page or history; the map adapter performs it. */
  cameraRequest = $state<{ camera: Camera; seq: number } | null>(null);
  private cameraSeq = 0;
  /** Set by the map view: the map's current picture, for exports (not reactive state). */
  mapSnapshot: (() => HTMLCanvasElement) | null = null;

  story = $derived.by(() => (this.storyId ? (this.dataset.storyById.get(this.storyId) ?? null) : null));

  /** Shows a notice in the role="status" bar until it is dismissed. */
  notify(text: string) {
    this.notices = [...this.notices, text];
  }

  requestCamera(camera: Camera) {
    this.camera = camera;
    this.cameraRequest = { camera, seq: ++this.cameraSeq };
  }

  /** Enters a story at a step (clamped), applying the step's view, time or range, and selection. */
  goToStep(storyId: string, step: number): boolean {
    const story = this.dataset.storyById.get(storyId);
    if (!story) return false;
    const n = Math.min(Math.max(1, Math.round(step)), story.steps.length);
    const st = story.steps[n - 1];
    this.storyId = storyId;
    this.storyStep = n;
    this.playing = false;
    this.requestCamera({ zoom: st.view.zoom, lat: st.view.center[1], lon: st.view.center[0] });
    const day = (s: string) => parseIsoDay(s) ?? this.time;
    if (st.range) {
      this.range = [day(st.range[0]), day(st.range[1])];
      this.setTime(day(st.range[1]));
    } else this.range = null;
    if (st.time) this.setTime(day(st.time));
    this.select(st.select ?? null);
    return true;
  }

  exitStory() {
    this.storyId = null;
    this.storyStep = 1;
  }

  constructor(dataset: Dataset) {
    this.dataset = dataset;
    this.time = Math.min(dataset.asOf, dataset.extent[1]);
  }

  selected = $derived.by((): Selected | null => {
    const id = this.selectedId;
    if (!id) return null;
    const d = this.dataset;
    if (d.eventById.has(id)) return { kind: 'event', id };
    if (d.placeById.has(id)) return { kind: 'place', id };
    if (d.initiativeById.has(id)) return { kind: 'initiative', id };
    return null;
  });

  /** Events that pass the filters and the brushed range. */
  visibleEvents = $derived.by((): EventRecord[] =>
    applyFilters(this.dataset.events, { themes: this.themes, statuses: this.statuses, actors: this.actors, range: this.range }),
  );

  /** Place ids to highlight on the map for the selection or hover. */
  highlightedPlaces = $derived.by((): Set<string> => placesOf(this.dataset, this.selectedId));
  hoveredPlaces = $derived.by((): Set<string> => placesOf(this.dataset, this.hoveredId));
  /** Event ids to highlight on the timeline for the selection or hover (a place's events, an initiative's milestones). */
  highlightedEvents = $derived.by((): Set<string> => eventsOf(this.dataset, this.selectedId));
  hoveredEvents = $derived.by((): Set<string> => eventsOf(this.dataset, this.hoveredId));

  select(id: string | null, source: 'map' | 'host' | 'url' | 'other' = 'other') {
    this.selectSource = source;
    this.selectedId = id;
  }

  /** Place ids that have a visible event (or are part of a line that has one); others are faded on the map. */
  visiblePlaces = $derived.by((): Set<string> => {
    const out = new Set<string>();
    for (const e of this.visibleEvents) {
      for (const p of e.places) {
        out.add(p);
        for (const parent of this.dataset.placeById.get(p)?.partOf ?? []) out.add(parent);
      }
    }
    return out;
  });

  /** True while any filter or range narrows the events. */
  get filtered(): boolean {
    return Boolean(this.themes || this.statuses || this.actors || this.range);
  }

  clearFilters() {
    this.themes = null;
    this.statuses = null;
    this.actors = null;
  }

  setTime(ms: number) {
    const [lo, hi] = this.timeBounds;
    this.time = Math.min(hi, Math.max(lo, Math.round(ms / DAY) * DAY));
  }

  get timeBounds(): [number, number] {
    const [lo, hi] = this.dataset.extent;
    const yearStart = (ms: number) => Date.UTC(new Date(ms).getUTCFullYear(), 0, 1);
    return [yearStart(lo), Date.UTC(new Date(hi).getUTCFullYear() + 1, 0, 1) - DAY];
  }

  /** Applies URL values; unknown ids become notices and are left at defaults. */
  applyUrl(s: UrlState): string[] {
    const ignored: string[] = [];
    if (s.t !== undefined) this.setTime(s.t);
    if (s.range) this.range = s.range;
    if (s.sel !== undefined) {
      // A URL that also names a camera keeps it: restoring a view must not fly to the selection.
      if (hasRecord(this.dataset, s.sel)) this.select(s.sel, s.map ? 'url' : 'other');
      else ignored.push('sel');
    }
    // A filter list naming an id the dataset lacks (a typo in a shared link), or none at all, is dropped with a notice:
    // kept, it would show an empty atlas with no word why.
    for (const [key, field] of [['themes', 'themes'], ['status', 'statuses'], ['actors', 'actors']] as const) {
      const ids = s[key];
      if (!ids) continue;
      if (ids.length && !this.unknownIds(key, ids).length) this[field] = ids;
      else ignored.push(key);
    }
    if (s.lanes) this.lanes = s.lanes;
    if (s.map) this.camera = s.map;
    if (s.lang) this.lang = s.lang;
    if (s.embed) this.embed = true;
    if (s.parent) this.parent = s.parent;
    if (s.story) {
      if (!this.goToStep(s.story, s.step ?? 1)) ignored.push('story');
      else if (s.step && this.storyStep !== s.step) ignored.push('step');
    }
    return ignored;
  }

  /** The ids in a filter list that the dataset has no theme, status or actor for. */
  unknownIds(key: 'themes' | 'status' | 'actors', ids: string[]): string[] {
    const d = this.dataset;
    const known = (id: string) => (key === 'themes' ? d.themeById.has(id) : key === 'actors' ? d.actorById.has(id) : (STATUSES as readonly string[]).includes(id));
    return ids.filter((id) => !known(id));
  }

  toUrl(): UrlState {
    return {
      dataset: this.dataset.name === 'india-japan' ? undefined : this.dataset.name,
      t: this.time,
      range: this.range ?? undefined,
      sel: this.selectedId ?? undefined,
      themes: this.themes ?? undefined,
      status: this.statuses ?? undefined,
      actors: this.actors ?? undefined,
      lanes: this.lanes === 'theme' ? undefined : this.lanes,
      map: this.camera ?? undefined,
      lang: this.lang === 'en' ? undefined : this.lang,
      story: this.storyId ?? undefined,
      step: this.storyId ? this.storyStep : undefined,
      embed: this.embed || undefined,
      parent: this.parent,
    };
  }
}

function placesOf(d: Dataset, id: string | null): Set<string> {
  if (!id) return new Set();
  const e = d.eventById.get(id);
  if (e) return new Set(e.places);
  if (d.placeById.has(id)) return new Set([id]);
  const i = d.initiativeById.get(id);
  if (i) return new Set([...i.places, ...i.milestones.flatMap((m) => d.eventById.get(m)?.places ?? [])]);
  return new Set();
}

function eventsOf(d: Dataset, id: string | null): Set<string> {
  if (!id) return new Set();
  if (d.eventById.has(id)) return new Set([id]);
  if (d.placeById.has(id)) return new Set((d.eventsByPlace.get(id) ?? []).map((e) => e.id));
  const i = d.initiativeById.get(id);
  if (i) return new Set([...i.milestones, ...d.events.filter((e) => e.initiatives.includes(id)).map((e) => e.id)]);
  return new Set();
}

const KEY = Symbol('atlas-state');
export const provideAtlasState = (s: AtlasState) => setContext(KEY, s);
export const useAtlasState = () => getContext<AtlasState>(KEY);
