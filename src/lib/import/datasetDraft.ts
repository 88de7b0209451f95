// The dataset an import is building: every format adds records to it, and `finish` resolves place names (the
// dataset's own places, the user's choices, then the gazetteer), fills in sources, themes and statuses, and returns the
// dataset with its report. One draft can take several files, so ids stay unique across them.
import type { DatasetInput } from '../model/schema.ts';
import type { ImportedDate } from './calendarDate.ts';
import { utcMs } from './calendarDate.ts';
import { DateParseError, parseDate } from '../model/dates.ts';
import '../model/datesFull.ts'; // every EDTF form the validator reads
import { foldName } from './foldName.ts';
import { lookupCity, type GazetteerCity } from './gazetteer.ts';
import { IdPool } from './recordId.ts';
import { textLanguage } from './textLanguage.ts';
import type { Lang } from '../model/types.ts';
import {
  FORMAT_NAMES,
  type FileSummary,
  type ImportFormat,
  type ImportIssue,
  type ImportOptions,
  type ImportReport,
  type ImportResult,
  type UnresolvedPlace,
} from './importTypes.ts';

type Place = DatasetInput['places'][number];
type AtlasEvent = DatasetInput['events'][number];
type Initiative = DatasetInput['initiatives'][number];
type Theme = DatasetInput['themes'][number];
type Source = DatasetInput['sources'][number];
type Story = DatasetInput['stories'][number];

/** Where a value was read: file, record ("row 4", "events[2]") and field (column or JSON path). */
export interface Where {
  file: string;
  record: string;
  field: string;
}

/** A place named in a record but not located there: resolved by `finish`. */
export interface PlaceName {
  name: string;
  country?: string;
  where: Where;
}

export interface EventDraft {
  where: Where;
  /** The file's own id (TimelineJS unique_id), else the title makes the id. */
  idText?: string;
  title: string;
  summary: string;
  date: ImportedDate;
  /** The field the date came from, for a refusal (default "date"). */
  dateField?: string;
  /** The source's own words for the date (display_date). */
  dateText?: string;
  status?: AtlasEvent['status'];
  /** Theme labels; none → "Other". */
  themes: string[];
  /** Place ids, or names to resolve; the venue first. */
  places: (string | PlaceName)[];
  /** Sources besides the imported file. */
  sources?: string[];
  notes?: string;
}

export interface InitiativeDraft {
  where: Where;
  title: string;
  summary: string;
  start: ImportedDate;
  end?: ImportedDate;
  /** The fields the dates came from, for a refusal. */
  startField?: string;
  endField?: string;
  themes: string[];
  notes?: string;
}

export interface PlaceDraft {
  where: Where;
  name: string;
  /** What the id is made from, when not the name (a GeoJSON feature's place leaves the plain id to its event). */
  idText?: string;
  names?: { ja?: string; hi?: string; gu?: string };
  kind: Place['kind'];
  geometry: Place['geometry'];
  country?: string;
  approx?: boolean;
  notes?: string;
}

export interface StepDraft {
  caption: string;
  view?: { center: [number, number]; zoom: number };
  time?: string;
  range?: [string, string];
  select?: string;
}

export interface FileContext {
  file: string;
  format: ImportFormat | null;
  /** The imported file's Source id; empty for a file refused before its format was known. */
  sourceId: string;
  summary: FileSummary;
}

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#1f77b4', '#2ca02c', '#d62728'];
const OTHER_COLOUR = '#8c8c8c';
/** The kind given to a source a row cites: the file does not say what it is; "news" is the schema's nearest word. */
const CITED_SOURCE_KIND = 'news';
const OTHER_LABEL = { en: 'Other', ja: 'その他', hi: 'अन्य', gu: 'અન્ય' };
const DAY = 86_400_000;

