// `npm run validate [dataset-dir]`: checks a dataset folder and prints each problem with file, record and field.
import { resolve } from 'node:path';
import { formatIssue, validateDataset } from '../src/lib/model/validateDataset.ts';
import { buildDataset } from '../src/lib/model/dataset.ts';
import { readDatasetFolder } from './datasetFolder.ts';

const dir = resolve(process.argv[2] ?? 'data/india-japan');
const folder = readDatasetFolder(dir);
// Files that cannot be read or parsed are reported alone: the schema checks would only add "missing" for each of them.
const result = folder.issues.length ? { ok: false as const, issues: folder.issues } : validateDataset(folder.files);
if (!result.ok) {
  console.error(`${dir}: ${result.issues.length === 1 ? '1 problem' : `${result.issues.length} problems`}`);
  for (const issue of result.issues) console.error(`  ${formatIssue(issue)}`);
  process.exit(1);
}
const ds = buildDataset('cli', result.data);
console.log(`${dir}: valid — ${ds.events.length} events, ${ds.places.length} places, ${ds.initiatives.length} initiatives, ${ds.sources.length} sources, ${ds.stories.length} stories`);
