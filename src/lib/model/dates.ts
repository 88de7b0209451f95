// EDTF strings parsed once into numeric spans (UTC ms), with their precision kept for wording.

export type Precision = 'year' | 'month' | 'day' | 'season' | 'interval';

export interface DateSpan {
  /** The EDTF string as written in the data. */
  text: string;
  /** Earliest instant, UTC ms. */
  min: number;
  /** Latest instant, UTC ms; Infinity for an open ("ongoing") end. */
  max: number;
  precision: Precision;
  /** `~` in the source: the wording says "about". */
  approximate: boolean;
  /** `..` end: ongoing. */
  open: boolean;
  /** For seasons, quarters and halves: the EDTF code (21–41). */
  season?: number;
  /** For intervals: the two ends. */
  start?: DateSpan;
  end?: DateSpan;
}

export class DateParseError extends Error {}

const DAY = 86_400_000;

/**
 * UTC ms of a calendar day (month 0-based; overflow rolls on, as in Date.UTC). Not Date.UTC: it reads years 0–99 as
 * 1900–1999, so year 50 would land in 1950; setUTCFullYear takes every year as written.
 */
export function utcDay(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month, day);
}

const cache = new Map<string, DateSpan>();

/**
 * Parses an EDTF string; throws DateParseError with a reason a data editor can act on. The common forms
 * (day, month, year, `~`, seasons, intervals of days, months and years) take a fast path; results are memoised, because the
 * edtf package's general parser costs ~80 µs a string (8 s for 100k events). Other forms (and every error message)
 * need that parser, in datesFull.ts: until it is loaded they throw FullParserNeeded.
 */
export function parseDate(text: string): DateSpan {
  let span = cache.get(text);
  if (!span) {
    span = fastParse(text) ?? slowParse(text);
    if (cache.size > 50_000) cache.clear();
    cache.set(text, span);
  }
  return span;
}

/** The span from `start` to `end`, or open-ended (`start/..`) without an end. */
export function intervalSpan(text: string, start: DateSpan, end?: DateSpan): DateSpan {
  return end
    ? { text, min: start.min, max: end.max, precision: 'interval', approximate: start.approximate || end.approximate, open: false, start, end }
    : { text, min: start.min, max: Infinity, precision: 'interval', approximate: start.approximate, open: true, start };
}

const SIMPLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$/;
const SEASON = /^(\d{4})-(2[1-4]|3[3-6]|4[01])$/;
/** First and last month (0-based) of each supported season code, as the edtf package reckons them. */
const SEASON_MONTHS: Record<number, [number, number]> = {
  21: [0, 2],
  22: [3, 5],
  23: [6, 8],
  24: [9, 11],
  33: [0, 2],
  34: [3, 5],
  35: [6, 8],
  36: [9, 11],
  40: [0, 5],
  41: [6, 11],
};

function fastParse(text: string): DateSpan | null {
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const a = text.slice(0, slash),
      b = text.slice(slash + 1);
    // As EDTF (and the edtf package) has it: ends are days, months or years, not seasons; the end begins after the start.
    const start = a ? fastParse(a) : null;
    if (!start || start.precision === 'interval' || start.precision === 'season') return null;
    if (b === '..') return intervalSpan(text, start);
    const end = b ? fastParse(b) : null;
    if (!end || end.precision === 'interval' || end.precision === 'season' || end.min <= start.min) return null;
    return intervalSpan(text, start, end);
  }
  const season = SEASON.exec(text);
  if (season) {
    const y = +season[1],
      code = +season[2];
    const [m0, m1] = SEASON_MONTHS[code];
    return { text, min: utcDay(y, m0, 1), max: utcDay(y, m1 + 1, 1) - 1, precision: 'season', approximate: false, open: false, season: code };
  }
  const m = SIMPLE.exec(text);
  if (!m) return null;
  const y = +m[1],
    mo = m[2] ? +m[2] - 1 : null,
    d = m[3] ? +m[3] : null;
  const approximate = Boolean(m[4]);
  if (mo === null) return { text, min: utcDay(y, 0, 1), max: utcDay(y + 1, 0, 1) - 1, precision: 'year', approximate, open: false };
  if (mo < 0 || mo > 11) return null;
  if (d === null) return { text, min: utcDay(y, mo, 1), max: utcDay(y, mo + 1, 1) - 1, precision: 'month', approximate, open: false };
  const min = utcDay(y, mo, d);
  if (d < 1 || new Date(min).getUTCMonth() !== mo) return null;
  return { text, min, max: min + DAY - 1, precision: 'day', approximate, open: false };
}

/** Thrown by parseDate for a form outside the fast path before the full parser is loaded (see datesFull.ts). */
export class FullParserNeeded extends Error {
  constructor(public text: string) {
    super(`"${text}" needs the full EDTF parser: import datesFull first`);
  }
}

let fullParser: ((text: string) => DateSpan) | null = null;
/** Called once by datesFull.ts, which carries the edtf package (60 KB): loaded only when a date needs it. */
export function setFullParser(parse: (text: string) => DateSpan) {
  fullParser = parse;
}

function slowParse(text: string): DateSpan {
  if (!fullParser) throw new FullParserNeeded(text);
  return fullParser(text);
}

/**
 * Parses an ISO day to UTC ms, or null: `YYYY-MM-DD`, or with an expanded year (sign and six digits, as
 * toISOString writes it): `-003499-01-01` (astronomical: year 0 is 1 BC), `+012000-01-01`. Used for URL values,
 * host messages and story times. Days that do not exist and instants outside what a Date holds are refused.
 */
export function parseIsoDay(text: string): number | null {
  const m = /^(\d{4}|[+-]\d{6})-(\d{2})-(\d{2})$/.exec(text);
  if (!m || m[1] === '-000000') return null;
  const y = +m[1],
    mo = +m[2] - 1,
    d = +m[3];
  const ms = utcDay(y, mo, d);
  if (Number.isNaN(ms)) return null;
  const t = new Date(ms);
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo || t.getUTCDate() !== d) return null;
  return ms;
}

/** Formats UTC ms as YYYY-MM-DD; years outside 0000–9999 in the expanded form parseIsoDay reads (`+012000-01-01`). */
export function isoDay(ms: number): string {
  const t = new Date(ms);
  const y = t.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : `${y < 0 ? '-' : '+'}${String(Math.abs(y)).padStart(6, '0')}`;
  return `${year}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

/** Midpoint of a span, for placing a single mark; open spans use their start. */
export function spanAnchor(span: DateSpan): number {
  return Number.isFinite(span.max) ? span.min + (span.max - span.min) / 2 : span.min;
}

/** True when a span is narrower than a day (a known day is drawn as a mark, not a band). */
export function isPointLike(span: DateSpan): boolean {
  return span.max - span.min < DAY;
}

export { DAY };
