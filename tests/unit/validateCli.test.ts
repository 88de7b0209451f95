// `npm run validate` and the folder reader it shares with the build: a broken file is named with its record and field.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDatasetFolder } from '../../scripts/datasetFolder';
import { ALL_DATASET_FILES } from '../../src/lib/model/datasetFiles';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function copyOfRealDataset(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
  made.push(dir);
  cpSync('data/india-japan', dir, { recursive: true });
  return dir;
}
function validate(dir: string) {
  const r = spawnSync('node_modules/.bin/tsx', ['scripts/validate.ts', dir], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

describe('readDatasetFolder', () => {
  it('reads every dataset file as text and JSON', () => {
    const f = readDatasetFolder('data/india-japan');
    expect(f.issues).toEqual([]);
    for (const name of ALL_DATASET_FILES) {
      expect(f.texts[name]).toBe(readFileSync(join('data/india-japan', name), 'utf8'));
      expect(f.files[name]).toEqual(JSON.parse(f.texts[name]!));
    }
  });
  it('leaves an absent file undefined (validation says whether it may be), and names a file that is not JSON or not a file', () => {
    const dir = copyOfRealDataset();
    rmSync(join(dir, 'stories.json'));
    writeFileSync(join(dir, 'themes.json'), '[{');
    rmSync(join(dir, 'actors.json'));
    mkdirSync(join(dir, 'actors.json'));
    const f = readDatasetFolder(dir);
    expect(f.texts['stories.json']).toBeUndefined();
    expect('stories.json' in f.files).toBe(false);
    expect(f.issues).toEqual([
      { file: 'themes.json', record: '', field: '', message: expect.stringMatching(/^is not valid JSON: /) },
      { file: 'actors.json', record: '', field: '', message: 'could not be read (EISDIR)' },
    ]);
  });
});

// Each case starts the CLI (tsx compiling TypeScript) once or twice: seconds on a busy two-core machine.
describe('npm run validate', { timeout: 60_000 }, () => {
  it('says a valid dataset is valid, with its counts', () => {
    const r = validate('data/india-japan');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/valid — \d+ events, \d+ places, \d+ initiatives, \d+ sources, \d+ stories/);
  });
  it('exits 1 and names file, record and field of each problem', () => {
    const dir = copyOfRealDataset();
    const events = JSON.parse(readFileSync(join(dir, 'events.json'), 'utf8'));
    events[1].places = ['atlantis'];
    events[3].date = 'early 2026';
    writeFileSync(join(dir, 'events.json'), JSON.stringify(events, null, 2));
    const r = validate(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${dir}: 2 problems`);
    expect(r.stderr).toContain(`events.json, record "${events[1].id}" (#1), field places.0:`);
    expect(r.stderr).toContain(`events.json, record "${events[3].id}" (#3), field date:`);
  });
  it('names a file that is not JSON, and a missing required file', () => {
    const dir = copyOfRealDataset();
    writeFileSync(join(dir, 'sources.json'), '{"oops": ');
    const notJson = validate(dir);
    expect(notJson.status).toBe(1);
    expect(notJson.stderr).toMatch(/sources\.json: is not valid JSON/);
    writeFileSync(join(dir, 'sources.json'), readFileSync('data/india-japan/sources.json'));
    rmSync(join(dir, 'meta.json'));
    const r = validate(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('meta.json: the file is missing');
  });
});
