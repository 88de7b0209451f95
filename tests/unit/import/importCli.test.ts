// `npm run import`: writes a dataset folder that `npm run validate` accepts, prints the report, and exits 1 only when
// records were refused (still writing the rest); usage errors exit 2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_DATASET_FILES } from '../../../src/lib/model/datasetFiles';
import { validateDataset } from '../../../src/lib/model/validateDataset';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function outDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-import-'));
  made.push(dir);
  return join(dir, name);
}
function run(...args: string[]) {
  const r = spawnSync('node_modules/.bin/tsx', ['scripts/cli/import.ts', ...args], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

describe('npm run import', () => {
  it('writes every dataset file, valid, and exits 0 when nothing was refused', () => {
    const out = outDir('ports');
    const r = run('tests/fixtures/import/timelinejs-template.csv', '--out', out, '--day', '2026-12-05', '--no-gazetteer');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const f of ALL_DATASET_FILES) expect(existsSync(join(out, f))).toBe(true);
    const files = Object.fromEntries(ALL_DATASET_FILES.map((f) => [f, JSON.parse(readFileSync(join(out, f), 'utf8'))]));
    expect(validateDataset(files).ok).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8'))).toMatchObject({
      title: 'Ports of the Indian Ocean',
      asOf: '2026-12-05',
      licence: 'not stated',
    });
    expect(r.stdout).toContain('timelinejs-template.csv (TimelineJS spreadsheet (CSV)): 8 records in, 0 skipped');
    expect(r.stdout).toContain('Events without a place');
  });

  it('exits 1 when records were refused, naming them, and still writes the rest', () => {
    const out = outDir('mixed');
    const r = run(
      'tests/fixtures/import/timelinejs-reordered.csv',
      'tests/fixtures/import/storymap-gigapixel.json',
      '--out',
      out,
      '--day',
      '2026-12-05',
      '--no-gazetteer',
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('timelinejs-reordered.csv, row 6, column Year: year 0 does not exist');
    expect(r.stdout).toContain('storymap-gigapixel.json: this StoryMapJS story is drawn on an image');
    const events = JSON.parse(readFileSync(join(out, 'events.json'), 'utf8'));
    expect(events.map((e: { title: string }) => e.title)).toEqual(['Port opens', 'Port closes']);
  });

  it('locates place names with the gazetteer (built, or reduced from the package)', () => {
    const out = outDir('template');
    const r = run('public/templates/atlas-events.csv', '--out', out, '--day', '2026-12-05');
    expect(r.status).toBe(0);
    const places = JSON.parse(readFileSync(join(out, 'places.json'), 'utf8'));
    expect(places.map((p: { id: string }) => p.id).sort()).toEqual(['new-delhi', 'surat', 'tokyo']);
    expect(places.find((p: { id: string }) => p.id === 'surat')).toMatchObject({ kind: 'city', country: 'IN' });
  }, 60_000);

  it.each([
    [['--out', 'data/x']],
    [['tests/fixtures/import/timelinejs.json']],
    [['tests/fixtures/import/timelinejs.json', '--out', 'data/Bad Name']],
    [['tests/fixtures/import/timelinejs.json', '--out', 'data/local-abc']],
    [['tests/fixtures/import/timelinejs.json', '--out', 'data/x', '--day', 'today']],
    [['no-such-file.csv', '--out', 'data/x']],
  ])('refuses usage %j with exit 2 and writes nothing', (args) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(existsSync('data/x')).toBe(false);
  });
});
