// Shared by the import tests: fixtures by name, the small gazetteer, a fixed import day, and the app's own validation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { datasetFileMap } from '../../../src/lib/import/datasetFileMap';
import { gazetteerFrom, type GazetteerData } from '../../../src/lib/import/gazetteer';
import type { ImportIssue, ImportResult } from '../../../src/lib/import/importTypes';
import { formatIssue, validateDataset } from '../../../src/lib/model/validateDataset';

export const DAY = '2026-12-05';

export function fixture(name: string): string {
  return readFileSync(join('tests/fixtures/import', name), 'utf8');
}

export const smallGazetteer = () => gazetteerFrom(JSON.parse(fixture('gazetteer-small.json')) as GazetteerData);

/** Every import must pass the app's own validation (validateDataset, as `npm run validate` uses it). */
export function expectValid(result: ImportResult) {
  const v = validateDataset(datasetFileMap(result.dataset));
  expect(v.ok ? [] : v.issues.map(formatIssue)).toEqual([]);
}

/** The issue that names this record, for asserting file/record/field. */
export function issueAt(list: ImportIssue[], record: string): ImportIssue | undefined {
  return list.find((i) => i.record === record);
}

export function eventTitled(result: ImportResult, title: string) {
  const e = result.dataset.events.find((x) => x.title === title);
  if (!e) throw new Error(`no event titled ${title}`);
  return e;
}
