// The import entry points: files in, a dataset and its report out. `importFiles` is pure and synchronous; the
// gazetteer is an option, and `importWithGazetteer` loads it (once) only when place names are left to locate.
import { atlasCsvInto } from './atlasCsv.ts';
import { DatasetDraft } from './datasetDraft.ts';
import { detectFormat, jsonFormat } from './detectFormat.ts';
import type { Gazetteer } from './gazetteer.ts';
import { geoJsonInto } from './geoJson.ts';
import type { ImportFileInput, ImportFormat, ImportOptions, ImportResult } from './importTypes.ts';
import { storyMapInto } from './storyMap.ts';
import { timelineCsvInto } from './timelineCsv.ts';
import { timelineJsonInto } from './timelineJson.ts';

/** Adds one file, whatever its format, to a draft; a file refused whole is in the report. */
export function importInto(draft: DatasetDraft, name: string, text: string): void {
  const d = detectFormat(name, text);
  if (!d.ok) {
    draft.refuseFile(draft.beginFile(name, null), d.code, d.reason);
    return;
  }
  if (d.note) draft.note({ file: name, record: '', field: '' }, 'format-from-content', d.note);
  readAs(draft, d.format, name, text, d.json);
}

function readAs(draft: DatasetDraft, format: ImportFormat, name: string, text: string, json: unknown) {
  if (format === 'timelinejs-csv') timelineCsvInto(draft, name, text);
  else if (format === 'atlas-csv') atlasCsvInto(draft, name, text);
  else if (format === 'timelinejs-json') timelineJsonInto(draft, name, json);
  else if (format === 'storymapjs') storyMapInto(draft, name, json);
  else geoJsonInto(draft, name, json);
}

/** Files (any mix of formats) as one dataset; ids stay unique across them. */
export function importFiles(files: ImportFileInput[], options: ImportOptions): ImportResult {
  const draft = new DatasetDraft(options);
  for (const f of files) importInto(draft, f.name, f.text);
  return draft.finish();
}

export function importFile(name: string, text: string, options: ImportOptions): ImportResult {
  return importFiles([{ name, text }], options);
}

/** One format, named: refuses a file that is not that format instead of sniffing another. */
function oneFormat(format: ImportFormat) {
  return (name: string, text: string, options: ImportOptions): ImportResult => {
    const draft = new DatasetDraft(options);
    const d = detectFormat(name, text);
    if (d.ok && d.format === format) readAs(draft, format, name, text, d.json);
    else {
      const reason = d.ok ? `it holds ${d.format}, not ${format}` : d.reason;
      draft.refuseFile(draft.beginFile(name, null), d.ok ? 'wrong-format' : d.code, reason);
    }
    return draft.finish();
  };
}

export const importTimelineCsv = oneFormat('timelinejs-csv');
export const importTimelineJson = oneFormat('timelinejs-json');
export const importStoryMap = oneFormat('storymapjs');
export const importAtlasCsv = oneFormat('atlas-csv');
export const importGeoJson = oneFormat('geojson');

/** True when some place names wait for the gazetteer (it was not given). */
export function needsGazetteer(result: ImportResult): boolean {
  return result.report.unresolvedPlaces.some((u) => u.reason === 'gazetteer-not-loaded');
}

/**
 * What the browser calls (with `loadGazetteer: () => fetchGazetteer()`): imports, and only if place names are left without the gazetteer, loads it (e.g.
 * `fetchGazetteer`) and imports again with it. Files are read locally; nothing is uploaded.
 */
export async function importWithGazetteer(
  files: ImportFileInput[],
  options: ImportOptions & { loadGazetteer: () => Promise<Gazetteer> },
): Promise<ImportResult> {
  const { loadGazetteer, ...rest } = options;
  const first = importFiles(files, rest);
  // A gazetteer given, or null (never load one): nothing more to do.
  if (rest.gazetteer !== undefined || !needsGazetteer(first)) return first;
  return importFiles(files, { ...rest, gazetteer: await loadGazetteer() });
}

export { jsonFormat };
