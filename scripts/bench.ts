// `npm run bench`: generates synthetic datasets, builds (app + bare MapLibre baseline page, into bench/tmp/dist),
// serves the build, drives Chromium with the test flags, and prints load, scrub, size and memory figures against
// the budgets of issue 6 (desktop load: issue 17), the phone profile of issue 17 (bench/phone.ts) and the video
// encode speed of issue 16 (bench/video.ts) and issue 14's 10,000-row import (bench/importBench.ts). Writes bench/results.json and the tables into README.md's "Performance".
//
// Options: --sizes 1000,10000,100000  --runs 5  --steps 200  --autoplay 60 (seconds)  --memory-events 10000
//          --only load,scrub,size,memory,phone,video,import  --skip-build  --keep-data  --no-readme  --no-profile
//          --prebuild (rerun fonts/basemap even if present)
//          --phone-runs 5  --phone-net rtt150|devtools  --video-seconds 10  --video-cap 300 (seconds per recording)
//          --import-rows 10000  --import-runs 3
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROME_FLAGS } from '../tests/browser/harness.ts';
import { serve } from './serve.ts';
import { generateSynthetic, writeSynthetic } from './gen-synthetic.ts';
import { sourceMaps, summarizeProfile, summarizeTrace, type Profile, type ProfileSummary, type TraceSummary } from '../bench/profile.ts';
import { measurePhone, phoneDescription, phoneDetails, phoneTable, withBlock, PHONE_NETWORKS, type PhoneNetwork, type PhoneResult } from '../bench/phone.ts';
import { measureVideo, videoTable, type VideoResult } from '../bench/video.ts';
import { measureImport, importTable, type ImportResult } from '../bench/importBench.ts';

// ---- options -----------------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
};
const SIZES = opt('sizes', '1000,10000,100000').split(',').map(Number);
const RUNS = Number(opt('runs', '5'));
const STEPS = Number(opt('steps', '200'));
const AUTOPLAY_S = Number(opt('autoplay', '60'));
/** Scrubbing stops early past this many seconds per dataset (only a pathologically slow build gets there). */
const SCRUB_CAP_S = Number(opt('scrub-cap', '600'));
const MEMORY_N = Number(opt('memory-events', SIZES.includes(10000) ? '10000' : String(SIZES[Math.min(1, SIZES.length - 1)])));
/** Parts to run (default all): --only load,scrub,size,memory,phone,video */
const DESKTOP_PARTS = ['load', 'scrub', 'size', 'memory'];
const ONLY = new Set(opt('only', [...DESKTOP_PARTS, 'phone', 'video', 'import'].join(',')).split(','));
const PHONE_RUNS = Number(opt('phone-runs', '5'));
// The issue's profile as stated (150 ms round trip, 1.6 Mbps down, 750 Kbps up); `devtools` is Lighthouse's stricter
// request-level equivalent (562.5 ms a request).
const PHONE_NET = opt('phone-net', 'rtt150') as PhoneNetwork;
if (!(PHONE_NET in PHONE_NETWORKS)) throw new Error(`--phone-net ${PHONE_NET}: one of ${Object.keys(PHONE_NETWORKS).join(', ')}`);
const VIDEO_SECONDS = Number(opt('video-seconds', '10'));
const VIDEO_CAP_S = Number(opt('video-cap', '300'));
/** Issue 14's import measure: rows of the generated CSV, and runs. */
const IMPORT_ROWS = Number(opt('import-rows', '10000'));
const IMPORT_RUNS = Number(opt('import-runs', '3'));
const SEED = opt('seed', '1');
const OUT = 'bench/tmp/dist';
const TMP = 'bench/tmp';
const VIEWPORT = { width: 1280, height: 800 };
const DAY = 86_400_000;

/** Budgets from issue 6 (the load ratio from issue 17). Sizes in decimal units (1 KB = 1000 bytes, 1 MB = 1,000,000 bytes). */
const BUDGET = { loadRatio: 1.2, scrubRatio10k: 2, scrubRatio100k: 4, longTask100k: 200, appJsGzip: 150_000, firstLoad: 1_200_000, heapGrowth: 5_000_000 };

const log = (...a: unknown[]) => console.error('[bench]', ...a);
const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;
const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
const ms = (x: number) => (x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
const ratio = (x: number) => `${x.toFixed(2)}×`;
const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const sh = (cmd: string) => {
  log(`$ ${cmd}`);
  execSync(cmd, { stdio: ['ignore', 'inherit', 'inherit'] });
};

// ---- data and build ----------------------------------------------------------------------------------------

function prepare(): { buildMs: number; generated: string[] } {
  if (flag('prebuild') || !existsSync('public/basemap/overview.json') || !existsSync('public/fonts')) sh('npm run prebuild');
  const generated: string[] = [];
  for (const n of new Set([...SIZES, MEMORY_N])) {
    const dir = `data/synthetic-${n}`;
    const t0 = performance.now();
    writeSynthetic(dir, generateSynthetic({ events: n, seed: SEED }));
    generated.push(dir);
    log(`generated ${dir} in ${Math.round(performance.now() - t0)} ms`);
  }
  const t0 = performance.now();
  try {
    sh(`npx vite build --config bench/vite.config.ts --logLevel warn`);
  } finally {
    // A 100k dataset in data/ would be copied and compressed by every later build; it is regenerated in seconds.
    if (!flag('keep-data')) for (const dir of generated) rmSync(dir, { recursive: true, force: true });
  }
  log(`built in ${Math.round((performance.now() - t0) / 1000)} s`);
  return { buildMs: performance.now() - t0, generated };
}

// ---- browser helpers ---------------------------------------------------------------------------------------

/** Records when <html data-state> first becomes "ready", in ms since navigation start. */
const READY_PROBE = `(() => {
  const mark = () => { if (!window.__readyAt && document.documentElement && document.documentElement.dataset.state === 'ready') window.__readyAt = performance.now(); };
  new MutationObserver(mark).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
})();`;

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(READY_PROBE);
  // tsx compiles this file keeping function names (esbuild's __name helper): functions handed to page.evaluate carry
  // calls to it, so the page gets a harmless one.
  await context.addInitScript('globalThis.__name ??= (f) => f;');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, errors };
}

