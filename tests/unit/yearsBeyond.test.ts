// Years beyond the common four digits (DESIGN: Dates beyond four digits): EDTF's Y-prefixed years load as years, and
// every year before AD 1 is worded with its era, never as a bare negative or a bare positive number.
import { describe, expect, it } from 'vitest';
import '../../src/lib/model/datesFull';
import { parseDate, DateParseError } from '../../src/lib/model/dates';
import { dateInWords, dayInWords } from '../../src/lib/model/dateWords';

describe('years beyond four digits', () => {
  it.each([
    ['Y12000', 12000],
    ['Y-12000', -12000],
  ])('%s is a year: from 1 January to 31 December of astronomical year %i', (text, year) => {
    const d = parseDate(text);
    expect(d.precision).toBe('year');
    expect(d.min).toBe(new Date(0).setUTCFullYear(year, 0, 1));
    expect(d.max).toBe(new Date(0).setUTCFullYear(year + 1, 0, 1) - 1);
  });
  it('refuses a year a browser Date cannot hold, by name', () => {
    expect(() => parseDate('Y170000002')).toThrow(DateParseError);
    expect(() => parseDate('Y170000002')).toThrow(/beyond the years a browser's dates hold/);
  });
});

describe('years before AD 1 in words', () => {
  it.each([
    ['-3499', 'en', '3500 BC'],
    ['-3499', 'ja', '紀元前3500年'],
    ['Y-12000', 'en', '12001 BC'],
    ['0000', 'en', '1 BC'],
    ['0602', 'en', '602'],
    ['Y12000', 'en', '12000'],
  ] as const)('%s in %s is “%s”', (text, lang, words) => {
    expect(dateInWords(parseDate(text), lang)).toBe(words);
  });
  it('a day before AD 1 keeps its era', () => {
    expect(dayInWords(new Date(0).setUTCFullYear(-3499, 5, 2))).toBe('2 June 3500 BC');
    expect(dayInWords(Date.UTC(2026, 6, 2))).toBe('2 July 2026');
  });
});
