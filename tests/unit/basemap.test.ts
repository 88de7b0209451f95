// The generated basemap is drawable by a planar renderer: nothing spans the antimeridian, coordinates
// are in range, rings are closed, clip edges are not coastlines, and detail covers the corridor.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBasemap, DETAIL_BBOX, type BuiltFile } from '../../scripts/build-basemap.ts';

const FILES = ['overview.json', 'detail.json'] as const;
const GZIP_BUDGET_KB = { 'overview.json': 250, 'detail.json': 700 };

let dir: string;
let built: BuiltFile[];
const data = {} as Record<(typeof FILES)[number], FeatureCollection>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'basemap-'));
  built = buildBasemap(dir);
  for (const f of FILES) data[f] = JSON.parse(readFileSync(join(dir, f), 'utf8'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const byKind = (fc: FeatureCollection, k: string) => fc.features.filter((f) => f.properties?.k === k);
/** Every line of a feature: polygon rings or line strings. */
const linesOf = (f: Feature): Position[][] =>
  f.geometry.type === 'MultiPolygon' ? (f.geometry as MultiPolygon).coordinates.flat() : (f.geometry as MultiLineString).coordinates;
const landAt = (fc: FeatureCollection, p: [number, number]) =>
  byKind(fc, 'land').some((f) => booleanPointInPolygon(p, f as Feature<MultiPolygon>));

describe.each(FILES)('%s', (file) => {
  it('was written, within its gzip budget, with land, coast and boundary features', () => {
    const b = built.find((x) => x.file.endsWith(file))!;
    expect(b.gzip / 1024).toBeLessThanOrEqual(GZIP_BUDGET_KB[file]);
    const kinds = data[file].features.map((f) => f.properties?.k);
    expect(new Set(kinds)).toEqual(new Set(['land', 'coast', 'boundary']));
  });

  it('has no segment spanning more than 180° of longitude, and every coordinate in range', () => {
    const bad: string[] = [];
    for (const f of data[file].features) {
      for (const line of linesOf(f)) {
        line.forEach(([x, y], i) => {
          if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) bad.push(`${f.properties?.k}: [${x}, ${y}] out of range`);
          if (i > 0 && Math.abs(x - line[i - 1][0]) > 180) bad.push(`${f.properties?.k}: [${line[i - 1]}] → [${x}, ${y}] spans > 180°`);
        });
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('has closed polygon rings of at least 4 positions', () => {
    const bad = byKind(data[file], 'land')
      .flatMap(linesOf)
      .filter((r) => r.length < 4 || r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1]);
    expect(bad.map((r) => `${r.length} positions from [${r[0]}]`).slice(0, 10)).toEqual([]);
  });

  it('has lines of at least 2 positions', () => {
    const lines = [...byKind(data[file], 'coast'), ...byKind(data[file], 'boundary')].flatMap(linesOf);
    expect(lines.filter((l) => l.length < 2)).toEqual([]);
  });
});

describe('overview.json', () => {
  it.each([
    ['Chukotka west of 180°', [178, 66], true],
    ['Chukotka east of 180°', [-175, 66], true],
    ['Fiji, Vanua Levu (crosses 180°)', [179.3, -16.5], true],
    ['Antarctica', [0, -80], true],
    ['the Bering Sea', [-175, 58], false],
    ['the Southern Ocean', [0, -55], false],
    ['India', [78, 22], true],
    ['the Arabian Sea', [65, 15], false],
  ] as const)('%s: land is %s', (_, p, expected) => {
    expect(landAt(data['overview.json'], [p[0], p[1]])).toBe(expected);
  });
});

describe('detail.json', () => {
  it('covers at least lon 40..150, lat -15..46', () => {
    const [w, s, e, n] = DETAIL_BBOX;
    expect(w <= 40 && s <= -15 && e >= 150 && n >= 46).toBe(true);
    expect(data['detail.json'].bbox).toEqual(DETAIL_BBOX);
  });

  it.each([
    ['Surat, on the corridor', [72.9, 21.2], true],
    ['the Gulf of Khambhat / Arabian Sea', [71.5, 20.5], false],
    ['Mumbai', [72.88, 19.08], true],
    ['Tokyo', [139.69, 35.69], true],
    ['Tokyo Bay', [139.8, 35.45], false],
    ['the Strait of Hormuz', [56.25, 26.57], false],
  ] as const)('%s: land is %s', (_, p, expected) => {
    expect(landAt(data['detail.json'], [p[0], p[1]])).toBe(expected);
  });

  it('draws no coastline along the clip box', () => {
    const [w, s, e, n] = DETAIL_BBOX;
    const onEdge = (a: Position, b: Position) =>
      (a[0] === b[0] && (a[0] === w || a[0] === e)) || (a[1] === b[1] && (a[1] === s || a[1] === n));
    const along = byKind(data['detail.json'], 'coast')
      .flatMap(linesOf)
      .flatMap((l) => l.slice(1).filter((p, i) => onEdge(l[i], p)));
    expect(along.slice(0, 10)).toEqual([]);
  });

  it('marks lines of disputed units (e.g. Siachen Glacier) as disputed', () => {
    const disputed = byKind(data['detail.json'], 'boundary').filter((f) => f.properties?.disputed === true);
    const pts = disputed.flatMap(linesOf).flat();
    expect(pts.some(([x, y]) => x > 76 && x < 78 && y > 34.5 && y < 36)).toBe(true);
  });
});
