// The atlas's own CSV template: the shipped template imports as it stands; EDTF dates kept, an end date makes an
// interval, Markdown summaries kept (their links checked), places by coordinates or by name, statuses, row sources.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATLAS_COLUMNS } from '../../../src/lib/import/atlasCsv';
import { importAtlasCsv } from '../../../src/lib/import/importFiles';
import { DAY, eventTitled, expectValid, issueAt, smallGazetteer } from './importHelpers';

const TEMPLATE = readFileSync('public/templates/atlas-events.csv', 'utf8');
const HEADER = ATLAS_COLUMNS.join(',');
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('atlas CSV: the shipped template', () => {
  it('has the documented columns in order', () => {
    expect(TEMPLATE.split('\n')[0]).toBe(HEADER);
  });

  it('imports as it stands and passes validation, with the gazetteer placing names', () => {
    const r = importAtlasCsv('atlas-events.csv', TEMPLATE, { importDay: DAY, gazetteer: smallGazetteer() });
    expectValid(r);
    expect(r.report.skipped).toEqual([]);
    expect(r.dataset.events.map((e) => e.date)).toEqual(['2025-08-29/2025-08-30', '2026-03', '2027~']);
    expect(r.dataset.events[0].summary).toContain('[links](https://example.org/summit)');
    expect(r.dataset.events[1].places).toEqual(['new-delhi']);
    expect(r.dataset.sources.map((s) => s.kind)).toEqual(['imported-file', 'news', 'news']);
  });
});

describe('atlas CSV rows', () => {
  const opts = { importDay: DAY };

  it.each([
    ['2026-03-05', '', '2026-03-05'],
    ['2026', '', '2026'],
    ['2026-03', '2026-05', '2026-03/2026-05'],
    ['2026-40', '', '2026-40'],
    ['2024/..', '', '2024/..'],
    ['-0499', '', '-0499'],
    ['June 2014', '', '2014-06'],
  ])('date %j, end %j → %s', (date, end, edtf) => {
    const r = importAtlasCsv('a.csv', csv(`${date},${end},T,,,,,,,,`), opts);
    expect(r.dataset.events[0].date).toBe(edtf);
    expectValid(r);
  });

  it.each([
    [',,T,,,,,,,,', 'date', 'date-missing'],
    ['2026,,,,,,,,,,', 'title', 'title-missing'],
    ['soon,,T,,,,,,,,', 'date', 'date-unreadable'],
    ['2026,2025,T,,,,,,,,', 'end date', 'end-before-start'],
    ['2024/..,2026,T,,,,,,,,', 'end date', 'interval-twice'],
    ['2026,,T,,,95,120,,,,', 'lat/lon', 'latitude-out-of-range'],
    ['2026,,T,,,10,190,,,,', 'lat/lon', 'longitude-out-of-range'],
    ['2026,,T,,,139.7,35.7,,,,', 'lat/lon', 'coordinates-swapped'],
    ['2026,,T,,,35.7,east,,,,', 'lat/lon', 'coordinate-not-number'],
  ])('refuses %j at column %s (%s)', (row, field, code) => {
    const r = importAtlasCsv('a.csv', csv(row), opts);
    expect(issueAt(r.report.skipped, 'row 2')).toMatchObject({ file: 'a.csv', record: 'row 2', field, code });
    expect(r.report.refused).toBe(true);
  });

  it('takes a status, or sets it from the date and says why', () => {
    const r = importAtlasCsv(
      'a.csv',
      csv('2025,,Past,,,,,,,,', '2030,,Future,,,,,,,,', '2030,,Cancelled plan,,,,,,cancelled,,', '2020,,Odd,,,,,,maybe,,'),
      opts,
    );
    expect(r.dataset.events.map((e) => e.status)).toEqual(['happened', 'planned', 'cancelled', 'happened']);
    expect(issueAt(r.report.warnings, 'row 5')).toMatchObject({ field: 'status', code: 'status-invalid' });
  });

  it('cites the row’s source beside the file, refusing non-http addresses', () => {
    const r = importAtlasCsv(
      'a.csv',
      csv('2025,,A,,,,,,,Report,https://www.example.org/r', '2025,,B,,,,,,,Report,https://www.example.org/r', '2025,,C,,,,,,,Memo,javascript:alert(1)'),
      opts,
    );
    const [a, b, c] = r.dataset.events;
    expect(a.sources).toEqual(b.sources);
    expect(a.sources).toHaveLength(2);
    expect(r.dataset.sources.find((s) => s.id === a.sources[0])).toMatchObject({ title: 'Report', url: 'https://www.example.org/r', outlet: 'example.org' });
    expect(r.dataset.sources.find((s) => s.id === c.sources[0])).not.toHaveProperty('url');
    expect(issueAt(r.report.warnings, 'row 4')).toMatchObject({ field: 'source url', code: 'url-not-http' });
    expectValid(r);
  });

  it('splits themes on ";" and gives rows without one "Other"', () => {
    const r = importAtlasCsv('a.csv', csv('2025,,A,,,,,AI; Energy,,,', '2025,,B,,,,,,,,'), opts);
    expect(r.dataset.events.map((e) => e.themes)).toEqual([['ai', 'energy'], ['other']]);
  });

  it('strips the leading quote an export puts before = + - @', () => {
    const r = importAtlasCsv('a.csv', csv(`2025,,'=SUM(A1),'@home,,,,,,,`), opts);
    expect(r.dataset.events[0]).toMatchObject({ title: '=SUM(A1)', summary: '@home' });
  });

  it('reads columns in any order, with optional id, date text and country', () => {
    const text = 'title,country,date,place,id,date text\nMeeting,PK,2024-05,Hyderabad,meeting-1,"May, they say"';
    const r = importAtlasCsv('a.csv', text, { importDay: DAY, gazetteer: smallGazetteer() });
    expect(r.dataset.events[0]).toMatchObject({ id: 'meeting-1', dateText: 'May, they say', places: ['hyderabad'] });
    expect(r.dataset.places[0]).toMatchObject({ country: 'PK', geometry: { coordinates: [68.3737, 25.3924] } });
    expectValid(r);
  });

  it('matches a place name to a place the file gives coordinates for, whatever the row order', () => {
    const r = importAtlasCsv('a.csv', csv('2025,,First,,Kōbe port,,,,,,', '2026,,Second,,KOBE PORT,34.68,135.2,,,,'), opts);
    expect(r.dataset.places).toHaveLength(1);
    expect(eventTitled(r, 'First').places).toEqual(eventTitled(r, 'Second').places);
    expect(r.report.unresolvedPlaces).toEqual([]);
  });
});
