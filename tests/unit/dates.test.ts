import { describe, expect, it } from 'vitest';
import { parseDate, parseIsoDay, isPointLike, DateParseError } from '../../src/lib/model/dates';
import '../../src/lib/model/datesFull';
import { dateFormat, dateInWords, precisionInWords } from '../../src/lib/model/dateWords';

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const endOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) + 86_400_000 - 1;

describe('parseDate: earliest and latest instants', () => {
  it.each([
    ['2026-01-16', utc(2026, 1, 16), endOf(2026, 1, 16), 'day', false],
    ['2026-03~', utc(2026, 3, 1), endOf(2026, 3, 31), 'month', true],
    ['2026-33', utc(2026, 1, 1), endOf(2026, 3, 31), 'season', false],
    ['2026-40', utc(2026, 1, 1), endOf(2026, 6, 30), 'season', false],
    ['2007', utc(2007, 1, 1), endOf(2007, 12, 31), 'year', false],
    ['2025-08-29/2025-08-30', utc(2025, 8, 29), endOf(2025, 8, 30), 'interval', false],
    ['2027-08~', utc(2027, 8, 1), endOf(2027, 8, 31), 'month', true],
  ])('%s', (text, min, max, precision, approximate) => {
    const s = parseDate(text);
    expect([s.min, s.max, s.precision, s.approximate]).toEqual([min, max, precision, approximate]);
  });

  it('an open interval runs to Infinity and is marked open', () => {
    const s = parseDate('2024/..');
    expect(s.min).toBe(utc(2024, 1, 1));
    expect(s.max).toBe(Infinity);
    expect(s.open).toBe(true);
  });

  it.each(['2024/', 'Jan 5 2026', '2026-13-01', '2026-02-30', 'soon', '2026-01-16?'])('rejects %s with a reason', (text) => {
    expect(() => parseDate(text)).toThrow(DateParseError);
  });

  it.each([
    ['2026-01-16', true],
    ['2026-01', false],
    ['2026-40', false],
  ])('isPointLike(%s) = %s', (text, expected) => expect(isPointLike(parseDate(text))).toBe(expected));
});

describe('dateInWords: precision in words', () => {
  it.each([
    ['2026-01-16', '16 January 2026'],
    ['2026-40', 'first half of 2026'],
    ['2026-33', 'first quarter of 2026'],
    ['2026-41', 'second half of 2026'],
    ['2026-03~', 'about March 2026'],
    ['2026-03', 'March 2026'],
    ['2007', '2007'],
    ['2025-08-29/2025-08-30', '29–30 August 2025'],
    ['2025-11-10/2025-12-02', '10 November 2025 – 2 December 2025'],
    ['2024/..', '2024 – ongoing'],
  ])('%s → %s', (text, words) => expect(dateInWords(parseDate(text))).toBe(words));

  it.each([
    ['2026-01-16', 'ja', '2026年1月16日'],
    ['2026-40', 'ja', '2026年上半期'],
  ] as const)('%s in %s → %s', (text, lang, words) => expect(dateInWords(parseDate(text), lang)).toBe(words));

  it.each([
    ['2026-40', 'half-year'],
    ['2026-33', 'quarter'],
    ['2026-03~', 'month, approximate'],
    ['2024/..', 'ongoing'],
  ])('precisionInWords(%s) = %s', (text, words) => expect(precisionInWords(parseDate(text))).toBe(words));
});

describe('parseIsoDay', () => {
  it.each([
    ['2026-07-02', utc(2026, 7, 2)],
    ['2026-02-29', null],
    ['2026-7-2', null],
    ['', null],
  ])('%s → %s', (text, ms) => expect(parseIsoDay(text)).toBe(ms));
});

describe('the fast path agrees with the edtf package', () => {
  it.each([
    '2026-01-16', '2026-02-28', '2024-02-29', '2026-03', '2026-12', '2007', '2026-03~', '2018-10-29~', '2026~',
    '2026-21', '2026-22', '2026-23', '2026-24', '2026-33', '2026-34', '2026-35', '2026-36', '2026-40', '2026-41',
    '2025-08-29/2025-08-30', '2025-11-10~/2025-11-18~', '2026-01/2026-04',
  ])('%s', async (text) => {
    const { default: edtf } = await import('edtf');
    const ref = edtf(text);
    const span = parseDate(text);
    expect([span.min, span.max]).toEqual([ref.min, ref.max]);
  });

  it.each(['2024/..', '1999-12-31/..'])('%s is open', (text) => expect(parseDate(text)).toMatchObject({ open: true, max: Infinity }));
  it.each(['2026-00', '2026-13', '2026-02-30', '2026-42', '2026-20', '2027/2026'])('%s is refused', (text) => expect(() => parseDate(text)).toThrow(DateParseError));
});

describe('English dates are written out without Intl, exactly as en-GB writes them', () => {
  const options: Pick<Intl.DateTimeFormatOptions, 'day' | 'month' | 'year'>[] = [
    { day: 'numeric', month: 'long', year: 'numeric' }, { month: 'long', year: 'numeric' }, { year: 'numeric' },
    { month: 'short' }, { month: 'short', year: 'numeric' }, { day: 'numeric', month: 'short' },
  ];
  const days: number[] = [];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const at = (y: number, m: number, d: number) => new Date(0).setUTCFullYear(y, m, d);
  for (const y of [1, 99, 999, 1000, 1969, 2000, 2024, 2026, 2030, 9999]) for (let m = 0; m < 12; m++) days.push(at(y, m, 1 + ((m * 7) % 28)) + 13 * 3600e3);
  days.push(at(2026, 0, 31), at(2024, 1, 29), at(-50, 5, 1), at(10000, 0, 1), at(0, 0, 1));
  it.each(options.map((o) => [JSON.stringify(o), o] as const))('%s', (_, o) => {
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...o });
    const ours = dateFormat('en', o);
    expect(ours).not.toBeInstanceOf(Intl.DateTimeFormat);
    expect(new Date(days[0]).getUTCFullYear()).toBe(1);
    for (const ms of days) expect(ours.format(ms), new Date(ms).toISOString()).toBe(intl.format(ms));
  });
  it('other languages still use Intl', () => {
    expect(dateFormat('ja', { year: 'numeric' })).toBeInstanceOf(Intl.DateTimeFormat);
  });
});
