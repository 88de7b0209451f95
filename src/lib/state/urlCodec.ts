// The URL is a projection of AtlasState: parse a query into typed values (dropping bad ones by name) and back.
import { isoDay, parseIsoDay } from '../model/dates';
import { DATASET_NAME } from '../model/datasetFiles';
import { ID_PATTERN as ID, isLang, isStatus, type Camera, type Lang, type LaneMode } from '../model/types';

/** Everything the URL can carry; each field undefined when absent. */
export interface UrlState {
  t?: number;
  range?: [number, number];
  sel?: string;
  themes?: string[];
  status?: string[];
  actors?: string[];
  lanes?: LaneMode;
  map?: Camera;
  lang?: Lang;
  story?: string;
  step?: number;
  embed?: boolean;
  parent?: string;
  dataset?: string;
}

export interface ParsedUrl {
  state: UrlState;
  /** Parameter names that were unknown or malformed and were ignored. */
  ignored: string[];
}

const list = (v: string) => v.split(',').filter(Boolean);

type Parser = (v: string, out: UrlState) => boolean;
const PARSERS: Record<keyof UrlState, Parser> = {
  t: (v, o) => { const ms = parseIsoDay(v); if (ms === null) return false; o.t = ms; return true; },
  range: (v, o) => {
    const [a, b, ...rest] = v.split('/');
    const lo = parseIsoDay(a ?? ''), hi = parseIsoDay(b ?? '');
    if (rest.length || lo === null || hi === null || hi < lo) return false;
    o.range = [lo, hi];
    return true;
  },
  sel: (v, o) => { if (!ID.test(v)) return false; o.sel = v; return true; },
  themes: (v, o) => { const l = list(v); if (!l.every((x) => ID.test(x))) return false; o.themes = l; return true; },
  status: (v, o) => { const l = list(v); if (!l.every(isStatus)) return false; o.status = l; return true; },
  actors: (v, o) => { const l = list(v); if (!l.every((x) => ID.test(x))) return false; o.actors = l; return true; },
  lanes: (v, o) => { if (v !== 'theme' && v !== 'initiative') return false; o.lanes = v; return true; },
  map: (v, o) => {
    const parts = v.split('/');
    if (parts.length !== 3 || !parts.every((p) => /^-?\d+(\.\d+)?$/.test(p))) return false;
    const [zoom, lat, lon] = parts.map(Number);
    if (zoom < 0 || zoom > 22 || Math.abs(lat) > 85 || Math.abs(lon) > 180) return false;
    o.map = { zoom, lat, lon };
    return true;
  },
  lang: (v, o) => { if (!isLang(v)) return false; o.lang = v; return true; },
  story: (v, o) => { if (!ID.test(v)) return false; o.story = v; return true; },
  step: (v, o) => { if (!/^[1-9]\d{0,3}$/.test(v)) return false; o.step = Number(v); return true; },
  embed: (v, o) => { if (v !== '1' && v !== '0') return false; o.embed = v === '1'; return true; },
  parent: (v, o) => {
    if (v === 'null') { o.parent = 'null'; return true; }
    try {
      const u = new URL(v);
      if (u.origin === 'null' || u.origin !== v.replace(/\/$/, '')) return false;
      o.parent = u.origin;
      return true;
    } catch { return false; }
  },
  dataset: (v, o) => { if (!DATASET_NAME.test(v)) return false; o.dataset = v; return true; },
};

export function parseUrl(search: string): ParsedUrl {
  const params = new URLSearchParams(search);
  const state: UrlState = {};
  const ignored: string[] = [];
  for (const [key, value] of params) {
    // Own keys only: `__proto__` or `constructor` must be dropped like any unknown name, not looked up.
    const parser = Object.hasOwn(PARSERS, key) ? PARSERS[key as keyof UrlState] : undefined;
    if (!parser || !parser(value, state)) ignored.push(key);
  }
  return { state, ignored: [...new Set(ignored)] };
}

const round = (n: number, d: number) => Number(n.toFixed(d));

/** Query string (without "?") with parameters in a stable order; readable commas and slashes kept. */
export function formatUrl(s: UrlState): string {
  const parts: [string, string][] = [];
  if (s.dataset) parts.push(['dataset', s.dataset]);
  if (s.t !== undefined) parts.push(['t', isoDay(s.t)]);
  if (s.range) parts.push(['range', `${isoDay(s.range[0])}/${isoDay(s.range[1])}`]);
  if (s.sel) parts.push(['sel', s.sel]);
  if (s.themes) parts.push(['themes', s.themes.join(',')]);
  if (s.status) parts.push(['status', s.status.join(',')]);
  if (s.actors) parts.push(['actors', s.actors.join(',')]);
  if (s.lanes) parts.push(['lanes', s.lanes]);
  if (s.map) parts.push(['map', `${round(s.map.zoom, 2)}/${round(s.map.lat, 4)}/${round(s.map.lon, 4)}`]);
  if (s.lang) parts.push(['lang', s.lang]);
  if (s.story) parts.push(['story', s.story]);
  if (s.step !== undefined) parts.push(['step', String(s.step)]);
  if (s.embed) parts.push(['embed', '1']);
  if (s.parent) parts.push(['parent', s.parent]);
  return parts.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%2F/g, '/')}`).join('&');
}
