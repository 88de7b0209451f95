// A GeoJSON FeatureCollection of Points and LineStrings into a dataset draft: each feature a place, and an event where
// its properties give a date (date/start/time/year…, end/until…). Positions are [longitude, latitude], checked for range
// and for an evident swap.
import { calendarDate, isoDayOf, type ImportedDate } from './calendarDate.ts';
import { checkPosition } from './checkPosition.ts';
import { countryCode, splitCountryHint } from './countryCode.ts';
import type { DatasetDraft, FileContext, PlaceName, Where } from './datasetDraft.ts';
import { dateFromText, edtfDate } from './dateFromText.ts';
import { markdownField, textField } from './richText.ts';
import { safeHttpUrl } from './safeHttpUrl.ts';

/** Property names read, in order of preference (case does not matter). */
export const GEOJSON_PROPERTIES = {
  title: ['title', 'name', 'headline', 'label'],
  summary: ['summary', 'description', 'text', 'desc'],
  date: ['date', 'start', 'start_date', 'startdate', 'begin', 'from', 'time', 'timestamp', 'datetime', 'year', 'when'],
  end: ['end', 'end_date', 'enddate', 'until', 'to', 'stop'],
  dateText: ['date_text', 'datetext', 'display_date', 'displaydate'],
  theme: ['theme', 'group', 'category'],
  status: ['status'],
  place: ['place', 'location', 'place_name'],
  country: ['country', 'country_code'],
  url: ['source_url', 'url', 'link'],
  sourceTitle: ['source_title', 'source'],
  id: ['id', 'unique_id'],
} as const;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);

function pick(props: Obj, names: readonly string[]): { key: string; value: unknown } | undefined {
  const lower = new Map(Object.keys(props).map((k) => [k.toLowerCase(), k]));
  for (const n of names) {
    const k = lower.get(n);
    if (k !== undefined && props[k] !== null && props[k] !== undefined && props[k] !== '') return { key: k, value: props[k] };
  }
  return undefined;
}

/** A date property: text (EDTF, ISO, words), a year number, or milliseconds since 1970 (≥ 10^11 in size). */
export function propertyDate(value: unknown): ImportedDate | { code: string; message: string } | null {
  if (typeof value === 'string') return dateFromText(value);
  if (typeof value !== 'number' || !Number.isFinite(value))
    return { code: 'date-unreadable', message: `${JSON.stringify(value)} is not a date: expected text such as "2014-06-05" or a year` };
  if (Number.isInteger(value) && Math.abs(value) <= 9999) return calendarDate({ year: value });
  if (Math.abs(value) >= 1e11 && Math.abs(value) <= 8.64e15) {
    const day = isoDayOf(value);
    const parsed = edtfDate(day);
    if (!parsed || 'code' in parsed) return parsed;
    const t = new Date(value).toISOString().slice(11, 19);
    return { ...parsed, extraText: `${day} ${t} UTC` };
  }
  return {
    code: 'date-ambiguous',
    message: `the number ${value} is neither a year (up to 9999) nor milliseconds since 1970: expected text such as "2014-06-05"`,
  };
}

export function geoJsonInto(draft: DatasetDraft, file: string, json: unknown): void {
  const ctx = draft.beginFile(file, 'geojson');
  const root = obj(json) ?? {};
  const features = root.type === 'Feature' ? [root] : Array.isArray(root.features) ? root.features : null;
  if (!features) {
    draft.refuseFile(ctx, 'geojson-no-features', 'no "features" list: expected a GeoJSON FeatureCollection');
    return;
  }
  const title = typeof root.title === 'string' ? root.title : typeof root.name === 'string' ? root.name : undefined;
  const licence = typeof root.licence === 'string' ? root.licence : typeof root.license === 'string' ? root.license : undefined;
  draft.setMeta({
    title: title ? textField(draft, { file, record: '', field: 'name' }, title) : undefined,
    description: typeof root.description === 'string' ? markdownField(draft, { file, record: '', field: 'description' }, root.description) : undefined,
    licence,
  });
  const undated: string[] = [];
  features.forEach((f, i) => addFeature(draft, ctx, f, i, undated));
  if (undated.length) {
    const which = undated.length > 5 ? `${undated.slice(0, 5).join(', ')} and ${undated.length - 5} more` : undated.join(', ');
    draft.note(
      { file, record: which, field: 'properties' },
      'no-date',
      `${undated.length} ${undated.length === 1 ? 'feature has' : 'features have'} no date (${GEOJSON_PROPERTIES.date.join(', ')}): kept as places, without events`,
    );
  }
}

