// The offline copy's Content-Security-Policy: DESIGN's policy (Security) with the hashes of the page's own inline
// scripts, and two changes that a page at file:// needs, both checked in Chromium (tests/browser/offline.test.ts):
// - script-src names the hashes alone, without 'self'. On a file:// page Chromium's 'self' matches every file: URL, so
//   `script-src 'self'` would run an injected <script src="file:///…"> from anywhere on the disk or the stick. The copy
//   loads no script file (its scripts are inline, MapLibre's worker a blob:, governed by worker-src), so it needs none.
// - font-src adds data:. The fonts cannot be files beside the page (a page at file:// may load none), so they are data:
//   URLs; without font-src they fall back to default-src 'self' and are refused. A font is not a script.
import { contentPolicy } from '../csp.ts';

/** DESIGN's policy (scripts/csp.ts) with the two file:// changes above. */
export function offlinePolicy(inlineScripts: readonly string[]): string {
  return contentPolicy(inlineScripts, { selfScripts: false, dataFonts: true });
}
