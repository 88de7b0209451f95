// A StoryMapJS published.json into a dataset draft: each slide a place and a story step in order (its zoom the camera,
// MapLibre zoom = StoryMapJS zoom − 1), an event where the slide has a date, the overview slide a step framing all places.
// A story drawn on an image (map_type "zoomify", map_as_image) is refused whole: its lat/lon are positions on a picture.
import { isoDayOf, type ImportedDate } from './calendarDate.ts';
import { checkPosition } from './checkPosition.ts';
import type { DatasetDraft, StepDraft, Where } from './datasetDraft.ts';
import { dateFromText } from './dateFromText.ts';
import { escapeMarkdown } from './htmlToMarkdown.ts';
import { joinParagraphs, markdownField, mediaParagraph, textField } from './richText.ts';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);

/** The atlas's camera range for story steps. */
export const MAX_STEP_ZOOM = 12;

/** Leaflet's zoom (StoryMapJS) as MapLibre's: one less, as MapLibre's tiles are 512 px; clamped to the atlas's range. */
export function mapLibreZoom(storyMapZoom: number): number {
  return Math.min(MAX_STEP_ZOOM, Math.max(0, storyMapZoom - 1));
}

/** The view that frames points in an assumed 1024×640 map with a margin: bounding box centre, zoom to fit. */
export function framingView(points: [number, number][], singleZoom = 8): { center: [number, number]; zoom: number } | undefined {
  if (!points.length) return undefined;
  const mx = (lon: number) => (lon + 180) / 360;
  const my = (lat: number) => {
    const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  };
  const xs = points.map((p) => mx(p[0])),
    ys = points.map((p) => my(p[1]));
  const x0 = Math.min(...xs),
    x1 = Math.max(...xs),
    y0 = Math.min(...ys),
    y1 = Math.max(...ys);
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2;
  const lon = cx * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * cy))) * 180) / Math.PI;
  const dx = x1 - x0,
    dy = y1 - y0;
  let zoom = singleZoom;
  if (dx > 0 || dy > 0) {
    const fit = Math.min(dx > 0 ? (1024 * 0.8) / (512 * dx) : Infinity, dy > 0 ? (640 * 0.8) / (512 * dy) : Infinity);
    zoom = Math.log2(fit);
  }
  zoom = Math.round(Math.min(MAX_STEP_ZOOM, Math.max(0, zoom)) * 100) / 100;
  return { center: [round(lon), round(lat)], zoom };
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** A step's time (a day) or range (first and last day) for a date. */
function stepTime(date: ImportedDate): Pick<StepDraft, 'time' | 'range'> {
  const first = isoDayOf(date.min);
  const last = Number.isFinite(date.max) ? isoDayOf(date.max) : first;
  return first === last ? { time: first } : { range: [first, last] };
}

