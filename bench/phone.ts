// `npm run bench -- --only phone`: the atlas on a throttled phone (issue 17), side by side with the bare MapLibre page
// under the same profile. Lighthouse's mobile settings, applied through the DevTools protocol to each fresh context:
// 390×844 CSS px at Lighthouse's moto g power pixel ratio (1.75), touch, a mobile user agent, 4× CPU slowdown, its
// "Slow 4G" network as request-level (DevTools) throttling, an empty cache. Reports first paint, LCP and its element,
// CLS, ready, INP of a tap on a timeline mark and of a drag of the time slider, and first-load bytes as served.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { summarizeProfile, summarizeTrace, type Profile, type ProfileSummary, type SourceMap, type TraceSummary } from './profile.ts';

// ---- the profile -----------------------------------------------------------------------------------------------

/**
 * Lighthouse's mobile throttling ("Slow 4G": 150 ms RTT, 1.6 Mbps down, 750 Kbps up) is packet-level in its simulation.
 * DevTools throttling is request-level (a fixed delay per request, no TCP round trips), so Lighthouse's own
 * `throttlingMethod: devtools` applies it adjusted: latency × 3.75 = 562.5 ms, throughput × 0.9 = 1474.56 / 675 Kbps
 * (Lighthouse's DEVTOOLS_RTT_ADJUSTMENT_FACTOR and DEVTOOLS_THROUGHPUT_ADJUSTMENT_FACTOR): `--phone-net devtools`.
 * The default, `rtt150`, is the profile as issue 17 states it and measured its figures with (150 ms, 1.6 Mbps down,
 * 750 Kbps up), applied per request: kinder than the packet-level profile on a page of many requests.
 */
export const PHONE_NETWORKS = {
  devtools: { latencyMs: 562.5, downKbps: 1474.56, upKbps: 675, label: "Lighthouse's DevTools-throttling equivalent of its Slow 4G profile: 562.5 ms per request, 1474.56 Kbps down, 675 Kbps up" },
  rtt150: { latencyMs: 150, downKbps: 1638.4, upKbps: 750, label: 'Slow 4G figures applied per request unadjusted: 150 ms, 1638.4 Kbps down, 750 Kbps up' },
} as const;
export type PhoneNetwork = keyof typeof PHONE_NETWORKS;

export const PHONE = {
  viewport: { width: 390, height: 844 },
  /** Lighthouse's mobile screen emulation (moto g power, 2022) uses 1.75; its viewport is 412×823, the issue's 390×844. */
  deviceScaleFactor: 1.75,
  cpuSlowdown: 4,
};

/** Budgets of issue 17 (decimal units: 0.5 MB = 500,000 bytes). */
export const PHONE_BUDGET = { lcpMs: 2500, cls: 0.1, inpMs: 200, transfer: 500_000, readyRatio: 1.2 };

export interface PhoneOptions {
  browser: Browser;
  /** The served build's root URL, ending in a slash. */
  url: string;
  /** The build directory (worker scripts are counted by their file on disk). */
  out: string;
  /** Where profiles and traces go. */
  tmp: string;
  runs: number;
  network: PhoneNetwork;
  readyProbe: string;
  profile: boolean;
  maps: (file: string) => SourceMap | null;
  log: (...a: unknown[]) => void;
}

// ---- in-page probe ---------------------------------------------------------------------------------------------

/**
 * Installed before any page script: LCP candidates, layout shifts and Event Timing entries (durationThreshold 16, the
 * minimum), each element described when the entry arrives (the element may be gone later), and for touch drags the
 * time from each pointermove to the frame after it (moves are not in Event Timing, so not in INP).
 */
const VITALS_PROBE = `(() => {
  const v = { lcp: [], shifts: [], events: [], moves: [], phase: 'load' };
  window.__vitals = v;
  const describe = (el) => {
    if (!el || !el.nodeName) return null;
    const r = el.getBoundingClientRect ? el.getBoundingClientRect() : null;
    const c = typeof el.className === 'string' ? el.className : (el.className && el.className.baseVal) || '';
    return {
      tag: el.nodeType === 1 ? el.tagName.toLowerCase() : el.nodeName.toLowerCase(), id: el.id || '',
      cls: c.trim().split(/\\s+/).filter(Boolean).slice(0, 3).join('.'),
      w: r ? Math.round(r.width) : 0, h: r ? Math.round(r.height) : 0,
      text: (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 40),
      hidden: !!(el.closest && el.closest('[aria-hidden="true"]')),
    };
  };
  const observe = (type, each, extra) => {
    try { new PerformanceObserver((l) => l.getEntries().forEach(each)).observe(Object.assign({ type, buffered: true }, extra)); } catch (e) {}
  };
  observe('largest-contentful-paint', (e) => v.lcp.push({ t: e.startTime, size: e.size, url: e.url || '', el: describe(e.element) }));
  observe('layout-shift', (e) => v.shifts.push({ t: e.startTime, value: e.value, input: e.hadRecentInput, sources: (e.sources || []).map((s) => describe(s.node)) }));
  observe('event', (e) => v.events.push({ name: e.name, t: e.startTime, dur: e.duration, id: e.interactionId || 0, phase: v.phase, target: describe(e.target) }), { durationThreshold: 16 });
  addEventListener('pointermove', (e) => {
    if (e.pointerType !== 'touch') return;
    const t0 = e.timeStamp;
    requestAnimationFrame(() => {
      const c = new MessageChannel();
      c.port1.onmessage = () => v.moves.push(performance.now() - t0);
      c.port2.postMessage(0);
    });
  }, { capture: true, passive: true });
})();`;

