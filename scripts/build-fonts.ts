// `npm run build:fonts`: subsets the label fonts to the characters the datasets use, for MapLibre's `font-faces`.
//
// Reads every string under "name" and "label" in data/*/places.json and data/*/themes.json, adds a fixed UI set and
// the town names the map labels at detail zooms (public/basemap/towns.json, written by scripts/build-basemap.ts),
// and writes to public/fonts/ one woff2 per font slice used (Noto Sans Latin 400 and 700, Noto Sans JP 400 per
// fontsource slice, Noto Sans Devanagari 400, Noto Sans Gujarati 400), the OFL notice, and the manifest
// src/lib/map/fonts.generated.ts that src/lib/map/fontFaces.ts turns into the style's `font-faces`.
//
// Town names in Latin and Indic scripts go into those files (a few glyphs). Their Japanese characters that no
// place or UI text uses (most of the kanji of Japan's towns, some 80 KB) go into files of their own under the font
// name TOWN_FONT, which the towns' layer lists after "Noto Sans Regular" (style.ts TOWN_FONT_STACK): the files a
// first load fetches do not grow, and the town files are fetched only when a Japanese town name is drawn.
//
// Within one font name the unicode-ranges partition the codepoints: each is claimed by the first file (in the
// listed order) whose font has it, so the manifest never leaves it to MapLibre which of two files draws a letter.
// MapLibre picks a file by the first codepoint of a grapheme cluster and draws the whole cluster with it, so the
// Indic files also carry their script's combining marks, virama, nukta, ZWJ/ZWNJ and dotted circle; harfbuzz keeps
// the GSUB/GPOS lookups (conjuncts, half forms, mark positioning) reachable from the retained characters.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import subsetFont from 'subset-font';
import fontverter from 'fontverter';
import { Blob, Face } from 'harfbuzzjs';
import { TOWN_FONT, TOWNS_FILE } from '../src/lib/map/style.ts';

/** The label text files read in each dataset folder; a missing one is skipped. */
export const LABEL_FILES = ['places.json', 'themes.json'] as const;
/** The keys whose string values (plain or localized {en, ja?, hi?, gu?}) are label text. */
export const LABEL_KEYS = ['name', 'label'] as const;

const range = (from: number, to: number): string =>
  String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));

/** Characters the UI may draw whatever the data says: printable ASCII, Latin-1 Supplement and common punctuation. */
export const UI_CHARS = range(0x20, 0x7e) + range(0xa0, 0xff) + '\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u2022' +
  // Japanese date wording in the UI (2026年7月2日, 上半期, 頃, 継続中…) and the language menu's own names.
  '年月日頃上下半期第四継続中春夏秋冬〜' + '日本語' + 'हिन्दी' + 'ગુજરાતી';

/**
 * Every date the UI may write in Japanese, Hindi or Gujarati, in each form it uses (dateWords.ts, timeTicks.ts): their
 * month names and signs (जन॰, ઑગસ્ટ) are in no label, and a font without them draws boxes. Written with this machine's
 * Intl, each month in the long and the short form, so that small differences between ICU versions are covered too.
 */
export function uiDateText(): string {
  const forms: Intl.DateTimeFormatOptions[] = [
    { day: 'numeric', month: 'long', year: 'numeric' }, { month: 'long', year: 'numeric' }, { year: 'numeric' },
    { month: 'short' }, { month: 'short', year: 'numeric' }, { day: 'numeric', month: 'short' }, { month: 'narrow' },
  ];
  const out: string[] = [];
  for (const locale of ['ja-JP', 'hi-IN', 'gu-IN']) {
    for (const opts of forms) {
      const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...opts });
      for (let m = 0; m < 12; m++) out.push(f.format(Date.UTC(2026, m, 28)));
    }
  }
  return out.join('\n');
}

/**
 * Every character of the interface's own words in every language: the message catalogs (src/lib/i18n) and the date
 * phrases (dateWords.ts), read as source text, so that a translation never draws boxes. A superset (comments
 * included) costs a few glyphs; a missing one costs a broken word.
 */
