// `npm run validate [dataset-dir]`: checks a dataset folder and prints each problem with file, record and field.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OPTIONAL_FILES, REQUIRED_FILES, formatIssue, validateDataset } from '../src/lib/model/validateDataset.ts';
import { buildDataset } from '../src/lib/model/dataset.ts';

const dir = resolve(process.argv[2] ?? 'data/india-japan');
const files: Record<string, unknown> = {};
const parseErrors: string[] = [];
for (const f of [...REQUIRED_FILES, ...OPTIONAL_FILES]) {
  const path = join(dir, f);
  if (!existsSync(path)) continue;
  try {
    files[f] = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    parseErrors.push(`${f}: is not valid JSON: ${(err as Error).message}`);
  }
}
if (parseErrors.length) {
  console.error(parseErrors.join('\n'));
  process.exit(1);
}
const result = validateDataset(files);
if (!result.ok) {
  console.error(`${dir}: ${result.issues.length} problem(s)`);
  for (const issue of result.issues) console.error(`  ${formatIssue(issue)}`);
  process.exit(1);
}
const ds = buildDataset('cli', result.data);
console.log(`${dir}: valid — ${ds.events.length} events, ${ds.places.length} places, ${ds.initiatives.length} initiatives, ${ds.sources.length} sources, ${ds.stories.length} stories`);