interface Described { tag: string; id: string; cls: string; w: number; h: number; text: string; hidden: boolean }
interface RawVitals {
  lcp: { t: number; size: number; url: string; el: Described | null }[];
  shifts: { t: number; value: number; input: boolean; sources: (Described | null)[] }[];
  events: { name: string; t: number; dur: number; id: number; phase: string; target: Described | null }[];
  moves: number[];
  paint: { name: string; t: number }[];
  readyAt: number;
  timeOrigin: number;
}

export const describeElement = (d: Described | null | undefined, url = '') =>
  d ? `<${d.tag}${d.id ? `#${d.id}` : ''}${d.cls ? `.${d.cls}` : ''}> ${d.w}×${d.h}${url ? ` ${basename(url.split('?')[0])}` : d.text ? ` “${d.text}”` : ''}${d.hidden ? ' (aria-hidden)' : ''}` : 'none';

/** CLS as web-vitals computes it: shifts without recent input, in session windows (gap < 1 s, span ≤ 5 s); the largest. */
export function cls(shifts: RawVitals['shifts']): number {
  let best = 0, sum = 0, first = -Infinity, last = -Infinity;
  for (const s of shifts.filter((x) => !x.input).sort((a, b) => a.t - b.t)) {
    if (s.t - last < 1000 && s.t - first < 5000) sum += s.value;
    else {
      sum = s.value;
      first = s.t;
    }
    last = s.t;
    best = Math.max(best, sum);
  }
  return best;
}

// ---- one visit -------------------------------------------------------------------------------------------------

export interface Request { url: string; bytes: number; encoding: string; type: string; startMs: number; endMs: number }
interface Interaction { inp: number; worst: string; ok: boolean; what: string; moves?: { n: number; p50: number; max: number } }
export interface Visit {
  fp: number | null; fcp: number | null; lcp: number | null; lcpElement: string; cls: number; clsSources: string[]; ready: number;
  tap?: Interaction; drag?: Interaction; bytes: number; requests: Request[]; errors: string[];
}

const MOBILE_UA = (version: string) =>
  `Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version.split('.')[0]}.0.0.0 Mobile Safari/537.36`;

async function phoneContext(o: PhoneOptions, throttle: boolean): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession; errors: string[] }> {
  // Screen, touch and user agent: Playwright applies these with Emulation.setDeviceMetricsOverride,
  // Emulation.setTouchEmulationEnabled and Emulation.setUserAgentOverride on each page of the context.
  const context = await o.browser.newContext({
    viewport: PHONE.viewport, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true, hasTouch: true, userAgent: MOBILE_UA(o.browser.version()),
  });
  await context.addInitScript(o.readyProbe);
  await context.addInitScript(VITALS_PROBE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  if (throttle) {
    const n = PHONE_NETWORKS[o.network];
    await cdp.send('Network.enable');
    // Throughput in bytes a second, converted as Lighthouse does (Kbps × 1024 / 8).
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: n.latencyMs, downloadThroughput: Math.floor((n.downKbps * 1024) / 8), uploadThroughput: Math.floor((n.upKbps * 1024) / 8),
    });
    // A fresh context starts with an empty cache; the cache stays on, as on a phone, so that what the page itself
    // preloads is reused (disabling it would make every preload a second download).
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  }
  return { context, page, cdp, errors };
}

async function waitReady(page: Page, timeout = 180_000): Promise<void> {
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state ?? ''), null, { timeout, polling: 250 });
  const state = await page.evaluate(() => document.documentElement.dataset.state);
  if (state !== 'ready') throw new Error(`page ${page.url()} reached data-state="${state}"`);
}

