// The embed bridge: host messages become AtlasState intents (the same ones the UI and the URL use), and the atlas
// reports readiness, state and size to the host. The protocol itself (shapes, validation, origins) is embedMessages.
import { parseIsoDay } from '../model/dates';
import { refusalText, type Refusal } from '../i18n/refusals';
import type { AtlasState } from './AtlasState.svelte';
import {
  createResizeReporter, createStateReporter, embedStateFromQuery, errorMessage, isAllowedOrigin, parseHostMessage,
  readyMessage, targetOrigin, NOT_ATLAS, type AtlasMessage, type EmbedState, type HostMessage,
} from './embedMessages';

/** Does a well-formed host message through the intents; returns why it was refused (nothing then changes), or null. */
export function applyHostMessage(atlas: AtlasState, m: HostMessage): string | null {
  let refused: Refusal | null = null;
  switch (m.type) {
    case 'atlas:setTime':
      atlas.setTime(parseIsoDay(m.time)!);
      break;
    case 'atlas:setRange':
      refused = atlas.setRange(m.range ? [parseIsoDay(m.range[0])!, parseIsoDay(m.range[1])!] : null);
      break;
    case 'atlas:select':
      refused = atlas.select(m.id, 'host');
      break;
    case 'atlas:setView':
      atlas.requestCamera({ zoom: m.zoom, lat: m.center[1], lon: m.center[0] });
      break;
    case 'atlas:setFilters':
      refused = atlas.setFilters({ themes: m.themes, status: m.status, actors: m.actors });
      break;
    case 'atlas:play':
      atlas.play();
      break;
    case 'atlas:pause':
      atlas.pause();
      break;
    case 'atlas:goToStep':
      refused = atlas.goToStep(m.story, m.step);
      break;
  }
  if (refused) return `${m.type}: ${refusalText(refused)}`;
  // A host that sets the view itself leaves story mode, so the URL and state describe what is shown.
  if (m.type !== 'atlas:goToStep' && m.type !== 'atlas:play' && m.type !== 'atlas:pause') atlas.exitStory();
  return null;
}

/** The window the bridge listens on and posts from (a real `window`, or a stand-in in tests). */
export interface BridgeWindow {
  readonly parent: { postMessage(message: unknown, targetOrigin: string): void } | null;
  readonly top: unknown;
  readonly location: { origin: string };
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
}

export interface EmbedBridge {
  /** True inside a frame: only then does the atlas post anything. */
  readonly inFrame: boolean;
  post(m: AtlasMessage): void;
  /** Once, when the atlas has drawn: atlas:ready with the view. Later state reports wait for it. */
  ready(query: string): void;
  /** After each URL write: atlas:state (debounced, unchanged states not repeated). */
  state(query: string, fullUrl: string): void;
  /** The height the atlas would like at its current width (changed values only, after ready). */
  resize(height: number): void;
  dispose(): void;
}

export function connectEmbedBridge(atlas: AtlasState, win: BridgeWindow): EmbedBridge {
  const own = win.location.origin;
  const inFrame = win.parent !== null && win.top !== win;
  const post = (m: AtlasMessage) => {
    if (inFrame) win.parent!.postMessage(m, targetOrigin(own, atlas.parent));
  };
  const reporter = inFrame ? createStateReporter(post, 150) : null;
  const reportResize = createResizeReporter(post);
  let sentReady = false;
  const onMessage = (e: MessageEvent) => {
    if (!isAllowedOrigin(e.origin, own, atlas.parent)) return;
    // From an opaque origin (a deck opened from file://) only the frame's own parent may drive it.
    if (e.origin === 'null' && e.source !== win.parent) return;
    const r = parseHostMessage(e.data);
    if (!r.ok) {
      if (r.error !== NOT_ATLAS) post(errorMessage(r.error));
      return;
    }
    const refused = applyHostMessage(atlas, r.message);
    if (refused) post(errorMessage(refused));
  };
  win.addEventListener('message', onMessage);
  return {
    inFrame,
    post,
    ready(query) {
      if (sentReady) return;
      sentReady = true;
      reporter?.cancel();
      post(readyMessage(embedStateFromQuery(query)));
    },
    state(query, fullUrl) {
      if (sentReady) reporter?.report(embedStateFromQuery(query) as EmbedState, fullUrl);
    },
    resize(height) {
      if (sentReady && inFrame) reportResize(height);
    },
    dispose() {
      win.removeEventListener('message', onMessage);
      reporter?.cancel();
    },
  };
}