async function waitReady(page: Page, timeout = 60_000): Promise<number> {
  // A cheap in-page predicate: Playwright's selector engine, polled against a DOM of a million nodes, costs
  // seconds of the page's own main thread and would be counted as the app's load time.
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state ?? ''), null, { timeout, polling: 250 });
  const state = await page.evaluate(() => document.documentElement.dataset.state);
  if (state !== 'ready') throw new Error(`page ${page.url()} reached data-state="${state}"`);
  return page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
}

/** Waits for MapLibre to finish rendering; `which` is the global holding the map. */
async function mapIdle(page: Page, which: '__atlas' | '__bare') {
  await page.evaluate(
    (which) =>
      new Promise<void>((ok) => {
        // The atlas's read-only test handle has idle(); the bare page exposes its MapLibre instance.
        const map = (window as any)[which].map;
        if (typeof map.idle === 'function') return void map.idle().then(ok);
        map.once('idle', () => ok());
        map.triggerRepaint();
      }),
    which,
  );
}

async function startProfile(cdp: CDPSession) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
}
const maps = sourceMaps(OUT);
async function stopProfile(cdp: CDPSession, name: string): Promise<ProfileSummary> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  mkdirSync(TMP, { recursive: true });
  writeFileSync(join(TMP, `${name}.cpuprofile`), JSON.stringify(profile));
  return summarizeProfile(profile, maps);
}
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'loading'];
async function stopTrace(browser: Browser, name: string): Promise<TraceSummary> {
  const buf = await browser.stopTracing();
  mkdirSync(TMP, { recursive: true });
  writeFileSync(join(TMP, `${name}.trace.json`), buf);
  return summarizeTrace(buf);
}

async function heap(cdp: CDPSession): Promise<{ used: number; total: number; nodes: number; listeners: number }> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  await cdp.send('Performance.enable');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const m = (k: string) => metrics.find((x) => x.name === k)?.value ?? NaN;
  return { used: h.usedSize, total: h.totalSize, nodes: m('Nodes'), listeners: m('JSEventListeners') };
}

// ---- 1. load -----------------------------------------------------------------------------------------------

interface LoadResult {
  appMs: number[]; bareMs: number[]; appMedian: number; bareMedian: number; ratio: number; mapSize: { w: number; h: number };
  /** Medians of the pages' own performance marks (ms since navigation): when the map was created and first idle. */
  phases: { app: Record<string, number>; bare: Record<string, number> };
  profiles: Partial<Record<'builtin' | 'bare', { profile: ProfileSummary; trace: TraceSummary }>>;
}

/** The size of the atlas's map at the bench viewport, so that the bare page draws as many pixels. */
async function appMapSize(browser: Browser, url: string): Promise<{ w: number; h: number }> {
  const warm = await newPage(browser);
  await warm.page.goto(url);
  await waitReady(warm.page);
  const size = await warm.page.evaluate(() => {
    const c = (window as any).__atlas.map.canvasSize();
    return { w: c.cssWidth as number, h: c.cssHeight as number };
  });
  await warm.context.close();
  return size;
}