export function uiCatalogText(root = '.'): string {
  const files = [join(root, 'src/lib/model/dateWords.ts')];
  const dir = join(root, 'src/lib/i18n');
  if (existsSync(dir)) for (const f of readdirSync(dir, { recursive: true }) as string[]) if (f.endsWith('.ts')) files.push(join(dir, f));
  return files.filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8').replace(/\p{ASCII}/gu, '')).join('');
}

/** How much of an Indic script block the script's file keeps beyond the characters used. */
export type IndicCoverage = 'text' | 'marks' | 'block';

export interface BuildFontsOptions {
  /** App root; the defaults below are relative to it. Default: the current directory. */
  root?: string;
  /** Folder holding one folder per dataset. Default: <root>/data. */
  dataDir?: string;
  /** Where the woff2 files and LICENSE-OFL.txt go. Default: <root>/public/fonts. */
  outDir?: string;
  /** Where the TypeScript manifest goes, or null not to write one. Default: <root>/src/lib/map/fonts.generated.ts. */
  manifestPath?: string | null;
  /** Prefix of the `file` paths in the manifest, relative to the served app root. Default: "fonts/". */
  urlPrefix?: string;
  /** More text to cover on top of the datasets and UI_CHARS. */
  extraText?: string;
  /** The towns file whose names the fonts cover (TOWN_FONT), or null for none. Default: <root>/public/basemap/towns.json, if it exists. */
  townsFile?: string | null;
  /** Indic files: "text" only the characters used, "marks" those plus the block's marks (default), "block" all of it. */
  indicCoverage?: IndicCoverage;
  /** Where progress lines go. Default: console.log. */
  log?: (line: string) => void;
}

export interface LabelFontFile {
  file: string;
  unicodeRange: string[];
}

export interface BuiltFontFile {
  /** Path relative to the app root, as in the manifest. */
  file: string;
  /** Absolute path on disk. */
  path: string;
  bytes: number;
  /** Codepoints in the file's cmap. */
  codepoints: number;
}

export interface BuildFontsResult {
  faces: Record<string, LabelFontFile[]>;
  files: BuiltFontFile[];
  totalBytes: number;
  /** Every character the fonts were asked to cover, sorted. */
  chars: string;
  /** Characters no font covers; MapLibre draws them with a local font. */
  missing: string;
}

/** One fontsource package at one weight, and which of its unicode-range slices may be used. */
interface FontSource {
  pkg: string;
  weight: number;
  /** Slice names from the package's unicode.json, in priority order, or a filter over them (kept in file order). */
  slices: string[] | ((slice: string) => boolean);
  /** For an Indic script: its block, whose marks (or all of it) the file keeps once any of it is used. */
  indicBlock?: [number, number];
  /** Names files of another font name made from the same slices: noto-sans-jp-<tag>-115-400.woff2. */
  tag?: string;
}

const notoSans = (weight: number): FontSource => ({
  pkg: '@fontsource/noto-sans',
  weight,
  slices: ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'],
});
const notoSansJp: FontSource = { pkg: '@fontsource/noto-sans-jp', weight: 400, slices: (s) => /^\[\d+\]$/.test(s) };
const notoSansDevanagari: FontSource = { pkg: '@fontsource/noto-sans-devanagari', weight: 400, slices: ['devanagari'], indicBlock: [0x0900, 0x097f] };
const notoSansGujarati: FontSource = { pkg: '@fontsource/noto-sans-gujarati', weight: 400, slices: ['gujarati'], indicBlock: [0x0a80, 0x0aff] };

/**
 * The font names the style uses in `text-font`, each with its files in matching order. The bold name has bold
 * Latin only: JP, Devanagari and Gujarati reuse the regular files, which keeps the download small.
 */
export const FONT_NAMES: Record<string, FontSource[]> = {
  'Noto Sans Regular': [notoSans(400), notoSansJp, notoSansDevanagari, notoSansGujarati],
  'Noto Sans Bold': [notoSans(700), notoSansJp, notoSansDevanagari, notoSansGujarati],
};

