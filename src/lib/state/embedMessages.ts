// The postMessage protocol between a host page and an embedded atlas: message types, strict validation,
// origin rules and the two reporters (debounced state, changed-only height). Pure: no DOM, no Svelte.
// docs/embed.md is the contract for host pages; change both together.
import { ID_PATTERN, STATUSES } from '../model/types';
import { parseIsoDay } from '../model/dates';

/** Bumped only when a message changes shape incompatibly; sent in atlas:ready. */
export const PROTOCOL_VERSION = 1;

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDay = string;

// ---- host → atlas --------------------------------------------------------------------------------------

export interface SetTimeMessage { type: 'atlas:setTime'; time: IsoDay }
/** `null` clears the brushed range. */
export interface SetRangeMessage { type: 'atlas:setRange'; range: [IsoDay, IsoDay] | null }
/** A record id (event, place or initiative); `null` clears the selection. */
export interface SelectMessage { type: 'atlas:select'; id: string | null }
export interface SetViewMessage { type: 'atlas:setView'; center: [lon: number, lat: number]; zoom: number }
/** Each list: absent leaves that filter as it is, `null` shows all, an array shows only those ids. */
export interface SetFiltersMessage {
  type: 'atlas:setFilters';
  themes?: string[] | null;
  status?: string[] | null;
  actors?: string[] | null;
}
export interface PlayMessage { type: 'atlas:play' }
export interface PauseMessage { type: 'atlas:pause' }
/** `step` counts from 1, as in the URL. */
export interface GoToStepMessage { type: 'atlas:goToStep'; story: string; step: number }

export type HostMessage =
  | SetTimeMessage
  | SetRangeMessage
  | SelectMessage
  | SetViewMessage
  | SetFiltersMessage
  | PlayMessage
  | PauseMessage
  | GoToStepMessage;

export type HostMessageType = HostMessage['type'];

// ---- atlas → host --------------------------------------------------------------------------------------

/** The URL query parameters that describe a view (not embed, parent or dataset). */
export const STATE_KEYS = ['t', 'range', 'sel', 'themes', 'status', 'actors', 'lanes', 'map', 'lang', 'story', 'step'] as const;
export type StateKey = (typeof STATE_KEYS)[number];
/** A view in the URL's own names and string values, e.g. `{t:'2026-07-02', sel:'summit-16', map:'4.5/15.2/95.1'}`. */
export type EmbedState = Partial<Record<StateKey, string>>;

export interface ReadyMessage { type: 'atlas:ready'; version: typeof PROTOCOL_VERSION; state: EmbedState }
/** `url`: the same view in the full atlas (absolute, without embed and parent). */
export interface StateMessage { type: 'atlas:state'; state: EmbedState; url: string }
/** The height (CSS px) the atlas would like at its current width; sent only when it changes. */
export interface ResizeMessage { type: 'atlas:resize'; height: number }
export interface ErrorMessage { type: 'atlas:error'; message: string }

export type AtlasMessage = ReadyMessage | StateMessage | ResizeMessage | ErrorMessage;

// ---- validation ----------------------------------------------------------------------------------------

export type ParseResult = { ok: true; message: HostMessage } | { ok: false; error: string };

/** Returned for anything that is not ours, so the app can ignore other libraries' messages silently. */
export const NOT_ATLAS = 'not an atlas message';

const ID = ID_PATTERN;
/** The statuses a host may filter by: the model's own list. */
export const EMBED_STATUSES = STATUSES;
const MAX_STEP = 9999;

class Invalid extends Error {}

type Obj = Record<string, unknown>;

const show = (v: unknown): string => {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'nothing';
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return String(v);
  }
};

/** True for a real calendar day written `YYYY-MM-DD`, or with an expanded year (`-003499-01-01`, `+012000-01-01`). */
export function isIsoDay(v: unknown): v is IsoDay {
  return typeof v === 'string' && parseIsoDay(v) !== null;
}

function day(v: unknown, where: string): IsoDay {
  if (!isIsoDay(v)) throw new Invalid(`${where} must be a real day as "YYYY-MM-DD", got ${show(v)}`);
  return v;
}

function id(v: unknown, where: string): string {
  if (typeof v !== 'string' || !ID.test(v)) throw new Invalid(`${where} must be an id like "summit-16" (a-z, 0-9, -), got ${show(v)}`);
  return v;
}

function finite(v: unknown, where: string, lo: number, hi: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
    throw new Invalid(`${where} must be a number from ${lo} to ${hi}, got ${show(v)}`);
  }
  return v;
}

