// The atlas's own events CSV (public/templates/atlas-events.csv: date, end date, title, summary, place, lat, lon,
// theme, status, source title, source url; optional id, date text, country) into a dataset draft. Dates are EDTF (or
// words such as "June 2014"); summaries are light Markdown; a place is a name, coordinates, or both.
import { edtfDate, dateFromText } from './dateFromText.ts';
import type { ImportedDate } from './calendarDate.ts';
import { checkPosition } from './checkPosition.ts';
import { countryCode, splitCountryHint } from './countryCode.ts';
import { csvRows, headerKey, isBlankRow } from './csvRows.ts';
import type { DatasetDraft, PlaceName, Where } from './datasetDraft.ts';
import { markdownField, textField } from './richText.ts';
import { safeHttpUrl } from './safeHttpUrl.ts';

/** The template's columns in order, as its header writes them. */
export const ATLAS_COLUMNS = ['date', 'end date', 'title', 'summary', 'place', 'lat', 'lon', 'theme', 'status', 'source title', 'source url'] as const;

const KEYS: Record<string, string> = {
  date: 'date',
  start: 'date',
  startdate: 'date',
  enddate: 'enddate',
  end: 'enddate',
  title: 'title',
  summary: 'summary',
  description: 'summary',
  place: 'place',
  location: 'place',
  lat: 'lat',
  latitude: 'lat',
  lon: 'lon',
  lng: 'lon',
  long: 'lon',
  longitude: 'lon',
  theme: 'theme',
  themes: 'theme',
  status: 'status',
  sourcetitle: 'sourcetitle',
  source: 'sourcetitle',
  sourceurl: 'sourceurl',
  url: 'sourceurl',
  id: 'id',
  datetext: 'datetext',
  country: 'country',
};
const STATUSES = ['happened', 'planned', 'cancelled'] as const;

