// TimelineJS JSON: title slide, events and eras with start_date/end_date objects, display_date, group, unique_id.
import { describe, expect, it } from 'vitest';
import { importTimelineJson } from '../../../src/lib/import/importFiles';
import { DAY, eventTitled, expectValid, fixture, issueAt } from './importHelpers';

const r = () => importTimelineJson('timeline.json', fixture('timelinejs.json'), { importDay: DAY });

describe('TimelineJS JSON', () => {
  it('passes the atlas validation', () => expectValid(r()));

  it('takes the title slide as the dataset title (tags removed) and summary', () => {
    expect(r().dataset.meta.title).toBe('Harbours and sea lanes');
    expect(r().dataset.meta.description).toMatch(/^A TimelineJS JSON sample: \*\*groups\*\*, _eras_/);
  });

  it.each([
    ['Charter of the East India Company', { id: 'eic-charter', date: '1600-12-31', themes: ['trade'] }],
    ['Battle of Plassey', { id: 'plassey', date: '1757-06-23', dateText: '23 June 1757', themes: ['empires'] }],
    ['Canal traffic begins', { id: 'plassey-2', date: '1869-11/1870-02', summary: '' }],
    ['Boats on the Indus', { date: '-3499', themes: ['other'] }],
  ])('%s', (title, expected) => expect(eventTitled(r(), title)).toMatchObject(expected));

  it('slugifies unique_id and says when one was taken twice', () => {
    expect(r().report.notes).toContainEqual(expect.objectContaining({ record: 'events[2]', code: 'id-deduplicated' }));
  });

  it('keeps hour and minute as words beside display_date', () => {
    expect(eventTitled(r(), 'Battle of Plassey').notes).toBe('Date as recorded: 1757-06-23 08:05.');
  });

  it('makes eras spans, open-ended without an end', () => {
    expect(r().dataset.initiatives).toEqual([
      expect.objectContaining({ title: 'East India Company', start: '1600', end: '1874', status: 'completed' }),
      expect.objectContaining({ title: 'Independent India', start: '1947-08-15', status: 'ongoing' }),
    ]);
    expect(r().dataset.initiatives[1]).not.toHaveProperty('end');
  });

  it.each([
    ['events[4]', 'start_date.year', 'year-beyond-date'],
    ['events[5]', 'start_date.year', 'year-zero'],
    ['events[7]', 'start_date.day', 'day-invalid'],
    ['events[8]', 'start_date', 'year-missing'],
  ])('refuses %s, field %s (%s)', (record, field, code) => {
    expect(issueAt(r().report.skipped, record)).toMatchObject({ file: 'timeline.json', record, field, code });
  });

  it('writes year 12000 as Y12000 and loads it, a year like any other', () => {
    const res = r();
    const far = res.dataset.events.find((e) => e.title === 'Far future');
    expect(far?.date).toBe('Y12000');
    expect(res.report.skipped.filter((i) => i.record === 'events[6]')).toEqual([]);
  });

  it('refuses a list that is not one, and a file that is not JSON', () => {
    const res = importTimelineJson('t.json', '{"events": {"a": 1}}', { importDay: DAY });
    expect(res.report.skipped).toEqual([expect.objectContaining({ record: 'events', code: 'not-a-list' })]);
    const bad = importTimelineJson('t.json', '{"events": [', { importDay: DAY });
    expect(bad.report.skipped).toEqual([expect.objectContaining({ file: 't.json', record: '', code: 'not-json' })]);
    expect(bad.report.skipped[0].message).toContain('named .json but it is not valid JSON');
  });
});
