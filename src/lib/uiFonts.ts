// The page's own text uses the same subset Noto files as the map labels for Japanese, Devanagari and
// Gujarati, so dates and names in those scripts render without system fonts (offline, any machine).
import { labelFontFaces } from './map/fonts.generated';
import { assetUrl } from './assetUrl';

export function registerUiFonts(base: string) {
  if (!('fonts' in document)) return;
  for (const face of labelFontFaces['Noto Sans Regular'] ?? []) {
    if (face.file.includes('latin')) continue; // Latin comes from @fontsource with the CSS
    const f = new FontFace('Atlas Noto Scripts', `url(${assetUrl(face.file, base)})`, { unicodeRange: face.unicodeRange.join(',') });
    document.fonts.add(f);
  }
}