/** Waits for the map to finish drawing (the atlas's handle, or the bare page's MapLibre instance), then a short settle. */
async function settle(page: Page, ms = 600) {
  await page.evaluate(`new Promise((ok) => {
    const done = () => setTimeout(ok, ${ms});
    const a = window.__atlas && window.__atlas.map;
    if (a && a.idle) return void a.idle().then(done);
    const b = window.__bare && window.__bare.map;
    if (!b || b.loaded()) return done();
    b.once('idle', done);
  })`);
}

/** Every response from navigation on: encoded body + headers; a worker script (reported as 0 bytes) by its file. */
function watchRequests(context: BrowserContext, url: string, out: string) {
  const list: (Request & { epochStart: number; early: boolean; fromFile: boolean; headers: number })[] = [];
  const pending: Promise<void>[] = [];
  let open = true, readySeen = false;
  context.on('requestfinished', (req) => {
    if (!open) return;
    const early = !readySeen;
    pending.push(
      (async () => {
        try {
          const [sizes, resp] = await Promise.all([req.sizes(), req.response()]);
          const encoding = (await resp?.headerValue('content-encoding')) ?? 'identity';
          let body = sizes.responseBodySize;
          let fromFile = false;
          if (!body && resp?.status() === 200) {
            const path = join(out, decodeURIComponent(new URL(req.url()).pathname));
            const sent = encoding === 'br' ? `${path}.br` : encoding === 'gzip' ? `${path}.gz` : path;
            if (existsSync(sent) && statSync(sent).isFile()) [body, fromFile] = [statSync(sent).size, true];
          }
          const t = req.timing();
          list.push({
            url: req.url().replace(url, '/'), bytes: body + sizes.responseHeadersSize, encoding, type: req.resourceType(),
            epochStart: t.startTime, startMs: 0, endMs: t.responseEnd >= 0 ? t.responseEnd : NaN, early, fromFile, headers: sizes.responseHeadersSize,
          });
        } catch {
          // The page closed under a late request: it was not first load.
        }
      })(),
    );
  });
  return {
    ready() {
      readySeen = true;
    },
    /** Requests that ended by `readyAt` (ms since navigation), stamped relative to navigation, largest first. */
    async take(timeOrigin: number, readyAt: number): Promise<Request[]> {
      open = false;
      await Promise.all(pending);
      // A 0-byte response counted by its file is a download only if nothing else fetched that URL: the page's own
      // prefetch of MapLibre's worker, or a font the page and MapLibre both ask for, is one download, not two.
      const fetched = new Set(list.filter((r) => !r.fromFile && r.bytes > r.headers).map((r) => r.url));
      return list
        .map(({ fromFile, headers, ...r }) => (fromFile && fetched.has(r.url) ? { ...r, bytes: headers } : r))
        .map(({ epochStart, ...r }) => ({ ...r, startMs: epochStart - timeOrigin, endMs: epochStart - timeOrigin + r.endMs }))
        // A response without an end time counts if it finished before ready was seen.
        .filter((r) => (Number.isFinite(r.endMs) ? r.endMs <= readyAt : r.early))
        .map(({ early: _early, ...r }) => r)
        .sort((a, b) => b.bytes - a.bytes);
    },
  };
}

async function readVitals(page: Page): Promise<RawVitals> {
  return (await page.evaluate(`({
    lcp: __vitals.lcp, shifts: __vitals.shifts, events: __vitals.events, moves: __vitals.moves,
    paint: performance.getEntriesByType('paint').map((p) => ({ name: p.name, t: p.startTime })),
    readyAt: window.__readyAt, timeOrigin: performance.timeOrigin,
  })`)) as RawVitals;
}

const setPhase = (page: Page, phase: string) => page.evaluate(`window.__vitals.phase = ${JSON.stringify(phase)}`);
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** A timeline mark whose shape's middle is on screen and not covered: the point to tap. */
async function findMark(page: Page): Promise<{ x: number; y: number; id: string; label: string } | null> {
  return (await page.evaluate(`(() => {
    const region = [...document.querySelectorAll('section, [role="region"]')].find((s) => s.getAttribute('aria-label') === 'Timeline') || document.querySelector('section.timeline');
    if (!region) return null;
    for (const g of region.querySelectorAll('g.mark[role="button"]')) {
      // The mark's shape (a dot or a bar), not its label: labels let taps through to the plot.
      const shape = g.querySelector('circle, rect');
      if (!shape) continue;
      const r = shape.getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (r.width < 4 || r.height < 4 || x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit && g.contains(hit)) return { x, y, id: g.getAttribute('data-id'), label: g.getAttribute('aria-label') || '' };
    }
    return null;
  })()`)) as { x: number; y: number; id: string; label: string } | null;
}

