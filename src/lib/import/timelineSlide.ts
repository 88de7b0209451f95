// One TimelineJS slide (a spreadsheet row or a JSON event, title or era) added to a dataset draft: dates with their
// precision, display_date as the source's words, times of day as words, group as theme, era as a span, title as the
// dataset's title, text as Markdown, media as a link; refused with the field and what was expected when a date is wrong.
import {
  calendarDate,
  calendarInterval,
  dayNumber,
  monthNumber,
  timelineYear,
  timeOfDay,
  type CalendarDate,
  type DateProblem,
  type ImportedDate,
} from './calendarDate.ts';
import { checkPosition } from './checkPosition.ts';
import { atlasRefusal } from './dateFromText.ts';
import { splitCountryHint } from './countryCode.ts';
import type { DatasetDraft, FileContext, PlaceName, Where } from './datasetDraft.ts';
import { joinParagraphs, markdownField, mediaParagraph, textField, type MediaFields } from './richText.ts';

export interface SlideDate {
  year?: unknown;
  month?: unknown;
  day?: unknown;
  /** "14:30", "2:30 PM" (the spreadsheet's Time column). */
  time?: unknown;
  hour?: unknown;
  minute?: unknown;
  second?: unknown;
  millisecond?: unknown;
  display_date?: unknown;
}

/** The field names a slide's values came from, for the report: columns in a CSV, JSON paths in JSON. */
export interface SlideFields {
  year: string;
  month: string;
  day: string;
  time: string;
  endYear: string;
  endMonth: string;
  endDay: string;
  endTime: string;
  displayDate: string;
  headline: string;
  text: string;
  group: string;
  media: string;
  /** Prefix for media sub-fields in JSON ("media."); empty in a CSV, whose media columns have their own names. */
  mediaPrefix: string;
}

export interface TimelineSlide {
  record: string;
  kind: 'title' | 'era' | 'event';
  start?: SlideDate;
  end?: SlideDate;
  displayDate?: unknown;
  headline?: unknown;
  text?: unknown;
  media?: MediaFields;
  group?: unknown;
  uniqueId?: unknown;
  /** Atlas extension columns of a spreadsheet: Place, Lat, Lon. */
  place?: { name?: string; lat?: string; lon?: string; fields: { name: string; lat: string; lon: string } };
}

type Read<T> = T | (DateProblem & { field: string });
const isProblem = <T>(r: Read<T>): r is DateProblem & { field: string } => typeof r === 'object' && r !== null && 'code' in r && 'field' in r;

function readDate(d: SlideDate, f: { year: string; month: string; day: string }): Read<CalendarDate> {
  const y = timelineYear(d.year);
  if ('code' in y) return { ...y, field: f.year };
  const m = monthNumber(d.month);
  if ('code' in m) return { ...m, field: f.month };
  const day = dayNumber(d.day, y.year, m.month);
  if ('code' in day) return { ...day, field: f.day };
  return { year: y.year, month: m.month, day: day.day };
}

function timeText(d: SlideDate | undefined): string | undefined {
  if (!d) return undefined;
  const t = typeof d.time === 'string' ? d.time.trim() : '';
  return t || timeOfDay(d);
}

function blank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** The slide's span: one date, or an interval when the end has a year. */
function slideDate(draft: DatasetDraft, where: Where, s: TimelineSlide, f: SlideFields): Read<{ date: ImportedDate; start: ImportedDate; end?: ImportedDate }> {
  const start = readDate(s.start ?? {}, { year: f.year, month: f.month, day: f.day });
  if (isProblem(start)) return start;
  const hasEnd = s.end && !blank(s.end.year);
  if (s.end && !hasEnd && (!blank(s.end.month) || !blank(s.end.day))) {
    draft.warn(
      { ...where, field: f.endMonth },
      'end-without-year',
      'an end month or day without an end year is ignored (as TimelineJS does): expected an end year too',
    );
  }
  let end: CalendarDate | undefined;
  if (hasEnd) {
    const e = readDate(s.end!, { year: f.endYear, month: f.endMonth, day: f.endDay });
    if (isProblem(e)) return e;
    end = e;
  }
  const startDate = calendarDate(start);
  const endDate = end ? calendarDate(end) : undefined;
  let date: ImportedDate | DateProblem = end ? calendarInterval(start, end) : startDate;
  if ('code' in date) return { ...date, field: f.endYear };
  const refusal = atlasRefusal(date.edtf) ?? (endDate && s.kind === 'era' ? atlasRefusal(endDate.edtf) : null);
  if (refusal) return { ...refusal, field: f.year };
  const t0 = timeText(s.start),
    t1 = hasEnd ? timeText(s.end) : undefined;
  if (t0 || t1) {
    // Times of day are not EDTF here: they go to words, beside the date they belong to.
    const words = `${startDate.extraText ?? startDate.edtf}${t0 ? ` ${t0}` : ''}${endDate ? ` – ${endDate.extraText ?? endDate.edtf}${t1 ? ` ${t1}` : ''}` : ''}`;
    date = { ...date, extraText: words };
  }
  return { date, start: startDate, end: endDate };
}

