// A dataset's file names and the form of its name: no imports, so that the build (scripts/datasetPlugin.ts) can
// read them too. They must name the files validateDataset's schemas check; tests/unit/prefetch.test.ts holds the
// two in step.

export const DATASET_NAME = /^[a-z0-9-]+$/;
export const DATASET_FILES = {
  required: ['meta.json', 'places.json', 'events.json', 'initiatives.json', 'themes.json', 'actors.json', 'sources.json'],
  optional: ['stories.json'],
} as const;

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
  for (const f of [...DATASET_FILES.required, ...DATASET_FILES.optional]) {
    const t = texts[f];
    parts.push(t === undefined ? `\u0000${f}:missing\u0000` : `\u0000${f}:${t.length}\u0000`, t ?? '');
  }
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(parts.join(''))));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
