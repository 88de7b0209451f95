// What every export says about where its data comes from and on what terms, as the map's attribution does:
// the dataset's licence and attribution (meta.json), its title and the day its facts were checked, and the basemap.
import type { Dataset } from '../model/dataset';
import { isoDay } from '../model/dates';
import { NATURAL_EARTH, TOWNS_ATTRIBUTION } from '../map/style';

export interface ExportCredit {
  /** "Indo-Pacific Atlas, dataset “India–Japan cooperation” (india-japan), facts checked to 2026-11-28". */
  source: string;
  licence: string;
  attribution: string;
  basemap: string;
}

export function exportCredit(d: Dataset): ExportCredit {
  return {
    source: `Indo-Pacific Atlas, dataset “${d.meta.title}” (${d.name}), facts checked to ${isoDay(d.asOf)}`,
    licence: d.meta.licence,
    attribution: d.meta.attribution,
    basemap: `Basemap: ${NATURAL_EARTH}; towns: ${TOWNS_ATTRIBUTION}`,
  };
}

/** The credit as lines of text for an image's footer: data terms first, then the basemap and where the view lives. */
export function creditLines(c: ExportCredit, viewUrl?: string): string[] {
  return [`Data: ${c.attribution} · Licence: ${c.licence} · ${c.source}`, `${c.basemap}${viewUrl ? ` · View and sources: ${viewUrl}` : ''}`];
}
