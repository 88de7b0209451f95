// The single source of truth: map, timeline and panels read it and change it only through its named intents.
// Each intent checks its input against the dataset once; the URL reader, the embed bridge and the UI share them,
// so a bad id is refused in one place with one wording (lib/i18n/refusals).
import { getContext, setContext } from 'svelte';
import { hasRecord, recordEvents, recordPlaces, type Dataset, type EventRecord } from '../model/dataset';
import { DEFAULT_DATASET, isStatus, type Camera, type Lang, type LaneMode } from '../model/types';
import { DAY, parseIsoDay } from '../model/dates';
import { applyFilters } from '../model/filters';
import type { Refusal } from '../i18n/refusals';
import type { Messages } from '../i18n/en';

/** A notice's words: fixed text, or worded from the catalog shown when it is drawn (so it follows the language). */
export type NoticeText = string | ((m: Messages) => string);
import type { UrlState } from './urlCodec';

export type Selected =
  | { kind: 'event'; id: string }
  | { kind: 'place'; id: string }
  | { kind: 'initiative'; id: string };

/** Where a selection came from: the map does not fly to a place the user just clicked on it. */
export type SelectSource = 'map' | 'host' | 'url' | 'other';
/** A filter group by its URL name. */
export type FilterKey = 'themes' | 'status' | 'actors';
/** For each group: absent leaves it, `null` shows all, a list shows only those ids (`[]` shows none). */
export type FilterChange = Partial<Record<FilterKey, string[] | null>>;
/** A camera move the map adapter performs: to a view, or fitting a set of places. */
export type CameraRequest = { seq: number } & ({ camera: Camera } | { fit: string[] });