function idList(v: unknown, where: string, allowed?: readonly string[]): string[] | null {
  if (v === null) return null;
  if (!Array.isArray(v)) throw new Invalid(`${where} must be an array of ids or null, got ${show(v)}`);
  return v.map((x, i) => {
    const s = id(x, `${where}[${i}]`);
    if (allowed && !allowed.includes(s)) throw new Invalid(`${where}[${i}] must be one of ${allowed.join(', ')}, got ${show(x)}`);
    return s;
  });
}

/** Keys each message may carry besides `type`; any other key is refused (a typo would otherwise do nothing). */
const FIELDS: Record<HostMessageType, readonly string[]> = {
  'atlas:setTime': ['time'],
  'atlas:setRange': ['range'],
  'atlas:select': ['id'],
  'atlas:setView': ['center', 'zoom'],
  'atlas:setFilters': ['themes', 'status', 'actors'],
  'atlas:play': [],
  'atlas:pause': [],
  'atlas:goToStep': ['story', 'step'],
};

const BUILDERS: { [K in HostMessageType]: (o: Obj) => Extract<HostMessage, { type: K }> } = {
  'atlas:setTime': (o) => ({ type: 'atlas:setTime', time: day(o.time, 'time') }),
  'atlas:setRange': (o) => {
    const r = o.range;
    if (r === null) return { type: 'atlas:setRange', range: null };
    if (!Array.isArray(r) || r.length !== 2) throw new Invalid(`range must be ["YYYY-MM-DD", "YYYY-MM-DD"] or null, got ${show(r)}`);
    const lo = day(r[0], 'range[0]');
    const hi = day(r[1], 'range[1]');
    if (hi < lo) throw new Invalid(`range must not end (${hi}) before it starts (${lo})`);
    return { type: 'atlas:setRange', range: [lo, hi] };
  },
  'atlas:select': (o) => ({ type: 'atlas:select', id: o.id === null ? null : id(o.id, 'id') }),
  'atlas:setView': (o) => {
    const c = o.center;
    if (!Array.isArray(c) || c.length !== 2) throw new Invalid(`center must be [lon, lat], got ${show(c)}`);
    const lon = finite(c[0], 'center[0] (longitude)', -180, 180);
    const lat = finite(c[1], 'center[1] (latitude)', -85, 85);
    return { type: 'atlas:setView', center: [lon, lat], zoom: finite(o.zoom, 'zoom', 0, 22) };
  },
  'atlas:setFilters': (o) => {
    const out: SetFiltersMessage = { type: 'atlas:setFilters' };
    if (!('themes' in o) && !('status' in o) && !('actors' in o)) throw new Invalid('needs at least one of themes, status, actors');
    if ('themes' in o) out.themes = idList(o.themes, 'themes');
    if ('status' in o) out.status = idList(o.status, 'status', EMBED_STATUSES);
    if ('actors' in o) out.actors = idList(o.actors, 'actors');
    return out;
  },
  'atlas:play': () => ({ type: 'atlas:play' }),
  'atlas:pause': () => ({ type: 'atlas:pause' }),
  'atlas:goToStep': (o) => {
    const story = id(o.story, 'story');
    const s = o.step;
    if (typeof s !== 'number' || !Number.isInteger(s) || s < 1 || s > MAX_STEP) {
      throw new Invalid(`step must be a whole number from 1 (the first step), got ${show(s)}`);
    }
    return { type: 'atlas:goToStep', story, step: s };
  },
};

export const HOST_MESSAGE_TYPES = Object.keys(FIELDS) as HostMessageType[];

/**
 * Validates a host → atlas message as received (`event.data`). Anything without a string `type` starting
 * with "atlas:" gives `{ok:false, error: NOT_ATLAS}` (ignore it quietly); an atlas message that is wrong
 * gives an error naming the type and the field, fit to send back as atlas:error.
 */
export function parseHostMessage(data: unknown): ParseResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, error: NOT_ATLAS };
  const o = data as Obj;
  const type = o.type;
  if (typeof type !== 'string' || !type.startsWith('atlas:')) return { ok: false, error: NOT_ATLAS };
  if (!Object.hasOwn(BUILDERS, type)) {
    return { ok: false, error: `unknown message type ${show(type)} (known: ${HOST_MESSAGE_TYPES.join(', ')})` };
  }
  const t = type as HostMessageType;
  const extra = Object.keys(o).filter((k) => k !== 'type' && !FIELDS[t].includes(k));
  if (extra.length) {
    const allowed = FIELDS[t].length ? FIELDS[t].join(', ') : 'none';
    return { ok: false, error: `${t}: unknown field${extra.length > 1 ? 's' : ''} ${extra.join(', ')} (allowed: ${allowed})` };
  }
  try {
    return { ok: true, message: BUILDERS[t](o) };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, error: `${t}: ${err.message}` };
    throw err;
  }
}

// ---- origins -------------------------------------------------------------------------------------------

