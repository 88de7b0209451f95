// The general EDTF parser (the edtf package, with its grammar) behind parseDate's fast path, with the errors a data
// editor can act on. Importing this module installs it; validateDataset imports it, and loadDataset when a dataset
// the build already checked has a date outside the fast path.
import edtf, { Interval, Season, Year, Date as EdtfDate } from 'edtf';
import { DateParseError, intervalSpan, setFullParser, type DateSpan, type Precision } from './dates.ts';

function fullParse(text: string): DateSpan {
  let parsed: any;
  try {
    parsed = edtf(text);
  } catch {
    throw new DateParseError(whyRefused(text));
  }
  // instanceof, not `.type`: the type name comes from the class name, which minification changes.
  if (parsed instanceof Interval) {
    const [a, b] = text.split('/');
    if (!a) throw new DateParseError(`"${text}": an interval needs a known start`);
    const start = fullParse(a);
    if (b === '..') return intervalSpan(text, start);
    if (!b) throw new DateParseError(`"${text}": an interval with an unknown end ("${a}/") is not allowed; use "${a}/.." for ongoing`);
    const end = fullParse(b);
    if (end.max < start.min) throw new DateParseError(`"${text}": the interval ends before it starts`);
    return intervalSpan(text, start, end);
  }
  if (parsed instanceof Season) {
    const code = parsed.values[1] as number;
    if (!SEASON_CODES.has(code)) throw new DateParseError(`"${text}": season code ${code} is not supported (21–24, 33–36, 40–41)`);
    return { text, min: parsed.min, max: parsed.max, precision: 'season', approximate: false, open: false, season: code };
  }
  if (parsed instanceof EdtfDate) {
    if (parsed.uncertain?.value) throw new DateParseError(`"${text}": uncertain dates ("?") are not supported; use "~" with a note`);
    // edtf 4.11 takes 29 February of any year and rolls a common year's over to 1 March: refuse it instead.
    const day = /^(-?\d{4,})-02-29/.exec(text);
    if (day && new Date(parsed.min).getUTCDate() !== 29) throw new DateParseError(`"${text}": ${day[1]} has no 29 February`);
    const precision: Precision = parsed.precision === 3 ? 'day' : parsed.precision === 2 ? 'month' : 'year';
    return { text, min: parsed.min, max: parsed.max, precision, approximate: Boolean(parsed.approximate?.value), open: false };
  }
  // A year beyond four digits, with EDTF's Y prefix (Y-12000, Y12000): a year, as precise as a four-digit one.
  if (parsed instanceof Year) {
    if (!Number.isFinite(parsed.min) || !Number.isFinite(parsed.max))
      throw new DateParseError(`"${text}": beyond the years a browser's dates hold (about 271,800 BC to AD 275,700)`);
    return { text, min: parsed.min, max: parsed.max, precision: 'year', approximate: false, open: false };
  }
  throw new DateParseError(`"${text}": this kind of EDTF date (${parsed.constructor?.name ?? 'unknown'}) is not supported`);
}

/** The reason for edtf's refusal where a data editor would not see it from the grammar alone. */
function whyRefused(text: string): string {
  const general = `"${text}" is not an EDTF date (e.g. 2026-01-16, 2026-03~, 2026-40, 2024/..)`;
  const parts = text.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1] || parts[1] === '..') return general;
  let start: DateSpan, end: DateSpan;
  try {
    [start, end] = [fullParse(parts[0]), fullParse(parts[1])];
  } catch (err) {
    if (err instanceof DateParseError && /has no 29 February/.test(err.message)) throw err;
    return general;
  }
  if (start.precision === 'season' || end.precision === 'season')
    return `"${text}": an interval runs between days, months or years, not seasons (write 2026-01/2026-06 for the first half of 2026)`;
  if (end.min <= start.min) return `"${text}": the interval's end must begin after its start`;
  return general;
}

const SEASON_CODES = new Set([21, 22, 23, 24, 33, 34, 35, 36, 40, 41]);

setFullParser(fullParse);
