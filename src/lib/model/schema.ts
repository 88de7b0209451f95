// Runtime schema of a dataset: one zod schema per collection file, the source of truth for JSON Schema. The files'
// text fields may be plain strings or texts by language; the app reads them normalised (see normalizeCollections in
// loadDataset.ts), and the types at the end of this file are that normalised shape.
import { z } from 'zod';
import { LANGS, type Lang } from './types.ts';

// The page's Content-Security-Policy has no 'unsafe-eval': zod must not even probe for `new Function` (the probe is
// reported as a policy violation although zod catches it).
z.config({ jitless: true });

export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lowercase letters, digits and hyphens');
const ids = z.array(idSchema);
const sourced = z.array(idSchema).min(1, 'at least one source id');

/** An EDTF string; checked for syntax by the loader with the edtf package, here only for shape. */
export const edtfSchema = z.string().min(4, 'an EDTF date such as 2026-01-16, 2026-40 or 2024/..');

const langSchema = z.enum(LANGS);

/**
 * A text field (title, summary, name, label, caption): a string in the dataset's language (`meta.lang`), or an object
 * of texts by language where `null` means "missing on purpose" (the reader sees another language, knowingly).
 */
function textSchema(allowEmpty: boolean) {
  const one = allowEmpty ? z.string() : z.string().min(1, 'a non-empty text');
  const value = one.nullable().optional();
  const byLang = z
    .strictObject({ en: value, ja: value, hi: value, gu: value })
    .refine((o) => LANGS.some((l) => typeof o[l] === 'string'), 'texts by language need at least one text (null marks one missing on purpose)');
  return z.union([one, byLang], { error: 'a text, or an object of texts by language {en, ja, hi, gu}' });
}
/** A title, name, label or caption: never empty. */
export const textFieldSchema = textSchema(false);
/** A summary or description: may be empty (imported records often have none). */
export const summaryFieldSchema = textSchema(true);

/** A text in the normalised shape the app reads: always `en` (English, else the dataset's language), others if given. */
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
  name: textFieldSchema,
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
  /**
   * true: draw the point without a label, because another place at the same spot carries it (a city and its
   * station: Ahmedabad and the Ahmedabad station). The point is still drawn, selectable and searchable.
   */
  hideLabel: z.boolean().optional(),
  /** The language of the name used where the place is (ja for Tokyo, gu for Surat, hi for New Delhi), if the dataset has it. */
  localLang: langSchema.optional(),
  notes: z.string().optional(),
  sources: sourced,
});

export const eventStatuses = ['happened', 'planned', 'cancelled'] as const;
/** FACTS.md's marks, and `imported` for records an import brought in that nobody has checked yet. */
export const confidences = ['confirmed', 'reported', 'seed', 'unconfirmed', 'imported'] as const;
export const eventSchema = z.object({
  id: idSchema,
  title: textFieldSchema,
  summary: summaryFieldSchema,
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
  title: textFieldSchema,
  summary: summaryFieldSchema,
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
  label: textFieldSchema,
  color: z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour as #rrggbb'),
});

export const actorSchema = z.object({
  id: idSchema,
  name: textFieldSchema,
  kind: z.enum(['person', 'organisation', 'country']),
  role: z.string().optional(),
  country: z.string().length(2).optional(),
  sources: sourced,
});

export const sourceKinds = ['seed-article', 'official', 'news', 'digest', 'fact-sheet', 'imported-file'] as const;
export const sourceSchema = z
  .object({
    id: idSchema,
    /** The publisher; optional only for an imported file. */
    outlet: z.string().min(1).optional(),
    /** The headline, or for an imported file its file name. */
    title: z.string().min(1),
    /** http or https only: anything else (javascript:, data:, file:) is refused. */
    url: z.url({ protocol: /^https?$/i, error: 'an http or https address' }).meta({ pattern: '^[hH][tT][tT][pP][sS]?://' }).optional(),
    /** When it was published (for an imported file: the day of the import); omitted when the source carries no date. */
    date: edtfSchema.optional(),
    kind: z.enum(sourceKinds),
    /** Which claims this source supports, in a sentence; optional only for an imported file. */
    supports: z.string().min(1).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.kind === 'imported-file') return;
    for (const field of ['outlet', 'supports'] as const) {
      if (s[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `expected string, but it is missing (only an imported file may leave out ${field})` });
    }
  });