async function findSlider(page: Page): Promise<{ x: number; y: number; covered: boolean } | null> {
  return (await page.evaluate(`(() => {
    const s = [...document.querySelectorAll('[role="slider"]')].find((e) => e.getAttribute('aria-label') === 'Time') || document.getElementById('time-slider');
    if (!s) return null;
    const r = s.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    return { x, y, covered: !(hit && s.contains(hit)) };
  })()`)) as { x: number; y: number; covered: boolean } | null;
}

const state = (page: Page) => page.evaluate(`({ time: __atlas.state.time, selectedId: __atlas.state.selectedId })`) as Promise<{ time: number; selectedId: string | null }>;

function inpOf(v: RawVitals, phase: string): { inp: number; worst: string } {
  const xs = v.events.filter((e) => e.phase === phase && e.id > 0);
  const worst = xs.sort((a, b) => b.dur - a.dur)[0];
  return { inp: worst?.dur ?? 0, worst: worst ? `${worst.name} on ${describeElement(worst.target)}` : 'no event ≥ 16 ms' };
}

async function visit(o: PhoneOptions, target: string, app: boolean): Promise<Visit> {
  const p = await phoneContext(o, true);
  try {
    const watch = watchRequests(p.context, o.url, o.out);
    await p.page.goto(o.url + target.replace(/^\//, ''), { waitUntil: 'commit', timeout: 120_000 });
    await waitReady(p.page);
    watch.ready();
    await settle(p.page, 1000);
    const early = await readVitals(p.page);
    const requests = await watch.take(early.timeOrigin, early.readyAt);
    let tap: Interaction | undefined, drag: Interaction | undefined;
    if (app) {
      // (a) A tap on a timeline mark: touch start and end at its middle (Input.dispatchTouchEvent).
      const mark = await findMark(p.page);
      if (mark) {
        await setPhase(p.page, 'tap');
        await p.page.touchscreen.tap(mark.x, mark.y);
        await settle(p.page, 800);
        const selected = (await state(p.page)).selectedId;
        tap = { inp: 0, worst: '', ok: selected === mark.id, what: `${mark.id}${selected === mark.id ? '' : ` (selected: ${selected})`}` };
      } else tap = { inp: 0, worst: '', ok: false, what: 'no timeline mark on screen' };
      // (b) A drag of the time slider: touch start on the handle, 20 moves of 4 px a frame or two apart, touch end.
      const s = await findSlider(p.page);
      if (s) {
        await setPhase(p.page, 'drag');
        const before = (await state(p.page)).time;
        const dir = s.x < PHONE.viewport.width / 2 ? 1 : -1;
        await p.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: s.x, y: s.y }] });
        for (let i = 1; i <= 20; i++) {
          await sleep(32);
          await p.cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: s.x + dir * 4 * i, y: s.y }] });
        }
        await sleep(32);
        await p.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        await settle(p.page, 800);
        const days = Math.round(((await state(p.page)).time - before) / 86_400_000);
        drag = { inp: 0, worst: '', ok: days !== 0, what: `${days >= 0 ? '+' : ''}${days} days${s.covered ? ' (handle covered)' : ''}` };
      } else drag = { inp: 0, worst: '', ok: false, what: 'no slider named Time' };
    }
    const v = await readVitals(p.page);
    const paint = (name: string) => v.paint.find((x) => x.name === name)?.t ?? null;
    const lcp = v.lcp.at(-1);
    if (tap) Object.assign(tap, inpOf(v, 'tap'));
    if (drag) {
      Object.assign(drag, inpOf(v, 'drag'));
      const m = [...v.moves].sort((a, b) => a - b);
      drag.moves = { n: m.length, p50: m[Math.floor((m.length - 1) / 2)] ?? NaN, max: m.at(-1) ?? NaN };
    }
    const shiftSources = v.shifts.filter((s) => !s.input).sort((a, b) => b.value - a.value).slice(0, 3)
      .map((s) => `${s.value.toFixed(3)} at ${Math.round(s.t)} ms: ${s.sources.map((d) => describeElement(d)).join(', ')}`);
    return {
      fp: paint('first-paint'), fcp: paint('first-contentful-paint'), lcp: lcp?.t ?? null,
      lcpElement: lcp ? `${describeElement(lcp.el, lcp.url)}, ${Math.round(lcp.size / 1000)}k px² painted` : 'none',
      cls: cls(v.shifts), clsSources: shiftSources, ready: v.readyAt, tap, drag,
      bytes: requests.reduce((a, r) => a + r.bytes, 0), requests, errors: p.errors,
    };
  } finally {
    await p.context.close();
  }
}

