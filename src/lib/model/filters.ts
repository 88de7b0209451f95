// Which events pass the filters and the brushed range, and the facet counts shown beside each filter.
import type { EventRecord } from './dataset';

export interface Filters {
  themes: string[] | null;
  statuses: string[] | null;
  actors: string[] | null;
  /** Inclusive days, UTC ms of each day's start. */
  range: [number, number] | null;
}

const DAY = 86_400_000;
type Facet = 'themes' | 'statuses' | 'actors';

function passes(e: EventRecord, f: Filters, skip?: Facet): boolean {
  return (
    (skip === 'themes' || !f.themes || e.themes.some((t) => f.themes!.includes(t))) &&
    (skip === 'statuses' || !f.statuses || f.statuses.includes(e.status)) &&
    (skip === 'actors' || !f.actors || e.actors.some((a) => f.actors!.includes(a))) &&
    (!f.range || (e.span.min < f.range[1] + DAY && e.span.max >= f.range[0]))
  );
}

export function applyFilters(events: EventRecord[], f: Filters): EventRecord[] {
  return events.filter((e) => passes(e, f));
}

/** For each facet value, how many events would show if it were ticked, given the other facets. */
export function facetCounts(events: EventRecord[], f: Filters): Record<Facet, Map<string, number>> {
  const out = { themes: new Map<string, number>(), statuses: new Map<string, number>(), actors: new Map<string, number>() };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const e of events) {
    if (passes(e, f, 'themes')) e.themes.forEach((t) => bump(out.themes, t));
    if (passes(e, f, 'statuses')) bump(out.statuses, e.status);
    if (passes(e, f, 'actors')) e.actors.forEach((a) => bump(out.actors, a));
  }
  return out;
}