async function measureLoad(browser: Browser, url: string, mapSize: { w: number; h: number }): Promise<LoadResult> {
  // The first visit of each page (not counted) warms the server and the disk cache.
  const bareUrl = `${url}bench/bare.html?w=${mapSize.w}&h=${mapSize.h}`;
  const warmBare = await newPage(browser);
  await warmBare.page.goto(bareUrl);
  await waitReady(warmBare.page);
  await warmBare.context.close();

  const appMs: number[] = [], bareMs: number[] = [];
  const marks: { app: Record<string, number[]>; bare: Record<string, number[]> } = { app: {}, bare: {} };
  // Interleaved, each in a fresh context (empty cache), so drift on a noisy machine hits both alike.
  for (let i = 0; i < RUNS; i++) {
    const pair = [[url, appMs], [bareUrl, bareMs]] as const;
    for (const [target, out] of i % 2 ? [...pair].reverse() : pair) {
      const p = await newPage(browser);
      await p.page.goto(target);
      out.push(await waitReady(p.page));
      const got = await p.page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('atlas:')).map((m) => [m.name, m.startTime] as const));
      const into = marks[target === url ? 'app' : 'bare'];
      for (const [name, t] of got) (into[name.slice(6)] ??= []).push(t);
      await p.context.close();
    }
    log(`load run ${i + 1}/${RUNS}: app ${ms(appMs[i])}, bare ${ms(bareMs[i])}`);
  }
  const appMedian = median(appMs), bareMedian = median(bareMs);
  const medians = (r: Record<string, number[]>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, median(v)]));
  const phases = { app: medians(marks.app), bare: medians(marks.bare) };
  const result: LoadResult = { appMs, bareMs, appMedian, bareMedian, ratio: appMedian / bareMedian, mapSize, phases, profiles: {} };
  if (!flag('no-profile')) {
    // One more load of each, profiled (not counted): where the app's time goes beyond the floor's.
    for (const [target, name] of [[url, 'builtin'], [bareUrl, 'bare']] as const) {
      const p = await newPage(browser);
      await startProfile(p.cdp);
      await browser.startTracing(p.page, { categories: TRACE_CATEGORIES });
      await p.page.goto(target);
      await waitReady(p.page);
      result.profiles[name] = { profile: await stopProfile(p.cdp, `load-${name}`), trace: await stopTrace(browser, `load-${name}`) };
      await p.context.close();
    }
  }
  return result;
}

// ---- 2. scrub ----------------------------------------------------------------------------------------------

interface StepStats { p50: number; p95: number; max: number; long50: number; long200: number; longestTask: number }
interface ScrubFailure { events: number; error: string; loadProfile?: ProfileSummary; loadTrace?: TraceSummary }
interface ScrubResult extends StepStats { events: number; loadMs: number; steps: number; daysMoved: number; ratioP50: number; ratioP95: number; errors: string[]; loadProfile?: ProfileSummary; scrubProfile?: ProfileSummary; loadTrace?: TraceSummary; scrubTrace?: TraceSummary }

/** In-page recorder: the time of each step's start, and of the frame painted after it (double rAF). */
const STEP_RECORDER = () => {
  const rec = { t0: [] as number[], t1: [] as number[], long: [] as number[], pending: Promise.resolve() as Promise<void> };
  (window as any).__steps = rec;
  (window as any).__stepStart = () => {
    rec.t0.push(performance.now());
    rec.pending = new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => {
      rec.t1.push(performance.now());
      ok();
    })));
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.long.push(e.duration);
  }).observe({ type: 'longtask' });
};

async function collectSteps(page: Page): Promise<StepStats & { lat: number[] }> {
  const r = await page.evaluate(() => {
    const s = (window as any).__steps;
    return { t0: s.t0 as number[], t1: s.t1 as number[], long: s.long as number[] };
  });
  const lat = r.t1.map((t, i) => t - r.t0[i]);
  return {
    lat, p50: quantile(lat, 0.5), p95: quantile(lat, 0.95), max: Math.max(...lat),
    long50: r.long.filter((d) => d > 50).length, long200: r.long.filter((d) => d > 200).length, longestTask: Math.max(0, ...r.long),
  };
}

async function measureBaseline(browser: Browser, url: string, mapSize: { w: number; h: number }): Promise<StepStats> {
  const p = await newPage(browser);
  await p.page.goto(`${url}bench/bare.html?w=${mapSize.w}&h=${mapSize.h}`);
  await waitReady(p.page);
  await mapIdle(p.page, '__bare');
  await p.page.evaluate(STEP_RECORDER);
  // Each repaint is started from the test like a key press is (a task at an arbitrary point of the frame).
  for (let i = 0; i < STEPS; i++) {
    await p.page.evaluate(() => {
      (window as any).__stepStart();
      (window as any).__bare.map.triggerRepaint();
    });
    await p.page.evaluate(() => (window as any).__steps.pending);
  }
  const s = await collectSteps(p.page);
  await p.context.close();
  const { lat: _lat, ...stats } = s;
  return stats;
}