// ---- the part --------------------------------------------------------------------------------------------------

export interface PhoneTarget {
  name: string; path: string; app: boolean; mapSize: { w: number; h: number; basemap: string };
  visits: Visit[];
  median: { fp: number; fcp: number; lcp: number; cls: number; ready: number; bytes: number; requests: number; tap: number; drag: number; moveP50: number; moveMax: number };
  lcpElement: string;
  /** The bare page this one is compared with (same map size), for app targets. */
  bare?: string;
}
export interface ThreadTime { process: string; thread: string; ms: number }
export interface PhoneResult {
  profile: { viewport: { width: number; height: number }; deviceScaleFactor: number; cpuSlowdown: number; network: PhoneNetwork; networkLabel: string; userAgent: string };
  runs: number;
  targets: PhoneTarget[];
  notes: string[];
  loadProfile?: { readyMs: number; profile: ProfileSummary; trace: TraceSummary; threads: ThreadTime[]; bareThreads?: ThreadTime[]; bareReadyMs?: number };
}

const med = (xs: (number | null | undefined)[]) => {
  const s = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) / 2;
  return (s[Math.floor(pos)] + s[Math.ceil(pos)]) / 2;
};
const mode = (xs: string[]) => [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';

/** The atlas's map size on this phone, and the basemap file it opened on (the bare page takes the same). */
async function mapSizeOf(o: PhoneOptions, path: string): Promise<{ w: number; h: number; basemap: string }> {
  const p = await phoneContext(o, false);
  try {
    const basemaps: string[] = [];
    p.page.on('request', (r) => {
      const m = /\/basemap\/([a-z-]+)\.json$/.exec(new URL(r.url()).pathname);
      if (m) basemaps.push(m[1]);
    });
    await p.page.goto(o.url + path.replace(/^\//, ''));
    await waitReady(p.page);
    const size = (await p.page.evaluate(`(() => { const c = window.__atlas.map.canvasSize(); return { w: c.cssWidth, h: c.cssHeight }; })()`)) as { w: number; h: number };
    return { ...size, basemap: basemaps[0] ?? 'overview' };
  } finally {
    await p.context.close();
  }
}

/** Busy time per thread (top-level trace events), across processes: the renderer's main thread, workers, the GPU. */
export function threadBusy(buf: Buffer | string, top = 8): ThreadTime[] {
  type E = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } };
  const events: E[] = (JSON.parse(String(buf)) as { traceEvents: E[] }).traceEvents;
  const procs = new Map(events.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => [e.pid, e.args?.name ?? String(e.pid)]));
  const threads = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? String(e.tid)]));
  const byThread = new Map<string, E[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key)!.push(e);
  }
  const out = new Map<string, ThreadTime>();
  for (const [key, xs] of byThread) {
    xs.sort((a, b) => a.ts - b.ts);
    let end = -Infinity, busy = 0;
    for (const e of xs) {
      if (e.ts >= end) {
        busy += e.dur!;
        end = e.ts + e.dur!;
      } else if (e.ts + e.dur! > end) {
        busy += e.ts + e.dur! - end;
        end = e.ts + e.dur!;
      }
    }
    const pid = Number(key.split(':')[0]);
    // Threads of one name in one kind of process (e.g. two renderers' workers) are summed.
    const name = `${procs.get(pid) ?? pid} / ${(threads.get(key) ?? key).replace(/\d+$/, '')}`;
    const t = out.get(name) ?? { process: procs.get(pid) ?? String(pid), thread: (threads.get(key) ?? key).replace(/\d+$/, ''), ms: 0 };
    t.ms += busy / 1000;
    out.set(name, t);
  }
  return [...out.values()].map((t) => ({ ...t, ms: Math.round(t.ms) })).sort((a, b) => b.ms - a.ms).slice(0, top);
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'loading', 'gpu', 'toplevel'];

