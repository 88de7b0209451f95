// A dataset folder on disk: each file's text (undefined where the file is absent) and its JSON, with a file that cannot
// be read or parsed as an issue naming it (a file that is not JSON gets the issue the app gives it). `npm run validate`
// and the build's list of checked datasets (scripts/datasetPlugin.ts) both read folders through this.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_DATASET_FILES, notJsonIssue, type DatasetIssue } from '../src/lib/model/datasetFiles.ts';

export interface DatasetFolder {
  /** Each dataset file's text, by file name; undefined for a file the folder does not have. */
  texts: Record<string, string | undefined>;
  /** Each file that parsed, by file name (what validateDataset takes). */
  files: Record<string, unknown>;
  /** Files that exist but could not be read or are not JSON; validateDataset reports missing required files itself. */
  issues: DatasetIssue[];
}

export function readDatasetFolder(dir: string): DatasetFolder {
  const folder: DatasetFolder = { texts: {}, files: {}, issues: [] };
  for (const f of ALL_DATASET_FILES) {
    let text: string | undefined;
    try {
      text = readFileSync(join(dir, f), 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') folder.issues.push({ file: f, record: '', field: '', message: `could not be read (${code ?? String(err)})` });
    }
    folder.texts[f] = text;
    if (text === undefined) continue;
    try {
      folder.files[f] = JSON.parse(text);
    } catch (err) {
      folder.issues.push(notJsonIssue(f, err));
    }
  }
  return folder;
}
