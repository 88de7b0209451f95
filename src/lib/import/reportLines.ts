// An import report as lines of text, for the CLI (and a plain-text copy in the browser): counts, then every refusal,
// warning and note with file, row or record, column or field, then events without a place and names to resolve.
import { FORMAT_NAMES, type ImportIssue, type ImportReport } from './importTypes.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "file, row 4, column Year" or "file, events[2], field start_date.year". */
export function issuePlace(i: { file: string; record: string; field: string }): string {
  const kind = i.record.startsWith('row ') || /\.(csv|tsv|txt)$/i.test(i.file) ? 'column' : 'field';
  return [i.file, i.record, i.field && `${kind} ${i.field}`].filter(Boolean).join(', ');
}

export function formatIssueLine(i: ImportIssue): string {
  return `${issuePlace(i)}: ${i.message}`;
}

export function reportLines(report: ImportReport): string[] {
  const lines: string[] = [];
  for (const f of report.files) {
    const kind = f.format ? FORMAT_NAMES[f.format] : 'not imported';
    lines.push(`${f.file} (${kind}): ${plural(f.recordsIn, 'record')} in, ${f.recordsSkipped.toLocaleString('en')} skipped`);
  }
  const c = report.counts;
  lines.push(
    `Dataset: ${plural(c.events, 'event')}, ${plural(c.places, 'place')}, ${plural(c.initiatives, 'span')}, ${plural(c.themes, 'theme')}, ${plural(c.stories, 'story', 'stories')}`,
  );
  const section = (title: string, items: string[]) => {
    if (!items.length) return;
    lines.push('', `${title} (${items.length}):`, ...items.map((s) => `  ${s}`));
  };
  section('Skipped', report.skipped.map(formatIssueLine));
  section('Warnings', report.warnings.map(formatIssueLine));
  section('Notes', report.notes.map(formatIssueLine));
  section(
    'Events without a place (on the timeline, not on the map)',
    report.needingPlace.map((e) => `${issuePlace({ ...e, field: '' })}: "${e.title}" (${e.id})${e.placeName ? ` — named "${e.placeName}"` : ''}`),
  );
  section(
    'Place names to resolve',
    report.unresolvedPlaces.map((u) => {
      const where = `${issuePlace(u)}${u.uses > 1 ? `, and ${plural(u.uses - 1, 'other use')}` : ''}`;
      if (u.reason === 'gazetteer-not-loaded') return `"${u.name}" (${where}): not located; the gazetteer was not loaded`;
      if (u.reason === 'unknown') return `"${u.name}" (${where}): no place of this import and no city of the gazetteer has this name; add lat and lon`;
      const options = u.candidates.map((c) => `${c.name}, ${c.country} (${c.population.toLocaleString('en')} people, ${c.lat}, ${c.lon})`).join('; ');
      return `"${u.name}" (${where}): several cities have this name, none by far the largest: ${options}; add a country ("${u.name}, XX") or lat and lon`;
    }),
  );
  return lines;
}
