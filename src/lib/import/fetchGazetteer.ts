// The gazetteer for the browser: fetched from the app's own origin (gazetteer/cities.json beside index.html) only when
// an import has place names to locate, once per page; never part of the first load.
import { gazetteerFrom, type Gazetteer, type GazetteerData } from './gazetteer.ts';

export const GAZETTEER_PATH = 'gazetteer/cities.json';

let pending: Promise<Gazetteer> | null = null;

export function fetchGazetteer(url: string = GAZETTEER_PATH, fetchFn: typeof fetch = fetch): Promise<Gazetteer> {
  pending ??= (async () => {
    const res = await fetchFn(url);
    if (!res.ok) throw new Error(`the gazetteer (${url}) could not be loaded: HTTP ${res.status}`);
    return gazetteerFrom((await res.json()) as GazetteerData);
  })().catch((err) => {
    pending = null; // a failed fetch may be tried again
    throw err;
  });
  return pending;
}
