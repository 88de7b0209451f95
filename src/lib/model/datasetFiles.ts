// A dataset's file names, the form of its name, its problems and its collections. It imports nothing but a one-line
// helper, so that the build (scripts/datasetPlugin.ts) can read it too, and so that a load whose files the build
// already validated does not fetch the validator (zod and the full EDTF parser). The file names must be those
// validateDataset's schemas check; tests/unit/prefetch.test.ts holds the two in step.
import { describeError } from '../describeError.ts';
import type { Actor, AtlasEvent, Initiative, Meta, Place, Source, Story, Theme } from './schema.ts';

export const DATASET_NAME = /^[a-z0-9-]+$/;
export const DATASET_FILES = {
  required: ['meta.json', 'places.json', 'events.json', 'initiatives.json', 'themes.json', 'actors.json', 'sources.json'],
  optional: ['stories.json'],
} as const;
/** Every file a dataset may have, required ones first: the order of fetching, prefetching and digesting. */
export const ALL_DATASET_FILES: readonly string[] = [...DATASET_FILES.required, ...DATASET_FILES.optional];

/**
 * A SHA-256 digest of a dataset's files as text, in DATASET_FILES order, a missing file distinct from an empty one.
 * The build writes it for every dataset that passes validation; a load whose files digest the same is the very data
 * the build checked, so it skips the schema checks. Null where Web Crypto is missing (a page served over plain http
 * from another host is not a secure context): such a load validates in full.
 */
export async function datasetDigest(texts: Record<string, string | undefined>): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const parts: string[] = [];
  for (const f of ALL_DATASET_FILES) {
    const t = texts[f];
    parts.push(t === undefined ? `\u0000${f}:missing\u0000` : `\u0000${f}:${t.length}\u0000`, t ?? '');
  }
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(parts.join(''))));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface DatasetIssue {
  file: string;
  /** Record id where it has one, else `#index`; empty for a file-level problem. */
  record: string;
  /** Dotted path inside the record, e.g. `geometry.coordinates.0`. */
  field: string;
  message: string;
}

/** A file that does not parse as JSON: the same problem whether the app fetched it or a script read it from disk. */
export function notJsonIssue(file: string, err: unknown): DatasetIssue {
  return { file, record: '', field: '', message: `is not valid JSON: ${describeError(err)}` };
}

export function formatIssue(i: DatasetIssue): string {
  const where = [i.file, i.record && `record ${i.record}`, i.field && `field ${i.field}`].filter(Boolean).join(', ');
  return `${where}: ${i.message}`;
}

export interface RawCollections {
  meta: Meta;
  places: Place[];
  events: AtlasEvent[];
  initiatives: Initiative[];
  themes: Theme[];
  actors: Actor[];
  sources: Source[];
  stories: Story[];
}

/**
 * Parsed files (by file name) as collections, a missing optional file as none. Checks nothing: for files
 * validateDataset has passed, or that the build validated byte for byte (see datasetDigest).
 */
export function collections(files: Record<string, unknown>): RawCollections {
  return {
    meta: files['meta.json'] as Meta,
    places: files['places.json'] as Place[],
    events: files['events.json'] as AtlasEvent[],
    initiatives: files['initiatives.json'] as Initiative[],
    themes: files['themes.json'] as Theme[],
    actors: files['actors.json'] as Actor[],
    sources: files['sources.json'] as Source[],
    stories: (files['stories.json'] ?? []) as Story[],
  };
}
