// The URL of a file the app loads from beside its page (basemap, label fonts): the path resolved against `base`, as
// always, except in the offline copy (scripts/build-offline.ts). A page opened from file:// may fetch nothing beside
// it, so that copy's one HTML file carries these files inline, and its first script lists a blob: URL for each by path.

declare global {
  interface Window {
    /** Set only by the offline copy's first inline script: the files it carries as blob: URLs, and MapLibre's worker. */
    __atlasOffline?: { files: Record<string, string>; worker: string };
  }
}

/** `assetUrl('basemap/overview.json', 'https://atlas.example/')` is `https://atlas.example/basemap/overview.json`. */
export function assetUrl(path: string, base: string): string {
  const files = typeof window === 'undefined' ? undefined : window.__atlasOffline?.files;
  return files && Object.hasOwn(files, path) ? files[path] : new URL(path, base).href;
}