export function storyMapInto(draft: DatasetDraft, file: string, json: unknown): void {
  const ctx = draft.beginFile(file, 'storymapjs');
  const story = obj(obj(json)?.storymap) ?? {};
  const slides = Array.isArray(story.slides) ? story.slides : [];
  const mapType = typeof story.map_type === 'string' ? story.map_type : '';
  if (mapType === 'zoomify' || story.map_as_image === true || mapType.startsWith('zoomify')) {
    ctx.summary.recordsIn = slides.length;
    ctx.summary.recordsSkipped = slides.length;
    const what = story.map_as_image === true ? 'map_as_image is true' : `map_type is "${mapType}"`;
    draft.refuseFile(
      ctx,
      'storymap-on-image',
      `this StoryMapJS story is drawn on an image (${what}): its lat/lon are positions on a picture, not on Earth, so it cannot be placed on a map. Expected a story on a map (map_type "osm:standard", "stamen:…", "mapbox:…" or a tile URL)`,
    );
    return;
  }
  if (!Array.isArray(story.slides)) {
    draft.refuseFile(ctx, 'storymap-no-slides', 'storymap.slides is missing or not a list: expected a StoryMapJS published.json with storymap.slides');
    return;
  }

  const steps: (StepDraft | 'overview')[] = [];
  const points: [number, number][] = [];
  let storyTitle = '';
  let overviewCaption = '';
  let zoomMax = 0;
  slides.forEach((item, i) => {
    const record = `slides[${i}]`;
    const where: Where = { file, record, field: '' };
    const at = (field: string): Where => ({ ...where, field });
    draft.recordIn(ctx);
    const s = obj(item);
    if (!s) {
      draft.skip(ctx, { record, field: '', code: 'not-an-object', message: 'expected a slide object with text and location' });
      return;
    }
    const text = obj(s.text) ?? {};
    const headline = textField(draft, at('text.headline'), text.headline);
    const body = markdownField(draft, at('text.text'), text.text);
    const media = mediaParagraph(draft, where, obj(s.media), 'media.');

    if (s.type === 'overview') {
      storyTitle ||= headline;
      draft.setMeta({ title: headline || undefined, description: body || undefined });
      overviewCaption = joinParagraphs(escapeMarkdown(headline), body, media) || 'Overview';
      steps.push('overview');
      return;
    }

    const loc = obj(s.location);
    let placeId: string | undefined;
    let view: StepDraft['view'];
    if (loc && (loc.lat !== undefined || loc.lon !== undefined)) {
      const pos = checkPosition(loc.lat, loc.lon);
      if (!pos.ok) {
        draft.skip(ctx, { record, field: 'location.lat/location.lon', code: pos.code, message: pos.message });
        return;
      }
      const name = textField(draft, at('location.name'), loc.name) || headline || `Slide ${i + 1}`;
      placeId = draft.place({ where, name, kind: 'venue', geometry: { type: 'Point', coordinates: [pos.lon, pos.lat] } }, ctx.sourceId);
      points.push([pos.lon, pos.lat]);
      const z = typeof loc.zoom === 'number' ? loc.zoom : typeof loc.zoom === 'string' && loc.zoom.trim() !== '' ? Number(loc.zoom) : NaN;
      if (Number.isFinite(z)) {
        view = { center: [pos.lon, pos.lat], zoom: mapLibreZoom(z) };
        zoomMax = Math.max(zoomMax, view.zoom);
      } else if (loc.zoom !== undefined)
        draft.warn(
          at('location.zoom'),
          'zoom-not-number',
          `zoom "${String(loc.zoom)}" is not a number: expected a map zoom such as 10; the step frames its place instead`,
        );
    }

    let eventId: string | null | undefined;
    let time: Pick<StepDraft, 'time' | 'range'> = {};
    const rawDate = typeof s.date === 'string' ? s.date : typeof s.date === 'number' ? String(s.date) : '';
    const date = rawDate.trim() ? dateFromText(rawDate) : null;
    if (date && 'code' in date) {
      draft.warn(at('date'), date.code, `${date.message}; the slide became a place and a story step without an event`);
    } else if (date) {
      const words = rawDate.trim() !== date.edtf ? textField(draft, at('date'), rawDate) : undefined;
      eventId = draft.event(ctx, {
        where,
        dateField: 'date',
        title: headline || textField(draft, at('location.name'), loc?.name) || `Slide ${i + 1}`,
        summary: joinParagraphs(body, media),
        date,
        dateText: words || undefined,
        themes: [''],
        places: placeId ? [placeId] : [],
      });
      if (eventId) time = stepTime(date);
    }
    const caption = joinParagraphs(escapeMarkdown(headline), body, media) || `Slide ${i + 1}`;
    const step: StepDraft = { caption, ...time };
    if (view) step.view = view;
    const select = eventId ?? placeId;
    if (select) step.select = select;
    steps.push(step);
  });

  const overview = framingView(points, zoomMax || 8);
  const finalSteps = steps.map((s) => (s === 'overview' ? { caption: overviewCaption, ...(overview ? { view: overview } : {}) } : s));
  const title = storyTitle || file.replace(/\.[^.]+$/, '');
  draft.story(ctx, title, finalSteps);
}
