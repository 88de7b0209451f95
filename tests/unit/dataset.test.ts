import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateDataset, type DatasetIssue } from '../../src/lib/model/validateDataset';
import { jsonSchemas } from '../../scripts/build-json-schema';
import { loadRealDataset as loadReal, readDatasetFiles as readAll } from './realDataset';

describe('the real dataset', () => {
  it('passes the schema and integrity checks', () => {
    const r = validateDataset(readAll());
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('speaks to readers: no text names the project\'s files (FACTS.md) or numbers the seed articles', () => {
    const texts = JSON.stringify(readAll());
    expect(texts.match(/FACTS\.md|[Ss]eed article \d/g)).toBeNull();
  });

  it('is sourced throughout: every record cites a source that exists', () => {
    const d = loadReal();
    for (const rec of [...d.events, ...d.places, ...d.initiatives, ...d.actors]) {
      expect(rec.sources.length, rec.id).toBeGreaterThan(0);
      for (const s of rec.sources) expect(d.sourceById.has(s), `${rec.id} → ${s}`).toBe(true);
    }
  });

  it('has valid geometry: coordinates in range, lines with at least two points', () => {
    const d = loadReal();
    for (const p of d.places) {
      const coords = p.geometry.type === 'Point' ? [p.geometry.coordinates] : p.geometry.type === 'LineString' ? p.geometry.coordinates : p.geometry.coordinates.flat();
      for (const [lon, lat] of coords) {
        expect(Math.abs(lon), p.id).toBeLessThanOrEqual(180);
        expect(Math.abs(lat), p.id).toBeLessThanOrEqual(90);
      }
    }
  });

  it('draws the Mumbai–Ahmedabad corridor through its 12 stations in order, south to north', () => {
    const d = loadReal();
    const corridor = d.placeById.get('mahsr-corridor')!;
    expect(corridor.via).toHaveLength(12);
    const stations = corridor.via!.map((id) => d.placeById.get(id)!);
    expect(stations[0].id).toBe('mahsr-mumbai-bkc');
    expect(stations[11].id).toBe('mahsr-sabarmati');
    const lats = stations.map((s) => (s.geometry as { coordinates: [number, number] }).coordinates[1]);
    expect([...lats].sort((a, b) => a - b)).toEqual(lats);
    expect(corridor.geometry.type).toBe('LineString');
    expect(corridor.geometry.coordinates).toEqual(stations.map((s) => s.geometry.coordinates));
  });

  it.each([
    ['strategic-dialogue-18', '2026-01-16', 'happened', 'new-delhi'],
    ['summit-16', '2026-07-02', 'happened', 'new-delhi'],
    ['critical-minerals-jwg', '2026-33', 'overdue', null],
    ['esd-2', '2026-40', 'overdue', null],
  ])('%s: date %s, shown as %s, at %s (FACTS.md corrections applied)', (id, date, display, place) => {
    const e = loadReal().eventById.get(id)!;
    expect(e.date).toBe(date);
    expect(e.display).toBe(display);
    if (place) expect(e.places).toContain(place);
  });

  it('keeps the note that an article placed the strategic dialogue in Tokyo', () => {
    const e = loadReal().eventById.get('strategic-dialogue-18')!;
    expect(e.places).not.toContain('tokyo');
    expect(e.notes).toMatch(/Tokyo/);
  });

  it('data/schema matches the runtime schema (run `npm run schema` after changing it)', () => {
    for (const [name, text] of Object.entries(jsonSchemas())) expect(readFileSync(`data/schema/${name}`, 'utf8'), name).toBe(text);
  });
});

type Mutate = (files: Record<string, any>) => void;
const firstEventId = () => readAll()['events.json'][0].id;

describe('a broken dataset names the file, the record and the field', () => {
  it.each<[string, Mutate, Partial<DatasetIssue>]>([
    ['missing file', (f) => delete f['themes.json'], { file: 'themes.json', record: '', field: '' }],
    ['bad EDTF date', (f) => (f['events.json'][0].date = 'early 2026'), { file: 'events.json', record: `"${firstEventId()}" (#0)`, field: 'date' }],
    ['unknown status', (f) => (f['events.json'][2].status = 'done'), { file: 'events.json', field: 'status' }],
    ['missing title', (f) => delete f['events.json'][3].title, { file: 'events.json', field: 'title' }],
    ['no sources', (f) => (f['places.json'][0].sources = []), { file: 'places.json', field: 'sources' }],
    ['unknown theme', (f) => (f['events.json'][1].themes = ['space']), { file: 'events.json', field: 'themes.0' }],
    ['dangling place', (f) => (f['events.json'][1].places = ['atlantis']), { file: 'events.json', field: 'places.0' }],
    ['dangling source', (f) => (f['initiatives.json'][0].sources = ['nowhere']), { file: 'initiatives.json', field: 'sources.0' }],
    ['duplicate id', (f) => (f['events.json'][1].id = f['events.json'][0].id), { file: 'events.json', field: 'id' }],
    ['latitude out of range', (f) => (f['places.json'][0].geometry = { type: 'Point', coordinates: [10, 95] }), { file: 'places.json', field: 'geometry.coordinates.1' }],
    ['bad colour', (f) => (f['themes.json'][0].color = 'red'), { file: 'themes.json', field: 'color' }],
    ['open interval with unknown end', (f) => (f['initiatives.json'][0].start = '2024/'), { file: 'initiatives.json', field: 'start' }],
    ['meta without asOf', (f) => delete f['meta.json'].asOf, { file: 'meta.json', record: '', field: 'asOf' }],
    ['not an array', (f) => (f['sources.json'] = { id: 'x' }), { file: 'sources.json', record: '', field: '' }],
  ])('%s', (_name, mutate, expected) => {
    const files = readAll();
    mutate(files);
    const r = validateDataset(files);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual(expect.arrayContaining([expect.objectContaining(expected)]));
    for (const i of r.issues) expect(i.message.length).toBeGreaterThan(3);
  });
});
