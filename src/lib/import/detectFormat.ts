// Which format a file holds, sniffed from its content rather than trusted from its name: a .csv that is JSON is read
// as JSON (with a note); a .json that is not JSON, a workbook, an HTML page or a CSV with unknown columns is refused
// with the reason.
import { csvRows, headerKey } from './csvRows.ts';
import type { ImportFormat } from './importTypes.ts';

export type Detection =
  | { ok: true; format: ImportFormat; /** The parsed JSON, for JSON formats. */ json?: unknown; /** Set when the name says otherwise. */ note?: string }
  | { ok: false; code: string; reason: string };

const JSON_EXTENSIONS = new Set(['json', 'geojson']);
const CSV_EXTENSIONS = new Set(['csv', 'tsv', 'txt']);
const EXPECTED_JSON = 'expected TimelineJS JSON ({"events": […]}), a StoryMapJS published.json ({"storymap": {"slides": […]}}) or a GeoJSON FeatureCollection';

function extension(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

/** The JSON format of a parsed value, or why it is none of them. */
export function jsonFormat(json: unknown): { format: ImportFormat } | { code: string; reason: string } {
  if (Array.isArray(json)) return { code: 'json-unknown', reason: `a JSON list: ${EXPECTED_JSON}` };
  if (!json || typeof json !== 'object') return { code: 'json-unknown', reason: `a JSON ${json === null ? 'null' : typeof json}: ${EXPECTED_JSON}` };
  const o = json as Record<string, unknown>;
  if (o.storymap && typeof o.storymap === 'object') return { format: 'storymapjs' };
  if (o.type === 'FeatureCollection' || o.type === 'Feature') return { format: 'geojson' };
  const title = o.title as Record<string, unknown> | undefined;
  if ('events' in o || 'eras' in o || (title && typeof title === 'object' && 'text' in title)) return { format: 'timelinejs-json' };
  const keys = Object.keys(o).slice(0, 6).join(', ');
  return { code: 'json-unknown', reason: `JSON whose keys (${keys || 'none'}) are none of the formats the atlas reads: ${EXPECTED_JSON}` };
}

/** The CSV format of a header row, or why it is none of them. */
export function csvFormat(header: string[]): { format: ImportFormat } | { code: string; reason: string } {
  const keys = new Set(header.map(headerKey));
  if (keys.has('year') && (keys.has('headline') || keys.has('text') || keys.has('displaydate'))) return { format: 'timelinejs-csv' };
  if (keys.has('date') && keys.has('title')) return { format: 'atlas-csv' };
  const shown = header
    .slice(0, 8)
    .map((h) => h.trim())
    .filter(Boolean)
    .join(', ');
  return {
    code: 'csv-unknown-columns',
    reason: `a CSV whose header (${shown || 'empty'}) is neither the TimelineJS template (Year, Month, Day, …, Headline, Text, …) nor the atlas's (date, end date, title, summary, place, lat, lon, …)`,
  };
}

export function detectFormat(fileName: string, text: string): Detection {
  const ext = extension(fileName);
  if (text.startsWith('PK\u0003\u0004') || text.startsWith('%PDF') || text.slice(0, 4096).includes('\u0000')) {
    return {
      ok: false,
      code: 'binary',
      reason: 'a binary file (a spreadsheet workbook, a zip or a PDF), not text: save the sheet as CSV, or give the JSON file itself',
    };
  }
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trimStart();
  if (!body) return { ok: false, code: 'empty', reason: 'the file is empty' };
  if (body.startsWith('<')) {
    return {
      ok: false,
      code: 'html',
      reason: 'an HTML or XML page, not data: for TimelineJS give the sheet saved as CSV or its JSON, for StoryMapJS its published.json',
    };
  }
  if (body.startsWith('{') || body.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      return JSON_EXTENSIONS.has(ext)
        ? { ok: false, code: 'not-json', reason: `named .${ext} but it is not valid JSON (${why})` }
        : { ok: false, code: 'not-json', reason: `it starts like JSON but does not parse (${why})` };
    }
    const f = jsonFormat(json);
    if (!('format' in f)) return { ok: false, code: f.code, reason: f.reason };
    const note = ext && !JSON_EXTENSIONS.has(ext) ? `named .${ext} but it holds JSON: read as ${f.format}` : undefined;
    return note ? { ok: true, format: f.format, json, note } : { ok: true, format: f.format, json };
  }
  if (JSON_EXTENSIONS.has(ext)) {
    const start = body.slice(0, 40).replace(/\s+/g, ' ');
    return { ok: false, code: 'not-json', reason: `named .${ext} but it is not JSON (it starts "${start}"): expected a file that starts with { or [` };
  }
  const firstLine = csvRows(body.slice(0, 16_384)).rows[0] ?? [];
  const f = csvFormat(firstLine);
  if (!('format' in f)) return { ok: false, code: f.code, reason: f.reason };
  const note = ext && !CSV_EXTENSIONS.has(ext) ? `named .${ext} but it holds CSV: read as ${f.format}` : undefined;
  return note ? { ok: true, format: f.format, note } : { ok: true, format: f.format };
}
