// The atlas's domain vocabulary, defined once: languages, statuses, lane modes, the camera and the id pattern.
// Pure and dependency-free, so the schema, the URL codec, the embed protocol and the map adapter all import it.

/** The interface and label languages. */
export const LANGS = ['en', 'ja', 'hi', 'gu'] as const;
export type Lang = (typeof LANGS)[number];
export const isLang = (v: unknown): v is Lang => (LANGS as readonly unknown[]).includes(v);

/** An event's status as recorded (the display adds "overdue" for plans past their date). */
export const STATUSES = ['happened', 'planned', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];
export const isStatus = (v: unknown): v is Status => (STATUSES as readonly unknown[]).includes(v);

/** How the timeline groups its lanes. */
export const LANE_MODES = ['theme', 'initiative'] as const;
export type LaneMode = (typeof LANE_MODES)[number];

/** A record id: lowercase letters, digits and hyphens, starting with a letter or digit. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** A map view in OpenStreetMap's order (the URL's `map=zoom/lat/lon`). */
export interface Camera {
  zoom: number;
  lat: number;
  lon: number;
}

/** The built-in dataset, opened when the URL names none (or one no served folder answers). */
export const DEFAULT_DATASET = 'india-japan';
