// The general EDTF parser (the edtf package, with its grammar) behind parseDate's fast path, with the errors a data
// editor can act on. Importing this module installs it; validateDataset imports it, and loadDataset when a dataset
// the build already checked has a date outside the fast path.
import edtf, { Interval, Season, Date as EdtfDate } from 'edtf';
import { DateParseError, intervalSpan, setFullParser, type DateSpan, type Precision } from './dates.ts';

function fullParse(text: string): DateSpan {
  let parsed: any;
  try {
    parsed = edtf(text);
  } catch (err) {
    throw new DateParseError(`"${text}" is not an EDTF date (e.g. 2026-01-16, 2026-03~, 2026-40, 2024/..)`);
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
    const precision: Precision = parsed.precision === 3 ? 'day' : parsed.precision === 2 ? 'month' : 'year';
    return { text, min: parsed.min, max: parsed.max, precision, approximate: Boolean(parsed.approximate?.value), open: false };
  }
  throw new DateParseError(`"${text}": this kind of EDTF date (${parsed.constructor?.name ?? 'unknown'}) is not supported`);
}

const SEASON_CODES = new Set([21, 22, 23, 24, 33, 34, 35, 36, 40, 41]);

setFullParser(fullParse);
