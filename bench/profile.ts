// Helpers for `npm run bench`: where main-thread time goes, from a V8 CPU profile (mapped back to the sources
// through the build's hidden source maps) and from a Chrome trace (style, layout, paint, script, GC).
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

// ---- source maps (a small VLQ decoder; the build writes hidden maps next to each chunk) -------------------

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** Decodes one segment's VLQ fields. */
function vlq(seg: string): number[] {
  const out: number[] = [];
  let value = 0, shift = 0;
  for (const ch of seg) {
    const d = B64.get(ch)!;
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

interface Segment { col: number; src: number; line: number; srcCol: number; name: number }
export interface SourceMap { sources: string[]; names: string[]; lines: Segment[][] }

export function parseSourceMap(json: { sources: string[]; names: string[]; mappings: string }): SourceMap {
  const lines: Segment[][] = [];
  let src = 0, line = 0, srcCol = 0, name = 0;
  for (const text of json.mappings.split(';')) {
    const segs: Segment[] = [];
    let col = 0;
    if (text) {
      for (const s of text.split(',')) {
        const f = vlq(s);
        col += f[0];
        if (f.length >= 4) {
          src += f[1];
          line += f[2];
          srcCol += f[3];
          if (f.length >= 5) name += f[4];
          segs.push({ col, src, line, srcCol, name: f.length >= 5 ? name : -1 });
        }
      }
    }
    lines.push(segs);
  }
  return { sources: json.sources, names: json.names, lines };
}

/** Original position of a generated (0-based) line and column, or null. */
export function originalPosition(map: SourceMap, line: number, col: number): { source: string; line: number; name?: string } | null {
  const segs = map.lines[line];
  if (!segs?.length) return null;
  let lo = 0, hi = segs.length - 1, best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].col <= col) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best < 0) return null;
  const s = segs[best];
  // A function's position is often its `function` keyword; its name is the next mapped token.
  const named = s.name >= 0 ? s : segs[best + 1] && segs[best + 1].col - col <= 10 && segs[best + 1].name >= 0 ? segs[best + 1] : null;
  const source = map.sources[s.src].replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/');
  return { source, line: s.line + 1, name: named ? map.names[named.name] : undefined };
}

/** Source maps of the chunks in `dir/assets`, loaded on demand and keyed by file name. */
export function sourceMaps(dir: string): (file: string) => SourceMap | null {
  const cache = new Map<string, SourceMap | null>();
  return (file) => {
    if (!cache.has(file)) {
      const path = join(dir, 'assets', `${file}.map`);
      cache.set(file, existsSync(path) ? parseSourceMap(JSON.parse(readFileSync(path, 'utf8'))) : null);
    }
    return cache.get(file)!;
  };
}

// ---- CPU profiles ------------------------------------------------------------------------------------------

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }
export interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
export interface Ranked { name: string; selfMs: number; pct: number }
export interface ProfileSummary { totalMs: number; busyMs: number; byFunction: Ranked[]; bySource: Ranked[] }

/** Self time per function and per source file, busiest first; percentages are of busy (non-idle) time. */
export function summarizeProfile(p: Profile, maps: (file: string) => SourceMap | null, top = 15): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i + 1] ?? 0) / 1000);
  const fn = new Map<string, number>(), file = new Map<string, number>();
  let busy = 0, total = 0;
  for (const [id, t] of self) {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    total += t;
    if (functionName === '(idle)') continue;
    busy += t;
    const chunk = url ? basename(url.split('?')[0]) : '';
    const map = chunk ? maps(chunk) : null;
    const pos = map ? originalPosition(map, lineNumber, columnNumber) : null;
    const where = pos ? `${pos.source}:${pos.line}` : chunk ? `${chunk}:${lineNumber + 1}:${columnNumber + 1}` : '';
    const name = `${pos?.name ?? (functionName || '(anonymous)')}${where ? ` ${where}` : ''}`;
    fn.set(name, (fn.get(name) ?? 0) + t);
    const f = pos ? pos.source : chunk || (functionName.startsWith('(') ? functionName : '(native)');
    file.set(f, (file.get(f) ?? 0) + t);
  }
  const rank = (m: Map<string, number>): Ranked[] =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, t]) => ({ name, selfMs: Math.round(t), pct: Math.round((1000 * t) / Math.max(busy, 1e-9)) / 10 }));
  return { totalMs: Math.round(total), busyMs: Math.round(busy), byFunction: rank(fn), bySource: rank(file) };
}

// ---- Chrome traces -----------------------------------------------------------------------------------------

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } }
export interface TraceSummary { mainThreadMs: number; bySelf: Ranked[] }

/** Self time per trace event name on the busiest renderer main thread (Layout, UpdateLayoutTree, Paint, FunctionCall…). */
export function summarizeTrace(buf: Buffer | string, top = 12): TraceSummary {
  const events: TraceEvent[] = (JSON.parse(String(buf)) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  // Other renderers (a closing page, about:blank) are in the trace too: take the one that ran the most task time.
  const busy = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.name === 'RunTask' && mains.has(key)) busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const xs = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  let topLevel = 0;
  for (const e of xs) {
    const end = e.ts + e.dur!;
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur! / 1000);
    else topLevel += e.dur! / 1000;
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur! / 1000);
    stack.push({ end, name: e.name });
  }
  const bySelf = [...self].filter(([, t]) => t > 0).sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([name, t]) => ({ name, selfMs: Math.round(t), pct: Math.round((1000 * t) / Math.max(topLevel, 1e-9)) / 10 }));
  return { mainThreadMs: Math.round(topLevel), bySelf };
}
