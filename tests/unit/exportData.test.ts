// CSV and GeoJSON exports: the import template's columns, a byte-order mark, formula cells neutralised (numbers and
// EDTF dates left as they are), the dataset's licence and attribution, and export → import keeping what it can.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOM, CSV_COLUMNS, csvCell, eventsCsv, visibleGeoJson } from '../../src/lib/export/exportData';
import { creditLines, exportCredit } from '../../src/lib/export/credit';
import { csvRows } from '../../src/lib/import/csvRows';
import { ATLAS_COLUMNS } from '../../src/lib/import/atlasCsv';
import { importAtlasCsv } from '../../src/lib/import/importFiles';
import type { EventRecord } from '../../src/lib/model/dataset';
import { loadRealDataset } from './realDataset';

const d = loadRealDataset();
const byId = (id: string) => d.eventById.get(id)!;
const rowsOf = (csv: string) => csvRows(csv).rows.filter((r) => r.some((c) => c !== ''));

describe('csvCell', () => {
  it.each<[string | number | undefined, string]>([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+44 20 7946 0000 call us', "'+44 20 7946 0000 call us"],
    ['-rf everything', "'-rf everything"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['=1+1', "'=1+1"],
    // Numbers and EDTF dates stay as they are.
    [-12.5, '-12.5'],
    ['-12.5', '-12.5'],
    ['+3', '+3'],
    ['-0500', '-0500'],
    ['-0500-03~', '-0500-03~'],
    ['-0500/-0400', '-0500/-0400'],
    ['Y-12000', 'Y-12000'],
    ['2024/..', '2024/..'],
    // Ordinary text: quoted only when it must be.
    ['India–Japan', 'India–Japan'],
    ['Tokyo, Japan', '"Tokyo, Japan"'],
    ['a "quoted" word', '"a ""quoted"" word"'],
    ['two\nlines', '"two\nlines"'],
    [undefined, ''],
  ])('%j → %s', (value, cell) => expect(csvCell(value)).toBe(cell));
});

describe('eventsCsv', () => {
  const events = d.events.slice(0, 12);
  const csv = eventsCsv(d, events);

  it('starts with a UTF-8 byte-order mark, so spreadsheets read "India–Japan" as UTF-8', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(BOM).toBe('\uFEFF');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('has the import template’s columns first, exactly as the template and the importer spell them', () => {
    const header = rowsOf(csv)[0];
    const template = readFileSync('public/templates/atlas-events.csv', 'utf8').split(/\r?\n/)[0].split(',');
    expect(header.slice(0, 11)).toEqual(template);
    expect(header.slice(0, 11)).toEqual([...ATLAS_COLUMNS]);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(header.slice(11)).toEqual(['id', 'date text', 'country', 'licence', 'attribution']);
  });

  it('writes one row per event, every row as wide as the header, CRLF line ends', () => {
    const rows = rowsOf(csv);
    expect(rows).toHaveLength(events.length + 1);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(
      csv
        .replace(/"[^"]*"/g, '')
        .split('\n')
        .every((line, i, all) => i === all.length - 1 || line.endsWith('\r')),
    ).toBe(true);
  });

  it('carries the dataset’s licence and attribution on every row', () => {
    const rows = rowsOf(csv).slice(1);
    const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    for (const r of rows) {
      expect(r[col('licence')]).toBe(d.meta.licence);
      expect(r[col('attribution')]).toBe(d.meta.attribution);
    }
  });

  it('splits a closed interval into date and end date, keeps an open one whole, and writes the venue’s coordinates', () => {
    const interval = d.events.find((e) => /^[^/]+\/[^/.]+$/.test(e.date))!;
    const point = d.events.find((e) => e.places.length && d.placeById.get(e.places[0])!.geometry.type === 'Point')!;
    const open: EventRecord = { ...point, id: 'open-one', date: '2024/..' };
    const [, a, b, c] = rowsOf(eventsCsv(d, [interval, point, open]));
    expect(a.slice(0, 2)).toEqual(interval.date.split('/'));
    expect(c.slice(0, 2)).toEqual(['2024/..', '']);
    const venue = d.placeById.get(point.places[0])!;
    expect(venue.geometry.type).toBe('Point');
    const [lon, lat] = venue.geometry.coordinates as [number, number];
    expect(b.slice(4, 7)).toEqual([venue.name.en, String(lat), String(lon)]);
    expect(b[CSV_COLUMNS.indexOf('id')]).toBe(point.id);
    expect(b[CSV_COLUMNS.indexOf('theme')]).toBe(point.themes.map((t) => d.themeById.get(t)!.label.en).join(';'));
  });

  it('neutralises formula cells in any column but leaves negative-year dates alone', () => {
    const e: EventRecord = { ...d.events[0], id: 'formula', title: '=cmd|" /C calc"!A0', summary: '@SUM(1+1)*cmd', date: '-0500' };
    const [, row] = rowsOf(eventsCsv(d, [e]));
    expect(row[0]).toBe('-0500');
    expect(row[2]).toBe(`'=cmd|" /C calc"!A0`);
    expect(row[3]).toBe("'@SUM(1+1)*cmd");
  });
});

describe('export → import: the atlas reads its own CSV back', () => {
  it('keeps ids, titles, summaries, dates and statuses, and strips the formula guard again', () => {
    const sample = [...d.events.slice(0, 20), { ...d.events[0], id: 'guarded', title: '=2+2 and a half', summary: '-ish, as reported' } as EventRecord];
    const { dataset } = importAtlasCsv('export.csv', eventsCsv(d, sample), { importDay: '2026-12-01' });
    const back = new Map(dataset.events.map((e) => [e.id, e]));
    for (const e of sample) {
      const got = back.get(e.id);
      expect(got, e.id).toBeDefined();
      expect(got).toMatchObject({ title: e.title, date: e.date, status: e.status });
      expect(got!.summary).toBe(e.summary);
    }
  });
});

describe('visibleGeoJson', () => {
  const events = ['summit-16', 'strategic-dialogue-18'].map(byId);
  const geo = visibleGeoJson(d, events);

  it('carries the dataset’s licence, attribution and source at the top of the collection', () => {
    expect(geo).toMatchObject({ type: 'FeatureCollection', name: d.meta.title, licence: d.meta.licence, attribution: d.meta.attribution });
    expect(geo.source).toContain(d.meta.title);
    expect(geo.source).toContain('2026-11-28');
  });

  it('holds exactly the places of the given events, with their ids', () => {
    expect(geo.features.map((f) => f.id).sort()).toEqual([...new Set(events.flatMap((e) => e.places))].sort());
    for (const f of geo.features) expect(f.properties.events.every((id: string) => events.some((e) => e.id === id))).toBe(true);
  });
});

describe('exportCredit', () => {
  it('names the licence, the attribution, the dataset and the basemap; image lines carry them', () => {
    const c = exportCredit(d);
    expect(c).toMatchObject({ licence: d.meta.licence, attribution: d.meta.attribution });
    expect(c.basemap).toMatch(/Natural Earth/);
    const lines = creditLines(c, 'https://atlas.example/?t=2026-07-02');
    expect(lines.join('\n')).toContain(d.meta.licence);
    expect(lines.join('\n')).toContain(d.meta.attribution);
    expect(lines[1]).toContain('https://atlas.example/?t=2026-07-02');
  });
});
