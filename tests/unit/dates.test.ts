import { describe, expect, it } from 'vitest';
import { parseDate, parseIsoDay, isoDay, isPointLike, DateParseError } from '../../src/lib/model/dates';
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

// setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
const ymd = (y: number, m: number, d: number) => new Date(0).setUTCFullYear(y, m - 1, d);

describe('parseIsoDay', () => {
  it.each([
    ['2026-07-02', utc(2026, 7, 2)],
    ['2026-02-29', null],
    ['2026-7-2', null],
    ['', null],
    // Years below 100 are themselves, not 1900–1999.
    ['0050-06-01', ymd(50, 6, 1)],
    ['0001-01-01', ymd(1, 1, 1)],
    ['0099-12-31', ymd(99, 12, 31)],
    ['0000-02-29', ymd(0, 2, 29)],
    ['0050-02-29', null],
    // Expanded years (sign and six digits, astronomical: year 0 is 1 BC), as DESIGN's URL and host messages accept.
    ['-003499-01-01', ymd(-3499, 1, 1)],
    ['+012000-01-01', ymd(12000, 1, 1)],
    ['+002026-07-02', utc(2026, 7, 2)],
    ['-000001-12-31', ymd(-1, 12, 31)],
    ['+275760-09-13', ymd(275760, 9, 13)],
    ['-271821-04-20', ymd(-271821, 4, 20)],
    ['+275760-09-14', null],
    ['-271821-04-19', null],
    ['-000000-01-01', null],
    ['+12000-01-01', null],
    ['12000-01-01', null],
    ['-3499-01-01', null],
    ['+012000-02-30', null],
  ])('%s → %s', (text, ms) => expect(parseIsoDay(text)).toBe(ms));
});

describe('isoDay writes what parseIsoDay reads', () => {
  it.each([
    [utc(2026, 7, 2), '2026-07-02'],
    [ymd(50, 6, 1), '0050-06-01'],
    [ymd(0, 1, 1), '0000-01-01'],
    [ymd(9999, 12, 31), '9999-12-31'],
    [ymd(10000, 1, 1), '+010000-01-01'],
    [ymd(12000, 1, 1), '+012000-01-01'],
    [ymd(-1, 12, 31), '-000001-12-31'],
    [ymd(-3499, 1, 1), '-003499-01-01'],
    [ymd(2026, 7, 2) + 13 * 3600e3, '2026-07-02'],
  ])('%d → %s', (ms, text) => {
    expect(isoDay(ms)).toBe(text);
    expect(parseIsoDay(text)).toBe(ms - (((ms % 86_400_000) + 86_400_000) % 86_400_000));
  });
});

describe('years below 100 are read as themselves (not 1900–1999)', () => {
  it.each([
    ['0050', ymd(50, 1, 1), ymd(51, 1, 1) - 1],
    ['0007-03', ymd(7, 3, 1), ymd(7, 4, 1) - 1],
    ['0099-12-31', ymd(99, 12, 31), ymd(100, 1, 1) - 1],
    ['0001-33', ymd(1, 1, 1), ymd(1, 4, 1) - 1],
    ['0005/0007', ymd(5, 1, 1), ymd(8, 1, 1) - 1],
    ['0000-02-29', ymd(0, 2, 29), ymd(0, 3, 1) - 1],
  ])('%s', (text, min, max) => expect(parseDate(text)).toMatchObject({ min, max }));
});

describe('the full parser refuses what the edtf package would silently move', () => {
  // edtf 4.11 accepts 29 February of any year and rolls a common year's over to 1 March.
  it.each(['2026-02-29', '2100-02-29', '0050-02-29', '2026-02-29~', '2026-02-29/2026-03-04'])('%s is refused: there is no such day', (text) => {
    expect(() => parseDate(text)).toThrow(/29 February/);
  });
  it.each(['2026/2026', '2026-03/2026', '2026-03-05/2026-03'])('%s is refused: the end must begin after the start', (text) => {
    expect(() => parseDate(text)).toThrow(/after/);
  });
});

describe('the fast path agrees with the edtf package', () => {
  it.each([
    '2026-01-16',
    '2026-02-28',
    '2024-02-29',
    '2026-03',
    '2026-12',
    '2007',
    '2026-03~',
    '2018-10-29~',
    '2026~',
    '2026-21',
    '2026-22',
    '2026-23',
    '2026-24',
    '2026-33',
    '2026-34',
    '2026-35',
    '2026-36',
    '2026-40',
    '2026-41',
    '2025-08-29/2025-08-30',
    '2025-11-10~/2025-11-18~',
    '2026-01/2026-04',
  ])('%s', async (text) => {
    const { default: edtf } = await import('edtf');
    const ref = edtf(text);
    const span = parseDate(text);
    expect([span.min, span.max]).toEqual([ref.min, ref.max]);
  });

  it.each(['2024/..', '1999-12-31/..'])('%s is open', (text) => expect(parseDate(text)).toMatchObject({ open: true, max: Infinity }));
  it.each(['2026-00', '2026-13', '2026-02-30', '2026-42', '2026-20', '2027/2026'])('%s is refused', (text) =>
    expect(() => parseDate(text)).toThrow(DateParseError),
  );
});

describe('English dates are written out without Intl, exactly as en-GB writes them', () => {
  const options: Pick<Intl.DateTimeFormatOptions, 'day' | 'month' | 'year'>[] = [
    { day: 'numeric', month: 'long', year: 'numeric' },
    { month: 'long', year: 'numeric' },
    { year: 'numeric' },
    { month: 'short' },
    { month: 'short', year: 'numeric' },
    { day: 'numeric', month: 'short' },
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
