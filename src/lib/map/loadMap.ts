// MapLibre is the largest script the atlas loads (about 230 KB as served), so it is not a static import of the page's
// entry: the shell, the timeline and the preview of the opening view show while it downloads. main.ts starts the
// import at once; MapView awaits it. Loading it also starts MapLibre's workers (prewarm).
import type * as AtlasMapModule from './AtlasMap';

let pending: Promise<typeof AtlasMapModule> | null = null;

export function loadAtlasMap(): Promise<typeof AtlasMapModule> {
  return (pending ??= import('./AtlasMap').then((m) => {
    m.warmUpMap();
    return m;
  }));
}
