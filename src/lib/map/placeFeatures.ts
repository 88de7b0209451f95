// The dataset's places as one GeoJSON FeatureCollection, built once; time and selection change feature-state only.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Dataset } from '../model/dataset';

export interface PlaceProps {
  id: string;
  kind: string;
  en: string;
  /** Name in the place's own script (Japanese, Gujarati or Hindi), if the data has one. */
  local: string;
  /** 1 where another place at the same spot carries the label (a city and its station). */
  hideLabel: number;
  /** Number of events at the place, for label priority. */
  rank: number;
  ja: string;
  hi: string;
  gu: string;
}

export function placeFeatures(d: Dataset): FeatureCollection<Geometry, PlaceProps> {
  const features: Feature<Geometry, PlaceProps>[] = d.places.map((p) => ({
    type: 'Feature',
    id: p.id,
    geometry: p.geometry as Geometry,
    properties: {
      id: p.id,
      kind: p.kind,
      en: p.name.en,
      // The second line is the name in the place's own language (localLang), never a translation into another.
      local: (p.localLang && p.localLang !== 'en' ? p.name[p.localLang] : undefined) ?? '',
      hideLabel: p.hideLabel ? 1 : 0,
      rank: d.eventsByPlace.get(p.id)?.length ?? 0,
      ja: p.name.ja ?? '',
      hi: p.name.hi ?? '',
      gu: p.name.gu ?? '',
    },
  }));
  return { type: 'FeatureCollection', features };
}

/** Places with events, sorted by the earliest instant of their first event: a scrub step finds the places
 * whose phase changes by binary search instead of visiting every place. */
export function placeFirstTimes(d: Dataset): { ids: string[]; times: number[] } {
  // Each place's event list is in date order, so its first event is its earliest.
  const rows = [...d.eventsByPlace].map(([id, evs]) => [id, evs[0].span.min] as const).sort((a, b) => a[1] - b[1]);
  return { ids: rows.map((r) => r[0]), times: rows.map((r) => r[1]) };
}

/** Index of the first time > t (times sorted ascending). */
export function upperBound(times: number[], t: number): number {
  let lo = 0, hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each place's phase at time t: 2 if one of its events has begun by t, 1 if its events are all
 * still ahead, 0 if no event names it (context geography, drawn neutrally).
 */
export function placePhases(d: Dataset, t: number): Map<string, 0 | 1 | 2> {
  const out = new Map<string, 0 | 1 | 2>();
  for (const p of d.places) {
    const events = d.eventsByPlace.get(p.id);
    if (!events?.length) out.set(p.id, 0);
    else out.set(p.id, events[0].span.min <= t ? 2 : 1);
  }
  return out;
}
