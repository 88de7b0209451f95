// The label font build: each script's characters land in a file that really maps them, the unicode-ranges of a
// font name do not overlap, and the subset Indic fonts still shape like the originals.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fontverter from 'fontverter';
import { Blob, Buffer as HbBuffer, Face, Font, shape } from 'harfbuzzjs';
import {
  buildFonts,
  codepointsOf,
  collectLabelText,
  uiDateText,
  fontCodepoints,
  formatUnicodeRanges,
  inRanges,
  parseUnicodeRanges,
  type BuildFontsResult,
} from '../../scripts/build-fonts.ts';
import { fontFacesFor } from '../../src/lib/map/fontFaces.ts';

const places = [
  { id: 'tokyo', name: { en: 'Tokyo', ja: '東京', hi: 'टोक्यो', gu: 'ટોક્યો' } },
  { id: 'japan', name: { en: 'Japan', ja: '日本', hi: 'जापान' } },
  { id: 'new-delhi', name: { en: 'New Delhi', hi: 'नई दिल्ली' } },
  { id: 'mumbai', name: { en: 'Mumbai', hi: 'मुंबई', gu: 'મુંબઈ' } },
  { id: 'ahmedabad', name: { en: 'Ahmedabad', hi: 'अहमदाबाद', gu: 'અમદાવાદ' } },
  { id: 'india', name: { en: 'India', hi: 'भारत' } },
  { id: 'surat', name: { en: 'Surat', gu: 'સુરત' } },
  { id: 'vadodara', name: { en: 'Vadodara', gu: 'વડોદરા' } },
];
const themes = [{ id: 'rail', label: { en: 'Rail', ja: '鉄道' }, color: '#336699' }];

let dir: string;
let result: BuildFontsResult;
const cmaps = new Map<string, Set<number>>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-fonts-'));
  mkdirSync(join(dir, 'data', 'test'), { recursive: true });
  writeFileSync(join(dir, 'data', 'test', 'places.json'), JSON.stringify(places));
  writeFileSync(join(dir, 'data', 'test', 'themes.json'), JSON.stringify(themes));
  mkdirSync(join(dir, 'data', 'empty'));
  result = await buildFonts({ root: dir, log: () => {} });
  for (const f of result.files) cmaps.set(f.file, await fontCodepoints(readFileSync(f.path)));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const fontNames = ['Noto Sans Regular', 'Noto Sans Bold'];

