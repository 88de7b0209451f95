// A date from its parts (year, month, day) as EDTF with its precision kept, and its span in UTC ms. Years are
// astronomical here (0 = 1 BC); EDTF years have four digits, longer ones the `Y` prefix (year precision only), and
// nothing outside what a JavaScript Date holds is made.

export interface CalendarDate {
  /** Astronomical year: 1 BC is 0, 3500 BC is -3499. */
  year: number;
  /** 1–12. */
  month?: number;
  day?: number;
  /** Approximate (EDTF `~`). */
  approximate?: boolean;
}

/** The span of a date as the atlas reads it (UTC ms), with its EDTF text and the source's own words if any. */
export interface ImportedDate {
  edtf: string;
  min: number;
  max: number;
  /** Words for the date the atlas cannot keep in EDTF (a time of day, a month beyond year 9999). */
  extraText?: string;
}

/** The whole years a Date holds from 1 January to 31 December (astronomical). */
export const MIN_YEAR = -271820;
export const MAX_YEAR = 275759;

export type DateProblem = { code: string; message: string };

const YEAR_EXPECTED = 'expected a whole number such as 1998, or -3500 for 3500 BC';

/**
 * A TimelineJS year (1 AD is 1, 1 BC is -1; "1,500" and " 1500 " are read as 1500) as an astronomical year, or why not.
 * TimelineJS allows years in the billions (its cosmological scale); a browser's Date holds about ±271,800 years.
 */
