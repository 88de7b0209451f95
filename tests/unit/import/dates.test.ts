// Dates keep their meaning: a year stays a year, an end makes an interval, BC years become astronomical, EDTF years
// have four digits (Y beyond), year 0 and years a Date cannot hold are refused by name.
import { describe, expect, it } from 'vitest';
import { calendarDate, calendarEdtf, calendarInterval, edtfYear, isoDayOf, timelineYear, timeOfDay, utcMs } from '../../../src/lib/import/calendarDate';
import { dateFromText } from '../../../src/lib/import/dateFromText';
import { propertyDate } from '../../../src/lib/import/geoJson';

describe('timelineYear (TimelineJS year → astronomical)', () => {
  it.each([
    ['1998', 1998],
    [1998, 1998],
    ['1,500', 1500],
    [' 602 ', 602],
    ['-1', 0],
    ['-3500', -3499],
    [-271821, -271820],
    [275759, 275759],
  ])('%j → %j', (raw, year) => expect(timelineYear(raw)).toEqual({ year }));

  it.each([
    ['', 'year-missing'],
    [undefined, 'year-missing'],
    ['c. 1500', 'year-not-number'],
    ['1500.5', 'year-not-number'],
    ['0', 'year-zero'],
    [0, 'year-zero'],
    ['-13800000000', 'year-beyond-date'],
    [-271822, 'year-beyond-date'],
    [275760, 'year-beyond-date'],
    ['4000000000', 'year-beyond-date'],
  ])('%j refused: %s', (raw, code) => expect(timelineYear(raw)).toMatchObject({ code }));

  it('names the limit in words', () => {
    expect(timelineYear('-13800000000')).toMatchObject({ message: expect.stringContaining('beyond what a browser’s Date can hold') });
  });
});

describe('EDTF from parts', () => {
  it.each([
    [602, '0602'],
    [2026, '2026'],
    [0, '0000'],
    [-3499, '-3499'],
    [-9999, '-9999'],
    [10000, 'Y10000'],
    [-12000, 'Y-12000'],
  ])('year %d → %s', (year, text) => expect(edtfYear(year)).toBe(text));

  it.each([
    [{ year: 2026 }, '2026'],
    [{ year: 2026, month: 3 }, '2026-03'],
    [{ year: 2026, month: 3, day: 5 }, '2026-03-05'],
    [{ year: 2026, month: 3, approximate: true }, '2026-03~'],
    [{ year: -3499, month: 3 }, '-3499-03'],
  ])('%j → %s (precision kept)', (d, edtf) => expect(calendarEdtf(d).edtf).toBe(edtf));

  it('keeps a month beyond year 9999 in words, since EDTF has none there', () => {
    expect(calendarEdtf({ year: 12000, month: 3, day: 5 })).toEqual({ edtf: 'Y12000', extraText: '5 March 12000' });
  });

  it.each([
    [{ year: 1943, month: 7 }, { year: 1946 }, '1943-07/1946'],
    [{ year: -2599 }, { year: -1899 }, '-2599/-1899'],
    [{ year: 2025, month: 8, day: 29 }, { year: 2025, month: 8, day: 30 }, '2025-08-29/2025-08-30'],
    [{ year: 2020 }, { year: 2020 }, '2020'],
  ])('%j to %j → %s', (a, b, edtf) => expect(calendarInterval(a, b)).toMatchObject({ edtf }));

  it('refuses an end before the start', () => {
    expect(calendarInterval({ year: 2000 }, { year: 1999 })).toMatchObject({ code: 'end-before-start' });
  });

  it('spans a year, a month and a day without Date.UTC (years below 100 stay themselves)', () => {
    expect(calendarDate({ year: 50 })).toMatchObject({ min: utcMs(50, 1, 1) });
    expect(new Date(calendarDate({ year: 50 }).min).getUTCFullYear()).toBe(50);
    const feb = calendarDate({ year: 2024, month: 2 });
    expect(isoDayOf(feb.min)).toBe('2024-02-01');
    expect(isoDayOf(feb.max)).toBe('2024-02-29');
  });

  it.each([
    [utcMs(2026, 3, 5), '2026-03-05'],
    [utcMs(-3499, 1, 1), '-003499-01-01'],
    [utcMs(12000, 1, 1), '+012000-01-01'],
    [utcMs(50, 6, 1), '0050-06-01'],
  ])('isoDayOf(%d) = %s', (ms, day) => expect(isoDayOf(ms)).toBe(day));

  it.each([
    [{ hour: 8, minute: 5 }, '08:05'],
    [{ hour: '14' }, '14:00'],
    [{ hour: 9, minute: 5, second: 10, millisecond: 7 }, '09:05:10.007'],
    [{}, undefined],
  ])('time of day %j → %j', (parts, text) => expect(timeOfDay(parts)).toBe(text));
});

describe('dateFromText', () => {
  it.each([
    ['2026-03-05', '2026-03-05', undefined],
    ['2026-03', '2026-03', undefined],
    ['2026', '2026', undefined],
    ['2026-03~', '2026-03~', undefined],
    ['2026-40', '2026-40', undefined],
    ['2024/..', '2024/..', undefined],
    ['-0499', '-0499', undefined],
    ['1790-2010', '1790/2010', undefined],
    ['1790 – 2010', '1790/2010', undefined],
    ['June 2014', '2014-06', undefined],
    ['5 June 2014', '2014-06-05', undefined],
    ['June 5, 2014', '2014-06-05', undefined],
    ['Sept 2014', '2014-09', undefined],
    ['June 2014 to May 2015', '2014-06/2015-05', undefined],
    ['500 BC', '-0499', undefined],
    ['c. 1500', '1500~', undefined],
    ['2020-09-01T10:30:00Z', '2020-09-01', '2020-09-01 10:30:00 UTC'],
  ])('%j → %s', (text, edtf, extra) => {
    const d = dateFromText(text);
    expect(d).toMatchObject({ edtf });
    expect(d && 'extraText' in d ? d.extraText : undefined).toBe(extra);
  });

  it.each([
    ['the rainy season', 'date-unreadable'],
    ['2014-02-30', 'day-invalid'],
    ['2015 – 2014', 'end-before-start'],
    ['February 30 2014', 'day-invalid'],
  ])('%j refused (%s)', (text, code) => expect(dateFromText(text)).toMatchObject({ code }));

  it('is null for blank', () => expect(dateFromText('  ')).toBeNull());
});

describe('GeoJSON date properties', () => {
  it.each([
    [1998, '1998'],
    ['2020-03', '2020-03'],
    [1598918400000, '2020-09-01'],
  ])('%j → %s', (v, edtf) => expect(propertyDate(v)).toMatchObject({ edtf }));

  it('refuses a number that is neither a year nor milliseconds', () => {
    expect(propertyDate(123456)).toMatchObject({ code: 'date-ambiguous' });
  });
});