describe('buildFonts', () => {
  it('writes every file of the manifest, the licence and the generated module, well under budget', () => {
    const manifest = readFileSync(join(dir, 'src/lib/map/fonts.generated.ts'), 'utf8');
    expect(manifest).toContain('export const labelFontFaces');
    expect(Object.keys(result.faces)).toEqual(fontNames);
    for (const faces of Object.values(result.faces)) {
      for (const { file } of faces) expect(existsSync(join(dir, 'public', file))).toBe(true);
    }
    expect(readFileSync(join(dir, 'public/fonts/LICENSE-OFL.txt'), 'utf8')).toMatch(/SIL OPEN FONT LICENSE Version 1\.1/);
    expect(result.totalBytes).toBeLessThan(150 * 1024);
    expect(result.missing).toBe('');
  });

  it('covers every date the UI writes in Japanese, Hindi and Gujarati (month names and signs such as ॰ are in no label)', () => {
    const faces = result.faces['Noto Sans Regular'];
    const uncovered = codepointsOf(uiDateText()).filter((cp) => !faces.some((f) => inRanges(parseUnicodeRanges(f.unicodeRange), cp) && cmaps.get(f.file)?.has(cp)));
    expect(uncovered.map((cp) => String.fromCodePoint(cp))).toEqual([]);
    expect(uiDateText()).toMatch(/ऑक्टो|अक्टू/); // the text really holds Hindi month names
  });

  it.each(fontNames)('%s lists the Latin file first, then JP, Devanagari and Gujarati', (fontName) => {
    const files = result.faces[fontName].map((f) => f.file);
    const order = files.map((f) => (/-jp-/.test(f) ? 1 : /devanagari/.test(f) ? 2 : /gujarati/.test(f) ? 3 : 0));
    expect(files[0]).toMatch(fontName.endsWith('Bold') ? /^fonts\/noto-sans-latin-700\.woff2$/ : /^fonts\/noto-sans-latin-400\.woff2$/);
    expect(order).toEqual([...order].sort());
    expect(new Set(order)).toEqual(new Set([0, 1, 2, 3]));
  });

  const table = fontNames.flatMap((fontName) =>
    [
      ['東', /noto-sans-jp-\d+-400/],
      ['京', /noto-sans-jp-\d+-400/],
      ['म', /noto-sans-devanagari-400/],
      ['ु', /noto-sans-devanagari-400/],
      ['ं', /noto-sans-devanagari-400/],
      ['्', /noto-sans-devanagari-400/],
      ['બ', /noto-sans-gujarati-400/],
      ['અ', /noto-sans-gujarati-400/],
      ['ત', /noto-sans-gujarati-400/],
      ['ા', /noto-sans-gujarati-400/],
      ['T', /noto-sans-latin-[47]00/],
      ['o', /noto-sans-latin-[47]00/],
      ['–', /noto-sans-latin-[47]00/],
    ].map(([char, file]) => [fontName, char, file] as [string, string, RegExp]),
  );
  it.each(table)('%s: %s is claimed by exactly one file, %s, whose cmap has it', (fontName, char, file) => {
    const cp = char.codePointAt(0)!;
    const claiming = result.faces[fontName].filter((f) => inRanges(parseUnicodeRanges(f.unicodeRange), cp));
    expect(claiming.map((f) => f.file)).toHaveLength(1);
    expect(claiming[0].file).toMatch(file);
    expect(cmaps.get(claiming[0].file)!.has(cp)).toBe(true);
  });

  it.each(fontNames)('%s: every claimed codepoint is in its file and no two files claim the same one', (fontName) => {
    const seen = new Map<number, string>();
    for (const { file, unicodeRange } of result.faces[fontName]) {
      const cmap = cmaps.get(file)!;
      for (const [start, end] of parseUnicodeRanges(unicodeRange)) {
        for (let cp = start; cp <= end; cp++) {
          expect(cmap.has(cp), `${file} claims U+${cp.toString(16)} it lacks`).toBe(true);
          expect(seen.get(cp), `U+${cp.toString(16)} claimed twice`).toBeUndefined();
          seen.set(cp, file);
        }
      }
    }
    for (const ch of result.chars) expect(seen.has(ch.codePointAt(0)!), `U+${ch.codePointAt(0)!.toString(16)} unclaimed`).toBe(true);
  });

  // The subset must shape exactly as the full font does: same glyph count, advances and mark offsets. Words one at
  // a time, as the space between them is the Latin file's (MapLibre picks the file per grapheme cluster).
  const require = createRequire(import.meta.url);
  const original = (pkg: string, file: string) => require.resolve(`${pkg}/files/${file}`);
  async function shapeWith(font: globalThis.Buffer, text: string) {
    const face = new Face(new Blob(await fontverter.convert(font, 'truetype')));
    const buffer = new HbBuffer();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    shape(new Font(face), buffer);
    const infos = buffer.getGlyphInfos();
    const positions = buffer.getGlyphPositions();
    return infos.map((info, i) => ({
      notdef: info.codepoint === 0,
      cluster: info.cluster,
      xAdvance: positions[i].xAdvance,
      xOffset: positions[i].xOffset,
      yOffset: positions[i].yOffset,
    }));
  }
  it.each([
    ['मुंबई', '@fontsource/noto-sans-devanagari', 'noto-sans-devanagari-devanagari-400-normal.woff2', 'fonts/noto-sans-devanagari-400.woff2'],
    ['नई दिल्ली', '@fontsource/noto-sans-devanagari', 'noto-sans-devanagari-devanagari-400-normal.woff2', 'fonts/noto-sans-devanagari-400.woff2'],
    ['अहमदाबाद', '@fontsource/noto-sans-devanagari', 'noto-sans-devanagari-devanagari-400-normal.woff2', 'fonts/noto-sans-devanagari-400.woff2'],
    ['टोक्यो', '@fontsource/noto-sans-devanagari', 'noto-sans-devanagari-devanagari-400-normal.woff2', 'fonts/noto-sans-devanagari-400.woff2'],
    ['અમદાવાદ', '@fontsource/noto-sans-gujarati', 'noto-sans-gujarati-gujarati-400-normal.woff2', 'fonts/noto-sans-gujarati-400.woff2'],
    ['વડોદરા', '@fontsource/noto-sans-gujarati', 'noto-sans-gujarati-gujarati-400-normal.woff2', 'fonts/noto-sans-gujarati-400.woff2'],
    ['મુંબઈ', '@fontsource/noto-sans-gujarati', 'noto-sans-gujarati-gujarati-400-normal.woff2', 'fonts/noto-sans-gujarati-400.woff2'],
    ['ટોક્યો', '@fontsource/noto-sans-gujarati', 'noto-sans-gujarati-gujarati-400-normal.woff2', 'fonts/noto-sans-gujarati-400.woff2'],
  ])('%s shapes with the subset as with the full font', async (text, pkg, fullFile, subsetFile) => {
    const subset = result.files.find((f) => f.file === subsetFile)!;
    for (const word of text.split(' ')) {
      const expected = await shapeWith(readFileSync(original(pkg, fullFile)), word);
      const actual = await shapeWith(readFileSync(subset.path), word);
      expect(actual.some((g) => g.notdef)).toBe(false);
      expect(actual).toEqual(expected);
    }
  });
});

describe('collectLabelText', () => {
  it('reads strings under name and label, skips missing folders and files, and adds case forms', () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-labels-'));
    try {
      expect(collectLabelText(join(root, 'nope'))).toEqual({ text: '', files: [] });
      mkdirSync(join(root, 'a'));
      writeFileSync(join(root, 'a', 'places.json'), JSON.stringify([{ id: 'x', name: { en: 'ā', ja: '東' }, notes: 'ZZZ', sources: ['q'] }]));
      const { text, files } = collectLabelText(root);
      expect(files).toHaveLength(1);
      expect(text).toContain('東');
      expect(text).toContain('Ā');
      expect(text).not.toContain('ZZZ');
      expect(text).not.toContain('q');
      writeFileSync(join(root, 'a', 'themes.json'), '[{');
      expect(() => collectLabelText(root)).toThrow(/themes\.json: is not valid JSON/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.each([
    [[0x20, 0x21, 0x22, 0x41, 0x6771], ['U+0020-0022', 'U+0041', 'U+6771']],
    [[], []],
  ])('formatUnicodeRanges(%j) is %j', (cps, ranges) => {
    expect(formatUnicodeRanges(cps)).toEqual(ranges);
    expect(parseUnicodeRanges(ranges).flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i))).toEqual(cps);
  });
});

describe('fontFacesFor', () => {
  it('resolves each file against the base URL and keeps the ranges', () => {
    const faces = fontFacesFor('https://example.org/atlas/', {
      'Noto Sans Regular': [{ file: 'fonts/a.woff2', unicodeRange: ['U+0020-007E'] }],
    });
    expect(faces).toEqual({
      'Noto Sans Regular': [{ url: 'https://example.org/atlas/fonts/a.woff2', 'unicode-range': ['U+0020-007E'] }],
    });
  });
});