export class DatasetDraft {
  readonly options: ImportOptions;
  private readonly importDayMs: number;
  /** Events, places and initiatives share one pool: `sel=` in the URL names a record by id alone. */
  private readonly selectable = new IdPool();
  private readonly sourceIds = new IdPool();
  private readonly themeIds = new IdPool();
  private readonly storyIds = new IdPool();

  private readonly files: FileContext[] = [];
  private readonly sources: Source[] = [];
  private readonly themes: Theme[] = [];
  private readonly themeByKey = new Map<string, string>();
  private readonly places: Place[] = [];
  private readonly placeById = new Map<string, Place>();
  /** Folded names of places (every language) → place ids. */
  private readonly placeByName = new Map<string, string[]>();
  private readonly events: { id: string; draft: EventDraft; source: string }[] = [];
  private readonly initiatives: Initiative[] = [];
  private readonly stories: Story[] = [];
  private meta: { title?: string; description?: string; licence?: string } = {};
  /** The language of the file's plain texts (meta.lang), settled in `finish` before gazetteer places are named. */
  private lang: Lang = 'en';

  private readonly skipped: ImportIssue[] = [];
  private readonly warnings: ImportIssue[] = [];
  private readonly notes: ImportIssue[] = [];

  constructor(options: ImportOptions) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.importDay)) throw new Error(`importDay "${options.importDay}" is not a day as YYYY-MM-DD`);
    const [y, m, d] = options.importDay.split('-').map(Number);
    this.importDayMs = utcMs(y, m, d);
    this.options = options;
  }

  /** Starts a file: its Source (kind imported-file, dated the import day) is what every record of it cites. */
  beginFile(file: string, format: ImportFormat | null): FileContext {
    const summary: FileSummary = { file, format, recordsIn: 0, recordsSkipped: 0 };
    const ctx: FileContext = { file, format, sourceId: '', summary };
    this.files.push(ctx);
    if (format) {
      const { id } = this.sourceIds.claim(`file-${file}`, 'imported-file');
      ctx.sourceId = id;
      this.sources.push({
        id,
        outlet: FORMAT_NAMES[format],
        title: file,
        date: this.options.importDay,
        kind: 'imported-file',
        supports: `Every record imported from ${file} on ${this.options.importDay}; not checked against other sources.`,
      });
    }
    return ctx;
  }

  /** A source a record names itself (the atlas CSV's source title and URL), beside the imported file. */
  citedSource(ctx: FileContext, s: { title: string; url?: string }): string {
    const { id } = this.sourceIds.claim(s.title, `source-${this.sources.length + 1}`);
    let outlet = 'Not stated';
    if (s.url) outlet = new URL(s.url).hostname.replace(/^www\./, '');
    const source: Source = { id, outlet, title: s.title, kind: CITED_SOURCE_KIND, supports: `Cited by records imported from ${ctx.file}.` };
    if (s.url) source.url = s.url;
    this.sources.push(source);
    return id;
  }

  /** The whole file refused (not JSON, drawn on an image...). */
  refuseFile(ctx: FileContext, code: string, message: string) {
    this.skipped.push({ file: ctx.file, record: '', field: '', code, message });
  }

  recordIn(ctx: FileContext) {
    ctx.summary.recordsIn++;
  }

  skip(ctx: FileContext, issue: Omit<ImportIssue, 'file'>) {
    ctx.summary.recordsSkipped++;
    this.skipped.push({ file: ctx.file, ...issue });
  }

  warn(where: Where, code: string, message: string) {
    this.warnings.push({ ...where, code, message });
  }

  note(where: Where, code: string, message: string) {
    this.notes.push({ ...where, code, message });
  }

  /** Sets what the file says of the dataset as a whole; the first file that says it wins. */
  setMeta(meta: { title?: string; description?: string; licence?: string }) {
    for (const key of ['title', 'description', 'licence'] as const) if (meta[key] && !this.meta[key]) this.meta[key] = meta[key];
  }

  /** The theme id for a label (a TimelineJS group, a CSV theme); blank → "Other". */
  theme(label: string | undefined): string {
    const text = (label ?? '').trim();
    const key = text ? foldName(text) : 'other';
    const known = this.themeByKey.get(key);
    if (known) return known;
    const isOther = key === 'other';
    const { id } = this.themeIds.claim(isOther ? 'other' : text, `theme-${this.themes.length + 1}`);
    const colour = isOther ? OTHER_COLOUR : PALETTE[this.themes.filter((t) => t.id !== 'other').length % PALETTE.length];
    // A plain string is in the dataset's language; "Other" is the atlas's own word, so it comes in all four.
    this.themes.push({ id, label: isOther ? OTHER_LABEL : text, color: colour });
    this.themeByKey.set(key, id);
    return id;
  }

  /** A place with its geometry; the same name at the same position is one place. */
  place(p: PlaceDraft, sourceId: string): string {
    const key = foldName(p.name);
    for (const id of this.placeByName.get(key) ?? []) {
      const existing = this.placeById.get(id)!;
      if (JSON.stringify(existing.geometry) === JSON.stringify(p.geometry)) {
        if (!existing.sources.includes(sourceId)) existing.sources.push(sourceId);
        return id;
      }
    }
    const { id } = this.selectable.claim(p.idText ?? p.name, `place-${this.places.length + 1}`);
    // A name from the file is a plain string (in the dataset's language); a gazetteer city's comes with its languages.
    const byLang: Record<string, string> = { en: p.name };
    for (const lang of ['ja', 'hi', 'gu'] as const) if (p.names?.[lang]) byLang[lang] = p.names[lang]!;
    // By language only where the dataset's own language is among them (a plain string is in meta.lang).
    const name = Object.keys(byLang).length > 1 && byLang[this.lang] ? (byLang as { en: string }) : p.name;
    const place: Place = { id, name, kind: p.kind, geometry: p.geometry, sources: [sourceId] };
    if (p.approx) place.approx = true;
    if (p.country) place.country = p.country;
    if (p.notes) place.notes = p.notes;
    this.places.push(place);
    this.placeById.set(id, place);
    for (const n of Object.values(byLang)) {
      const k = foldName(n);
      const list = this.placeByName.get(k);
      if (!list) this.placeByName.set(k, [id]);
      else if (!list.includes(id)) list.push(id);
    }
    return id;
  }

  /**
   * True when the atlas's own date parser (the validator's) reads an EDTF string; otherwise the record is refused with
   * its reason, so that every import passes validation (e.g. `Y`-prefixed years, until the parser takes them).
   */
  private dateAccepted(ctx: FileContext, where: Where, field: string, edtf: string): boolean {
    try {
      parseDate(edtf);
      return true;
    } catch (err) {
      if (!(err instanceof DateParseError)) throw err;
      this.skip(ctx, { record: where.record, field, code: 'date-not-supported', message: `${err.message}: the atlas cannot show this date` });
      return false;
    }
  }

  /** Adds an event, or null when its date is refused; its id is claimed now (so a story can select it), its places resolved in `finish`. */
  event(ctx: FileContext, draft: EventDraft): string | null {
    if (!this.dateAccepted(ctx, draft.where, draft.dateField ?? 'date', draft.date.edtf)) return null;
    const fallback = `event-${this.events.length + 1}`;
    const { id, duplicate } = this.selectable.claim(draft.idText || draft.title, fallback);
    if (duplicate && draft.idText)
      this.note(draft.where, 'id-deduplicated', `the id "${draft.idText}" is already taken in this import; this record is "${id}"`);
    this.events.push({ id, draft, source: ctx.sourceId });
    return id;
  }

  initiative(ctx: FileContext, d: InitiativeDraft): string | null {
    if (!this.dateAccepted(ctx, d.where, d.startField ?? 'start', d.start.edtf)) return null;
    if (d.end && !this.dateAccepted(ctx, d.where, d.endField ?? 'end', d.end.edtf)) return null;
    const { id } = this.selectable.claim(d.title, `span-${this.initiatives.length + 1}`);
    const i: Initiative = {
      id,
      title: d.title,
      summary: d.summary,
      start: d.start.edtf,
      status: this.initiativeStatus(d.start, d.end),
      themes: unique((d.themes.length ? d.themes : ['']).map((t) => this.theme(t))),
      places: [],
      milestones: [],
      sources: [ctx.sourceId],
    };
    if (d.end) i.end = d.end.edtf;
    const words = [d.start.extraText && `Start: ${d.start.extraText}.`, d.end?.extraText && `End: ${d.end.extraText}.`, d.notes].filter(Boolean).join(' ');
    if (words) i.notes = words;
    this.initiatives.push(i);
    return id;
  }

  story(ctx: FileContext, title: string, steps: StepDraft[]): string | null {
    if (!steps.length) return null;
    const { id } = this.storyIds.claim(title, 'story');
    this.stories.push({ id, title, steps, sources: [ctx.sourceId] });
    return id;
  }

  finish(): ImportResult {
    this.lang = textLanguage([
      this.meta.title ?? '',
      ...this.events.map((e) => e.draft.title),
      ...this.places.map((p) => (typeof p.name === 'string' ? p.name : '')),
    ]);
    const events: AtlasEvent[] = [];
    const unresolved = new Map<string, UnresolvedPlace>();
    const needingPlace: ImportReport['needingPlace'] = [];
    const cityPlaces = new Map<string, string>();
    for (const { id, draft, source } of this.events) {
      const places: string[] = [];
      const missing: string[] = [];
      for (const ref of draft.places) {
        const placeId = typeof ref === 'string' ? ref : this.resolvePlace(ref, source, unresolved, cityPlaces);
        if (placeId) {
          if (!places.includes(placeId)) places.push(placeId);
        } else if (typeof ref !== 'string') missing.push(ref.name);
      }
      const e: AtlasEvent = {
        id,
        title: draft.title,
        summary: draft.summary,
        date: draft.date.edtf,
        status: draft.status ?? (draft.date.min > this.importDayMs + DAY - 1 ? 'planned' : 'happened'),
        confidence: 'imported',
        themes: unique((draft.themes.length ? draft.themes : ['']).map((t) => this.theme(t))),
        actors: [],
        places,
        initiatives: [],
        sources: unique([...(draft.sources ?? []), source]),
      };
      const dateText = draft.dateText || draft.date.extraText;
      if (dateText) e.dateText = dateText;
      const notes = [
        draft.notes,
        draft.dateText && draft.date.extraText && draft.date.extraText !== draft.dateText ? `Date as recorded: ${draft.date.extraText}.` : '',
      ]
        .filter(Boolean)
        .join(' ');
      if (notes) e.notes = notes;
      events.push(e);
      if (!places.length)
        needingPlace.push({
          file: draft.where.file,
          record: draft.where.record,
          id,
          title: draft.title,
          ...(missing.length ? { placeName: missing.join('; ') } : {}),
        });
    }

    const names = this.files.map((f) => f.file);
    const meta = {
      title: this.meta.title || (names.length === 1 ? names[0].replace(/\.[^.]+$/, '') : `Imported: ${names.join(', ')}`) || 'Imported data',
      asOf: this.options.importDay,
      licence: this.meta.licence || 'not stated',
      attribution: `Imported from ${names.join(', ')} on ${this.options.importDay}; not checked`,
    } as ImportResult['dataset']['meta'];
    if (this.meta.description) meta.description = this.meta.description;
    if (this.lang !== 'en') meta.lang = this.lang;

    const report: ImportReport = {
      files: this.files.map((f) => f.summary),
      recordsIn: this.files.reduce((n, f) => n + f.summary.recordsIn, 0),
      counts: {
        events: events.length,
        places: this.places.length,
        initiatives: this.initiatives.length,
        themes: this.themes.length,
        stories: this.stories.length,
      },
      skipped: this.skipped,
      warnings: this.warnings,
      notes: this.notes,
      needingPlace,
      unresolvedPlaces: [...unresolved.values()],
      refused: this.skipped.length > 0,
    };
    return {
      dataset: {
        meta,
        places: this.places,
        events,
        initiatives: this.initiatives,
        themes: this.themes,
        actors: [],
        sources: this.sources,
        stories: this.stories,
      },
      report,
    };
  }

  private resolvePlace(ref: PlaceName, sourceId: string, unresolved: Map<string, UnresolvedPlace>, cityPlaces: Map<string, string>): string | null {
    const folded = foldName(ref.name);
    const key = ref.country ? `${folded}|${ref.country}` : folded;
    const choice = this.options.placeChoices?.[key];
    if (choice && Number.isFinite(choice.lat) && Number.isFinite(choice.lon) && Math.abs(choice.lat) <= 90 && Math.abs(choice.lon) <= 180) {
      return this.place(
        {
          where: ref.where,
          name: choice.name || ref.name,
          kind: 'city',
          geometry: { type: 'Point', coordinates: [choice.lon, choice.lat] },
          country: choice.country,
        },
        sourceId,
      );
    }
    const own = (this.placeByName.get(folded) ?? []).filter((id) => {
      const c = this.placeById.get(id)!.country;
      return !ref.country || !c || c === ref.country;
    });
    if (own.length) {
      if (own.length > 1)
        this.note(ref.where, 'place-name-several', `"${ref.name}" names ${own.length} places of this import (${own.join(', ')}); took the first, "${own[0]}"`);
      return own[0];
    }
    const g = this.options.gazetteer;
    let reason: UnresolvedPlace['reason'] = 'gazetteer-not-loaded';
    let candidates: GazetteerCity[] = [];
    if (g) {
      const match = lookupCity(g, ref.name, ref.country);
      if (match.kind === 'city') {
        const c = match.city;
        const cityKey = `${c.name}|${c.country}|${c.lat}|${c.lon}`;
        let id = cityPlaces.get(cityKey);
        if (!id) {
          const { en, ...others } = c.names;
          id = this.place(
            { where: ref.where, name: en, names: others, kind: 'city', geometry: { type: 'Point', coordinates: [c.lon, c.lat] }, country: c.country },
            sourceId,
          );
          cityPlaces.set(cityKey, id);
          if (match.over?.length) {
            const next = match.over[0];
            this.note(
              ref.where,
              'place-clear-winner',
              `"${ref.name}" taken as ${c.name}, ${c.country} (population ${c.population.toLocaleString('en')}), over ${match.over.length} other ${match.over.length === 1 ? 'city' : 'cities'} of that name (the next largest, ${next.name}, ${next.country}, has ${next.population.toLocaleString('en')}); give a country ("${ref.name}, XX") or coordinates to choose another`,
            );
          } else this.note(ref.where, 'place-from-gazetteer', `"${ref.name}" located as ${c.name}, ${c.country} from the GeoNames gazetteer`);
        }
        // Later names that meet the same city reuse it (and no longer need the gazetteer).
        if (!this.placeByName.get(folded)?.includes(id)) this.placeByName.set(folded, [...(this.placeByName.get(folded) ?? []), id]);
        return id;
      }
      reason = match.kind;
      candidates = match.kind === 'ambiguous' ? match.candidates : [];
    }
    const seen = unresolved.get(key);
    if (seen) seen.uses++;
    else {
      unresolved.set(key, {
        name: ref.name,
        key,
        ...ref.where,
        uses: 1,
        reason,
        candidates: candidates.map(({ name, country, population, lat, lon }) => ({ name, country, population, lat, lon })),
      });
    }
    return null;
  }

  private initiativeStatus(start: ImportedDate, end?: ImportedDate): Initiative['status'] {
    if (start.min > this.importDayMs + DAY - 1) return 'planned';
    if (end && end.max < this.importDayMs) return 'completed';
    return 'ongoing';
  }
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}
