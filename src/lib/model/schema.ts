// Runtime schema of a dataset: one zod schema per collection file, the source of truth for types and JSON Schema.
import { z } from 'zod';

export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lowercase letters, digits and hyphens');
const ids = z.array(idSchema);
const sourced = z.array(idSchema).min(1, 'at least one source id');

/** An EDTF string; checked for syntax by the loader with the edtf package, here only for shape. */
export const edtfSchema = z.string().min(4, 'an EDTF date such as 2026-01-16, 2026-40 or 2024/..');

export const localizedSchema = z.object({
  en: z.string().min(1),
  ja: z.string().min(1).optional(),
  hi: z.string().min(1).optional(),
  gu: z.string().min(1).optional(),
});

const position = z.tuple([
  z.number().min(-180).max(180, 'longitude within -180..180'),
  z.number().min(-90).max(90, 'latitude within -90..90'),
]);
export const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position).min(4)).min(1) }),
]);

export const placeKinds = ['city', 'venue', 'station', 'corridor', 'region', 'sea', 'strait', 'sea-lane', 'port', 'country'] as const;
export const placeSchema = z.object({
  id: idSchema,
  name: localizedSchema,
  kind: z.enum(placeKinds),
  geometry: geometrySchema,
  /** The coordinates are a close approximation (FACTS.md [approx]). */
  approx: z.boolean().optional(),
  /** ISO 3166-1 alpha-2 code of the country the place is in, if any. */
  country: z.string().length(2).optional(),
  /** For lines: the places it passes through, in order (stations of a corridor, chokepoints of a lane). */
  via: ids.optional(),
  /** For chokepoints and the like: the lines they belong to. */
  partOf: ids.optional(),
  notes: z.string().optional(),
  sources: sourced,
});

export const eventStatuses = ['happened', 'planned', 'cancelled'] as const;
export const confidences = ['confirmed', 'reported', 'seed', 'unconfirmed'] as const;
export const eventSchema = z.object({
  id: idSchema,
  title: z.string().min(1),
  summary: z.string().min(1),
  date: edtfSchema,
  /** The source's own words for the date, e.g. "early 2026". */
  dateText: z.string().optional(),
  status: z.enum(eventStatuses),
  confidence: z.enum(confidences),
  themes: ids.min(1, 'at least one theme id'),
  actors: ids,
  places: ids,
  initiatives: ids,
  sources: sourced,
  /** Where a source is wrong or the record departs from it, and why. */
  notes: z.string().optional(),
});

export const initiativeStatuses = ['ongoing', 'planned', 'completed', 'cancelled'] as const;
export const initiativeSchema = z.object({
  id: idSchema,
  title: z.string().min(1),
  summary: z.string().min(1),
  start: edtfSchema,
  /** Omitted: open (ongoing); an EDTF date otherwise. */
  end: edtfSchema.optional(),
  status: z.enum(initiativeStatuses),
  themes: ids.min(1),
  places: ids,
  /** Milestone event ids, in date order. */
  milestones: ids,
  sources: sourced,
  notes: z.string().optional(),
});

export const themeSchema = z.object({
  id: idSchema,
  label: localizedSchema,
  color: z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour as #rrggbb'),
});

export const actorSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  kind: z.enum(['person', 'organisation', 'country']),
  role: z.string().optional(),
  country: z.string().length(2).optional(),
  sources: sourced,
});

export const sourceSchema = z.object({
  id: idSchema,
  outlet: z.string().min(1),
  title: z.string().min(1),
  url: z.string().url().optional(),
  date: edtfSchema,
  kind: z.enum(['seed-article', 'official', 'news', 'digest', 'fact-sheet']),
  /** Which claims this source supports, in a sentence. */
  supports: z.string().min(1),
});

export const storySchema = z.object({
  id: idSchema,
  title: z.string().min(1),
  steps: z
    .array(
      z.object({
        caption: z.string().min(1),
        view: z.object({ center: position, zoom: z.number().min(0).max(22) }),
        time: z.string().optional(),
        range: z.tuple([z.string(), z.string()]).optional(),
        select: idSchema.optional(),
      }),
    )
    .min(1),
  sources: sourced,
});

export const metaSchema = z.object({
  title: z.string().min(1),
  description: z.string().optional(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD'),
  licence: z.string().min(1),
  attribution: z.string().min(1),
});

export const collectionSchemas = {
  'places.json': z.array(placeSchema),
  'events.json': z.array(eventSchema),
  'initiatives.json': z.array(initiativeSchema),
  'themes.json': z.array(themeSchema),
  'actors.json': z.array(actorSchema),
  'sources.json': z.array(sourceSchema),
} as const;
export const optionalCollectionSchemas = { 'stories.json': z.array(storySchema) } as const;

export type Place = z.infer<typeof placeSchema>;
export type AtlasEvent = z.infer<typeof eventSchema>;
export type Initiative = z.infer<typeof initiativeSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Story = z.infer<typeof storySchema>;
export type Meta = z.infer<typeof metaSchema>;
export type Geometry = z.infer<typeof geometrySchema>;
export type Localized = z.infer<typeof localizedSchema>;
