// A date written as text (an EDTF string, an ISO date-time, "June 2014", "5 June 2014", "1790–2010", "c. 1500",
// "500 BC") as an ImportedDate, or why not. Used where a format's date is one string: StoryMapJS, GeoJSON, the atlas CSV.
import { DateParseError, parseDate } from '../model/dates.ts';
import '../model/datesFull.ts'; // every EDTF form the validator accepts
import { calendarDate, calendarInterval, daysInMonth, MAX_YEAR, MIN_YEAR, type CalendarDate, type DateProblem, type ImportedDate } from './calendarDate.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EXPECTED = 'expected an EDTF or ISO date (2014-06-05, 2014-06, 2014, 2024/..), "June 2014", "5 June 2014", "1790–2010" or "500 BC"';

/** An EDTF string the atlas's own parser reads, kept exactly as written. */
export function edtfDate(text: string): ImportedDate | DateProblem | null {
  let span;
  try {
    span = parseDate(text);
  } catch (err) {
    if (err instanceof DateParseError) return null;
    throw err;
  }
  if (!Number.isFinite(span.min) || Number.isNaN(span.max)) {
    return { code: 'year-beyond-date', message: `"${text}" is beyond what a browser’s Date can hold (about 271,800 years either side of 1970)` };
  }
  return { edtf: text, min: span.min, max: span.max };
}

/** Why the atlas's own date parser (the validator's) refuses an EDTF string we made, or null when it reads it. */
export function atlasRefusal(edtf: string): DateProblem | null {
  try {
    parseDate(edtf);
    return null;
  } catch (err) {
    if (!(err instanceof DateParseError)) throw err;
    return { code: 'date-not-supported', message: `${err.message}: the atlas cannot show this date` };
  }
}

/** Free text or EDTF to a date the atlas reads; null for blank. */
export function dateFromText(raw: string): ImportedDate | DateProblem | null {
  const d = readDateText(raw);
  if (!d || 'code' in d) return d;
  return atlasRefusal(d.edtf) ?? d;
}

function readDateText(raw: string): ImportedDate | DateProblem | null {
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  // ISO date-time (EDTF reads it too, but the atlas keeps days): the day is the date, the time of day goes to words.
  const iso = /^(-?\d{4,6})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (iso) {
    const d = parts(+iso[1], +iso[2], +iso[3]);
    if ('code' in d) return d;
    const zone = iso[7] === 'Z' ? ' UTC' : iso[7] ? ` UTC${iso[7]}` : '';
    const date = calendarDate(d);
    return { ...date, extraText: `${date.edtf} ${iso[4]}:${iso[5]}${iso[6] ? `:${iso[6]}` : ''}${zone}` };
  }

  const edtf = /^[-+Y\d]/.test(text) && !/\s/.test(text) ? edtfDate(text) : null;
  if (edtf) return edtf;

  // EDTF's long years (`Y-12000`, year precision only).
  const long = /^Y(-?\d{5,})$/.exec(text);
  if (long) {
    const d = parts(+long[1]);
    return 'code' in d ? d : calendarDate(d);
  }

  // "c. 1500", "circa 1500", "about 1500", "ca 1500": approximate.
  const approx = /^(?:c\.?|ca\.?|circa|about|approx\.?|around)\s*(.+)$/i.exec(text);
  if (approx) {
    const inner = readDateText(approx[1]);
    if (inner && !('code' in inner) && !inner.edtf.includes('/') && !inner.edtf.endsWith('~') && !inner.extraText) return { ...inner, edtf: `${inner.edtf}~` };
    return inner;
  }

  // Ranges: "1790-2010", "1790 – 2010", "1790 to 2010", "June 2014 – May 2015".
  const range = /^(.+?)\s*(?:–|—|-|\bto\b|\buntil\b)\s*(.+)$/i.exec(text);
  if (range && !/^-?\d{4}-\d{2}$/.test(text)) {
    const a = calendarFromWords(range[1]);
    const b = calendarFromWords(range[2]);
    if (a && b && !('code' in a) && !('code' in b)) return calendarInterval(a, b);
    if (a && 'code' in a) return a;
    if (b && 'code' in b) return b;
  }

  const one = calendarFromWords(text);
  if (one) return 'code' in one ? one : calendarDate(one);
  return { code: 'date-unreadable', message: `"${text}" is not a date the importer can read: ${EXPECTED}` };
}

/** "1790", "500 BC", "June 2014", "5 June 2014", "June 5, 2014", "2014-06-05" as a calendar date, or null. */
function calendarFromWords(raw: string): CalendarDate | DateProblem | null {
  const text = raw.trim().replace(/,/g, ' ').replace(/\s+/g, ' ');
  let m = /^(\d{1,6}) ?(bc|bce|b\.c\.|b\.c\.e\.)$/i.exec(text);
  if (m) return parts(1 - +m[1]);
  m = /^(?:ad |a\.d\. )?(\d{1,6})(?: ?(ad|ce|a\.d\.))?$/i.exec(text);
  if (m) return parts(+m[1]);
  m = /^(-?\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (m) return parts(+m[1], +m[2], m[3] ? +m[3] : undefined);
  m = /^([a-z]+)\.? (\d{1,6})$/i.exec(text);
  if (m && month(m[1])) return parts(+m[2], month(m[1]));
  m = /^(\d{1,2}) ([a-z]+)\.? (\d{1,6})$/i.exec(text);
  if (m && month(m[2])) return parts(+m[3], month(m[2]), +m[1]);
  m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)? (\d{1,6})$/i.exec(text);
  if (m && month(m[1])) return parts(+m[3], month(m[1]), +m[2]);
  return null;
}

function month(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i >= 0 ? i + 1 : w === 'sept' ? 9 : undefined;
}

function parts(year: number, m?: number, day?: number): CalendarDate | DateProblem {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { code: 'year-beyond-date', message: `year ${year} is beyond what a browser’s Date can hold (about 271,800 years either side of 1970)` };
  }
  if (m !== undefined && (m < 1 || m > 12)) return { code: 'month-invalid', message: `month ${m} does not exist: expected 1 to 12` };
  if (day !== undefined && m !== undefined && (day < 1 || day > daysInMonth(year, m))) {
    return { code: 'day-invalid', message: `day ${day} does not exist in that month: expected 1 to ${daysInMonth(year, m)}` };
  }
  return { year, month: m, day };
}