async function measureScrub(browser: Browser, url: string, n: number, baseline: StepStats): Promise<ScrubResult | ScrubFailure> {
  const p = await newPage(browser);
  const profile = !flag('no-profile');
  if (profile) {
    await startProfile(p.cdp);
    await browser.startTracing(p.page, { categories: TRACE_CATEGORIES });
  }
  await p.page.goto(`${url}?dataset=synthetic-${n}`);
  let loadMs: number;
  try {
    loadMs = await waitReady(p.page, 900_000);
  } catch (err) {
    // Never ready: still say where the time went.
    const failure: ScrubFailure = { events: n, error: String((err as Error).message ?? err).split('\n')[0] };
    if (profile) {
      failure.loadProfile = await stopProfile(p.cdp, `load-${n}`);
      failure.loadTrace = await stopTrace(browser, `load-${n}`);
    }
    await p.context.close();
    return failure;
  }
  const loadProfile = profile ? await stopProfile(p.cdp, `load-${n}`) : undefined;
  const loadTrace = profile ? await stopTrace(browser, `load-${n}`) : undefined;
  await mapIdle(p.page, '__atlas');
  log(`synthetic-${n}: ready in ${ms(loadMs)}${profile ? ' (profiled)' : ''}`);

  await p.page.evaluate(STEP_RECORDER);
  // Key presses are timed from the page's own keydown (capture phase, before the slider's handler).
  await p.page.evaluate(() => addEventListener('keydown', (e) => e.key === 'ArrowRight' && (window as any).__stepStart(), { capture: true }));
  const slider = p.page.getByRole('slider', { name: 'Time', exact: true });
  await slider.focus();
  const timeBefore = await p.page.evaluate(() => (window as any).__atlas.state.time as number);
  const deadline = Date.now() + SCRUB_CAP_S * 1000;
  for (let i = 0; i < STEPS && Date.now() < deadline; i++) {
    await p.page.keyboard.press('ArrowRight');
    await p.page.evaluate(() => (window as any).__steps.pending);
  }
  const s = await collectSteps(p.page);
  const timeAfter = await p.page.evaluate(() => (window as any).__atlas.state.time as number);

  // A second, profiled pass (50 more steps) says where scrubbing time goes; it is not part of the figures.
  let scrubProfile: ProfileSummary | undefined;
  let scrubTrace: TraceSummary | undefined;
  if (profile) {
    await startProfile(p.cdp);
    await browser.startTracing(p.page, { categories: TRACE_CATEGORIES });
    const until = Date.now() + 120_000;
    for (let i = 0; i < 50 && Date.now() < until; i++) {
      await p.page.keyboard.press('ArrowRight');
      await p.page.evaluate(() => (window as any).__steps.pending);
    }
    scrubProfile = await stopProfile(p.cdp, `scrub-${n}`);
    scrubTrace = await stopTrace(browser, `scrub-${n}`);
  }
  const errors = [...p.errors];
  await p.context.close();
  const { lat: _lat, ...stats } = s;
  return {
    events: n, loadMs, steps: s.lat.length, daysMoved: Math.round((timeAfter - timeBefore) / DAY), ...stats,
    ratioP50: stats.p50 / baseline.p50, ratioP95: stats.p95 / baseline.p95, errors, loadProfile, scrubProfile, loadTrace, scrubTrace,
  };
}

// ---- 3. size -----------------------------------------------------------------------------------------------

interface Manifest { [key: string]: { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; assets?: string[]; isEntry?: boolean } }
interface SizeResult {
  files: Record<string, { raw: number; gzip: number }>;
  appJsFirst: number; appJsAll: number; maplibre: number; worker: number; css: number; basemapOverview: number; basemapDetail: number;
  fontsLabels: number; fontsUi: number;
  transfer: { total: number; bodies: number; requests: number; gzipEquivalent: number; encodings: Record<string, number>; list: { url: string; bytes: number; body: number; encoding: string; type: string; fromFile?: boolean }[] };
}

const gz = (file: string) => {
  const raw = readFileSync(file);
  return { raw: raw.length, gzip: file.endsWith('.woff2') || file.endsWith('.woff') ? raw.length : gzipSync(raw, { level: 9 }).length };
};

function staticSizes(): Omit<SizeResult, 'transfer'> {
  const manifest: Manifest = JSON.parse(readFileSync(join(OUT, '.vite/manifest.json'), 'utf8'));
  const files: Record<string, { raw: number; gzip: number }> = {};
  const size = (f: string) => (files[f] ??= gz(join(OUT, f)));
  // The app's JS: index.html's entry and what it imports, statically (first load) or lazily (all), minus MapLibre.
  const first = new Set<string>(), all = new Set<string>();
  const walk = (key: string, lazy: boolean) => {
    const c = manifest[key];
    if (!c || all.has(c.file)) return;
    all.add(c.file);
    if (!lazy) first.add(c.file);
    for (const k of c.imports ?? []) walk(k, lazy);
    for (const k of c.dynamicImports ?? []) walk(k, true);
  };
  walk('index.html', false);
  const isMapLibre = (f: string) => basename(f).startsWith('maplibre-');
  const sum = (list: string[]) => list.reduce((a, f) => a + size(f).gzip, 0);
  const assets = readdirSync(join(OUT, 'assets')).map((f) => `assets/${f}`).filter((f) => !/\.(gz|br|map)$/.test(f));
  const appCss = new Set<string>();
  const walkCss = (key: string) => {
    const c = manifest[key];
    if (!c) return;
    for (const f of c.css ?? []) appCss.add(f);
    for (const k of c.imports ?? []) walkCss(k);
  };
  walkCss('index.html');
  const fontsDir = join(OUT, 'fonts');
  const labelFonts = existsSync(fontsDir) ? readdirSync(fontsDir).filter((f) => f.endsWith('.woff2')).map((f) => `fonts/${f}`) : [];
  const uiFonts = (manifest['index.html']?.assets ?? []).filter((f) => f.endsWith('.woff2'));
  return {
    files,
    appJsFirst: sum([...first].filter((f) => f.endsWith('.js') && !isMapLibre(f))),
    appJsAll: sum([...all].filter((f) => f.endsWith('.js') && !isMapLibre(f))),
    maplibre: sum(assets.filter((f) => /^assets\/maplibre-[^/]*\.js$/.test(f) && !f.includes('worker'))),
    worker: sum(assets.filter((f) => /maplibre-gl-worker-.*\.mjs$/.test(f))),
    css: sum([...appCss]),
    basemapOverview: size('basemap/overview.json').gzip,
    basemapDetail: existsSync(join(OUT, 'basemap/detail.json')) ? size('basemap/detail.json').gzip : 0,
    fontsLabels: sum(labelFonts),
    fontsUi: sum(uiFonts),
  };
}

