// The date of a record in words, with its precision: "16 January 2026", "first half of 2026", "about March 2026".
import type { DateSpan } from './dates';

import type { Lang } from './types';
export type { Lang };

const LOCALES: Record<Lang, string> = { en: 'en-GB', ja: 'ja-JP', hi: 'hi-IN', gu: 'gu-IN' };

interface Phrases {
  about: (s: string) => string;
  season: Record<number, (y: number) => string>;
  ongoing: (s: string) => string;
  range: (a: string, b: string) => string;
}

const EN: Phrases = {
  about: (s) => `about ${s}`,
  season: {
    21: (y) => `spring ${y}`, 22: (y) => `summer ${y}`, 23: (y) => `autumn ${y}`, 24: (y) => `winter ${y}`,
    33: (y) => `first quarter of ${y}`, 34: (y) => `second quarter of ${y}`,
    35: (y) => `third quarter of ${y}`, 36: (y) => `fourth quarter of ${y}`,
    40: (y) => `first half of ${y}`, 41: (y) => `second half of ${y}`,
  },
  ongoing: (s) => `${s} – ongoing`,
  range: (a, b) => `${a} – ${b}`,
};

const JA: Phrases = {
  about: (s) => `${s}頃`,
  season: {
    21: (y) => `${y}年春`, 22: (y) => `${y}年夏`, 23: (y) => `${y}年秋`, 24: (y) => `${y}年冬`,
    33: (y) => `${y}年第1四半期`, 34: (y) => `${y}年第2四半期`, 35: (y) => `${y}年第3四半期`, 36: (y) => `${y}年第4四半期`,
    40: (y) => `${y}年上半期`, 41: (y) => `${y}年下半期`,
  },
  ongoing: (s) => `${s}〜継続中`,
  range: (a, b) => `${a}〜${b}`,
};

const HI: Phrases = {
  about: (s) => `लगभग ${s}`,
  season: {
    21: (y) => `वसंत ${y}`, 22: (y) => `ग्रीष्म ${y}`, 23: (y) => `शरद ${y}`, 24: (y) => `शीत ${y}`,
    33: (y) => `${y} की पहली तिमाही`, 34: (y) => `${y} की दूसरी तिमाही`, 35: (y) => `${y} की तीसरी तिमाही`, 36: (y) => `${y} की चौथी तिमाही`,
    40: (y) => `${y} की पहली छमाही`, 41: (y) => `${y} की दूसरी छमाही`,
  },
  ongoing: (s) => `${s} – जारी`,
  range: (a, b) => `${a} – ${b}`,
};

const GU: Phrases = {
  about: (s) => `લગભગ ${s}`,
  season: {
    21: (y) => `વસંત ${y}`, 22: (y) => `ઉનાળો ${y}`, 23: (y) => `પાનખર ${y}`, 24: (y) => `શિયાળો ${y}`,
    33: (y) => `${y}નું પહેલું ત્રિમાસિક`, 34: (y) => `${y}નું બીજું ત્રિમાસિક`, 35: (y) => `${y}નું ત્રીજું ત્રિમાસિક`, 36: (y) => `${y}નું ચોથું ત્રિમાસિક`,
    40: (y) => `${y}નું પહેલું છમાસિક`, 41: (y) => `${y}નું બીજું છમાસિક`,
  },
  ongoing: (s) => `${s} – ચાલુ`,
  range: (a, b) => `${a} – ${b}`,
};

const PHRASES: Record<Lang, Phrases> = { en: EN, ja: JA, hi: HI, gu: GU };