/** A cell as written before export guarded it: a leading ' before = + - @ is removed (see DESIGN: CSV exports). */
function unguard(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

export function atlasCsvInto(draft: DatasetDraft, file: string, text: string): void {
  const ctx = draft.beginFile(file, 'atlas-csv');
  const { rows, unclosedQuoteRow } = csvRows(text);
  if (unclosedQuoteRow)
    draft.warn(
      { file, record: `row ${unclosedQuoteRow}`, field: '' },
      'csv-unclosed-quote',
      'a quote opens here and never closes: the rest of the file was read as one cell',
    );
  const col: Record<string, number> = {};
  const names: Record<string, string> = {};
  const ignored: string[] = [];
  (rows[0] ?? []).forEach((cell, i) => {
    const key = KEYS[headerKey(cell)];
    if (!headerKey(cell)) return;
    if (!key) ignored.push(cell.trim());
    else if (!(key in col)) {
      col[key] = i;
      names[key] = cell.trim();
    }
  });
  if (ignored.length)
    draft.note(
      { file, record: 'row 1', field: ignored.join(', ') },
      'columns-ignored',
      `${ignored.length === 1 ? 'a column' : 'columns'} not in the atlas template, ignored: ${ignored.join(', ')}`,
    );
  const name = (key: string) => names[key] ?? key;
  const sources = new Map<string, string>();

  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (isBlankRow(row)) continue;
    draft.recordIn(ctx);
    const record = `row ${r + 1}`;
    const where: Where = { file, record, field: '' };
    const at = (key: string): Where => ({ ...where, field: name(key) });
    const get = (key: string) => (col[key] === undefined ? '' : unguard((row[col[key]] ?? '').trim()));
    const skip = (key: string, code: string, message: string) => draft.skip(ctx, { record, field: name(key), code, message });

    const title = textField(draft, at('title'), get('title'));
    if (!title) {
      skip('title', 'title-missing', 'the title is empty: expected a few words saying what happened');
      continue;
    }
    const dateCell = get('date');
    if (!dateCell) {
      skip('date', 'date-missing', 'the date is empty: expected an EDTF date such as 2026-03-05, 2026-03, 2026 or 2026-03~');
      continue;
    }
    const start = dateFromText(dateCell);
    if (!start || 'code' in start) {
      skip('date', start?.code ?? 'date-missing', start?.message ?? 'the date is empty');
      continue;
    }
    let date: ImportedDate = start;
    const endCell = get('enddate');
    if (endCell) {
      const end = dateFromText(endCell);
      if (!end || 'code' in end) {
        skip('enddate', end?.code ?? 'date-unreadable', end?.message ?? 'the end date is empty');
        continue;
      }
      if (start.edtf.includes('/') || end.edtf.includes('/')) {
        skip(
          'enddate',
          'interval-twice',
          `"${dateCell}" and "${endCell}" cannot make one interval: expected a single date in each, or an interval in ${name('date')} and ${name('enddate')} empty`,
        );
        continue;
      }
      const interval = edtfDate(`${start.edtf}/${end.edtf}`);
      if (end.max < start.min) {
        skip('enddate', 'end-before-start', `the end (${end.edtf}) is before the start (${start.edtf}): expected an end on or after the start`);
        continue;
      }
      if (!interval || 'code' in interval) {
        skip('enddate', 'interval-invalid', `"${start.edtf}/${end.edtf}" is not an EDTF interval the atlas reads: expected dates with four-digit years`);
        continue;
      }
      date = { ...interval, extraText: [start.extraText, end.extraText].filter(Boolean).join(' – ') || undefined };
    }

    const statusCell = get('status').toLowerCase();
    let status: (typeof STATUSES)[number] | undefined;
    if (statusCell) {
      status = (STATUSES as readonly string[]).includes(statusCell) ? (statusCell as (typeof STATUSES)[number]) : undefined;
      if (!status)
        draft.warn(at('status'), 'status-invalid', `"${get('status')}" is not a status: expected happened, planned or cancelled; set from the date instead`);
    }

    const places: (string | PlaceName)[] = [];
    const placeName = textField(draft, at('place'), get('place'));
    const country = get('country') ? countryCode(get('country')) : undefined;
    if (get('country') && !country)
      draft.warn(
        at('country'),
        'country-unknown',
        `"${get('country')}" is not a country the importer knows: expected a code such as JP or a name such as Japan`,
      );
    if (get('lat') || get('lon')) {
      const pos = checkPosition(get('lat'), get('lon'));
      if (!pos.ok) {
        draft.skip(ctx, { record, field: `${name('lat')}/${name('lon')}`, code: pos.code, message: pos.message });
        continue;
      }
      places.push(
        draft.place({ where, name: placeName || title, kind: 'venue', geometry: { type: 'Point', coordinates: [pos.lon, pos.lat] }, country }, ctx.sourceId),
      );
    } else if (placeName) {
      const hint = splitCountryHint(placeName);
      places.push({ name: hint.name, country: country ?? hint.country, where: at('place') });
    }

    const extra: string[] = [];
    const sourceTitle = textField(draft, at('sourcetitle'), get('sourcetitle'));
    const rawUrl = get('sourceurl');
    const url = rawUrl ? safeHttpUrl(rawUrl) : null;
    if (rawUrl && !url)
      draft.warn(
        at('sourceurl'),
        'url-not-http',
        `"${rawUrl}" is not an http or https address: expected a URL such as https://example.org/report; the source is kept without it`,
      );
    if (sourceTitle || url) {
      const key = url ?? sourceTitle.toLowerCase();
      let id = sources.get(key);
      if (!id) {
        id = draft.citedSource(ctx, { title: sourceTitle || url!, url: url ?? undefined });
        sources.set(key, id);
      }
      extra.push(id);
    }

    draft.event(ctx, {
      where,
      idText: get('id') || undefined,
      title,
      summary: markdownField(draft, at('summary'), get('summary'), true),
      date,
      dateText: textField(draft, at('datetext'), get('datetext')) || undefined,
      status,
      themes: get('theme')
        ? get('theme')
            .split(';')
            .map((t) => textField(draft, at('theme'), t))
        : [''],
      places,
      sources: extra,
    });
  }
}