export function timelineYear(raw: unknown): { year: number } | DateProblem {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.replace(/[\s,_]/g, '') : '';
  if (text === '') return { code: 'year-missing', message: `the year is missing: ${YEAR_EXPECTED}` };
  if (!/^[+-]?\d+$/.test(text)) return { code: 'year-not-number', message: `"${String(raw).trim()}" is not a year: ${YEAR_EXPECTED}` };
  const y = Number(text);
  if (y === 0) return { code: 'year-zero', message: 'year 0 does not exist in TimelineJS’s calendar (1 BC is -1, AD 1 is 1): expected a year other than 0' };
  const astronomical = y < 0 ? y + 1 : y;
  if (!Number.isSafeInteger(y) || astronomical < MIN_YEAR || astronomical > MAX_YEAR) {
    return {
      code: 'year-beyond-date',
      message: `year ${text} is beyond what a browser’s Date can hold (about 271,800 years either side of 1970): expected a year from -271,821 to 275,759`,
    };
  }
  return { year: astronomical };
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A month as 1–12 from "3", "03", "March" or "Mar"; undefined for blank; a problem otherwise. */
export function monthNumber(raw: unknown): { month?: number } | DateProblem {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return {};
  if (/^\d{1,2}$/.test(text) && +text >= 1 && +text <= 12) return { month: +text };
  const name = text.toLowerCase().replace(/\.$/, '');
  const i = name.length >= 3 ? MONTH_NAMES.findIndex((m) => m.startsWith(name)) : -1;
  if (i >= 0) return { month: i + 1 };
  return { code: 'month-invalid', message: `"${text}" is not a month: expected 1 to 12 (or a month's name)` };
}

/** A day of a given month, or a problem (a day needs a month; 30 February does not exist). */
export function dayNumber(raw: unknown, year: number, month: number | undefined): { day?: number } | DateProblem {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return {};
  if (month === undefined) return { code: 'day-without-month', message: `a day (${text}) needs a month: expected a month too, or no day` };
  const last = daysInMonth(year, month);
  if (!/^\d{1,2}$/.test(text) || +text < 1 || +text > last) {
    return { code: 'day-invalid', message: `"${text}" is not a day of that month: expected 1 to ${last}` };
  }
  return { day: +text };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/** UTC ms of a day (month 1–12; day 0 is the last of the month before). Not Date.UTC: it reads years 0–99 as 19xx. */
export function utcMs(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

/** The EDTF year: four digits (`0602`, `-3499`), the `Y` prefix beyond (`Y-12000`, `Y12000`). */
export function edtfYear(year: number): string {
  if (Math.abs(year) <= 9999) return `${year < 0 ? '-' : ''}${String(Math.abs(year)).padStart(4, '0')}`;
  return `Y${year}`;
}

/**
 * A date as EDTF with its precision. EDTF writes month and day only for four-digit years, so beyond them the month and
 * day come back as words (`extraText`) rather than be lost.
 */
export function calendarEdtf(d: CalendarDate): { edtf: string; extraText?: string } {
  const y = edtfYear(d.year);
  const tilde = d.approximate ? '~' : '';
  if (y.startsWith('Y')) {
    // EDTF has neither month, day nor "~" for Y-prefixed years: those go to words.
    const about = d.approximate ? 'about ' : '';
    if (d.month === undefined) return d.approximate ? { edtf: y, extraText: `${about}${yearWords(d.year)}` } : { edtf: y };
    const words = `${about}${d.day !== undefined ? `${d.day} ` : ''}${MONTH_NAMES[d.month - 1][0].toUpperCase()}${MONTH_NAMES[d.month - 1].slice(1)} ${d.year}`;
    return { edtf: y, extraText: words };
  }
  const mm = d.month !== undefined ? `-${String(d.month).padStart(2, '0')}` : '';
  const dd = d.month !== undefined && d.day !== undefined ? `-${String(d.day).padStart(2, '0')}` : '';
  return { edtf: `${y}${mm}${dd}${tilde}` };
}

/** Earliest and latest instant of a date at its precision. */
export function calendarSpan(d: CalendarDate): { min: number; max: number } {
  if (d.month === undefined) return { min: utcMs(d.year, 1, 1), max: utcMs(d.year + 1, 1, 1) - 1 };
  if (d.day === undefined) return { min: utcMs(d.year, d.month, 1), max: utcMs(d.year, d.month + 1, 1) - 1 };
  const min = utcMs(d.year, d.month, d.day);
  return { min, max: min + 86_400_000 - 1 };
}

/** One date as an ImportedDate. */
export function calendarDate(d: CalendarDate): ImportedDate {
  const { edtf, extraText } = calendarEdtf(d);
  const { min, max } = calendarSpan(d);
  return extraText ? { edtf, min, max, extraText } : { edtf, min, max };
}

/**
 * A start and an end as one EDTF interval (`a/b`); an end equal to the start is no interval. EDTF has no interval
 * between `Y`-prefixed years, so there the start is kept and the range goes to words. Refused: an end before the start.
 */
export function calendarInterval(start: CalendarDate, end: CalendarDate): ImportedDate | DateProblem {
  const a = calendarDate(start);
  const b = calendarDate(end);
  if (b.max < a.min) return { code: 'end-before-start', message: `the end (${b.edtf}) is before the start (${a.edtf}): expected an end on or after the start` };
  if (a.edtf === b.edtf) return a;
  if (a.edtf.startsWith('Y') || b.edtf.startsWith('Y')) {
    const words = `${a.extraText ?? yearWords(start.year)} – ${b.extraText ?? yearWords(end.year)}`;
    return { edtf: a.edtf, min: a.min, max: a.max, extraText: words };
  }
  return { edtf: `${a.edtf}/${b.edtf}`, min: a.min, max: b.max, extraText: joinWords(a.extraText, b.extraText) };
}

function joinWords(a?: string, b?: string): string | undefined {
  return a || b ? `${a ?? ''} – ${b ?? ''}`.trim() : undefined;
}

/** An astronomical year in words: 1998, 3500 BC. */
export function yearWords(year: number): string {
  return year > 0 ? String(year) : `${1 - year} BC`;
}

/** A UTC instant's day as an ISO day, years outside 0000–9999 in the expanded form (`-003499-01-01`, `+012000-01-01`). */
export function isoDayOf(ms: number): string {
  const t = new Date(ms);
  const y = t.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : `${y < 0 ? '-' : '+'}${String(Math.abs(y)).padStart(6, '0')}`;
  return `${year}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

/** A time of day from TimelineJS parts or text, as written for people ("14:30", "9:05:10"); undefined when there is none. */
export function timeOfDay(parts: { hour?: unknown; minute?: unknown; second?: unknown; millisecond?: unknown }): string | undefined {
  const n = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && /^\d+$/.test(v.trim()) ? +v.trim() : undefined);
  const h = n(parts.hour),
    m = n(parts.minute),
    s = n(parts.second),
    ms = n(parts.millisecond);
  if (h === undefined && m === undefined && s === undefined) return undefined;
  let text = `${String(h ?? 0).padStart(2, '0')}:${String(m ?? 0).padStart(2, '0')}`;
  if (s !== undefined || ms !== undefined) text += `:${String(s ?? 0).padStart(2, '0')}`;
  if (ms !== undefined) text += `.${String(ms).padStart(3, '0')}`;
  return text;
}