// One formatter per language and options: constructing Intl.DateTimeFormat costs far more than formatting.
// Keyed by day, month and year: the only options the atlas formats with (words here, tick labels in timeTicks).
export interface DayFormatter {
  format(ms: number): string;
}
type FormatOptions = Pick<Intl.DateTimeFormatOptions, 'day' | 'month' | 'year' | 'era'>;
const formatters = new Map<string, DayFormatter>();
export function dateFormat(lang: Lang, opts: FormatOptions): DayFormatter {
  const key = `${lang}|${opts.day ?? ''}|${opts.month ?? ''}|${opts.year ?? ''}|${opts.era ?? ''}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = lang === 'en' ? englishFormat(opts) : new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', ...opts })));
  return f;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/**
 * en-GB's output for the options above, written out: the first Intl.DateTimeFormat a page builds loads ICU's locale
 * data (≈ 40–70 ms on the bench machine), on the path to the first view. Years outside 1–9999 (where en-GB drops
 * the era) go to Intl. tests/unit/dates.test.ts holds this to Intl's own output.
 */
function englishFormat(opts: FormatOptions): DayFormatter {
  let intl: Intl.DateTimeFormat | undefined;
  const months = opts.month === 'long' ? MONTHS : opts.month === 'short' ? SHORT_MONTHS : null;
  const writable = !opts.era && (!opts.day || opts.day === 'numeric') && (!opts.year || opts.year === 'numeric') && (!opts.month || months);
  return {
    format(ms) {
      const d = new Date(ms);
      const y = d.getUTCFullYear();
      if (!writable || y < 1 || y > 9999) return (intl ??= new Intl.DateTimeFormat(LOCALES.en, { timeZone: 'UTC', ...opts })).format(ms);
      const parts: string[] = [];
      if (opts.day) parts.push(String(d.getUTCDate()));
      if (months) parts.push(months[d.getUTCMonth()]);
      if (opts.year) parts.push(String(y));
      return parts.join(' ');
    },
  };
}

/** Formatted; a date before year 1 carries its era ("3500 BC", 紀元前3500年), which Intl otherwise drops. */
function fmt(ms: number, lang: Lang, opts: FormatOptions): string {
  const beforeOne = opts.year && new Date(ms).getUTCFullYear() < 1;
  return dateFormat(lang, beforeOne ? { ...opts, era: 'short' } : opts).format(ms);
}

/** A span in words, in the given language (English phrasing where a language has none yet). */
export function dateInWords(span: DateSpan, lang: Lang = 'en'): string {
  const p = PHRASES[lang];
  if (span.precision === 'interval' && span.start) {
    const a = dateInWords(span.start, lang);
    if (span.open || !span.end) return p.ongoing(a);
    return collapseRange(span.start, span.end, lang) ?? p.range(a, dateInWords(span.end, lang));
  }
  let words: string;
  const year = new Date(span.min).getUTCFullYear();
  switch (span.precision) {
    case 'day':
      words = fmt(span.min, lang, { day: 'numeric', month: 'long', year: 'numeric' });
      break;
    case 'month':
      words = fmt(span.min, lang, { month: 'long', year: 'numeric' });
      break;
    case 'season':
      words = p.season[span.season!](year);
      break;
    default:
      words = year < 1 ? fmt(span.min, lang, { year: 'numeric' }) : lang === 'ja' ? `${year}年` : String(year);
  }
  return span.approximate ? p.about(words) : words;
}

/** "29–30 August 2025" for two days of one month (English), else null. */
function collapseRange(a: DateSpan, b: DateSpan, lang: Lang): string | null {
  if (lang !== 'en' || a.precision !== 'day' || b.precision !== 'day' || a.approximate || b.approximate) return null;
  const da = new Date(a.min), db = new Date(b.min);
  if (da.getUTCFullYear() !== db.getUTCFullYear() || da.getUTCMonth() !== db.getUTCMonth()) return null;
  return `${da.getUTCDate()}–${fmt(b.min, lang, { day: 'numeric', month: 'long', year: 'numeric' })}`;
}

/** The precision itself in words, for hover text: "day", "month", "first half of a year"… */
export function precisionInWords(span: DateSpan): string {
  if (span.open) return 'ongoing';
  if (span.precision === 'season') return span.season! >= 40 ? 'half-year' : span.season! >= 33 ? 'quarter' : 'season';
  return span.approximate ? `${span.precision}, approximate` : span.precision;
}

/** A day for the playhead readout: "2 July 2026". */
export function dayInWords(ms: number, lang: Lang = 'en'): string {
  return fmt(ms, lang, { day: 'numeric', month: 'long', year: 'numeric' });
}

export { LOCALES };
