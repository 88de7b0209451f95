// Upserts the sea-lane place records (chokepoints, ports, lanes from scripts/sea-lanes.ts) into a
// places.json: a record with the same id gets the new geometry where it stands (its names, sources and notes,
// edited in the data, are kept), new ones are appended, every other record is kept as it is, in order. Run: npx tsx scripts/build-sea-lanes.ts [places.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seaLanePlaces } from './sea-lanes.ts';

type Rec = { id: string; kind?: string; geometry?: unknown; via?: unknown; partOf?: unknown };

/** Routing is generated; words are edited by hand: an existing record takes only the computed fields. */
const COMPUTED = ['geometry', 'via', 'partOf', 'kind'] as const;

export function upsertById<T extends Rec>(existing: T[], records: T[]): T[] {
  const incoming = new Map(records.map((r) => [r.id, r]));
  const out = existing.map((r) => {
    const next = incoming.get(r.id);
    if (!next) return r;
    const merged = { ...r } as Record<string, unknown>;
    for (const k of COMPUTED) if (k in next) merged[k] = (next as Record<string, unknown>)[k];
    return merged as T;
  });
  const present = new Set(existing.map((r) => r.id));
  return [...out, ...records.filter((r) => !present.has(r.id))];
}

/**
 * The same text as JSON.stringify(records, null, 2), except that a sea lane's [lon, lat] pairs stay
 * on one line each: its ~1,300 points would otherwise take four lines apiece.
 */
export function formatPlaces(records: Rec[]): string {
  const items = records.map((r) => {
    let text = JSON.stringify(r, null, 2);
    if (r.kind === 'sea-lane') text = text.replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1, $2]');
    return text.replace(/^/gm, '  ');
  });
  return `[\n${items.join(',\n')}\n]\n`;
}

export function upsertSeaLanes(file: string): { replaced: number; appended: number } {
  const existing = JSON.parse(readFileSync(file, 'utf8')) as Rec[];
  if (!Array.isArray(existing)) throw new Error(`${file}: not a JSON array`);
  const records = seaLanePlaces();
  const ids = new Set(existing.map((r) => r.id));
  writeFileSync(file, formatPlaces(upsertById(existing, records as Rec[])));
  const replaced = records.filter((r) => ids.has(r.id)).length;
  return { replaced, appended: records.length - replaced };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const file = process.argv[2] ?? 'data/india-japan/places.json';
  const { replaced, appended } = upsertSeaLanes(file);
  console.log(`${file}: ${replaced} sea-lane record(s) replaced, ${appended} appended`);
}
