// A ZIP archive of a folder's files, deflated (node:zlib), under `prefix/` inside the archive; names are UTF-8. The
// archive itself is the app's zip writer (src/lib/export/zip.ts), with the machine's own clock for its times.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { zipArchive } from '../../src/lib/export/zip.ts';

function walk(dir: string, rel = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f), `${rel}${f}/`) : [`${rel}${f}`]));
}

export function zipFolder(dir: string, prefix: string, date = new Date()): Buffer {
  const entries = walk(dir).map((rel) => {
    const raw = readFileSync(join(dir, rel));
    return { path: `${prefix}/${rel}`, raw, body: deflateRawSync(raw, { level: 9 }), method: 8 as const };
  });
  return Buffer.from(zipArchive(entries, date, 'local'));
}