async function profiledLoad(o: PhoneOptions, path: string, name: string, cpu: boolean) {
  const p = await phoneContext(o, true);
  try {
    if (cpu) {
      await p.cdp.send('Profiler.enable');
      await p.cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await p.cdp.send('Profiler.start');
    }
    await o.browser.startTracing(p.page, { categories: TRACE_CATEGORIES });
    await p.page.goto(o.url + path.replace(/^\//, ''), { waitUntil: 'commit', timeout: 120_000 });
    await waitReady(p.page);
    const readyMs = (await p.page.evaluate('window.__readyAt')) as number;
    mkdirSync(o.tmp, { recursive: true });
    let profile: ProfileSummary | undefined;
    if (cpu) {
      const { profile: raw } = (await p.cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      writeFileSync(join(o.tmp, `${name}.cpuprofile`), JSON.stringify(raw));
      profile = summarizeProfile(raw, o.maps);
    }
    const buf = await o.browser.stopTracing();
    writeFileSync(join(o.tmp, `${name}.trace.json`), buf);
    return { readyMs, profile, trace: summarizeTrace(buf), threads: threadBusy(buf) };
  } finally {
    await p.context.close();
  }
}

export async function measurePhone(o: PhoneOptions): Promise<PhoneResult> {
  const notes: string[] = [];
  const apps = [
    { name: 'Atlas `/`', path: '/' },
    { name: 'Atlas `/?embed=1`', path: '/?embed=1' },
  ];
  const targets: PhoneTarget[] = [];
  for (const a of apps) {
    const mapSize = await mapSizeOf(o, a.path);
    o.log(`phone: ${a.path} draws its map at ${mapSize.w}×${mapSize.h} CSS px on basemap/${mapSize.basemap}.json`);
    targets.push({ ...a, app: true, mapSize, visits: [], median: {} as PhoneTarget['median'], lcpElement: '' });
  }
  // One bare page per distinct map size and basemap file, sized as the atlas's map is on this phone.
  for (const t of [...targets]) {
    const { w, h, basemap } = t.mapSize;
    const name = `Bare MapLibre ${w}×${h}${basemap === 'overview' ? '' : ` (${basemap})`}`;
    t.bare = name;
    if (!targets.some((x) => x.name === name)) targets.push({ name, path: `/bench/bare.html?w=${w}&h=${h}&basemap=${basemap}`, app: false, mapSize: t.mapSize, visits: [], median: {} as PhoneTarget['median'], lcpElement: '' });
  }
  // A first visit of each (not counted) warms the server and the disk cache.
  for (const t of targets) await visit(o, t.path, false).catch((err) => o.log(`phone warm-up ${t.path}: ${String(err).split('\n')[0]}`));
  for (let i = 0; i < o.runs; i++) {
    // Interleaved and rotated, so drift on a noisy machine hits each alike.
    const order = targets.map((_, k) => targets[(k + i) % targets.length]);
    for (const t of order) {
      const v = await visit(o, t.path, t.app);
      t.visits.push(v);
      o.log(`phone run ${i + 1}/${o.runs} ${t.path}: FCP ${Math.round(v.fcp ?? NaN)} ms, LCP ${Math.round(v.lcp ?? NaN)} ms, ready ${Math.round(v.ready)} ms, CLS ${v.cls.toFixed(3)}` +
        (v.tap ? `, INP tap ${v.tap.inp} ms (${v.tap.what}), drag ${v.drag?.inp} ms (${v.drag?.what})` : '') + `, ${(v.bytes / 1e6).toFixed(3)} MB in ${v.requests.length} requests`);
    }
  }
  for (const t of targets) {
    const vs = t.visits;
    t.median = {
      fp: med(vs.map((v) => v.fp)), fcp: med(vs.map((v) => v.fcp)), lcp: med(vs.map((v) => v.lcp)), cls: med(vs.map((v) => v.cls)), ready: med(vs.map((v) => v.ready)),
      bytes: med(vs.map((v) => v.bytes)), requests: med(vs.map((v) => v.requests.length)),
      tap: med(vs.map((v) => v.tap?.inp)), drag: med(vs.map((v) => v.drag?.inp)),
      moveP50: med(vs.map((v) => v.drag?.moves?.p50)), moveMax: med(vs.map((v) => v.drag?.moves?.max)),
    };
    t.lcpElement = mode(vs.map((v) => v.lcpElement));
    const missed = vs.filter((v) => v.tap && !v.tap.ok).map((v) => v.tap!.what);
    if (missed.length) notes.push(`${t.name}: the tap did not select the mark in ${missed.length} of ${vs.length} runs (${missed[0]}).`);
    const still = vs.filter((v) => v.drag && !v.drag.ok).map((v) => v.drag!.what);
    if (still.length) notes.push(`${t.name}: the drag did not move the playhead in ${still.length} of ${vs.length} runs (${still[0]}).`);
    const errors = [...new Set(vs.flatMap((v) => v.errors))];
    if (errors.length) notes.push(`${t.name}: console errors: ${errors.slice(0, 3).join(' | ')}`);
  }
  const result: PhoneResult = {
    profile: { ...PHONE, network: o.network, networkLabel: PHONE_NETWORKS[o.network].label, userAgent: MOBILE_UA(o.browser.version()) },
    runs: o.runs, targets, notes,
  };
  if (o.profile) {
    // One more load of `/` (not counted) with a CPU profile and a trace; and a trace of the bare page for the floor.
    const a = await profiledLoad(o, '/', 'phone-load-builtin', true);
    const bareT = targets.find((t) => t.name === targets[0].bare);
    const b = bareT ? await profiledLoad(o, bareT.path, 'phone-load-bare', false) : undefined;
    result.loadProfile = { readyMs: a.readyMs, profile: a.profile!, trace: a.trace, threads: a.threads, bareThreads: b?.threads, bareReadyMs: b?.readyMs };
  }
  return result;
}

// ---- report ----------------------------------------------------------------------------------------------------

const s = (x: number) => (Number.isFinite(x) ? (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`) : '—');

export function phoneTable(r: PhoneResult): string {
  const apps = r.targets.filter((t) => t.app);
  const bares = r.targets.filter((t) => !t.app);
  const cols = [...apps, ...bares];
  const bareOf = (t: PhoneTarget) => r.targets.find((x) => x.name === t.bare);
  const rows: string[][] = [];
  /** A row: one cell per column, then budget and result over the app columns. */
  const row = (label: string, cell: (t: PhoneTarget) => string, budget = '', ok?: (t: PhoneTarget) => boolean) => {
    const fails = ok ? apps.filter((t) => !ok(t)) : [];
    rows.push([label, ...cols.map(cell), budget, ok ? (fails.length ? `FAIL${apps.length > 1 ? ` (${fails.map((t) => t.path).join(', ')})` : ''}` : 'PASS') : '']);
  };
  const m = (t: PhoneTarget) => t.median;
  row('First paint / first contentful paint', (t) => `${s(m(t).fp)} / ${s(m(t).fcp)}`);
  row('Largest contentful paint', (t) => (Number.isFinite(m(t).lcp) ? s(m(t).lcp) : 'no candidate'), `≤ ${s(PHONE_BUDGET.lcpMs)}`, (t) => m(t).lcp <= PHONE_BUDGET.lcpMs);
  row('LCP element (most runs)', (t) => (t.lcpElement === 'none' ? '— (a canvas is no LCP candidate)' : t.lcpElement.replace(/\|/g, '\\|').replace(/^(<[^>]*>)/, '`$1`')));
  row('Cumulative layout shift', (t) => m(t).cls.toFixed(3), `≤ ${PHONE_BUDGET.cls}`, (t) => m(t).cls <= PHONE_BUDGET.cls);
  row('Navigation → `data-state="ready"`', (t) => s(m(t).ready));
  row('Ready ratio to the bare page of the same map size', (t) => (t.app && bareOf(t) ? `${(m(t).ready / m(bareOf(t)!).ready).toFixed(2)}×` : ''), `≤ ${PHONE_BUDGET.readyRatio}×`,
    (t) => m(t).ready / m(bareOf(t)!).ready <= PHONE_BUDGET.readyRatio);
  const inp = (x: number) => (x > 0 ? `${Math.round(x)} ms` : Number.isFinite(x) ? '< 16 ms' : '—');
  row('INP: tap on a timeline mark', (t) => (t.app ? inp(m(t).tap) : ''), `≤ ${PHONE_BUDGET.inpMs} ms`, (t) => !(m(t).tap > PHONE_BUDGET.inpMs) && t.visits.every((v) => v.tap?.ok));
  row('INP: drag of the time slider (touch start and end)', (t) => (t.app ? inp(m(t).drag) : ''), `≤ ${PHONE_BUDGET.inpMs} ms`, (t) => !(m(t).drag > PHONE_BUDGET.inpMs) && t.visits.every((v) => v.drag?.ok));
  row('Drag moves, each to the frame after it: p50 / max (not in INP)', (t) => (t.app ? `${s(m(t).moveP50)} / ${s(m(t).moveMax)}` : ''));
  row('First-load transfer as served, navigation → ready (requests)', (t) => `${(m(t).bytes / 1e6).toFixed(2)} MB (${m(t).requests})`, `≤ ${(PHONE_BUDGET.transfer / 1e6).toFixed(2)} MB`, (t) => m(t).bytes <= PHONE_BUDGET.transfer);
  const head = `| Phone profile, median of ${r.runs} | ${cols.map((t) => t.name).join(' | ')} | Budget | Result |\n|---|${cols.map(() => '---|').join('')}---|---|`;
  return [head, ...rows.map((x) => `| ${x.join(' | ')} |`)].join('\n');
}

export function phoneDescription(r: PhoneResult): string[] {
  const p = r.profile;
  return [
    `Phone profile: ${p.viewport.width}×${p.viewport.height} CSS px at device pixel ratio ${p.deviceScaleFactor} (Lighthouse's moto g power), touch, a mobile user agent; ` +
      `CPU ${p.cpuSlowdown}× slower (Emulation.setCPUThrottlingRate); network: ${p.networkLabel} (Network.emulateNetworkConditions); empty cache (a fresh context per visit); ` +
      `bare pages sized as the atlas's map is on this phone and on the basemap file it opened on. INP is the longest Event Timing entry of the interaction (durationThreshold 16 ms); LCP is finalised by the tap; CLS counts session windows as web-vitals does.`,
    `**The CPU slowdown applies to the page's own main thread only**, as Lighthouse's does: it slows neither the page's workers (MapLibre's) nor SwiftShader's GPU process, where WebGL is drawn in software at this machine's full speed.`,
  ];
}

/** Console detail: the biggest first-load requests (with when they ran), layout-shift sources, the profile's summary. */
export function phoneDetails(r: PhoneResult): string {
  const out: string[] = [];
  for (const t of r.targets) {
    const v = t.visits[0];
    if (!v) continue;
    out.push(`\nFirst load of ${t.path} on the phone profile (run 1): ${(v.bytes / 1e6).toFixed(3)} MB in ${v.requests.length} requests, ready at ${Math.round(v.ready)} ms; the 10 largest:`);
    for (const q of v.requests.slice(0, 10)) {
      out.push(`  ${(q.bytes / 1000).toFixed(1).padStart(7)} KB  ${q.encoding.padEnd(8)} ${String(Math.round(q.startMs)).padStart(6)} → ${String(Math.round(q.endMs)).padStart(6)} ms  ${q.url}`);
    }
    if (t.app) {
      const shifts = t.visits.flatMap((x) => x.clsSources).slice(0, 3);
      if (shifts.length) out.push(`  largest layout shifts (run 1…): ${shifts.join(' | ')}`);
      const w = (x?: Interaction) => (x ? `${x.inp} ms, ${x.worst}` : '—');
      out.push(`  slowest events (run 1): tap ${w(v.tap)}; drag ${w(v.drag)}`);
    }
  }
  const lp = r.loadProfile;
  if (lp) {
    out.push(`\nPhone-profile load of / (one more run, profiled: ready at ${Math.round(lp.readyMs)} ms${lp.bareReadyMs ? `; the bare page's traced load: ${Math.round(lp.bareReadyMs)} ms` : ''}). Busy time per thread until ready:`);
    for (const th of lp.threads) out.push(`  ${String(th.ms).padStart(7)} ms  ${th.process} / ${th.thread}`);
    if (lp.bareThreads) out.push(`  bare page: ${lp.bareThreads.slice(0, 5).map((th) => `${th.process} / ${th.thread} ${th.ms} ms`).join('; ')}`);
    out.push(`  main thread by kind (bench/tmp/phone-load-builtin.trace.json, ${lp.trace.mainThreadMs} ms in tasks):`);
    for (const f of lp.trace.bySelf.slice(0, 8)) out.push(`  ${String(f.selfMs).padStart(7)} ms ${String(f.pct).padStart(5)}%  ${f.name}`);
    out.push(`  JS and native functions by self time (${lp.profile.busyMs} ms busy; bench/tmp/phone-load-builtin.cpuprofile):`);
    for (const f of lp.profile.byFunction.slice(0, 10)) out.push(`  ${String(f.selfMs).padStart(7)} ms ${String(f.pct).padStart(5)}%  ${f.name}`);
    out.push('  by source file:');
    for (const f of lp.profile.bySource.slice(0, 8)) out.push(`  ${String(f.selfMs).padStart(7)} ms ${String(f.pct).padStart(5)}%  ${f.name}`);
  }
  for (const n of r.notes) out.push(`- ${n}`);
  return out.join('\n');
}

/**
 * Writes `block` between `<!-- bench-NAME:start … -->` and `<!-- bench-NAME:end -->`; the first time, the markers are
 * placed right after the `after` marker (the desktop block's end).
 */
export function withBlock(readme: string, name: string, block: string, after = '<!-- bench:end -->'): string {
  const START = `<!-- bench-${name}:start`, END = `<!-- bench-${name}:end -->`;
  const body = `${START} (written by npm run bench) -->\n${block}\n${END}`;
  const a = readme.indexOf(START), b = readme.indexOf(END);
  if (a >= 0 && b > a) return readme.slice(0, a) + body + readme.slice(b + END.length);
  const at = readme.indexOf(after);
  if (at < 0) return readme;
  return `${readme.slice(0, at + after.length)}\n\n${body}${readme.slice(at + after.length)}`;
}
