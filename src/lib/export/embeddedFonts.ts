// The page's own fonts, embedded in an exported SVG as @font-face rules with data: URLs. An SVG drawn as an image
// loads nothing from outside itself, so without them its labels fall back to whatever the machine has; with them the
// timeline in a PNG reads as it does on screen. Only the files whose characters the drawing uses are embedded.
import { labelFontFaces } from '../map/fonts.generated';
import { assetUrl } from '../assetUrl';

export interface PageFontFace {
  family: string;
  /** CSS font-weight, e.g. "400" or "600". */
  weight: string;
  style: string;
  /** CSS unicode-range, e.g. "U+0000-00FF, U+0131"; empty for every character. */
  unicodeRange: string;
  url: string;
}

/** "U+0041-005A, U+00E9, U+4E??" → [[0x41, 0x5a], [0xe9, 0xe9], [0x4e00, 0x4eff]]. */
export function parseUnicodeRange(range: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of range.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) continue;
    if (m[1].includes('?')) out.push([parseInt(m[1].replace(/\?/g, '0'), 16), parseInt(m[1].replace(/\?/g, 'f'), 16)]);
    else out.push([parseInt(m[1], 16), parseInt(m[2] ?? m[1], 16)]);
  }
  return out;
}

/** The faces that draw at least one character of `text` (a face without a unicode-range draws all). */
export function facesFor<F extends Pick<PageFontFace, 'unicodeRange'>>(faces: F[], text: string): F[] {
  const codes = new Set<number>();
  for (const ch of text) codes.add(ch.codePointAt(0)!);
  return faces.filter((f) => {
    if (!f.unicodeRange.trim()) return true;
    const ranges = parseUnicodeRange(f.unicodeRange);
    for (const c of codes) if (ranges.some(([a, b]) => c >= a && c <= b)) return true;
    return false;
  });
}

/** ` format("woff2")` for a woff2 data: URL, and so on; nothing for a type it does not know. */
const formatOf = (dataUrl: string) => {
  const m = /^data:font\/(woff2|woff|ttf|otf)[;,]/.exec(dataUrl);
  return m ? ` format("${{ woff2: 'woff2', woff: 'woff', ttf: 'truetype', otf: 'opentype' }[m[1]]}")` : '';
};

const cssString = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

/** @font-face rules for faces whose files are given as data: URLs. */
export function fontFaceCss(faces: (PageFontFace & { dataUrl: string })[]): string {
  return faces
    .map(
      (f) =>
        `@font-face{font-family:${cssString(f.family)};font-weight:${f.weight};font-style:${f.style};` +
        `${f.unicodeRange.trim() ? `unicode-range:${f.unicodeRange};` : ''}src:url(${f.dataUrl})${formatOf(f.dataUrl)};}`,
    )
    .join('');
}

/** The first woff2 url() of a CSS `src` value (else its first url()), resolved against `base`. */
export function fontSrcUrl(src: string, base: string): string | null {
  const urls = [...src.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)\s*(?:format\(\s*['"]?([\w-]+)['"]?\s*\))?/g)].map((m) => ({ url: m[2], format: m[3] }));
  const pick = urls.find((u) => u.format === 'woff2' || /\.woff2(?:[?#]|$)/.test(u.url)) ?? urls[0];
  return pick ? new URL(pick.url, base).href : null;
}

/** The family the page's text falls back to for Japanese, Devanagari and Gujarati (lib/uiFonts registers it). */
export const SCRIPT_FAMILY = 'Atlas Noto Scripts';
/** The page's font stack, for canvases and exported SVG. */
export const PAGE_FONT = `"Noto Sans", "${SCRIPT_FAMILY}", sans-serif`;

/** The faces the page uses: its stylesheets' @font-face rules (Noto Sans) and the script files lib/uiFonts adds. */
export function pageFontFaces(): PageFontFace[] {
  const out: PageFontFace[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const r of Array.from(rules)) {
      if (!(r instanceof CSSFontFaceRule)) continue;
      const s = r.style;
      const url = fontSrcUrl(s.getPropertyValue('src'), sheet.href ?? document.baseURI);
      if (!url) continue;
      out.push({
        family: s.getPropertyValue('font-family').trim().replace(/^['"]|['"]$/g, ''),
        weight: s.getPropertyValue('font-weight').trim() || '400',
        style: s.getPropertyValue('font-style').trim() || 'normal',
        unicodeRange: s.getPropertyValue('unicode-range').trim(),
        url,
      });
    }
  }
  for (const face of labelFontFaces['Noto Sans Regular'] ?? []) {
    if (face.file.includes('latin')) continue; // as lib/uiFonts: Latin comes from the stylesheet
    out.push({ family: SCRIPT_FAMILY, weight: '400', style: 'normal', unicodeRange: face.unicodeRange.join(', '), url: assetUrl(face.file, document.baseURI) });
  }
  return out;
}

const dataUrls = new Map<string, Promise<string>>();

function dataUrlOf(url: string): Promise<string> {
  let p = dataUrls.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.blob();
      })
      .then(
        (b) =>
          new Promise<string>((ok, fail) => {
            const fr = new FileReader();
            const ext = /\.(woff2|woff|ttf|otf)(?:[?#]|$)/.exec(url)?.[1] ?? 'woff2';
            fr.onload = () => ok(String(fr.result).replace(/^data:[^;,]*/, `data:font/${ext}`));
            fr.onerror = () => fail(fr.error);
            fr.readAsDataURL(b);
          }),
      );
    p.catch(() => dataUrls.delete(url));
    dataUrls.set(url, p);
  }
  return p;
}

/**
 * @font-face CSS embedding the page's font files that draw `text`. A file that cannot be read is left out (the text
 * then falls back as before) rather than failing the export.
 */
export async function embeddedFontCss(text: string, faces: PageFontFace[] = pageFontFaces()): Promise<string> {
  const wanted = facesFor(faces, text);
  const loaded = await Promise.all(
    wanted.map((f) =>
      dataUrlOf(f.url).then(
        (dataUrl) => ({ ...f, dataUrl }),
        (err) => (console.warn('a font could not be embedded', err), null),
      ),
    ),
  );
  return fontFaceCss(loaded.filter((f) => f !== null));
}
