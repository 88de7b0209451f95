// `npm run import -- FILE... --out data/NAME [--day YYYY-MM-DD] [--no-gazetteer]`: TimelineJS sheets (CSV) and JSON,
// StoryMapJS published.json, the atlas's CSV and GeoJSON become one validated dataset folder (one JSON file per
// collection, as data/india-japan/). Prints the report; exits 1 when records were refused (the rest is still written),
// 2 on a usage error or a file that cannot be read, 3 if the result would not pass validation (nothing is written).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { datasetFileMap, datasetFileTexts } from '../../src/lib/import/datasetFileMap.ts';
import { gazetteerFrom, type Gazetteer, type GazetteerData } from '../../src/lib/import/gazetteer.ts';
import { importWithGazetteer } from '../../src/lib/import/importFiles.ts';
import { reportLines } from '../../src/lib/import/reportLines.ts';
import { DATASET_NAME } from '../../src/lib/model/datasetFiles.ts';
import { formatIssue, validateDataset } from '../../src/lib/model/validateDataset.ts';
import { GAZETTEER_FILE, geonamesFile, reduceGeonames } from '../build/gazetteer.ts';

const USAGE = 'usage: npm run import -- FILE... --out data/NAME [--day YYYY-MM-DD] [--no-gazetteer]';

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

const args = process.argv.slice(2);
const files: string[] = [];
let out: string | undefined;
let day = new Date().toISOString().slice(0, 10);
let useGazetteer = true;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--out') out = args[++i];
  else if (a.startsWith('--out=')) out = a.slice(6);
  else if (a === '--day') day = args[++i] ?? '';
  else if (a.startsWith('--day=')) day = a.slice(6);
  else if (a === '--no-gazetteer') useGazetteer = false;
  else if (a === '--help' || a === '-h') fail(0, USAGE);
  else if (a.startsWith('--')) fail(2, `unknown option ${a}\n${USAGE}`);
  else files.push(a);
}
if (!files.length || !out) fail(2, USAGE);
const name = basename(resolve(out));
if (!DATASET_NAME.test(name)) fail(2, `--out ${out}: a dataset folder's name must match ${DATASET_NAME} (lowercase letters, digits, hyphens)`);
if (name.startsWith('local-')) fail(2, `--out ${out}: names starting "local-" are reserved for data imported in a browser`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) fail(2, `--day ${day}: expected a day as YYYY-MM-DD`);

const inputs = files.map((f) => {
  try {
    return { name: basename(f), text: readFileSync(f, 'utf8') };
  } catch (err) {
    return fail(2, `${f}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
});

/** The built gazetteer if the build made it, else reduced now from the npm package (a few seconds). */
async function loadGazetteer(): Promise<Gazetteer> {
  if (existsSync(GAZETTEER_FILE)) return gazetteerFrom(JSON.parse(readFileSync(GAZETTEER_FILE, 'utf8')) as GazetteerData);
  return gazetteerFrom(reduceGeonames(readFileSync(geonamesFile(), 'utf8')));
}

const result = await importWithGazetteer(inputs, {
  importDay: day,
  gazetteer: useGazetteer ? undefined : null,
  loadGazetteer: useGazetteer ? loadGazetteer : () => Promise.reject(new Error('--no-gazetteer')),
});

const validation = validateDataset(datasetFileMap(result.dataset));
if (!validation.ok) {
  for (const line of reportLines(result.report)) console.error(line);
  console.error(`\nThe imported dataset does not pass validation (an importer bug; nothing written):`);
  for (const issue of validation.issues) console.error(`  ${formatIssue(issue)}`);
  process.exit(3);
}

const dir = resolve(out);
mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(datasetFileTexts(result.dataset))) writeFileSync(join(dir, file), text);

const lines = reportLines(result.report);
console.log(`Imported ${files.length === 1 ? '1 file' : `${files.length} files`} into ${out} (as of ${day}):`);
for (const line of lines) console.log(line ? `  ${line}` : '');
console.log(`\nWrote ${dir}; open it with ?dataset=${name} after a build.`);
process.exit(result.report.refused ? 1 : 0);
