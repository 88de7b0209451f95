// (window.__atlasPrefetch is declared with the dataset's prefetch, in lib/model/loadDataset.)
// The URL of a file the app loads from beside its page (basemap, label fonts): the path resolved against `base`, as
// always, except for files the page already holds:
// - in the offline copy (scripts/build-offline.ts) a page opened from file:// may fetch nothing beside it, so that
//   copy's one HTML file carries these files inline, and its first script lists a blob: URL for each by path;
// - on the served page, index.html's inline script starts fetching what the map's first frame needs (its basemap file,
//   the Latin label font) while MapLibre downloads; adoptPrefetched turns those responses into blob: URLs, so that
//   MapLibre neither waits for a request of its own nor downloads them twice.

declare global {
  interface Window {
    /** Set only by the offline copy's first inline script: the files it carries as blob: URLs, and MapLibre's worker. */
    __atlasOffline?: { files: Record<string, string>; worker: string };
  }
}

/** Prefetched files adopted as blob: URLs, by path. */
const adopted: Record<string, string> = {};

/** `assetUrl('basemap/overview.json', 'https://atlas.example/')` is `https://atlas.example/basemap/overview.json`. */
export function assetUrl(path: string, base: string): string {
  const files = typeof window === 'undefined' ? undefined : window.__atlasOffline?.files;
  if (files && Object.hasOwn(files, path)) return files[path];
  return Object.hasOwn(adopted, path) ? adopted[path] : new URL(path, base).href;
}

/**
 * Waits for the page's prefetches of these paths (those it made; at most `patience` ms, since a stalled one must not
 * hold the map back) and adopts each that arrived whole as a blob: URL for assetUrl. Paths not prefetched are left
 * to be fetched as usual.
 */
export async function adoptPrefetched(paths: readonly string[], base: string, patience = 5000): Promise<void> {
  const pre = typeof window === 'undefined' ? undefined : window.__atlasPrefetch;
  if (!pre || typeof URL.createObjectURL !== 'function') return;
  await Promise.all(
    paths.map(async (path) => {
      const pending = pre[new URL(path, base).href];
      if (!pending || Object.hasOwn(adopted, path)) return;
      const late = new Promise<null>((ok) => setTimeout(() => ok(null), patience));
      try {
        const res = await Promise.race([pending, late]);
        if (!res?.ok) return;
        adopted[path] = URL.createObjectURL(await res.clone().blob());
      } catch {
        /* fetched as usual */
      }
    }),
  );
}
