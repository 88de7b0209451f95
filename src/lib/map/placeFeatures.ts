// The dataset's places as one GeoJSON FeatureCollection, built once; time and selection change feature-state only.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Dataset } from '../model/dataset';

export interface PlaceProps {
  id: string;
  kind: string;
  en: string;
  /** Name in the place's own script (Japanese, Gujarati or Hindi), if the data has one. */
  local: string;
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
      local: p.name.ja ?? p.name.gu ?? p.name.hi ?? '',
      rank: d.eventsByPlace.get(p.id)?.length ?? 0,
      ja: p.name.ja ?? '',
      hi: p.name.hi ?? '',
      gu: p.name.gu ?? '',
    },
  }));
  return { type: 'FeatureCollection', features };
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
