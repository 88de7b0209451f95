// detectFormat: content decides, not the name; a file that is not what its name says is read by content (noted) or
// refused with the reason.
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/lib/import/detectFormat';
import { importFile } from '../../../src/lib/import/importFiles';
import { DAY, fixture } from './importHelpers';

describe('detectFormat', () => {
  it.each([
    ['timelinejs-template.csv', fixture('timelinejs-template.csv'), 'timelinejs-csv', undefined],
    ['sheet.csv', 'Headline,Year\nx,1998', 'timelinejs-csv', undefined],
    ['events.csv', 'date,title\n2026,x', 'atlas-csv', undefined],
    ['events.tsv', 'date\ttitle\n2026\tx', 'atlas-csv', undefined],
    ['timeline.json', fixture('timelinejs.json'), 'timelinejs-json', undefined],
    ['published.json', fixture('storymap-published.json'), 'storymapjs', undefined],
    ['features.geojson', fixture('features.geojson'), 'geojson', undefined],
    ['one.json', '{"type":"Feature","geometry":null,"properties":{}}', 'geojson', undefined],
    ['export.csv', '{"events": []}', 'timelinejs-json', 'named .csv but it holds JSON'],
    ['data.txt', '\ufeffYear,Headline\n1998,x', 'timelinejs-csv', undefined],
    ['data.dat', 'date,title\n2026,x', 'atlas-csv', 'named .dat but it holds CSV'],
  ])('%s → %s', (name, text, format, note) => {
    const d = detectFormat(name, text);
    expect(d).toMatchObject({ ok: true, format });
    expect(d.ok && d.note ? d.note.slice(0, note?.length) : undefined).toBe(note);
  });

  it.each([
    ['timeline.json', 'Year,Headline\n1998,x', 'not-json', 'named .json but it is not JSON'],
    ['timeline.json', '{"events": [1, 2', 'not-json', 'named .json but it is not valid JSON'],
    ['data.csv', '{"oops": ', 'not-json', 'starts like JSON but does not parse'],
    ['data.json', '[1, 2]', 'json-unknown', 'a JSON list'],
    ['data.json', '{"rows": []}', 'json-unknown', 'none of the formats'],
    ['sheet.csv', 'PK\u0003\u0004binary', 'binary', 'save the sheet as CSV'],
    ['report.csv', '%PDF-1.7', 'binary', 'not text'],
    ['page.json', '<!DOCTYPE html><html></html>', 'html', 'not data'],
    ['empty.csv', '  \n ', 'empty', 'empty'],
    ['people.csv', 'name,age\nAna,3', 'csv-unknown-columns', 'header (name, age)'],
  ])('%s holding %j is refused (%s)', (name, text, code, words) => {
    const d = detectFormat(name, text);
    expect(d).toMatchObject({ ok: false, code });
    expect(d.ok ? '' : d.reason).toContain(words);
  });

  it('reports a refused file by name, and a file read by content with a note', () => {
    const bad = importFile('timeline.json', 'Year,Headline\n1998,x', { importDay: DAY });
    expect(bad.report.skipped).toEqual([expect.objectContaining({ file: 'timeline.json', record: '', field: '', code: 'not-json' })]);
    expect(bad.report.files).toEqual([{ file: 'timeline.json', format: null, recordsIn: 0, recordsSkipped: 0 }]);
    expect(bad.report.refused).toBe(true);
    const odd = importFile('export.csv', fixture('timelinejs.json'), { importDay: DAY });
    expect(odd.report.notes[0]).toMatchObject({ file: 'export.csv', code: 'format-from-content' });
    expect(odd.dataset.events.length).toBeGreaterThan(0);
  });
});