const FIELD: Record<FilterKey, 'themes' | 'statuses' | 'actors'> = { themes: 'themes', status: 'statuses', actors: 'actors' };

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
  notices = $state<NoticeText[]>([]);
  playing = $state(false);
  /** High-contrast projector theme (kept in localStorage, not the URL: it is about the room, not the view). */
  projector = $state(false);
  /** Playback speed in days per second. */
  speed = $state(30);
  selectSource = $state<SelectSource>('other');
  /** Lanes the user collapsed on the timeline. */
  collapsed = $state<string[]>([]);
  /** Story mode: the story id and the step shown (from 1), or null. */
  storyId = $state<string | null>(null);
  storyStep = $state(1);
  /** Story autoplay: on, and seconds per step. */
  storyAutoplay = $state(false);
  storyInterval = $state(8);
  /** Host origin allowed to drive an embed (`parent=`), if any. */
  parent = $state<string | undefined>(undefined);
  /** A camera move asked for by a story step, a host page or history; the map adapter performs it. */
  cameraRequest = $state<CameraRequest | null>(null);
  private cameraSeq = 0;

  constructor(dataset: Dataset) {
    this.dataset = dataset;
    this.time = Math.min(dataset.asOf, dataset.extent[1]);
  }

  story = $derived.by(() => (this.storyId ? (this.dataset.storyById.get(this.storyId) ?? null) : null));

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
  highlightedPlaces = $derived.by((): Set<string> => recordPlaces(this.dataset, this.selectedId));
  hoveredPlaces = $derived.by((): Set<string> => recordPlaces(this.dataset, this.hoveredId));
  /** Event ids to highlight on the timeline for the selection or hover (a place's events, an initiative's milestones). */
  highlightedEvents = $derived.by((): Set<string> => recordEvents(this.dataset, this.selectedId));
  hoveredEvents = $derived.by((): Set<string> => recordEvents(this.dataset, this.hoveredId));

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

  /** The first and last day the playhead may take: whole years around the dataset's records. */
  get timeBounds(): [number, number] {
    const [lo, hi] = this.dataset.extent;
    return [yearStart(new Date(lo).getUTCFullYear()), yearStart(new Date(hi).getUTCFullYear() + 1) - DAY];
  }

  // ---- intents ----------------------------------------------------------------------------------------

  /** Moves the playhead to a day (rounded, clamped to the time bounds). */
  setTime(ms: number) {
    if (!Number.isFinite(ms)) return;
    const [lo, hi] = this.timeBounds;
    this.time = Math.min(hi, Math.max(lo, Math.round(ms / DAY) * DAY));
  }

  /** Brushes a range of days (ordered, snapped to days); null clears it. */
  setRange(range: [number, number] | null): Refusal | null {
    if (!range) {
      this.range = null;
      return null;
    }
    const [a, b] = range;
    if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) return { kind: 'bad-range' };
    this.range = [Math.floor(a / DAY) * DAY, Math.floor(b / DAY) * DAY];
    return null;
  }

  /** Selects an event, place or initiative by id (null clears); an id the dataset lacks is refused. */
  select(id: string | null, source: SelectSource = 'other'): Refusal | null {
    if (id !== null && !hasRecord(this.dataset, id)) return { kind: 'unknown-record', id };
    this.selectSource = source;
    this.selectedId = id;
    return null;
  }

  /** Hover or focus from a view, for linking the map and the timeline. Unknown ids are simply not linked. */
  hover(id: string | null) {
    this.hoveredId = id !== null && hasRecord(this.dataset, id) ? id : null;
  }

  /** The ids in a filter list that the dataset has no theme, status or actor for. */
  unknownIds(key: FilterKey, ids: string[]): string[] {
    const d = this.dataset;
    const known = (id: string) => (key === 'themes' ? d.themeById.has(id) : key === 'actors' ? d.actorById.has(id) : isStatus(id));
    return ids.filter((id) => !known(id));
  }

  /** Changes filter groups together; nothing changes if any list names an id the dataset lacks. */
  setFilters(change: FilterChange): Refusal | null {
    for (const key of ['themes', 'status', 'actors'] as const) {
      const ids = change[key];
      const unknown = ids ? this.unknownIds(key, ids) : [];
      if (unknown.length) return { kind: 'unknown-ids', key, ids: unknown };
    }
    for (const key of ['themes', 'status', 'actors'] as const) {
      const ids = change[key];
      if (ids !== undefined) this[FIELD[key]] = ids === null ? null : [...new Set(ids)];
    }
    return null;
  }

  /** Ticks or unticks one value of a group; every value ticked means all (null), none ticked means none ([]). */
  toggleFilter(key: FilterKey, id: string, all: string[]) {
    const cur = this[FIELD[key]] ?? all;
    const next = cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id];
    this.setFilters({ [key]: all.every((x) => next.includes(x)) ? null : next });
  }

  clearFilters() {
    this.themes = null;
    this.statuses = null;
    this.actors = null;
  }

  setLanes(mode: LaneMode) {
    this.lanes = mode;
  }

  toggleLane(id: string) {
    this.collapsed = this.collapsed.includes(id) ? this.collapsed.filter((c) => c !== id) : [...this.collapsed, id];
  }

  /** Records where the user has moved the map (no camera request: the map is already there). */
  noteCamera(c: Camera) {
    const cur = this.camera;
    if (!cur || Math.abs(cur.zoom - c.zoom) > 1e-3 || Math.abs(cur.lat - c.lat) > 1e-4 || Math.abs(cur.lon - c.lon) > 1e-4) this.camera = c;
  }

  /** Asks the map to move to a view. */
  requestCamera(camera: Camera) {
    this.camera = camera;
    this.cameraRequest = { camera, seq: ++this.cameraSeq };
  }

  /** Starts playback; from the end of the record it starts again at the beginning. */
  play() {
    if (this.time >= this.timeBounds[1]) this.setTime(this.timeBounds[0]);
    this.playing = true;
  }

  pause() {
    this.playing = false;
  }

  togglePlay() {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Playback speed in days per second. */
  setSpeed(daysPerSecond: number) {
    if (Number.isFinite(daysPerSecond) && daysPerSecond > 0) this.speed = daysPerSecond;
  }

  /** Enters a story at a step, applying its view (or fitting its selection), time or range, and selection. */
  goToStep(storyId: string, step: number): Refusal | null {
    const story = this.dataset.storyById.get(storyId);
    if (!story) return { kind: 'unknown-story', story: storyId };
    if (!Number.isFinite(step) || step > story.steps.length) return { kind: 'no-such-step', story: storyId, steps: story.steps.length, step };
    const n = Math.min(Math.max(1, Math.round(step)), story.steps.length);
    const st = story.steps[n - 1];
    this.storyId = storyId;
    this.storyStep = n;
    this.playing = false;
    const day = (s: string) => parseIsoDay(s) ?? this.time;
    if (st.range) {
      this.setRange([day(st.range[0]), day(st.range[1])]);
      this.setTime(day(st.range[1]));
    } else this.range = null;
    if (st.time) this.setTime(day(st.time));
    const sel = st.select ?? null;
    this.select(sel !== null && hasRecord(this.dataset, sel) ? sel : null);
    const view = (st as { view?: { center: [number, number]; zoom: number } }).view;
    if (view) this.requestCamera({ zoom: view.zoom, lat: view.center[1], lon: view.center[0] });
    else {
      // No view: frame what the step speaks of; a step about something without a place leaves the camera alone.
      const places = [...this.highlightedPlaces];
      if (places.length) this.cameraRequest = { fit: places, seq: ++this.cameraSeq };
    }
    return null;
  }

  /** Moves within the current story; past the last step autoplay stops. */
  stepBy(delta: number) {
    const story = this.story;
    if (!story) return;
    const n = this.storyStep + delta;
    if (n >= 1 && n <= story.steps.length) this.goToStep(story.id, n);
    else if (n > story.steps.length) this.storyAutoplay = false;
  }

  setStoryAutoplay(on: boolean, intervalSeconds = this.storyInterval) {
    this.storyAutoplay = on;
    if (Number.isFinite(intervalSeconds) && intervalSeconds > 0) this.storyInterval = intervalSeconds;
  }

  exitStory() {
    this.storyId = null;
    this.storyStep = 1;
    this.storyAutoplay = false;
  }

  setLanguage(lang: Lang) {
    this.lang = lang;
  }

  setProjector(on: boolean) {
    this.projector = on;
  }

  /** Shows a notice in the role="status" bar until it is dismissed. */
  notify(text: NoticeText) {
    this.notices = [...this.notices, text];
  }

  dismissNotice(index: number) {
    this.notices = this.notices.filter((_, j) => j !== index);
  }

  /** Escape: story mode first, then the selection. True if it closed something. */
  closeTopmost(): boolean {
    if (this.storyId) this.exitStory();
    else if (this.selectedId) this.select(null);
    else return false;
    return true;
  }

  /** Applies URL values through the intents; returns the names of parameters refused (ids the dataset lacks). */
  applyUrl(s: UrlState): string[] {
    const ignored: string[] = [];
    if (s.embed) this.embed = true;
    if (s.parent) this.parent = s.parent;
    if (s.t !== undefined) this.setTime(s.t);
    if (s.range && this.setRange(s.range)) ignored.push('range');
    // A URL that also names a camera keeps it: restoring a view must not fly to the selection.
    if (s.sel !== undefined && this.select(s.sel, s.map ? 'url' : 'other')) ignored.push('sel');
    // A filter list naming an id the dataset lacks (a typo in a shared link) is dropped with a notice: kept, it would
    // show an empty atlas with no word why. An empty list (`themes=`) means none, as the URL contract says.
    for (const key of ['themes', 'status', 'actors'] as const) {
      const ids = s[key];
      if (ids && this.setFilters({ [key]: ids })) ignored.push(key);
    }
    if (s.lanes) this.setLanes(s.lanes);
    if (s.map) this.camera = s.map;
    if (s.lang) this.setLanguage(s.lang);
    if (s.story) {
      // A step past the story's end shows its last step (the link still tells the story) with the notice.
      const story = this.dataset.storyById.get(s.story);
      const want = s.step ?? 1;
      if (!story) ignored.push('story');
      else if (!this.goToStep(s.story, Math.min(want, story.steps.length)) && want > story.steps.length) ignored.push('step');
    }
    return ignored;
  }

  /** Back/Forward: the state becomes what the URL says, from the defaults for what it does not say. */
  restoreUrl(s: UrlState) {
    this.select(null);
    this.exitStory();
    this.range = null;
    this.clearFilters();
    this.applyUrl(s);
    if (s.map && !s.story) this.requestCamera(s.map);
  }

  toUrl(): UrlState {
    return {
      dataset: this.dataset.name === DEFAULT_DATASET ? undefined : this.dataset.name,
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

/** 1 January of a year, for any year (Date.UTC would read years 0–99 as 1900–1999). */
function yearStart(year: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, 0, 1);
  return d.getTime();
}

const KEY = Symbol('atlas-state');
export const provideAtlasState = (s: AtlasState) => setContext(KEY, s);
export const useAtlasState = () => getContext<AtlasState>(KEY);
