// The indexed, immutable dataset the app reads: dates parsed once into numbers, records by id, events by place.
import { intervalSpan, parseDate, parseIsoDay, type DateSpan } from './dates';
import type { Actor, AtlasEvent, Initiative, Meta, Place, Source, Story, Theme } from './schema';
import type { RawCollections } from './datasetFiles';

/** How a record is drawn and worded, derived from its status, its dates and the dataset's asOf. */
export type DisplayStatus = 'happened' | 'planned' | 'overdue' | 'cancelled';

export interface EventRecord extends AtlasEvent {
  span: DateSpan;
  display: DisplayStatus;
}
export interface InitiativeRecord extends Initiative {
  span: DateSpan;
}
export interface SourceRecord extends Source {
  /** Undefined where the source carries no date. */
  span?: DateSpan;
}

export interface Dataset {
  name: string;
  meta: Meta;
  asOf: number;
  /** Sorted by earliest instant, then id. */
  events: EventRecord[];
  places: Place[];
  initiatives: InitiativeRecord[];
  themes: Theme[];
  actors: Actor[];
  sources: SourceRecord[];
  stories: Story[];
  eventById: Map<string, EventRecord>;
  placeById: Map<string, Place>;
  initiativeById: Map<string, InitiativeRecord>;
  themeById: Map<string, Theme>;
  actorById: Map<string, Actor>;
  sourceById: Map<string, SourceRecord>;
  storyById: Map<string, Story>;
  /** Events that name a place, directly or through a line it is part of, in date order. */
  eventsByPlace: Map<string, EventRecord[]>;
  /** [earliest, latest] finite instant over all events and initiatives. */
  extent: [number, number];
}

/** A planned item whose latest instant is before asOf and that no source reports as held is "overdue". */
export function displayStatus(status: AtlasEvent['status'], span: DateSpan, asOf: number): DisplayStatus {
  if (status === 'planned' && span.max < asOf) return 'overdue';
  return status;
}

/** Ids are ASCII: plain code-point order, stable everywhere (localeCompare would also start an ICU collator). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether an event, place or initiative has this id (ids are unique across the three; `sel=` names one). */
export function hasRecord(d: Dataset, id: string): boolean {
  return d.eventById.has(id) || d.placeById.has(id) || d.initiativeById.has(id);
}

function byId<T extends { id: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((r) => [r.id, r]));
}

export function buildDataset(name: string, raw: RawCollections): Dataset {
  const asOf = parseIsoDay(raw.meta.asOf)!;
  const events: EventRecord[] = raw.events
    .map((e) => {
      const span = parseDate(e.date);
      return { ...e, span, display: displayStatus(e.status, span, asOf) };
    })
    .sort((a, b) => a.span.min - b.span.min || byCodePoint(a.id, b.id));
  const initiatives: InitiativeRecord[] = raw.initiatives.map((i) => {
    const start = parseDate(i.start);
    const end = i.end ? parseDate(i.end) : undefined;
    const span = intervalSpan(`${i.start}/${i.end ?? '..'}`, start, end);
    return { ...i, span };
  });
  // Parsed here with every other date, so that a form outside parseDate's fast path loads the full parser (loadDataset).
  const sources: SourceRecord[] = raw.sources.map((s) => ({ ...s, span: s.date ? parseDate(s.date) : undefined }));
  const placeById = byId(raw.places);
  const eventsByPlace = new Map<string, EventRecord[]>();
  const add = (placeId: string, e: EventRecord) => {
    const list = eventsByPlace.get(placeId) ?? [];
    if (!list.includes(e)) list.push(e);
    eventsByPlace.set(placeId, list);
  };
  for (const e of events) {
    for (const p of e.places) {
      add(p, e);
      for (const parent of placeById.get(p)?.partOf ?? []) add(parent, e);
    }
  }
  let lo = Infinity, hi = -Infinity;
  for (const s of [...events.map((e) => e.span), ...initiatives.map((i) => i.span)]) {
    lo = Math.min(lo, s.min);
    hi = Math.max(hi, Number.isFinite(s.max) ? s.max : s.min);
  }
  if (!Number.isFinite(lo)) [lo, hi] = [asOf - 365 * 86_400_000, asOf];
  return {
    name, meta: raw.meta, asOf, events, places: raw.places, initiatives, themes: raw.themes, actors: raw.actors,
    sources, stories: raw.stories,
    eventById: byId(events), placeById, initiativeById: byId(initiatives), themeById: byId(raw.themes),
    actorById: byId(raw.actors), sourceById: byId(sources), storyById: byId(raw.stories), eventsByPlace, extent: [lo, Math.max(hi, asOf)],
  };
}

/** The places a record is drawn at (an event's places, a place, an initiative's places and its milestones'). */
export function recordPlaces(d: Dataset, id: string | null): Set<string> {
  if (!id) return new Set();
  const e = d.eventById.get(id);
  if (e) return new Set(e.places);
  if (d.placeById.has(id)) return new Set([id]);
  const i = d.initiativeById.get(id);
  if (i) return new Set([...i.places, ...i.milestones.flatMap((m) => d.eventById.get(m)?.places ?? [])]);
  return new Set();
}

/** The events a record highlights on the timeline (an event, a place's events, an initiative's milestones and events). */
export function recordEvents(d: Dataset, id: string | null): Set<string> {
  if (!id) return new Set();
  if (d.eventById.has(id)) return new Set([id]);
  if (d.placeById.has(id)) return new Set((d.eventsByPlace.get(id) ?? []).map((e) => e.id));
  const i = d.initiativeById.get(id);
  if (i) return new Set([...i.milestones, ...d.events.filter((e) => e.initiatives.includes(id)).map((e) => e.id)]);
  return new Set();
}
