// The atlas's colours, defined once: the CSS custom properties, the map style and the exports read them from here.
// Themes' colours are not here: they come from the dataset (themes.json).

/** Page and text colours (the CSS custom properties in `cssVariables`). */
export const UI = {
  ink: '#1d2733',
  muted: '#5b6675',
  line: '#d5dbe2',
  background: '#fbfaf7',
  paper: '#ffffff',
  accent: '#e67e22',
  link: '#1565a8',
} as const;

/** Status marks and words: one ink for the happened/planned key (filled vs hollow), amber for "not confirmed as held". */
export const STATUS = {
  ink: '#1f3a5f',
  overdueText: '#8a5a00',
  overdueTextProjector: '#6b4500',
} as const;

/** The basemap and the dataset's places on it (lib/map/style.ts), in the normal theme. */
export const MAP = {
  ocean: '#dce9f2',
  land: '#f7f4ec',
  boundary: '#9a8f80',
  coast: '#9fb6c8',
  city: STATUS.ink,
  future: '#8a94a3',
  corridor: '#c0392b',
  seaLane: UI.link,
  strait: '#0b4f80',
  highlight: UI.accent,
  /** Towns from the gazetteer at detail zooms: muted, so the dataset's own places stand out. */
  town: '#626b76',
  townDot: '#858d97',
} as const;

/** The same places in the high-contrast projector theme. */
export const MAP_PROJECTOR = {
  ocean: '#bcd4ea',
  land: '#ffffff',
  coast: UI.ink,
  boundary: '#4a4a4a',
  highlight: '#b34700',
  seaLane: '#003f7f',
  label: '#000000',
  town: '#2b2b2b',
  townDot: '#4a4a4a',
} as const;

/** Colour of a timeline mark or lane with no theme colour. */
export const FALLBACK = { mark: '#666666', lane: '#555555' } as const;

/** CSS custom property → value, for `:root` (app.css) and for inlining into exported SVG, where `var()` has no page. */
export const cssVariables: Readonly<Record<string, string>> = {
  '--ink': UI.ink,
  '--muted': UI.muted,
  '--line': UI.line,
  '--bg': UI.background,
  '--paper': UI.paper,
  '--accent': UI.accent,
  '--link': UI.link,
  '--status-ink': STATUS.ink,
  '--overdue-text': STATUS.overdueText,
  '--map-ocean': MAP.ocean,
};

/** Replaces `var(--name)` and `var(--name, fallback)` in CSS text with the palette's values (unknown names are kept). */
export function resolveCssVariables(css: string): string {
  return css.replace(/var\(\s*(--[\w-]+)\s*(?:,[^)]*)?\)/g, (whole, name: string) => cssVariables[name] ?? whole);
}

/** A key of a legend: a filled or hollow dot in a colour, or a dashed outline for plans not confirmed as held. */
export interface LegendKey {
  label: string;
  color: string;
  hollow?: boolean;
  dashed?: boolean;
}

/** The status keys of the map and timeline legend, with the caller's words (lib/i18n) for each status. */
export function statusLegend(words: { happened: string; planned: string; overdue?: string }): LegendKey[] {
  const keys: LegendKey[] = [
    { label: words.happened, color: STATUS.ink },
    { label: words.planned, color: STATUS.ink, hollow: true },
  ];
  if (words.overdue) keys.push({ label: words.overdue, color: STATUS.ink, hollow: true, dashed: true });
  return keys;
}
