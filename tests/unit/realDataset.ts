// The built-in dataset, read from data/india-japan and validated, for tests that need real records.
import { readFileSync, readdirSync } from 'node:fs';
import { validateDataset } from '../../src/lib/model/validateDataset';
import { buildDataset, type Dataset } from '../../src/lib/model/dataset';

export const DATASET_DIR = 'data/india-japan';

/** The raw JSON of every file, parsed, by file name (a fresh copy each call, safe to mutate). */
export function readDatasetFiles(dir = DATASET_DIR): Record<string, any> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))]));
}

export function loadRealDataset(): Dataset {
  const r = validateDataset(readDatasetFiles());
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.file} ${i.record} ${i.field}: ${i.message}`).join('\n'));
  return buildDataset('india-japan', r.data);
}
