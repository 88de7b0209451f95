// CSV and GeoJSON of what is visible now (pure). The CSV has the import template's columns (public/templates/
// atlas-events.csv), so an exported file imports again; both carry the dataset's licence and attribution.
import type { Dataset, EventRecord } from '../model/dataset';
import { exportCredit } from './credit';

/**
 * The import template's columns, in its order and spelling, then optional columns the importer also reads (id, date
 * text, country), then the dataset's terms. Licence and attribution are columns, repeated on every row, rather than a
 * comment line (which would break the importer and every CSV reader) or a second file (browsers block or hide a
 * second download): a row copied into another sheet keeps its terms, and the importer can take them as the new
 * dataset's meta.licence and meta.attribution ("not stated" unless the file says, per DESIGN).
 */
export const CSV_COLUMNS = [
  'date',
  'end date',
  'title',
  'summary',
  'place',
  'lat',
  'lon',
  'theme',
  'status',
  'source title',
  'source url',
  'id',
  'date text',
  'country',
  'licence',
  'attribution',
] as const;

/** UTF-8 byte-order mark: without it Excel reads the file as the local code page and shows "Indiaâ€“Japan". */
export const BOM = '\uFEFF';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const EDTF_PART = String.raw`(?:Y[+-]?\d+|[+-]?\d{4,}(?:-\d{2}){0,2}[~?%]?)`;
const EDTF = new RegExp(String.raw`^(?:${EDTF_PART}|\.\.)(?:/(?:${EDTF_PART}|\.\.)?)?$`);

/**
 * One CSV cell. Numbers and EDTF dates (`-0500`, `-0500/-0400`) are written as they are; any other text beginning
 * with `=`, `+`, `-` or `@` gets a leading `'`, so a spreadsheet shows it instead of running it as a formula (the
 * importer strips that `'` again). Quoted when it holds a comma, a quote or a line break.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value !== 'number' && /^[=+\-@]/.test(s) && !NUMBER.test(s) && !EDTF.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** An event's EDTF date as the template's two columns: a closed interval split in two, anything else whole in `date`. */
function dateColumns(date: string): [string, string] {
  const parts = date.split('/');
  if (parts.length === 2 && parts[0] && parts[1] && parts[0] !== '..' && parts[1] !== '..') return [parts[0], parts[1]];
  return [date, ''];
}

/**
 * The events as CSV (UTF-8 with a byte-order mark, CRLF). One row per event: its first place (the venue) with
 * coordinates where that place is a point, its themes by label separated by `;`, its first source.
 */
export function eventsCsv(d: Dataset, events: EventRecord[]): string {
  const credit = exportCredit(d);
  const rows = events.map((e) => {
    const [date, end] = dateColumns(e.date);
    const place = e.places.length ? d.placeById.get(e.places[0]) : undefined;
    const point = place?.geometry.type === 'Point' ? place.geometry.coordinates : null;
    const source = e.sources.length ? d.sourceById.get(e.sources[0]) : undefined;
    const cells: Record<(typeof CSV_COLUMNS)[number], string | number | undefined> = {
      date,
      'end date': end,
      title: e.title,
      summary: e.summary,
      place: place?.name.en,
      lat: point?.[1],
      lon: point?.[0],
      theme: e.themes.map((id) => d.themeById.get(id)?.label.en ?? id).join(';'),
      status: e.status,
      'source title': source?.title,
      'source url': source?.url,
      id: e.id,
      'date text': e.dateText,
      country: place?.country,
      licence: credit.licence,
      attribution: credit.attribution,
    };
    return CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
  });
  return BOM + [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/**
 * Places of the visible events as features, each carrying the ids and titles of its visible events. The collection
 * carries the dataset's terms as foreign members (RFC 7946 §6.1), which GIS tools keep and show as layer metadata.
 */
export function visibleGeoJson(d: Dataset, events: EventRecord[]) {
  const credit = exportCredit(d);
  const byPlace = new Map<string, EventRecord[]>();
  for (const e of events) for (const p of e.places) byPlace.set(p, [...(byPlace.get(p) ?? []), e]);
  return {
    type: 'FeatureCollection' as const,
    name: d.meta.title,
    licence: credit.licence,
    attribution: credit.attribution,
    source: credit.source,
    features: [...byPlace].flatMap(([id, evs]) => {
      const p = d.placeById.get(id);
      if (!p) return [];
      return [
        {
          type: 'Feature' as const,
          id,
          geometry: p.geometry,
          properties: {
            id,
            name: p.name.en,
            kind: p.kind,
            approx: p.approx ?? false,
            events: evs.map((e) => e.id),
            titles: evs.map((e) => e.title),
            dates: evs.map((e) => e.date),
            sources: p.sources,
          },
        },
      ];
    }),
  };
}
