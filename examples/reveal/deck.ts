// A reveal.js deck that drives one embedded atlas: on each slide change it sends the slide's data-atlas
// message(s) through the postMessage API (docs/embed.md). The iframe lives in a fixed layer laid over the
// current slide's .atlas-slot, so it loads once; moving an iframe in the DOM would reload it.
import Reveal from 'reveal.js';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/white.css';
import './deck.css';
import { parseHostMessage, type AtlasMessage, type HostMessage } from '../../src/lib/state/embedMessages';

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;

// The atlas is served beside the deck (dist/ root); `parent` names this page's origin so the atlas
// accepts our messages and addresses its own to us. A deck opened from file:// has the opaque origin
// "null" (self.origin says so; location.origin may say "file://").
const parent = self.origin === 'null' || location.protocol === 'file:' ? 'null' : location.origin;
const atlasUrl = new URL(`../../?embed=1&parent=${encodeURIComponent(parent)}`, location.href);
const atlasOrigin = atlasUrl.origin;

const layer = document.querySelector<HTMLElement>('.atlas-layer')!;
const iframe = document.createElement('iframe');
iframe.title = 'Indo-Pacific Atlas';
iframe.allow = 'fullscreen; clipboard-write';

/** What the deck did, for people debugging a deck and for the browser test. */
const log = { ready: false, sent: [] as HostMessage[], received: [] as AtlasMessage[], errors: [] as string[] };
(window as unknown as { __deck: unknown }).__deck = log;

/** The slide's messages: data-atlas holds one message or an array; invalid ones are reported, not sent. */
function messagesOf(slide: Element | undefined): HostMessage[] {
  const raw = slide?.getAttribute('data-atlas');
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    report(`data-atlas is not JSON: ${raw}`);
    return [];
  }
  const out: HostMessage[] = [];
  for (const item of Array.isArray(data) ? data : [data]) {
    const r = parseHostMessage(item);
    if (r.ok) out.push(r.message);
    else report(`data-atlas: ${r.error}`);
  }
  return out;
}

function report(error: string) {
  log.errors.push(error);
  console.error(`[deck] ${error}`);
}

function send(slide: Element | undefined) {
  if (!log.ready || !iframe.contentWindow) return;
  for (const m of messagesOf(slide)) {
    log.sent.push(m);
    iframe.contentWindow.postMessage(m, atlasOrigin);
  }
}

window.addEventListener('message', (e: MessageEvent) => {
  // Only the atlas frame, from the atlas origin; reveal.js and other scripts may post here too.
  if (e.source !== iframe.contentWindow || e.origin !== atlasOrigin) return;
  const m = e.data as AtlasMessage;
  if (typeof m !== 'object' || m === null || typeof m.type !== 'string' || !m.type.startsWith('atlas:')) return;
  log.received.push(m);
  if (m.type === 'atlas:ready') {
    // Also after a reload of the frame: the atlas starts from its URL, so bring it back to this slide.
    log.ready = true;
    send(deck.getCurrentSlide());
  } else if (m.type === 'atlas:error') {
    report(`atlas: ${m.message}`);
  }
});

/** Lays the iframe over the current slide's slot (reveal scales slides, so measure, don't compute). */
function place() {
  const slot = deck.getCurrentSlide()?.querySelector<HTMLElement>('.atlas-slot');
  if (!slot) {
    layer.classList.remove('shown');
    return;
  }
  const r = slot.getBoundingClientRect();
  Object.assign(layer.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  layer.classList.add('shown');
}

// Keys go to the focused document, and a clicker's keys must reach the deck. The frame keeps focus only
// while the user put it there: by pointer (until the pointer leaves it) or by Tab. Focus the frame takes
// by itself (a same-origin page may call focus() as a slide's message changes its view) goes back.
let pointerInFrame = false;
let tabbed = false;
const takeFocusBack = () => {
  if (document.activeElement === iframe && !pointerInFrame && !tabbed) {
    iframe.blur();
    window.focus();
  }
};
iframe.addEventListener('mouseenter', () => (pointerInFrame = true));
iframe.addEventListener('mouseleave', () => {
  pointerInFrame = false;
  tabbed = false;
  takeFocusBack();
});
document.addEventListener('keydown', (e) => (tabbed = e.key === 'Tab'), true);
document.addEventListener('pointerdown', () => (tabbed = false), true);
window.addEventListener('blur', () => setTimeout(takeFocusBack, 0));

const deck = new Reveal({
  hash: true,
  width: 1280,
  height: 720,
  margin: 0.04,
  center: false,
  // Slides fade in place, so the atlas layer can sit over the slot at once; slide-in would leave it behind.
  transition: reducedMotion ? 'none' : 'fade',
  backgroundTransition: 'none',
  // The deck embeds another page: do not expose reveal's own postMessage API to frames.
  postMessage: false,
  postMessageEvents: false,
});

deck.on('slidechanged', (e) => {
  place();
  send((e as unknown as { currentSlide: Element }).currentSlide);
});
deck.on('resize', place);
window.addEventListener('resize', () => requestAnimationFrame(place));

deck.initialize().then(() => {
  layer.hidden = false;
  layer.append(iframe);
  iframe.src = atlasUrl.href;
  place();
});