async function measureTransfer(browser: Browser, url: string, files: SizeResult['files']): Promise<SizeResult['transfer']> {
  const p = await newPage(browser);
  const list: SizeResult['transfer']['list'] = [];
  const pending: Promise<void>[] = [];
  let readyAt = Infinity;
  p.context.on('requestfinished', (req) => {
    // What finishes after ready is not first-load transfer; nor is it awaited, so it must not touch the closing page.
    if (performance.now() > readyAt) return;
    pending.push(
      (async () => {
        const [sizes, resp] = await Promise.all([req.sizes(), req.response()]);
        const encoding = (await resp?.headerValue('content-encoding')) ?? 'identity';
        let body = sizes.responseBodySize;
        let fromFile = false;
        // A worker script's body is not reported to the page (0 bytes): count the file the server sent instead.
        if (!body && resp?.status() === 200) {
          const path = join(OUT, decodeURIComponent(new URL(req.url()).pathname));
          const sent = encoding === 'br' ? `${path}.br` : encoding === 'gzip' ? `${path}.gz` : path;
          if (existsSync(sent)) [body, fromFile] = [statSync(sent).size, true];
        }
        list.push({ url: req.url().replace(url, '/'), bytes: body + sizes.responseHeadersSize, body, encoding, type: req.resourceType(), fromFile });
      })(),
    );
  });
  await p.page.goto(url);
  await waitReady(p.page);
  readyAt = performance.now();
  await Promise.all(pending);
  await p.context.close();
  // ... unless that URL was also fetched with a body (the page's prefetch of the worker, a font both the page and
  // MapLibre ask for): one download, counted once.
  const fetched = new Set(list.filter((r) => !r.fromFile && r.body > 0).map((r) => r.url));
  for (const r of list) {
    if (r.fromFile && fetched.has(r.url)) {
      r.bytes -= r.body;
      r.body = 0;
    }
  }
  const encodings: Record<string, number> = {};
  let total = 0, gzipEquivalent = 0;
  for (const r of list) {
    total += r.bytes;
    encodings[r.encoding] = (encodings[r.encoding] ?? 0) + 1;
    // What the same files weigh served as gzip (the budget's unit), whatever encoding the browser got.
    const path = decodeURIComponent(new URL(r.url, url).pathname).replace(/^\//, '') || 'index.html';
    const f = existsSync(join(OUT, path)) && statSync(join(OUT, path)).isFile() ? (files[path] ??= gz(join(OUT, path))) : null;
    // A response without a body (a cache hit, a second ask for one download) weighs only its headers either way.
    gzipEquivalent += f && r.body > 0 ? f.gzip : r.bytes;
  }
  const bodies = list.reduce((a, r) => a + r.body, 0);
  list.sort((a, b) => b.bytes - a.bytes);
  return { total, bodies, requests: list.length, gzipEquivalent, encodings, list };
}

// ---- 4. memory ---------------------------------------------------------------------------------------------

interface MemoryResult { events: number; seconds: number; mode: string; before: Awaited<ReturnType<typeof heap>>; after: Awaited<ReturnType<typeof heap>>; growth: number; daysPlayed: number; restarts: number }

async function measureMemory(browser: Browser, url: string, n: number): Promise<MemoryResult> {
  const p = await newPage(browser);
  await p.page.goto(`${url}?dataset=synthetic-${n}`);
  await waitReady(p.page, 600_000);
  await mapIdle(p.page, '__atlas');
  // Start from the beginning of the record so that a minute of play crosses years of data.
  await p.page.getByRole('slider', { name: 'Time', exact: true }).focus();
  await p.page.keyboard.press('Home');
  await mapIdle(p.page, '__atlas');
  const play = p.page.getByRole('button', { name: 'Play', exact: true });
  const hasPlay = (await play.count()) === 1;
  const playHandle = hasPlay ? await play.elementHandle() : null;
  const before = await heap(p.cdp);
  let mode: string;
  let restarts: number;
  let travelled: number;
  if (hasPlay) {
    mode = 'the Play button';
    // Role queries over a DOM this size cost the page real time, so the button is found once and then watched
    // from inside the page; playback stops at the end of the record, and Play restarts it from the beginning.
    const button = playHandle!;
    await button.click();
    ({ travelled, restarts } = await button.evaluate(
      (el, seconds) =>
        new Promise<{ travelled: number; restarts: number }>((ok) => {
          const now = () => (window as any).__atlas.state.time as number;
          let last = now(), travelled = 0, restarts = 0;
          const stopAt = performance.now() + seconds * 1000;
          const iv = setInterval(() => {
            travelled += Math.max(0, now() - last);
            last = now();
            const label = el.textContent?.trim();
            if (performance.now() >= stopAt) {
              clearInterval(iv);
              if (label === 'Pause') (el as HTMLElement).click();
              ok({ travelled, restarts });
            } else if (label === 'Play') {
              (el as HTMLElement).click();
              restarts++;
              last = now();
            }
          }, 250);
        }),
      AUTOPLAY_S,
    ));
  } else throw new Error('the atlas has no Play button to autoplay with');
  await p.page.waitForTimeout(500);
  await mapIdle(p.page, '__atlas');
  const after = await heap(p.cdp);
  await p.context.close();
  return { events: n, seconds: AUTOPLAY_S, mode, before, after, growth: after.used - before.used, daysPlayed: Math.round(travelled / DAY), restarts };
}

// ---- report ------------------------------------------------------------------------------------------------

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function table(r: Results): string {
  const rows: [string, string, string, string][] = [];
  const L = r.load;
  if (L) {
    rows.push([`Load: built-in dataset, navigation → ready (median of ${L.appMs.length})`, ms(L.appMedian), '', '']);
    rows.push([`Load: bare MapLibre page, same basemap (median of ${L.bareMs.length})`, ms(L.bareMedian), '', '']);
    rows.push(['Load ratio', ratio(L.ratio), `≤ ${BUDGET.loadRatio}×`, verdict(L.ratio <= BUDGET.loadRatio)]);
    const a = L.phases.app, z = L.phases.bare;
    if (a['map-create'] !== undefined && z['map-create'] !== undefined) {
      rows.push([
        'Load phases (medians): map created at / first idle, atlas (bare page)',
        `${ms(a['map-create'])} / ${ms(a['map-idle'])} (${ms(z['map-create'])} / ${ms(z['map-idle'])})`, '', '',
      ]);
    }
  }
  const b = r.baseline;
  if (b) rows.push([`Scrub baseline: ${b.steps} forced repaints of the bare map, p50 / p95 / max`, `${ms(b.p50)} / ${ms(b.p95)} / ${ms(b.max)}`, '', '']);
  for (const s of r.scrub ?? []) {
    const k = s.events >= 1000 ? `${s.events / 1000}k` : String(s.events);
    const budget = s.events === 10000 ? BUDGET.scrubRatio10k : s.events === 100000 ? BUDGET.scrubRatio100k : null;
    if ('error' in s) {
      rows.push([`Scrub ${k} events`, `did not finish: ${s.error}`, budget ? `≤ ${budget}×` : '', budget ? 'FAIL' : '']);
      continue;
    }
    rows.push([`Scrub ${k} events: ${s.steps} key presses, p50 / p95 / max`, `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`, '', '']);
    rows.push([`Scrub ${k}: long tasks > 50 ms / > 200 ms (longest)`, `${s.long50} / ${s.long200} (${ms(s.longestTask)})`, s.events === 100000 ? 'none > 200 ms' : '', s.events === 100000 ? verdict(s.long200 === 0) : '']);
    rows.push([`Scrub ${k}: p95 ratio to baseline (p50 ratio)`, `${ratio(s.ratioP95)} (${ratio(s.ratioP50)})`, budget ? `≤ ${budget}×` : '', budget ? verdict(s.ratioP95 <= budget) : '']);
    rows.push([`Load ${k} events (informative${s.loadProfile ? ', while profiling' : ''})`, ms(s.loadMs), '', '']);
  }
  const z = r.size;
  if (z) {
    rows.push(['App JS without MapLibre, first load (gzip)', kb(z.appJsFirst) + (z.appJsAll !== z.appJsFirst ? ` (all chunks ${kb(z.appJsAll)})` : ''), `≤ ${kb(BUDGET.appJsGzip)}`, verdict(z.appJsFirst <= BUDGET.appJsGzip)]);
    rows.push(['MapLibre JS (gzip)', kb(z.maplibre), '', '']);
    rows.push(['MapLibre worker (gzip)', kb(z.worker), '', '']);
    rows.push(['CSS (gzip)', kb(z.css), '', '']);
    rows.push([`Basemap overview (gzip; the detail file fetched on zoom-in: ${kb(z.basemapDetail)})`, kb(z.basemapOverview), '', '']);
    rows.push(['Fonts: map labels, all subsets / UI (woff2, not recompressed)', `${kb(z.fontsLabels)} / ${kb(z.fontsUi)}`, '', '']);
    const t = z.transfer;
    const enc = Object.entries(t.encodings).map(([e, c]) => `${c} ${e}`).join(', ');
    rows.push([`First-load transfer on / at 1280×800, empty cache, as served (${t.requests} requests: ${enc})`, mb(t.total), '', '']);
    rows.push(['First-load transfer, the same files as gzip', mb(t.gzipEquivalent), `≤ ${mb(BUDGET.firstLoad)}`, verdict(t.gzipEquivalent <= BUDGET.firstLoad && t.total <= BUDGET.firstLoad)]);
  }
  const m = r.memory;
  if (m) {
    rows.push([`JS heap after GC at ${m.events / 1000}k events: before / after ${m.seconds} s of autoplay`, `${mb(m.before.used)} / ${mb(m.after.used)}`, '', '']);
    rows.push(['Heap growth over autoplay (DOM nodes before → after)', `${m.growth >= 0 ? '+' : ''}${mb(m.growth)} (${m.before.nodes} → ${m.after.nodes})`, `< ${mb(BUDGET.heapGrowth)}`, verdict(m.growth < BUDGET.heapGrowth)]);
  }
  const head = '| Measure | Figure | Budget | Result |\n|---|---|---|---|';
  return [head, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

interface Results {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; os: string; chromium: string; node: string; loadAverage: { start: number; end: number } };
  options: { runs: number; steps: number; autoplaySeconds: number; sizes: number[]; seed: string };
  buildMs: number;
  load?: LoadResult;
  baseline?: StepStats & { steps: number };
  scrub?: (ScrubResult | ScrubFailure)[];
  size?: SizeResult;
  memory?: MemoryResult;
  phone?: PhoneResult;
  video?: VideoResult;
  import?: ImportResult;
  notes: string[];
}

function updateReadme(r: Results, md: string) {
  const path = 'README.md';
  let readme = readFileSync(path, 'utf8');
  const machine = `${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGB} GB RAM, ${r.machine.os}, Chromium ${r.machine.chromium} (headless, SwiftShader), Node ${r.machine.node}; load average ${r.machine.loadAverage.start} at the start, ${r.machine.loadAverage.end} at the end`;
  if (r.phone) {
    readme = withBlock(readme, 'phone', [`Measured ${r.date} on ${machine}.`, '', ...phoneDescription(r.phone).flatMap((l) => [l, '']), phoneTable(r.phone), ...(r.phone.notes.length ? ['', ...r.phone.notes.map((n) => `- ${n}`)] : [])].join('\n'));
  }
  if (r.video) readme = withBlock(readme, 'video', [`Measured ${r.date} on ${machine}.`, '', videoTable(r.video)].join('\n'), r.phone || readme.includes('<!-- bench-phone:end -->') ? '<!-- bench-phone:end -->' : '<!-- bench:end -->');
  if (r.import) {
    const after = ['video', 'phone'].map((n) => `<!-- bench-${n}:end -->`).find((m) => readme.includes(m)) ?? '<!-- bench:end -->';
    readme = withBlock(readme, 'import', [`Measured ${r.date} on ${machine}.`, '', importTable(r.import)].join('\n'), after);
  }
  // The desktop table is rewritten only by a run of all its parts: a partial run would drop the others' rows.
  if (!DESKTOP_PARTS.every((p) => ONLY.has(p))) {
    if (DESKTOP_PARTS.some((p) => ONLY.has(p))) log(`README.md's desktop table kept: this run measured only ${DESKTOP_PARTS.filter((p) => ONLY.has(p)).join(', ')} (see bench/results.json)`);
    writeFileSync(path, readme);
    return;
  }
  const block = [
    '<!-- bench:start (written by npm run bench) -->',
    `Measured ${r.date} on ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGB} GB RAM, ${r.machine.os}, Chromium ${r.machine.chromium} (headless, SwiftShader), Node ${r.machine.node}; load average ${r.machine.loadAverage.start} at the start, ${r.machine.loadAverage.end} at the end.`,
    '',
    md,
    ...(r.notes.length ? ['', ...r.notes.map((n) => `- ${n}`)] : []),
    '<!-- bench:end -->',
  ].join('\n');
  const start = readme.indexOf('<!-- bench:start');
  const end = readme.indexOf('<!-- bench:end -->');
  if (start >= 0 && end > start) writeFileSync(path, readme.slice(0, start) + block + readme.slice(end + '<!-- bench:end -->'.length));
  else {
    writeFileSync(path, readme);
    log('README.md has no <!-- bench:start --> … <!-- bench:end --> markers under "## Performance": desktop table not updated');
  }
}

// ---- main --------------------------------------------------------------------------------------------------

async function main() {
  const loadStart = Math.round(loadavg()[0] * 100) / 100;
  let buildMs = 0;
  if (!flag('skip-build')) buildMs = prepare().buildMs;
  else if (!existsSync(join(OUT, 'bench/bare.html'))) throw new Error(`${OUT} has no build: run without --skip-build`);
  const { server, url } = await serve({ root: OUT, port: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROME_FLAGS });
  const notes: string[] = [];
  let load: LoadResult | undefined, baseline: (StepStats & { steps: number }) | undefined, size: SizeResult | undefined, memory: MemoryResult | undefined;
  let scrub: (ScrubResult | ScrubFailure)[] | undefined;
  let phone: PhoneResult | undefined, video: VideoResult | undefined, imported: ImportResult | undefined;
  try {
    const mapSize = ONLY.has('load') || ONLY.has('scrub') ? await appMapSize(browser, url) : { w: 0, h: 0 };
    if (ONLY.has('load')) {
      log('1. load');
      load = await measureLoad(browser, url, mapSize);
    }
    if (ONLY.has('scrub')) {
      log('2. scrub');
      baseline = { ...(await measureBaseline(browser, url, mapSize)), steps: STEPS };
      log(`baseline: p50 ${ms(baseline.p50)}, p95 ${ms(baseline.p95)}`);
      scrub = [];
      for (const n of SIZES) {
        try {
          const s = await measureScrub(browser, url, n, baseline);
          if ('error' in s) {
            log(`scrub ${n} failed: ${s.error}`);
            scrub.push(s);
            continue;
          }
          log(`scrub ${n}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}, long tasks ${s.long50}/${s.long200}, moved ${s.daysMoved} days`);
          if (s.steps < STEPS) notes.push(`Scrub at ${n} events stopped after ${s.steps} of ${STEPS} presses (the --scrub-cap of ${SCRUB_CAP_S} s).`);
          if (s.daysMoved !== s.steps) notes.push(`Scrub at ${n} events moved the playhead ${s.daysMoved} days for ${s.steps} presses.`);
          if (s.errors.length) notes.push(`Console errors at ${n} events: ${s.errors.slice(0, 3).join(' | ')}`);
          scrub.push(s);
        } catch (err) {
          const error = String((err as Error).message ?? err).split('\n')[0];
          log(`scrub ${n} failed: ${error}`);
          scrub.push({ events: n, error });
        }
      }
    }
    if (ONLY.has('size')) {
      log('3. size');
      const stat = staticSizes();
      size = { ...stat, transfer: await measureTransfer(browser, url, stat.files) };
    }
    if (ONLY.has('memory')) {
      log('4. memory');
      memory = await measureMemory(browser, url, MEMORY_N);
      if (memory.mode.startsWith('emulated')) notes.push(`Autoplay was ${memory.mode}.`);
      else notes.push(`Autoplay used ${memory.mode} at its default speed: ${memory.daysPlayed} days played in ${memory.seconds} s${memory.restarts ? `, restarted ${memory.restarts}× at the end of the record` : ''}.`);
    }
    if (ONLY.has('phone')) {
      log('5. phone');
      phone = await measurePhone({ browser, url, out: OUT, tmp: TMP, runs: PHONE_RUNS, network: PHONE_NET, readyProbe: READY_PROBE, profile: !flag('no-profile'), maps, log });
    }
    if (ONLY.has('video')) {
      log('6. video');
      video = await measureVideo({ browser, url, seconds: VIDEO_SECONDS, cap: VIDEO_CAP_S, readyProbe: READY_PROBE, log });
      notes.push(...video.notes.map((n) => `Video: ${n}`));
    }
    if (ONLY.has('import')) {
      log('7. import');
      imported = await measureImport({ browser, url, rows: IMPORT_ROWS, runs: IMPORT_RUNS, readyProbe: READY_PROBE, log });
    }
    const cpu = cpus();
    const results: Results = {
      date: new Date().toISOString().slice(0, 10),
      machine: {
        cpus: cpu.length, cpuModel: cpu[0]?.model.trim() ?? 'unknown', memoryGB: Math.round(totalmem() / 2 ** 30),
        os: `${platform()} ${release()}`, chromium: browser.version(), node: process.version,
        loadAverage: { start: loadStart, end: Math.round(loadavg()[0] * 100) / 100 },
      },
      options: { runs: RUNS, steps: STEPS, autoplaySeconds: AUTOPLAY_S, sizes: SIZES, seed: SEED },
      buildMs: Math.round(buildMs), load, baseline, scrub, size, memory, phone, video, import: imported, notes,
    };
    const md = table(results);
    console.log(`\nIndo-Pacific Atlas bench, ${results.date}: ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGB} GB, Chromium ${results.machine.chromium}, load average ${loadStart} → ${results.machine.loadAverage.end}\n`);
    if (DESKTOP_PARTS.some((p) => ONLY.has(p))) console.log(md);
    for (const n of notes) console.log(`- ${n}`);
    const show = (title: string, file: string, prof?: ProfileSummary, trace?: TraceSummary) => {
      if (trace) {
        console.log(`\nMain thread, ${title} (trace bench/tmp/${file}.trace.json): ${trace.mainThreadMs} ms in tasks, self time by kind:`);
        for (const f of trace.bySelf.slice(0, 8)) console.log(`  ${String(f.selfMs).padStart(7)} ms ${String(f.pct).padStart(5)}%  ${f.name}`);
      }
      if (prof) {
        console.log(`  JS and native functions by self time (${prof.busyMs} ms busy; bench/tmp/${file}.cpuprofile):`);
        for (const f of prof.byFunction.slice(0, 10)) console.log(`  ${String(f.selfMs).padStart(7)} ms ${String(f.pct).padStart(5)}%  ${f.name}`);
      }
    };
    for (const [name, title] of [['builtin', 'load of the built-in dataset'], ['bare', 'load of the bare MapLibre page']] as const) {
      const pr = load?.profiles[name];
      if (pr) show(title, `load-${name}`, pr.profile, pr.trace);
    }
    for (const s of scrub ?? []) {
      show(`load at ${s.events} events`, `load-${s.events}`, s.loadProfile, s.loadTrace);
      if (!('error' in s)) show(`scrub at ${s.events} events, 50 more steps`, `scrub-${s.events}`, s.scrubProfile, s.scrubTrace);
    }
    if (phone) {
      console.log(`\n${phoneDescription(phone).join('\n')}\n`);
      console.log(phoneTable(phone));
      console.log(phoneDetails(phone));
    }
    if (video) console.log(`\n${videoTable(video)}`);
    if (imported) console.log(`\n${importTable(imported)}`);
    mkdirSync('bench', { recursive: true });
    writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
    if (!flag('no-readme')) updateReadme(results, md);
    log('wrote bench/results.json' + (flag('no-readme') ? '' : ' and README.md (Performance)'));
  } finally {
    await browser.close();
    await new Promise<void>((ok) => server.close(() => ok()));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