/** The town names' own Japanese files (see the file comment). */
export const TOWN_FONT_SOURCES: FontSource[] = [{ ...notoSansJp, tag: 'towns' }];

/** From here on a town name's character is CJK (kana, kanji, their punctuation): the town files may take it. */
const CJK_FROM = 0x2e80;

/**
 * Every name in a towns file (GeoJSON points whose properties name, ja, hi and gu are label text), one per line; ''
 * when there is no file. A file that is not valid JSON is an error, as for the datasets.
 */
export function collectTownText(path: string | null): string {
  if (!path || !existsSync(path)) return '';
  let json: { features?: { properties?: Record<string, unknown> }[] };
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  const out: string[] = [];
  for (const f of json.features ?? []) for (const k of ['name', 'ja', 'hi', 'gu']) if (typeof f.properties?.[k] === 'string') out.push(f.properties[k] as string);
  return out.join('\n');
}

/** Characters an Indic file keeps for shaping besides its block: ZWNJ, ZWJ, dotted circle, danda, double danda. */
const INDIC_SHAPING_EXTRAS = [0x200c, 0x200d, 0x25cc, 0x0964, 0x0965];

// ---------------------------------------------------------------------------------------------------------------
// Label text

/** Adds to `out` every string found under a "name" or "label" key anywhere in `value`. */
export function labelStrings(value: unknown, out: string[] = [], inLabel = false): string[] {
  if (typeof value === 'string') {
    if (inLabel) out.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) labelStrings(item, out, inLabel);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      labelStrings(child, out, inLabel || (LABEL_KEYS as readonly string[]).includes(key));
    }
  }
  return out;
}

/**
 * The label text of every dataset under `dataDir` (data/<dataset>/places.json and themes.json), with each string's
 * upper- and lower-case forms so that `text-transform` has its letters too. Missing folders and files are skipped;
 * a file that is not valid JSON is an error, since fonts built without it would silently lack letters.
 */
export function collectLabelText(dataDir: string): { text: string; files: string[] } {
  const strings: string[] = [];
  const files: string[] = [];
  if (!existsSync(dataDir)) return { text: '', files };
  for (const dataset of readdirSync(dataDir).sort()) {
    const dir = join(dataDir, dataset);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of LABEL_FILES) {
      const path = join(dir, name);
      if (!existsSync(path)) continue;
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path, 'utf8'));
      } catch (err) {
        throw new Error(`${path}: is not valid JSON: ${(err as Error).message}`, { cause: err });
      }
      files.push(path);
      for (const s of labelStrings(json)) strings.push(s, s.toUpperCase(), s.toLowerCase());
    }
  }
  return { text: strings.join('\n'), files };
}

/** The distinct drawable codepoints of `text`, sorted (controls and line breaks dropped). */
export function codepointsOf(text: string): number[] {
  const set = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    set.add(cp);
  }
  return [...set].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------------------
// Unicode ranges

export type CodepointRange = [number, number];

/** Parses "U+0900-097F,U+25CC" (fontsource's unicode.json) or a CSS-like list of entries into ranges. */
export function parseUnicodeRanges(spec: string | string[]): CodepointRange[] {
  const entries = (Array.isArray(spec) ? spec : [spec]).flatMap((s) => s.split(','));
  const out: CodepointRange[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    const m = /^U\+([0-9a-f]{1,6})(?:-([0-9a-f]{1,6}))?$/i.exec(entry);
    if (!m) throw new Error(`not a unicode-range entry: ${entry}`);
    const start = parseInt(m[1], 16);
    out.push([start, m[2] === undefined ? start : parseInt(m[2], 16)]);
  }
  return out;
}

export const inRanges = (ranges: CodepointRange[], cp: number): boolean => ranges.some(([a, b]) => cp >= a && cp <= b);

