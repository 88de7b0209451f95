// Problems the validator must refuse with file, record and field (issue 13): spans that end before they start,
// and source addresses that are not http or https.
import { describe, expect, it } from 'vitest';
import { validateDataset, type DatasetIssue } from '../../src/lib/model/validateDataset';
import { readDatasetFiles } from './realDataset';

type Mutate = (files: Record<string, any>) => void;

function issuesAfter(mutate: Mutate): DatasetIssue[] {
  const files = readDatasetFiles();
  mutate(files);
  const r = validateDataset(files);
  return r.ok ? [] : r.issues;
}

describe('the validator refuses', () => {
  const at = (file: string, index: number, fields: Record<string, string>): Mutate => (f) => Object.assign(f[file][index], fields);
  const idOf = (file: string, index: number) => readDatasetFiles()[file][index].id;

  it.each<[string, string, number, Record<string, string>, string]>([
    ['an initiative that ends the day before it starts', 'initiatives.json', 0, { start: '2024-08-20', end: '2024-08-19' }, 'end'],
    ['an initiative that ends a year before it starts', 'initiatives.json', 1, { start: '2020', end: '2019' }, 'end'],
    ['a source address with the javascript: scheme', 'sources.json', 3, { url: 'javascript:alert(1)' }, 'url'],
    ['a source address with the data: scheme', 'sources.json', 3, { url: 'data:text/html,<script>alert(1)</script>' }, 'url'],
    ['a source address with the ftp: scheme', 'sources.json', 4, { url: 'ftp://example.org/x' }, 'url'],
  ])('%s, naming file, record and field', (_name, file, index, fields, field) => {
    const issues = issuesAfter(at(file, index, fields));
    expect(issues).toEqual([{ file, record: `"${idOf(file, index)}" (#${index})`, field, message: expect.any(String) }]);
    expect(issues[0].message.length).toBeGreaterThan(10);
  });

  it.each<[string, Mutate]>([
    ['an initiative ending the day it starts', (f) => Object.assign(f['initiatives.json'][0], { start: '2024-08-20', end: '2024-08-20' })],
    ['an initiative ending within its start month', (f) => Object.assign(f['initiatives.json'][0], { start: '2024-08', end: '2024-08-20' })],
    ['an http source address', (f) => (f['sources.json'][3].url = 'http://example.org/a?b=c')],
    ['an HTTPS source address in capitals', (f) => (f['sources.json'][3].url = 'HTTPS://EXAMPLE.ORG/')],
  ])('but accepts %s', (_name, mutate) => {
    expect(issuesAfter(mutate)).toEqual([]);
  });
});
