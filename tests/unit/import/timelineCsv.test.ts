// TimelineJS spreadsheets (CSV): the template's columns in any order, title row → dataset, eras → spans, groups →
// themes, precision kept, display dates and times as words, media as links; refusals name file, row and column.
import { describe, expect, it } from 'vitest';
import { importTimelineCsv } from '../../../src/lib/import/importFiles';
import { DAY, eventTitled, expectValid, fixture, issueAt } from './importHelpers';

const template = () => importTimelineCsv('timelinejs-template.csv', fixture('timelinejs-template.csv'), { importDay: DAY });

describe('TimelineJS CSV: the template', () => {
  it('passes the atlas validation', () => expectValid(template()));

  it('takes the title row as the dataset title and summary', () => {
    const { meta } = template().dataset;
    expect(meta.title).toBe('Ports of the Indian Ocean');
    expect(meta.description).toContain('A sample timeline in the TimelineJS template: **trade**, _empires_');
    expect(meta).toMatchObject({ asOf: DAY, licence: 'not stated' });
  });

  it.each([
    ['A year alone', '1951'],
    ['Vasco da Gama reaches Calicut', '1498-05-20'],
    ['A span with a month', '1943-07/1946'],
    ['Harappan seaborne trade', '-2599/-1899'],
    ['Suez Canal opens', '1869-11-17'],
  ])('keeps the precision of "%s": %s', (title, date) => {
    expect(eventTitled(template(), title).date).toBe(date);
  });

  it('keeps Display Date as the source’s words, and the time of day beside it', () => {
    const suez = eventTitled(template(), 'Suez Canal opens');
    expect(suez.dateText).toBe('17 November 1869, morning');
    expect(suez.notes).toContain('1869-11-17 10:30');
    expect(eventTitled(template(), 'Harappan seaborne trade').dateText).toBe('c. 2600–1900 BC');
  });

  it('makes groups themes, and rows without a group "Other"', () => {
    const r = template();
    expect(r.dataset.themes.map((t) => t.id).sort()).toEqual(['empires', 'other', 'trade']);
    expect(eventTitled(r, 'Singapore trading post').themes).toEqual(['trade']);
    expect(eventTitled(r, 'A year alone').themes).toEqual(['other']);
    expect(r.dataset.themes.find((t) => t.id === 'other')!.label).toMatchObject({ en: 'Other' });
  });

  it('makes era rows spans', () => {
    expect(template().dataset.initiatives).toEqual([expect.objectContaining({ title: 'The Age of Sail', start: '1500', end: '1869', status: 'completed' })]);
  });

  it('marks every record imported and cites the file', () => {
    const { events, sources } = template().dataset;
    expect(sources).toEqual([expect.objectContaining({ kind: 'imported-file', title: 'timelinejs-template.csv', date: DAY })]);
    for (const e of events) {
      expect(e.confidence).toBe('imported');
      expect(e.sources).toEqual([sources[0].id]);
    }
  });

  it('keeps text as light Markdown and media as links, with credits', () => {
    const r = template();
    expect(eventTitled(r, 'Harappan seaborne trade').summary).toBe('Ships from [Lothal](https://en.wikipedia.org/wiki/Lothal) trade with Mesopotamia.');
    expect(eventTitled(r, 'Vasco da Gama reaches Calicut').summary).toContain('It opens _the Cape route_.');
    expect(eventTitled(r, 'Singapore trading post').summary).toContain(
      'Media: [Singapore river](https://upload.wikimedia.org/wikipedia/commons/example-singapore.jpg) (credit: [Wikimedia Commons](https://commons.wikimedia.org/))',
    );
    expect(eventTitled(r, 'Suez Canal opens').summary).toBe(
      'The canal shortens the voyage from Europe to India by thousands of miles.\n\nIt changes the sea lanes for good.\n\nMedia: [https://www.youtube.com/watch?v=example](https://www.youtube.com/watch?v=example)',
    );
    // A quotation as media is text, not a link.
    expect(eventTitled(r, 'A span with a month').summary).toContain('The sea is the great road. — _A sailor_');
  });

  it('places an event where its media is a Google Maps link', () => {
    const r = template();
    const calicut = eventTitled(r, 'Vasco da Gama reaches Calicut');
    expect(calicut.places).toEqual(['kozhikode']);
    expect(r.dataset.places[0]).toMatchObject({ id: 'kozhikode', name: 'Kozhikode', geometry: { type: 'Point', coordinates: [75.7804, 11.2588] } });
  });

  it('lists events without a place, and notes the columns it does not keep', () => {
    const { report } = template();
    expect(report.needingPlace.map((e) => e.record)).toEqual(['row 4', 'row 6', 'row 7', 'row 8', 'row 9']);
    expect(report.notes.map((n) => n.code)).toContain('look-not-kept');
    expect(report.refused).toBe(false);
    expect(report.files).toEqual([{ file: 'timelinejs-template.csv', format: 'timelinejs-csv', recordsIn: 8, recordsSkipped: 0 }]);
  });
});

describe('TimelineJS CSV: columns in another order, extra columns, refusals', () => {
  const r = () => importTimelineCsv('reordered.csv', fixture('timelinejs-reordered.csv'), { importDay: DAY });

  it('reads columns by name in any order and notes extra ones', () => {
    const res = r();
    expect(eventTitled(res, 'Port opens')).toMatchObject({ date: '1900-03', themes: ['trade'], summary: 'Text one' });
    expect(res.report.notes).toContainEqual(
      expect.objectContaining({ file: 'reordered.csv', record: 'row 1', field: 'Notes, Editor', code: 'columns-ignored' }),
    );
    expectValid(res);
  });

  it.each([
    ['row 5', 'Month', 'month-invalid', 'expected 1 to 12'],
    ['row 6', 'Year', 'year-zero', 'year 0 does not exist'],
    ['row 7', 'Year', 'year-beyond-date', 'beyond what a browser’s Date can hold'],
    ['row 8', 'Day', 'day-without-month', 'needs a month'],
  ])('refuses %s, column %s (%s)', (record, field, code, words) => {
    const issue = issueAt(r().report.skipped, record);
    expect(issue).toMatchObject({ file: 'reordered.csv', record, field, code });
    expect(issue!.message).toContain(words);
  });

  it('skips blank rows without counting them, and says records were refused', () => {
    expect(r().report.files[0]).toMatchObject({ recordsIn: 6, recordsSkipped: 4 });
    expect(r().report.refused).toBe(true);
  });

  it('reads Place, Lat and Lon columns where a sheet adds them', () => {
    const csv = 'Year,Headline,Place,Lat,Lon\n2001,With coordinates,Kobe,34.69,135.19\n2002,Swapped,,135.19,34.69\n2003,By name,Sendai,,';
    const res = importTimelineCsv('places.csv', csv, { importDay: DAY });
    expect(eventTitled(res, 'With coordinates').places).toEqual(['kobe']);
    expect(issueAt(res.report.skipped, 'row 3')).toMatchObject({ field: 'Lat/Lon', code: 'coordinates-swapped' });
    expect(res.report.unresolvedPlaces).toEqual([expect.objectContaining({ name: 'Sendai', reason: 'gazetteer-not-loaded', record: 'row 4', field: 'Place' })]);
    expectValid(res);
  });
});
