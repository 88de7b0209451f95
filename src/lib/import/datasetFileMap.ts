// An imported dataset as the files of a dataset folder (meta.json, places.json, … stories.json): what validateDataset
// takes, what the CLI writes and what a zip download holds.
import { ALL_DATASET_FILES } from '../model/datasetFiles.ts';
import type { ImportedDataset } from './importTypes.ts';

export function datasetFileMap(dataset: ImportedDataset): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const name of ALL_DATASET_FILES) files[name] = dataset[name.replace(/\.json$/, '') as keyof ImportedDataset];
  return files;
}

/** Each file's text as the built-in dataset writes it: two-space JSON and a final newline. */
export function datasetFileTexts(dataset: ImportedDataset): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [name, value] of Object.entries(datasetFileMap(dataset))) texts[name] = `${JSON.stringify(value, null, 2)}\n`;
  return texts;
}