export const viewSchema = z.object({ center: position, zoom: z.number().min(0).max(22) });
export const storyStepSchema = z.object({
  caption: textFieldSchema,
  /** The camera; omitted, the camera fits the step's selection, and a step about something without a place stays put. */
  view: viewSchema.optional(),
  time: z.string().optional(),
  range: z.tuple([z.string(), z.string()]).optional(),
  select: idSchema.optional(),
});
export const storySchema = z.object({
  id: idSchema,
  title: textFieldSchema,
  steps: z.array(storyStepSchema).min(1),
  sources: sourced,
});

export const metaSchema = z.object({
  title: textFieldSchema,
  description: summaryFieldSchema.optional(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD'),
  licence: z.string().min(1),
  attribution: z.string().min(1),
  /** The language of the dataset's plain-string texts. */
  lang: langSchema.default('en'),
  /**
   * The languages the dataset promises: every place name and theme label has a text in each (or null, missing on
   * purpose). Defaults to `[lang]`.
   */
  languages: z.array(langSchema).min(1).optional(),
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

/** A text field as the files may write it: a string in `meta.lang`, or texts by language (null: missing on purpose). */
export type TextInput = z.input<typeof textFieldSchema>;
/** A text field in every language the record has it, normalised: `en` is English, else the dataset's language. */
export type Localized = z.infer<typeof localizedSchema>;
/** The other languages of a record's string fields (title, summary, name, caption), where the files give them. */
export type Translations<K extends string> = Partial<Record<K, Localized>>;

/** A record whose string fields S are normalised to one string each, their other languages kept in `i18n`. */
type Texts<T, S extends string> = Omit<T, S> & { [F in S]: string } & { i18n?: Translations<S> };
/** A record whose fields L are normalised to texts by language. */
type Names<T, L extends string> = Omit<T, L> & { [F in L]: Localized };

/** The records as the app reads them: every text normalised (see normalizeCollections in loadDataset.ts). */
export type Place = Names<z.infer<typeof placeSchema>, 'name'>;
export type AtlasEvent = Texts<z.infer<typeof eventSchema>, 'title' | 'summary'>;
export type Initiative = Texts<z.infer<typeof initiativeSchema>, 'title' | 'summary'>;
export type Theme = Names<z.infer<typeof themeSchema>, 'label'>;
export type Actor = Texts<z.infer<typeof actorSchema>, 'name'>;
export type Source = z.infer<typeof sourceSchema>;
export type StoryStep = Texts<z.infer<typeof storyStepSchema>, 'caption'>;
export type Story = Omit<Texts<z.infer<typeof storySchema>, 'title'>, 'steps'> & { steps: StoryStep[] };
export type Meta = Omit<z.infer<typeof metaSchema>, 'title' | 'description' | 'lang' | 'languages'> & {
  title: string;
  description?: string;
  /** Always set once normalised ('en' where the file names none); optional so that code building a dataset may omit it. */
  lang?: Lang;
  /** Always set once normalised (`[lang]` where the file names none); optional for the same reason. */
  languages?: Lang[];
  i18n?: Translations<'title' | 'description'>;
};
export type Geometry = z.infer<typeof geometrySchema>;
export type View = z.infer<typeof viewSchema>;

/** The files' records before normalisation: what validateDataset checks and normalizeCollections takes. */
export interface DatasetInput {
  meta: z.input<typeof metaSchema>;
  places: z.input<typeof placeSchema>[];
  events: z.input<typeof eventSchema>[];
  initiatives: z.input<typeof initiativeSchema>[];
  themes: z.input<typeof themeSchema>[];
  actors: z.input<typeof actorSchema>[];
  sources: z.input<typeof sourceSchema>[];
  stories: z.input<typeof storySchema>[];
}
