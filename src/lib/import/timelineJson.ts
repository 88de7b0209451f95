// A TimelineJS JSON file (title slide, events, eras with start_date/end_date objects) into a dataset draft.
import type { DatasetDraft } from './datasetDraft.ts';
import { addTimelineSlide, type SlideDate, type SlideFields, type TimelineSlide } from './timelineSlide.ts';

const FIELDS: SlideFields = {
  year: 'start_date.year',
  month: 'start_date.month',
  day: 'start_date.day',
  time: 'start_date.hour',
  endYear: 'end_date.year',
  endMonth: 'end_date.month',
  endDay: 'end_date.day',
  endTime: 'end_date.hour',
  displayDate: 'display_date',
  headline: 'text.headline',
  text: 'text.text',
  group: 'group',
  media: 'media.url',
  mediaPrefix: 'media.',
};

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);

function slide(record: string, kind: TimelineSlide['kind'], s: Obj): TimelineSlide {
  const text = obj(s.text) ?? {};
  const media = obj(s.media);
  return {
    record,
    kind,
    start: obj(s.start_date) as SlideDate | undefined,
    end: obj(s.end_date) as SlideDate | undefined,
    displayDate: s.display_date,
    headline: text.headline,
    text: text.text,
    media: media ? { url: media.url, caption: media.caption, credit: media.credit } : undefined,
    group: s.group,
    uniqueId: s.unique_id,
  };
}

export function timelineJsonInto(draft: DatasetDraft, file: string, json: unknown): void {
  const ctx = draft.beginFile(file, 'timelinejs-json');
  const root = obj(json) ?? {};
  const state = { titled: false };
  const looks = new Set<string>();
  const title = obj(root.title);
  if (title) addTimelineSlide(draft, ctx, slide('title', 'title', title), FIELDS, state);
  const list = (key: 'events' | 'eras', kind: TimelineSlide['kind']) => {
    const items = root[key];
    if (items === undefined) return;
    if (!Array.isArray(items)) {
      draft.skip(ctx, { record: key, field: key, code: 'not-a-list', message: `"${key}" is not a list: expected an array of slides` });
      return;
    }
    items.forEach((item, i) => {
      const s = obj(item);
      if (!s) {
        draft.recordIn(ctx);
        draft.skip(ctx, { record: `${key}[${i}]`, field: '', code: 'not-an-object', message: 'expected a slide object with start_date and text' });
        return;
      }
      if (s.background) looks.add('background');
      if (obj(s.media)?.thumbnail) looks.add('media.thumbnail');
      if (kind === 'event' && !obj(s.start_date)) {
        draft.recordIn(ctx);
        draft.skip(ctx, {
          record: `${key}[${i}]`,
          field: 'start_date',
          code: 'year-missing',
          message: 'the slide has no start_date: expected an object such as {"year": 1998}',
        });
        return;
      }
      addTimelineSlide(draft, ctx, slide(`${key}[${i}]`, kind, s), FIELDS, state);
    });
  };
  list('events', 'event');
  list('eras', 'era');
  if (looks.size)
    draft.note(
      { file, record: '', field: [...looks].join(', ') },
      'look-not-kept',
      `${[...looks].join(' and ')}: how TimelineJS dresses a slide, not kept by the atlas`,
    );
  const licence = typeof root.licence === 'string' ? root.licence : typeof root.license === 'string' ? root.license : undefined;
  if (licence) draft.setMeta({ licence });
}
