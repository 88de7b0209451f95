// The presenter's second window: a same-origin about:blank popup that this page scripts directly, so the view mounted
// in it reads the same AtlasState and calls the same intents (no messages to keep in step), and it opens from the
// offline copy at file:// too, where a second page could load nothing. It gets the page's styles, palette and script
// fonts; it closes when the page goes, and notices when the presenter closes it.
import { labelFontFaces } from '../map/fonts.generated';
import { assetUrl } from '../assetUrl';

/** The popup's window name: a second press finds the same window rather than opening another. */
export const PRESENTER_WINDOW = 'atlas-presenter';

export interface PresenterWindow {
  readonly window: Window;
  /** True once the presenter closed the window (or close() ran). */
  readonly closed: boolean;
  /** Unmounts the view and closes the window. */
  close(): void;
}

/** Copies the page's stylesheets (linked ones by absolute URL, so the fonts they name resolve as on the page). */
function copyStyles(from: Document, to: Document) {
  for (const el of from.querySelectorAll<HTMLLinkElement | HTMLStyleElement>('link[rel~="stylesheet"], style')) {
    if (el instanceof HTMLLinkElement) {
      const link = to.createElement('link');
      link.rel = 'stylesheet';
      link.href = el.href;
      if (el.media) link.media = el.media;
      to.head.append(link);
    } else {
      const style = to.createElement('style');
      style.textContent = el.textContent;
      if (el.media) style.media = el.media;
      to.head.append(style);
    }
  }
  // The palette's custom properties are set on the page's <html> (main.ts).
  to.documentElement.style.cssText = from.documentElement.style.cssText;
}

/** The Japanese, Devanagari and Gujarati faces the page registers for its own text (lib/uiFonts), in the popup. */
function addScriptFonts(win: Window, base: string) {
  const Face = (win as unknown as typeof globalThis).FontFace;
  if (!Face || !win.document.fonts) return;
  for (const face of labelFontFaces['Noto Sans Regular'] ?? []) {
    if (face.file.includes('latin')) continue; // Latin comes with the stylesheet
    win.document.fonts.add(new Face('Atlas Noto Scripts', `url(${assetUrl(face.file, base)})`, { unicodeRange: face.unicodeRange.join(',') }));
  }
}

/**
 * Opens (or finds) the presenter window and mounts a view in its body with `mountView`, which returns its unmount.
 * Null when the browser blocked the popup.
 */
export function openPresenterWindow(opener: Window, mountView: (target: HTMLElement) => () => void): PresenterWindow | null {
  const width = Math.min(1000, opener.screen?.availWidth || 1000);
  const height = Math.min(680, opener.screen?.availHeight || 680);
  let win: Window | null = null;
  let doc: Document;
  try {
    // '' and not 'about:blank': the window keeps its first document, which is ours to fill at once.
    win = opener.open('', PRESENTER_WINDOW, `popup,width=${width},height=${height}`);
    if (!win) return null;
    doc = win.document;
  } catch {
    // A window of that name showing another origin's page.
    win?.close();
    return null;
  }
  // A window left by an earlier page of this atlas (a reload) keeps that page's dead view: start again.
  doc.head.replaceChildren();
  doc.body.replaceChildren();
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  doc.head.append(charset);
  copyStyles(opener.document, doc);
  addScriptFonts(win, opener.document.baseURI);

  const unmountView = mountView(doc.body);
  let closed = false;
  const popup = win;
  const finish = () => {
    if (closed) return;
    closed = true;
    opener.clearInterval(poll);
    opener.removeEventListener('pagehide', close);
    popup.removeEventListener('pagehide', finish);
    unmountView();
  };
  function close() {
    finish();
    popup.close();
  }
  // A closed window says so on `closed`; its pagehide is the quick way, the poll the sure one.
  const poll = opener.setInterval(() => popup.closed && finish(), 1000);
  popup.addEventListener('pagehide', finish);
  opener.addEventListener('pagehide', close);
  return {
    window: popup,
    get closed() {
      return closed || popup.closed;
    },
    close,
  };
}
