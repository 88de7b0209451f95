// A dataset's file names and the form of its name: no imports, so that the build (scripts/datasetPlugin.ts) can
// read them too. validateDataset checks its schemas against these lists (a unit test holds them in step).

export const DATASET_NAME = /^[a-z0-9-]+$/;
export const DATASET_FILES = {
  required: ['meta.json', 'places.json', 'events.json', 'initiatives.json', 'themes.json', 'actors.json', 'sources.json'],
  optional: ['stories.json'],
} as const;
