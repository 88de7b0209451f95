// A TimelineJS spreadsheet saved as CSV (the template's columns in any order) into a dataset draft: a title row, era
// rows, event rows. Extra columns are ignored with a note, except Place, Lat and Lon, which the atlas reads.
import { csvRows, headerKey, isBlankRow } from './csvRows.ts';
import type { DatasetDraft } from './datasetDraft.ts';
import { addTimelineSlide, type SlideFields } from './timelineSlide.ts';

/** The template's columns, by header key. */
export const TIMELINE_COLUMNS = {
  year: 'Year',
  month: 'Month',
  day: 'Day',
  time: 'Time',
  endyear: 'End Year',
  endmonth: 'End Month',
  endday: 'End Day',
  endtime: 'End Time',
  displaydate: 'Display Date',
  headline: 'Headline',
  text: 'Text',
  media: 'Media',
  mediacredit: 'Media Credit',
  mediacaption: 'Media Caption',
  mediathumbnail: 'Media Thumbnail',
  type: 'Type',
  group: 'Group',
  background: 'Background',
} as const;
/** Columns the atlas adds to the template: a place by name, or by coordinates. */
const PLACE_COLUMNS: Record<string, 'place' | 'lat' | 'lon'> = {
  place: 'place',
  location: 'place',
  placename: 'place',
  lat: 'lat',
  latitude: 'lat',
  lon: 'lon',
  lng: 'lon',
  long: 'lon',
  longitude: 'lon',
};
/** Template columns whose content is the slide's look, not the record: noted when used, not kept. */
const LOOK_ONLY = ['mediathumbnail', 'background'] as const;

export function timelineCsvInto(draft: DatasetDraft, file: string, text: string): void {
  const ctx = draft.beginFile(file, 'timelinejs-csv');
  const { rows, unclosedQuoteRow } = csvRows(text);
  if (unclosedQuoteRow)
    draft.warn(
      { file, record: `row ${unclosedQuoteRow}`, field: '' },
      'csv-unclosed-quote',
      'a quote opens here and never closes: the rest of the file was read as one cell',
    );
  const header = rows[0] ?? [];
  const col: Record<string, number> = {};
  const names: Record<string, string> = {};
  const ignored: string[] = [];
  header.forEach((cell, i) => {
    const key = headerKey(cell);
    if (!key) return;
    const known = key in TIMELINE_COLUMNS || key in PLACE_COLUMNS;
    const slot = key in PLACE_COLUMNS ? PLACE_COLUMNS[key] : key;
    if (!known) ignored.push(cell.trim());
    else if (slot in col)
      draft.note({ file, record: 'row 1', field: cell.trim() }, 'duplicate-column', `the column "${cell.trim()}" appears twice: the first one is read`);
    else {
      col[slot] = i;
      names[slot] = cell.trim();
    }
  });
  if (ignored.length) {
    draft.note(
      { file, record: 'row 1', field: ignored.join(', ') },
      'columns-ignored',
      `${ignored.length === 1 ? 'a column' : 'columns'} not in the TimelineJS template, ignored: ${ignored.join(', ')}`,
    );
  }
  const name = (key: string) => names[key] ?? (TIMELINE_COLUMNS as Record<string, string>)[key] ?? key;
  const fields: SlideFields = {
    year: name('year'),
    month: name('month'),
    day: name('day'),
    time: name('time'),
    endYear: name('endyear'),
    endMonth: name('endmonth'),
    endDay: name('endday'),
    endTime: name('endtime'),
    displayDate: name('displaydate'),
    headline: name('headline'),
    text: name('text'),
    group: name('group'),
    media: name('media'),
    mediaPrefix: '',
  };
  const used = new Set<string>();
  const state = { titled: false };
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (isBlankRow(row)) continue;
    const get = (key: string) => (col[key] === undefined ? undefined : (row[col[key]] ?? ''));
    for (const key of LOOK_ONLY) if (get(key)?.trim()) used.add(name(key));
    const type = (get('type') ?? '').trim().toLowerCase();
    const hasPlace = col.place !== undefined || col.lat !== undefined || col.lon !== undefined;
    addTimelineSlide(
      draft,
      ctx,
      {
        record: `row ${r + 1}`,
        kind: type === 'title' ? 'title' : type === 'era' ? 'era' : 'event',
        start: { year: get('year'), month: get('month'), day: get('day'), time: get('time') },
        end: { year: get('endyear'), month: get('endmonth'), day: get('endday'), time: get('endtime') },
        displayDate: get('displaydate'),
        headline: get('headline'),
        text: get('text'),
        media: { url: get('media'), caption: get('mediacaption'), credit: get('mediacredit') },
        group: get('group'),
        place: hasPlace
          ? { name: get('place'), lat: get('lat'), lon: get('lon'), fields: { name: name('place'), lat: name('lat'), lon: name('lon') } }
          : undefined,
      },
      fields,
      state,
    );
  }
  if (used.size)
    draft.note(
      { file, record: '', field: [...used].join(', ') },
      'look-not-kept',
      `${[...used].join(' and ')}: how TimelineJS dresses a slide, not kept by the atlas`,
    );
}
