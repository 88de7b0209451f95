// CSV and GeoJSON of what is visible now (pure): events with their dates, precision, status and sources.
import type { Dataset, EventRecord } from '../model/dataset';
import { dateInWords } from '../model/dateWords';

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '');

export const CSV_COLUMNS = ['id', 'title', 'date_edtf', 'date_words', 'earliest', 'latest', 'status', 'shown_as', 'confidence', 'themes', 'places', 'initiatives', 'summary', 'sources', 'source_urls', 'notes'];

export function eventsCsv(d: Dataset, events: EventRecord[]): string {
  const rows = events.map((e) => {
    const sources = e.sources.map((s) => d.sourceById.get(s)!);
    return [
      e.id, e.title, e.date, dateInWords(e.span), iso(e.span.min), iso(e.span.max), e.status, e.display, e.confidence,
      e.themes.join(';'), e.places.join(';'), e.initiatives.join(';'), e.summary,
      sources.map((s) => `${s.outlet}: ${s.title}`).join(' | '), sources.map((s) => s.url ?? '').filter(Boolean).join(' '), e.notes ?? '',
    ].map((v) => csvCell(String(v)));
  });
  return [CSV_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}

/** Places of the visible events as features, each carrying the ids and titles of its visible events. */
export function visibleGeoJson(d: Dataset, events: EventRecord[]) {
  const byPlace = new Map<string, EventRecord[]>();
  for (const e of events) for (const p of e.places) byPlace.set(p, [...(byPlace.get(p) ?? []), e]);
  return {
    type: 'FeatureCollection' as const,
    features: [...byPlace].map(([id, evs]) => {
      const p = d.placeById.get(id)!;
      return {
        type: 'Feature' as const,
        id,
        geometry: p.geometry,
        properties: {
          id, name: p.name.en, kind: p.kind, approx: p.approx ?? false,
          events: evs.map((e) => e.id), titles: evs.map((e) => e.title), dates: evs.map((e) => e.date),
          sources: p.sources,
        },
      };
    }),
  };
}