/** Coordinates in a Google Maps link (TimelineJS's map media): "…/maps/place/Name/@39.95,-75.19,17z". */
export function mapsLinkPlace(url: string): { name?: string; lat: number; lon: number } | null {
  const m = /^https?:\/\/(?:www\.|maps\.)?google\.[a-z.]+\/maps\b[^@]*@(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/i.exec(url);
  if (!m) return null;
  const lat = +m[1],
    lon = +m[2];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const name = /\/maps\/place\/([^/@]+)/.exec(url)?.[1];
  let decoded: string | undefined;
  try {
    decoded = name ? decodeURIComponent(name.replace(/\+/g, ' ')).trim() : undefined;
  } catch {
    decoded = undefined;
  }
  return { name: decoded || undefined, lat, lon };
}

/** Adds a slide; returns false when it was refused (the reason is in the report). */
export function addTimelineSlide(draft: DatasetDraft, ctx: FileContext, s: TimelineSlide, f: SlideFields, state: { titled: boolean }): boolean {
  const where: Where = { file: ctx.file, record: s.record, field: '' };
  const at = (field: string): Where => ({ ...where, field });
  draft.recordIn(ctx);
  const headline = textField(draft, at(f.headline), s.headline);
  const text = markdownField(draft, at(f.text), s.text);
  const media = mediaParagraph(draft, where, s.media, f.mediaPrefix);

  if (s.kind === 'title' && !state.titled) {
    state.titled = true;
    draft.setMeta({ title: headline || undefined, description: joinParagraphs(text, media) || undefined });
    return true;
  }
  if (s.kind === 'title') draft.note(where, 'second-title', 'a second title slide: imported as an event, as TimelineJS shows it');

  const read = slideDate(draft, where, s, f);
  if (isProblem(read)) {
    draft.skip(ctx, { record: s.record, field: read.field, code: read.code, message: read.message });
    return false;
  }
  const displayDate = textField(draft, at(f.displayDate), s.displayDate ?? s.start?.display_date);
  const theme = textField(draft, at(f.group), s.group);
  let title = headline;
  if (!title) {
    title =
      displayDate ||
      text
        .replace(/[\\*_[\]()]/g, '')
        .split('\n')[0]
        .slice(0, 80) ||
      `Untitled (${s.record})`;
    draft.note(at(f.headline), 'headline-missing', `no headline: titled "${title}"`);
  }

  if (s.kind === 'era') {
    const id = draft.initiative(ctx, {
      where,
      title,
      summary: joinParagraphs(text, media),
      start: read.start,
      end: read.end,
      startField: f.year,
      endField: f.endYear,
      themes: [theme],
      notes: displayDate ? `Dates as written: ${displayDate}.` : undefined,
    });
    return id !== null;
  }

  const places: (string | PlaceName)[] = [];
  if (s.place) {
    const p = s.place;
    if (!blank(p.lat) || !blank(p.lon)) {
      const pos = checkPosition(p.lat, p.lon);
      if (!pos.ok) {
        draft.skip(ctx, { record: s.record, field: `${p.fields.lat}/${p.fields.lon}`, code: pos.code, message: pos.message });
        return false;
      }
      const name = textField(draft, at(p.fields.name), p.name) || title;
      places.push(draft.place({ where, name, kind: 'venue', geometry: { type: 'Point', coordinates: [pos.lon, pos.lat] } }, ctx.sourceId));
    } else if (p.name && p.name.trim()) {
      places.push({ ...splitCountryHint(textField(draft, at(p.fields.name), p.name)), where: at(p.fields.name) });
    }
  }
  const mediaUrl = typeof s.media?.url === 'string' ? s.media.url.trim() : '';
  const mapPlace = mediaUrl ? mapsLinkPlace(mediaUrl) : null;
  if (mapPlace && !places.length) {
    places.push(
      draft.place({ where, name: mapPlace.name || title, kind: 'venue', geometry: { type: 'Point', coordinates: [mapPlace.lon, mapPlace.lat] } }, ctx.sourceId),
    );
    draft.note(at(f.media), 'place-from-map-link', `the map link gives the place "${mapPlace.name || title}" at ${mapPlace.lat}, ${mapPlace.lon}`);
  }

  const id = draft.event(ctx, {
    where,
    dateField: f.year,
    idText: typeof s.uniqueId === 'string' || typeof s.uniqueId === 'number' ? String(s.uniqueId) : undefined,
    title,
    summary: joinParagraphs(text, media),
    date: read.date,
    dateText: displayDate || undefined,
    themes: [theme],
    places,
  });
  return id !== null;
}
