// Turns the generated label font manifest into the style's `font-faces`, with absolute URLs.
import type { FontFacesSpecification } from 'maplibre-gl';
import { labelFontFaces } from './fonts.generated';
import { assetUrl } from '../assetUrl';

export type LabelFontFaces = Record<string, { file: string; unicodeRange: string[] }[]>;

/**
 * The style's root `font-faces` object for the label fonts: for each font name of `text-font`, its files in order,
 * each with the codepoints it draws. `file` paths are resolved against `baseUrl` (the app's root URL, e.g.
 * `new URL(import.meta.env.BASE_URL, location.href).href`), because MapLibre fetches the url itself and a relative
 * url is not safe to hand to it (a worker or another base would resolve it differently).
 */
export function fontFacesFor(baseUrl: string, faces: LabelFontFaces = labelFontFaces): FontFacesSpecification {
  const out: FontFacesSpecification = {};
  for (const [fontName, files] of Object.entries(faces)) {
    out[fontName] = files.map(({ file, unicodeRange }) => ({
      url: assetUrl(file, baseUrl),
      'unicode-range': [...unicodeRange],
    }));
  }
  return out;
}

/** The label font files for Latin script (the first line of every English label). */
export function latinLabelFonts(faces: LabelFontFaces = labelFontFaces): string[] {
  return Object.values(faces).flatMap((files) => files.filter((f) => f.file.includes('latin')).map((f) => f.file));
}
