import { describe, expect, it } from 'vitest';
import { applyFilters, facetCounts, type Filters } from '../../src/lib/model/filters';
import { search, searchIndex } from '../../src/lib/model/search';
import { loadRealDataset } from './realDataset';

const d = loadRealDataset();
const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
const none: Filters = { themes: null, statuses: null, actors: null, range: null };

describe('applyFilters', () => {
  it.each<[string, Partial<Filters>, (ids: string[]) => void]>([
    ['no filter keeps all', {}, (ids) => expect(ids).toHaveLength(d.events.length)],
    ['a theme', { themes: ['ai'] }, (ids) => expect(ids).toEqual(expect.arrayContaining(['jai-launch', 'ai-dialogue-launch', 'ai-joint-statement']))],
    ['planned only', { statuses: ['planned'] }, (ids) => expect(ids).toEqual(expect.arrayContaining(['critical-minerals-jwg', 'esd-2', 'mahsr-full-line-target']))],
    ['an actor', { actors: ['motegi'] }, (ids) => expect(ids).toContain('strategic-dialogue-18')],
    ['a one-day range', { range: [day('2026-01-16'), day('2026-01-16')] }, (ids) => expect(ids).toEqual(expect.arrayContaining(['strategic-dialogue-18', 'ai-dialogue-launch']))],
    ['a range overlapping a half-year band keeps it', { range: [day('2026-06-30'), day('2026-07-01')] }, (ids) => expect(ids).toContain('esd-2')],
    ['a range after a band drops it', { range: [day('2026-07-01'), day('2026-07-01')] }, (ids) => expect(ids).not.toContain('esd-2')],
  ])('%s', (_n, f, check) => check(applyFilters(d.events, { ...none, ...f }).map((e) => e.id)));

  it('facet counts add up to what ticking a value would show', () => {
    const f: Filters = { ...none, statuses: ['happened'] };
    const counts = facetCounts(d.events, f);
    expect(counts.themes.get('ai')).toBe(applyFilters(d.events, { ...f, themes: ['ai'] }).length);
    expect(counts.statuses.get('planned')).toBe(applyFilters(d.events, { ...none, statuses: ['planned'] }).length);
  });
});

describe('search', () => {
  const index = searchIndex(d);
  it.each([
    ['tokyo', 'tokyo'],
    ['Tōkyō', 'tokyo'],
    ['東京', 'tokyo'],
    ['unicorn', 'unicorn'],
    ['strategic dialogue 18', 'strategic-dialogue-18'],
    ['ahmedabad', 'ahmedabad'],
  ])('%s finds %s', (q, id) => expect(search(index, q).map((h) => h.id)).toContain(id));
  it('an empty query finds nothing', () => expect(search(index, '  ')).toEqual([]));
});
