// The page's fonts embedded in exported SVG: unicode ranges read as CSS writes them, only the files a drawing's
// characters need, woff2 preferred among a face's sources, rules with data: URLs and the right format.
import { describe, expect, it } from 'vitest';
import { facesFor, fontFaceCss, fontSrcUrl, parseUnicodeRange, type PageFontFace } from '../../src/lib/export/embeddedFonts';

describe('parseUnicodeRange', () => {
  it.each<[string, [number, number][]]>([
    ['U+0041-005A', [[0x41, 0x5a]]],
    ['U+00E9', [[0xe9, 0xe9]]],
    ['U+0000-00FF, U+0131, U+2000-206F', [[0, 0xff], [0x131, 0x131], [0x2000, 0x206f]]],
    ['u+4e??', [[0x4e00, 0x4eff]]],
    ['U+5CE1,U+9271', [[0x5ce1, 0x5ce1], [0x9271, 0x9271]]],
    ['nonsense, U+30', [[0x30, 0x30]]],
    ['', []],
  ])('%j', (range, parsed) => expect(parseUnicodeRange(range)).toEqual(parsed));
});

const face = (family: string, unicodeRange: string, weight = '400'): PageFontFace => ({ family, weight, style: 'normal', unicodeRange, url: `https://atlas.example/${family}-${weight}.woff2` });

describe('facesFor', () => {
  const latin = face('Noto Sans', 'U+0000-00FF, U+2013-2014');
  const latinBold = face('Noto Sans', 'U+0000-00FF', '600');
  const tokyo = face('Atlas Noto Scripts', 'U+6771, U+4EAC');
  const gujarati = face('Atlas Noto Scripts', 'U+0A80-0AFF');
  const any = face('Fallback', '');
  const faces = [latin, latinBold, tokyo, gujarati];

  it.each<[string, string, PageFontFace[]]>([
    ['Latin text: both Latin weights', 'Jan 2026 – Summit', [latin, latinBold]],
    ['a Japanese label brings its file', 'Tokyo 東京', [latin, latinBold, tokyo]],
    ['a Gujarati label brings its file, not the Japanese one', 'અમદાવાદ', [gujarati]],
    ['nothing for no text', '', []],
  ])('%s', (_name, text, want) => expect(facesFor(faces, text)).toEqual(want));

  it('a face without a range draws everything', () => expect(facesFor([any, tokyo], 'abc')).toEqual([any]));
});

describe('fontSrcUrl', () => {
  it.each<[string, string, string | null]>([
    ['url(./files/noto-sans-latin-400-normal.woff2) format("woff2"), url(./files/noto-sans-latin-400-normal.woff) format("woff")', 'https://atlas.example/assets/index.css', 'https://atlas.example/assets/files/noto-sans-latin-400-normal.woff2'],
    ['url("a.woff") format("woff"), url("b.woff2") format("woff2")', 'https://atlas.example/', 'https://atlas.example/b.woff2'],
    ["url('fonts/x.woff2?v=2')", 'https://atlas.example/app/', 'https://atlas.example/app/fonts/x.woff2?v=2'],
    ['url(x.ttf)', 'https://atlas.example/', 'https://atlas.example/x.ttf'],
    ['local("Noto Sans")', 'https://atlas.example/', null],
  ])('%s', (src, base, url) => expect(fontSrcUrl(src, base)).toBe(url));
});

describe('fontFaceCss', () => {
  it('writes one rule per face with its family, weight, range and data: URL in its format', () => {
    const css = fontFaceCss([
      { ...face('Noto Sans', 'U+0000-00FF', '600'), dataUrl: 'data:font/woff2;base64,AAAA' },
      { ...face('Atlas "Odd" Name', ''), dataUrl: 'data:font/woff;base64,BBBB' },
    ]);
    expect(css).toBe(
      '@font-face{font-family:"Noto Sans";font-weight:600;font-style:normal;unicode-range:U+0000-00FF;src:url(data:font/woff2;base64,AAAA) format("woff2");}' +
        '@font-face{font-family:"Atlas \\"Odd\\" Name";font-weight:400;font-style:normal;src:url(data:font/woff;base64,BBBB) format("woff");}',
    );
  });
});