function addFeature(draft: DatasetDraft, ctx: FileContext, f: unknown, i: number, undated: string[]) {
  const record = `features[${i}]`;
  const where: Where = { file: ctx.file, record, field: '' };
  const at = (field: string): Where => ({ ...where, field });
  draft.recordIn(ctx);
  const feature = obj(f);
  if (!feature || feature.type !== 'Feature') {
    draft.skip(ctx, {
      record,
      field: 'type',
      code: 'not-a-feature',
      message: 'expected a GeoJSON Feature ({"type": "Feature", "geometry": …, "properties": …})',
    });
    return;
  }
  const props = obj(feature.properties) ?? {};
  const prop = (k: keyof typeof GEOJSON_PROPERTIES) => pick(props, GEOJSON_PROPERTIES[k]);
  const titleProp = prop('title');
  const title = titleProp ? textField(draft, at(`properties.${titleProp.key}`), titleProp.value) : '';

  // The date first: a feature refused for its date adds no place either.
  const dateProp = prop('date');
  let date: ImportedDate | undefined;
  if (dateProp) {
    const d = propertyDate(dateProp.value);
    if (!d || 'code' in d) {
      draft.skip(ctx, {
        record,
        field: `properties.${dateProp.key}`,
        code: d?.code ?? 'date-missing',
        message: d?.message ?? 'the date is blank: expected text such as "2014-06-05" or a year',
      });
      return;
    }
    date = d;
    const endProp = prop('end');
    if (endProp) {
      const e = propertyDate(endProp.value);
      const interval = e && !('code' in e) && !d.edtf.includes('/') && !e.edtf.includes('/') ? edtfDate(`${d.edtf}/${e.edtf}`) : null;
      if (!e || 'code' in e || !interval || 'code' in interval || e.max < d.min) {
        const why =
          e && 'code' in e
            ? e.message
            : e && e.max < d.min
              ? `the end (${e.edtf}) is before the start (${d.edtf}): expected an end on or after the start`
              : `"${String(endProp.value)}" cannot end "${d.edtf}" as an EDTF interval: expected a single date with a four-digit year`;
        draft.skip(ctx, { record, field: `properties.${endProp.key}`, code: e && 'code' in e ? e.code : 'interval-invalid', message: why });
        return;
      }
      date = { ...interval, extraText: [d.extraText, e.extraText].filter(Boolean).join(' – ') || undefined };
    }
  }

  const places: (string | PlaceName)[] = [];
  const placeProp = prop('place');
  const placeName = placeProp ? textField(draft, at(`properties.${placeProp.key}`), placeProp.value) : '';
  const countryProp = prop('country');
  const country = countryProp && typeof countryProp.value === 'string' ? countryCode(countryProp.value) : undefined;
  const geometry = feature.geometry === null ? null : obj(feature.geometry);
  if (geometry) {
    const type = geometry.type;
    const coords = geometry.coordinates;
    if (type !== 'Point' && type !== 'LineString') {
      draft.skip(ctx, {
        record,
        field: 'geometry.type',
        code: 'geometry-unsupported',
        message: `a ${String(type)} geometry: expected a Point or a LineString`,
      });
      return;
    }
    const positions = type === 'Point' ? [coords] : Array.isArray(coords) ? coords : [];
    if (type === 'LineString' && positions.length < 2) {
      draft.skip(ctx, { record, field: 'geometry.coordinates', code: 'line-too-short', message: 'a LineString needs at least two positions' });
      return;
    }
    const checked: [number, number][] = [];
    for (let k = 0; k < positions.length; k++) {
      const p = positions[k];
      const field = type === 'Point' ? 'geometry.coordinates' : `geometry.coordinates.${k}`;
      if (!Array.isArray(p) || p.length < 2) {
        draft.skip(ctx, { record, field, code: 'position-invalid', message: 'expected a position [longitude, latitude]' });
        return;
      }
      const pos = checkPosition(p[1], p[0]);
      if (!pos.ok) {
        const message = pos.code === 'coordinates-swapped' ? `${pos.message}; GeoJSON writes [longitude, latitude]` : pos.message;
        draft.skip(ctx, { record, field, code: pos.code, message });
        return;
      }
      checked.push([pos.lon, pos.lat]);
    }
    const name = placeName || title || `Feature ${i + 1}`;
    places.push(
      draft.place(
        {
          where,
          name,
          idText: date ? `${name} place` : undefined,
          kind: type === 'Point' ? 'venue' : 'corridor',
          geometry: type === 'Point' ? { type: 'Point', coordinates: checked[0] } : { type: 'LineString', coordinates: checked },
          country,
        },
        ctx.sourceId,
      ),
    );
  } else if (feature.geometry !== null && feature.geometry !== undefined) {
    draft.skip(ctx, { record, field: 'geometry', code: 'geometry-invalid', message: 'expected a geometry object or null' });
    return;
  } else if (placeName) {
    const hint = splitCountryHint(placeName);
    places.push({ name: hint.name, country: country ?? hint.country, where: at(`properties.${placeProp!.key}`) });
  }

  if (!date) {
    if (!places.length) {
      draft.skip(ctx, { record, field: 'properties', code: 'nothing-to-import', message: 'no date and no geometry: expected at least one of them' });
      return;
    }
    undated.push(record);
    return;
  }

  const statusProp = prop('status');
  const statusText = typeof statusProp?.value === 'string' ? statusProp.value.trim().toLowerCase() : '';
  const status = statusText === 'happened' || statusText === 'planned' || statusText === 'cancelled' ? statusText : undefined;
  if (statusProp && !status)
    draft.warn(
      at(`properties.${statusProp.key}`),
      'status-invalid',
      `${JSON.stringify(statusProp.value)} is not a status: expected happened, planned or cancelled; set from the date instead`,
    );
  const summaryProp = prop('summary');
  const themeProp = prop('theme');
  const dateTextProp = prop('dateText');
  const urlProp = prop('url');
  const sources: string[] = [];
  if (urlProp) {
    const url = safeHttpUrl(String(urlProp.value));
    if (url) {
      const st = prop('sourceTitle');
      sources.push(draft.citedSource(ctx, { title: st ? textField(draft, at(`properties.${st.key}`), st.value) || url : url, url }));
    } else draft.warn(at(`properties.${urlProp.key}`), 'url-not-http', `${JSON.stringify(urlProp.value)} is not an http or https address: dropped`);
  }
  const idProp = prop('id');
  const idText = feature.id !== undefined ? String(feature.id) : idProp ? String(idProp.value) : undefined;
  draft.event(ctx, {
    where,
    idText,
    title: title || placeName || `Feature ${i + 1}`,
    summary: summaryProp ? markdownField(draft, at(`properties.${summaryProp.key}`), summaryProp.value) : '',
    date,
    dateText: dateTextProp ? textField(draft, at(`properties.${dateTextProp.key}`), dateTextProp.value) || undefined : undefined,
    status,
    themes: themeProp ? [textField(draft, at(`properties.${themeProp.key}`), themeProp.value)] : [''],
    places,
    sources,
  });
}