/**
 * Whether to accept a message from `origin` (`event.origin`). Same origin always; the `parent=` origin
 * from the embed URL exactly; the opaque origin "null" (a deck opened from file://) only when the embed
 * URL says `parent=null`. Nothing else: no wildcard, no subdomain matching.
 */
export function isAllowedOrigin(origin: string, ownOrigin: string, parent: string | undefined): boolean {
  if (origin === 'null') return parent === 'null';
  if (origin === ownOrigin) return true;
  return parent !== undefined && parent !== 'null' && origin === parent;
}

/**
 * The targetOrigin for the atlas's own postMessage calls: the `parent=` origin, or the atlas's own origin.
 * `parent=null` gives "*" because an opaque origin cannot be named: any page that frames the atlas then
 * reads its messages, which only carry the view, never anything private. An atlas itself served from an
 * opaque origin uses "/" (same origin only), which never matches, so it stays silent rather than broadcast.
 */
export function targetOrigin(ownOrigin: string, parent: string | undefined): string {
  if (parent === 'null') return '*';
  if (parent) return parent;
  return ownOrigin === 'null' ? '/' : ownOrigin;
}

// ---- state -------------------------------------------------------------------------------------------

/** Picks the view parameters out of a query string (as formatUrl writes it) into an EmbedState. */
export function embedStateFromQuery(query: string): EmbedState {
  const params = new URLSearchParams(query);
  const out: EmbedState = {};
  for (const key of STATE_KEYS) {
    const v = params.get(key);
    if (v !== null) out[key] = v;
  }
  return out;
}

/** The link to the same view in the full atlas: the embed URL without embed and parent. */
export function fullAtlasUrl(href: string): string {
  const u = new URL(href);
  u.searchParams.delete('embed');
  u.searchParams.delete('parent');
  u.hash = '';
  // URLSearchParams encodes "," and "/"; keep the query as readable as formatUrl writes it.
  u.search = u.searchParams.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  return u.toString();
}

const sameState = (a: EmbedState, b: EmbedState): boolean => {
  for (const k of STATE_KEYS) if (a[k] !== b[k]) return false;
  return true;
};

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface StateReporter {
  /** Call after every change; posts the latest state once things settle for `delayMs`. */
  report(state: EmbedState, url: string): void;
  /** Posts a pending report now (e.g. before atlas:ready or on pagehide). */
  flush(): void;
  /** Drops a pending report (on teardown). */
  cancel(): void;
}

/**
 * Debounces atlas:state. Each report restarts a `delayMs` timer; a stream of changes (playback, a drag)
 * still posts at least every `maxWaitMs`. A state equal to the last one posted is not posted again, so an
 * effect re-running without a real change, or a host echoing state back, causes no traffic.
 */
export function createStateReporter(
  post: (message: StateMessage) => void,
  delayMs: number,
  timers: Timers = defaultTimers,
  maxWaitMs: number = delayMs * 4,
): StateReporter {
  let pending: StateMessage | null = null;
  let last: EmbedState | null = null;
  let quiet: unknown = null;
  let ceiling: unknown = null;

  const clear = () => {
    if (quiet !== null) timers.clearTimeout(quiet);
    if (ceiling !== null) timers.clearTimeout(ceiling);
    quiet = ceiling = null;
  };
  const flush = () => {
    clear();
    const msg = pending;
    pending = null;
    if (!msg || (last && sameState(last, msg.state))) return;
    last = msg.state;
    post(msg);
  };
  return {
    report(state, url) {
      pending = { type: 'atlas:state', state: { ...state }, url };
      if (quiet !== null) timers.clearTimeout(quiet);
      quiet = timers.setTimeout(flush, delayMs);
      if (ceiling === null) ceiling = timers.setTimeout(flush, Math.max(maxWaitMs, delayMs));
    },
    flush,
    cancel() {
      clear();
      pending = null;
    },
  };
}

/**
 * Posts atlas:resize only when the wanted height (rounded up to whole CSS px) differs from the last one
 * posted. Returns whether it posted. Non-finite or negative heights are ignored.
 */
export function createResizeReporter(post: (message: ResizeMessage) => void): (height: number) => boolean {
  let last: number | null = null;
  return (height) => {
    if (!Number.isFinite(height) || height < 0) return false;
    const h = Math.ceil(height);
    if (h === last) return false;
    last = h;
    post({ type: 'atlas:resize', height: h });
    return true;
  };
}

/** atlas:ready, sent once the atlas has drawn (data-state="ready"). */
export function readyMessage(state: EmbedState): ReadyMessage {
  return { type: 'atlas:ready', version: PROTOCOL_VERSION, state: { ...state } };
}

export function errorMessage(message: string): ErrorMessage {
  return { type: 'atlas:error', message };
}
