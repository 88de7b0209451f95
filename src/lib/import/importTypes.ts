// The shapes every importer shares: the formats, the report (each problem naming file, record, field and what was
// expected), the options (import day, gazetteer) and the dataset an import returns.
import type { DatasetInput } from '../model/schema.ts';
import type { Gazetteer } from './gazetteer.ts';

export const IMPORT_FORMATS = ['timelinejs-csv', 'timelinejs-json', 'storymapjs', 'atlas-csv', 'geojson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Names for people: what the report calls each format. */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  'timelinejs-csv': 'TimelineJS spreadsheet (CSV)',
  'timelinejs-json': 'TimelineJS JSON',
  storymapjs: 'StoryMapJS published.json',
  'atlas-csv': 'atlas events CSV',
  geojson: 'GeoJSON',
};

/**
 * One problem or note. `record` is what a person looks for in the file: "row 4" in a spreadsheet (the header is row 1),
 * "events[3]" in JSON; empty for the file as a whole. `field` is the column or JSON path; empty when none applies.
 */
export interface ImportIssue {
  file: string;
  record: string;
  field: string;
  /** A stable word for what happened, for translations and tests (e.g. `year-zero`, `not-json`). */
  code: string;
  /** What is wrong and what was expected, in English. */
  message: string;
}

/** A place name that no place of the dataset and no gazetteer city answered for certain: for the user to resolve. */
export interface UnresolvedPlace {
  name: string;
  /** The folded form the lookup used: pass it as a key of `ImportOptions.placeChoices` to resolve the name. */
  key: string;
  /** Where the name was read (the first time; `uses` counts them all). */
  file: string;
  record: string;
  field: string;
  uses: number;
  reason: 'unknown' | 'ambiguous' | 'gazetteer-not-loaded';
  /** For `ambiguous`: the cities it could be, most populous first (at most 8). */
  candidates: GazetteerCandidate[];
}

export interface GazetteerCandidate {
  name: string;
  country: string;
  population: number;
  lat: number;
  lon: number;
}

export interface FileSummary {
  file: string;
  format: ImportFormat | null;
  /** Rows, records, slides or features read (blank rows not counted). */
  recordsIn: number;
  /** Of those, refused whole. */
  recordsSkipped: number;
}

export interface ImportReport {
  files: FileSummary[];
  recordsIn: number;
  /** What the dataset holds after the import. */
  counts: { events: number; places: number; initiatives: number; themes: number; stories: number };
  /** Records (or whole files) refused, each with why. */
  skipped: ImportIssue[];
  /** Values dropped or changed in records that still loaded (a link removed, a bad status replaced...). */
  warnings: ImportIssue[];
  /** Things worth knowing that lose nothing the atlas can show (extra columns ignored, a clear gazetteer winner taken). */
  notes: ImportIssue[];
  /** Events loaded without any place: they are on the timeline, not on the map. */
  needingPlace: { file: string; record: string; id: string; title: string; placeName?: string }[];
  unresolvedPlaces: UnresolvedPlace[];
  /** True when any record or file was refused: the CLI's exit code. */
  refused: boolean;
}

/** The dataset's files as written (texts as plain strings in `meta.lang`, or by language): what validateDataset takes. */
export type ImportedDataset = DatasetInput;

export interface ImportResult {
  dataset: ImportedDataset;
  report: ImportReport;
}

export interface ImportOptions {
  /** The day of the import, YYYY-MM-DD: the imported file's Source date and `meta.asOf`. Passed in, never read from a clock. */
  importDay: string;
  /** World cities for place names without coordinates; without it such names are listed as waiting for the gazetteer (null: never load one). */
  gazetteer?: Gazetteer | null;
  /** The user's answers for unresolved names, by `UnresolvedPlace.key`: a position [lon, lat] and an optional country code. */
  placeChoices?: Record<string, { lon: number; lat: number; country?: string; name?: string }>;
}

/** A file as the browser or the CLI read it. */
export interface ImportFileInput {
  name: string;
  text: string;
}
