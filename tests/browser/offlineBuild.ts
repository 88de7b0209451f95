// The offline copy the browser tests open (scripts/build-offline.ts): dist-offline/ (folder and zip) and, beside the
// built app, dist/offline/ (what Share's "Download offline copy" fetches). `npm run build` makes both; a test builds
// them here when they are missing or older than anything they are made from, so a test run alone after a change
// tests that change, and a full run builds them once, not once per test file.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';

export const OFFLINE_OUT = resolve('dist-offline');
const APP = resolve(process.env.ATLAS_DIST ?? 'dist');
/** The app is there unless only the offline copy is under test (vite build not run): then only dist-offline/. */
const withApp = () => existsSync(join(APP, 'index.html'));
const outputs = () => [
  join(OFFLINE_OUT, 'indo-pacific-atlas', 'index.html'),
  join(OFFLINE_OUT, 'indo-pacific-atlas.zip'),
  ...(withApp() ? [join(APP, 'offline', 'index.html')] : []),
];
/** What the copy is made from: the app, its build, its data, the prebuild's basemap and fonts, the dependencies. */
const SOURCES = [
  'src',
  'scripts/build-offline.ts',
  'scripts/offline',
  'scripts/vite',
  'index.html',
  'data',
  'public/basemap',
  'public/fonts',
  'package-lock.json',
];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  // Files only: a folder's own time changes when the synthetic test adds or removes data/synthetic-*, which the copy
  // leaves out, as it leaves out their files.
  return Math.max(
    0,
    ...readdirSync(path)
      .filter((f) => !f.startsWith('synthetic-'))
      .map((f) => newest(join(path, f))),
  );
}

export function ensureOfflineCopy() {
  const built = Math.min(...outputs().map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  if (built > 0 && built >= Math.max(...SOURCES.map(newest))) return;
  execFileSync(resolve('node_modules/.bin/tsx'), ['scripts/build-offline.ts', '--out', OFFLINE_OUT, ...(withApp() ? ['--app', APP] : [])], {
    stdio: 'inherit',
  });
}

/** A zip's files by name, read through its central directory (stored or deflated). */
export function readZip(zip: Buffer): Record<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  const out: Record<string, Buffer> = {};
  for (let i = 0, at = zip.readUInt32LE(end + 16); i < count; i++) {
    const method = zip.readUInt16LE(at + 10),
      size = zip.readUInt32LE(at + 20),
      nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30),
      comment = zip.readUInt16LE(at + 32),
      local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    out[name] = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

/** Debian's firefox-esr (installed by npm test where it is missing), or FIREFOX_PATH. */
export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Headless Firefox ESR with WebGL: headless Firefox has it only through EGL without a display (Mesa's llvmpipe), and only when forced. */
export function launchFirefox() {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'webgl.force-enabled': true },
    env: { ...process.env, MOZ_WEBGL_FORCE_EGL: '1', EGL_PLATFORM: 'surfaceless' },
  });
}
