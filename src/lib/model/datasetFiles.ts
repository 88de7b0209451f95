// A dataset's file names and the form of its name: no imports, so that the build (scripts/datasetPlugin.ts) can
// read them too. They must name the files validateDataset's schemas check; tests/unit/prefetch.test.ts holds the
// two in step.

export const DATASET_NAME = /^[a-z0-9-]+$/;
export const DATASET_FILES = {
  required: ['meta.json', 'places.json', 'events.json', 'initiatives.json', 'themes.json', 'actors.json', 'sources.json'],
  optional: ['stories.json'],
} as const;