/** Formats sorted, distinct codepoints as unicode-range entries: "U+0020-007E", "U+6771". */
export function formatUnicodeRanges(codepoints: number[]): string[] {
  const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (let i = 0; i < codepoints.length; ) {
    let j = i;
    while (j + 1 < codepoints.length && codepoints[j + 1] === codepoints[j] + 1) j++;
    out.push(codepoints[i] === codepoints[j] ? `U+${hex(codepoints[i])}` : `U+${hex(codepoints[i])}-${hex(codepoints[j])}`);
    i = j + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Fonts

const require = createRequire(import.meta.url);
const packageDir = (pkg: string) => dirname(require.resolve(`${pkg}/package.json`));

/** The codepoints a font file maps (woff, woff2 or sfnt), read with harfbuzz. */
export async function fontCodepoints(font: Buffer): Promise<Set<number>> {
  const sfnt = await fontverter.convert(font, 'truetype');
  return new Set(new Face(new Blob(sfnt)).collectUnicodes());
}

interface Slice {
  key: string;
  source: FontSource;
  slice: string;
  /** The fontsource file to subset. */
  input: string;
  /** File name written to outDir. */
  output: string;
  ranges: CodepointRange[];
}

function slicesOf(source: FontSource): Slice[] {
  const dir = packageDir(source.pkg);
  const unicode = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const names =
    typeof source.slices === 'function' ? Object.keys(unicode).filter(source.slices) : source.slices.filter((s) => s in unicode);
  const base = basename(source.pkg); // noto-sans-devanagari
  const named = source.tag ? `${base}-${source.tag}` : base;
  return names.map((slice) => {
    const id = slice.replace(/^\[(\d+)\]$/, '$1');
    // "noto-sans-latin-400", "noto-sans-jp-115-400", "noto-sans-devanagari-400" (not ...-devanagari-devanagari-...),
    // "noto-sans-jp-towns-115-400".
    const stem = base.endsWith(`-${id}`) ? named : `${named}-${id}`;
    return {
      key: `${source.pkg}:${slice}:${source.weight}${source.tag ? `:${source.tag}` : ''}`,
      source,
      slice,
      input: join(dir, 'files', `${base}-${id}-${source.weight}-normal.woff2`),
      output: `${stem}-${source.weight}.woff2`,
      ranges: parseUnicodeRanges(unicode[slice]),
    };
  });
}

/** The codepoints an Indic block's file keeps for shaping once any of the block is used. */
function indicExtras(block: [number, number], coverage: IndicCoverage): number[] {
  if (coverage === 'text') return [];
  const all = codepointsOf(range(block[0], block[1]));
  const kept = coverage === 'block' ? all : all.filter((cp) => /\p{M}/u.test(String.fromCodePoint(cp)));
  return [...kept, ...INDIC_SHAPING_EXTRAS];
}

/** Builds the fonts; see the file comment. */
export async function buildFonts(opts: BuildFontsOptions = {}): Promise<BuildFontsResult> {
  const root = resolve(opts.root ?? '.');
  const dataDir = resolve(root, opts.dataDir ?? 'data');
  const outDir = resolve(root, opts.outDir ?? 'public/fonts');
  const manifestPath = opts.manifestPath === null ? null : resolve(root, opts.manifestPath ?? 'src/lib/map/fonts.generated.ts');
  const urlPrefix = opts.urlPrefix ?? 'fonts/';
  const coverage = opts.indicCoverage ?? 'marks';
  const log = opts.log ?? ((line: string) => console.log(line));

  const labels = collectLabelText(dataDir);
  const townsFile = opts.townsFile === null ? null : resolve(root, opts.townsFile ?? join('public', TOWNS_FILE));
  const townChars = codepointsOf(collectTownText(townsFile));
  // Town names' Latin and Indic letters join the label files; their CJK characters are left to the town files.
  const townShared = String.fromCodePoint(...townChars.filter((cp) => cp < CJK_FROM));
  const needed = codepointsOf(UI_CHARS + uiDateText() + uiCatalogText(root) + labels.text + townShared + (opts.extraText ?? ''));
  log(`label text: ${labels.files.length} file(s) under ${relative(root, dataDir) || '.'}, ${needed.length} characters with the UI set`);
  if (townChars.length) log(`town names: ${townChars.length} characters in ${relative(root, townsFile!)}`);

  const cmaps = new Map<string, Set<number>>();
  const cmapOf = async (slice: Slice) => {
    let cmap = cmaps.get(slice.input);
    if (!cmap) {
      cmap = await fontCodepoints(readFileSync(slice.input));
      cmaps.set(slice.input, cmap);
    }
    return cmap;
  };

  // Claims: per font name, which file draws which codepoints. Contents: per file, what it must contain.
  const claims: Record<string, { slice: Slice; codepoints: number[] }[]> = {};
  const contents = new Map<string, { slice: Slice; codepoints: Set<number> }>();
  const missing = new Set<number>();
  const claimAll = async (fontName: string, sources: FontSource[], needed: number[]) => {
    const taken = new Set<number>();
    claims[fontName] = [];
    for (const source of sources) {
      const block = source.indicBlock;
      const extras = block && needed.some((cp) => cp >= block[0] && cp <= block[1]) ? indicExtras(block, coverage) : [];
      for (const slice of slicesOf(source)) {
        const wanted = [...new Set([...needed, ...extras])].filter((cp) => !taken.has(cp) && inRanges(slice.ranges, cp));
        if (!wanted.length) continue;
        const cmap = await cmapOf(slice);
        const claimed = wanted.filter((cp) => cmap.has(cp)).sort((a, b) => a - b);
        if (!claimed.length) continue;
        for (const cp of claimed) taken.add(cp);
        claims[fontName].push({ slice, codepoints: claimed });
        const content = contents.get(slice.output) ?? { slice, codepoints: new Set<number>() };
        for (const cp of [...claimed, ...extras]) if (cmap.has(cp) && inRanges(slice.ranges, cp)) content.codepoints.add(cp);
        contents.set(slice.output, content);
      }
    }
    return needed.filter((cp) => !taken.has(cp));
  };
  for (const [fontName, sources] of Object.entries(FONT_NAMES)) for (const cp of await claimAll(fontName, sources, needed)) missing.add(cp);
  // The towns' CJK characters that the regular files do not draw: files of their own, after them in the towns' stack.
  const regular = new Set(claims['Noto Sans Regular'].flatMap((c) => c.codepoints));
  const townOnly = townChars.filter((cp) => cp >= CJK_FROM && !regular.has(cp));
  if (townOnly.length) for (const cp of await claimAll(TOWN_FONT, TOWN_FONT_SOURCES, townOnly)) missing.add(cp);
  if (!claims[TOWN_FONT]?.length) delete claims[TOWN_FONT];

  // Subset and write each file once, checking it maps everything it claims.
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(outDir)) {
    if (/^noto-sans.*\.woff2$/.test(name) && !contents.has(name)) rmSync(join(outDir, name));
  }
  const files: BuiltFontFile[] = [];
  for (const [output, { slice, codepoints }] of contents) {
    const text = String.fromCodePoint(...[...codepoints].sort((a, b) => a - b));
    const woff2 = await subsetFont(readFileSync(slice.input), text, { targetFormat: 'woff2', noHinting: true });
    const cmap = await fontCodepoints(woff2);
    for (const claim of Object.values(claims).flat()) {
      if (claim.slice.output !== output) continue;
      const lost = claim.codepoints.filter((cp) => !cmap.has(cp));
      if (lost.length) throw new Error(`${output}: subset lost ${formatUnicodeRanges(lost).join(', ')}`);
    }
    const path = join(outDir, output);
    writeFileSync(path, woff2);
    files.push({ file: urlPrefix + output, path, bytes: woff2.length, codepoints: cmap.size });
  }

  const faces: Record<string, LabelFontFile[]> = {};
  for (const [fontName, list] of Object.entries(claims)) {
    faces[fontName] = list.map(({ slice, codepoints }) => ({ file: urlPrefix + slice.output, unicodeRange: formatUnicodeRanges(codepoints) }));
  }

  writeFileSync(join(outDir, 'LICENSE-OFL.txt'), licenseText(FONT_NAMES));
  if (manifestPath) {
    mkdirSync(dirname(manifestPath), { recursive: true });
    writeFileSync(manifestPath, manifestSource(faces));
  }

  const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const width = Math.max(...files.map((f) => f.file.length));
  for (const f of files) log(`  ${f.file.padEnd(width)}  ${(f.bytes / 1024).toFixed(1).padStart(6)} KB  ${f.codepoints} codepoints`);
  log(`  ${'total'.padEnd(width)}  ${(totalBytes / 1024).toFixed(1).padStart(6)} KB in ${files.length} files`);
  const townFiles = new Set((faces[TOWN_FONT] ?? []).map((f) => f.file));
  if (townFiles.size) {
    const townBytes = files.filter((f) => townFiles.has(f.file)).reduce((sum, f) => sum + f.bytes, 0);
    log(`  of which ${(townBytes / 1024).toFixed(1)} KB in ${townFiles.size} files only for Japanese town names (${TOWN_FONT})`);
  }
  const missingText = String.fromCodePoint(...[...missing].sort((a, b) => a - b));
  if (missing.size) log(`warning: no label font covers ${formatUnicodeRanges([...missing].sort((a, b) => a - b)).join(', ')} (${missingText}); MapLibre will draw them with a local font`);
  if (manifestPath) log(`wrote ${relative(root, manifestPath)}`);

  const allChars = [...new Set([...needed, ...townChars])].sort((a, b) => a - b);
  return { faces, files, totalBytes, chars: String.fromCodePoint(...allChars), missing: missingText };
}

function manifestSource(faces: Record<string, LabelFontFile[]>): string {
  return [
    '// Generated by scripts/build-fonts.ts (npm run build:fonts): do not edit. The files are in public/fonts/.',
    '// Per font name, the label font files in matching order, each with the codepoints it draws.',
    `export const labelFontFaces: Record<string, { file: string; unicodeRange: string[] }[]> = ${JSON.stringify(faces, null, 2)};`,
    '',
  ].join('\n');
}

/** The fonts' copyright lines as their packages give them, then the SIL OFL 1.1 text they ship. */
function licenseText(fontNames: Record<string, FontSource[]>): string {
  const pkgs = [...new Set(Object.values(fontNames).flat().map((s) => s.pkg))];
  const marker = 'This Font Software is licensed under the SIL Open Font License';
  const header: string[] = [];
  const bodies = new Set<string>();
  for (const pkg of pkgs) {
    const dir = packageDir(pkg);
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    const family = (JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as { family?: string }).family ?? basename(pkg);
    const license = readFileSync(join(dir, 'LICENSE'), 'utf8');
    const at = license.indexOf(marker);
    const copyright = (at > 0 ? license.slice(0, at) : '').trim().replace(/\s+/g, ' ');
    header.push(`${family} (${pkg} ${meta.version}): ${copyright || 'see the SIL Open Font License below'}`);
    bodies.add(at >= 0 ? license.slice(at).trim() : license.trim());
  }
  return [
    'The label fonts in this folder are subsets of the following fonts, made by scripts/build-fonts.ts with harfbuzz',
    '(subset-font) from the fontsource packages named. They are licensed under the SIL Open Font License, Version 1.1.',
    '',
    ...header,
    '',
    ...bodies,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// CLI: tsx scripts/build-fonts.ts [--data <dir>] [--out <dir>] [--manifest <path>] [--indic text|marks|block]

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const indic = flag('indic');
  if (indic && !['text', 'marks', 'block'].includes(indic)) throw new Error(`--indic must be text, marks or block`);
  buildFonts({ dataDir: flag('data'), outDir: flag('out'), manifestPath: flag('manifest'), indicCoverage: indic as IndicCoverage | undefined })
    .then((result) => {
      if (result.totalBytes > 150 * 1024) console.warn(`warning: the label fonts total ${(result.totalBytes / 1024).toFixed(1)} KB, over the 150 KB budget`);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
