// The built-in dataset after the review of issue 18: every event has a public source beside the fact sheet, source
// addresses are http or https, the corrected facts stay corrected, and story steps select what their captions speak of.
import { describe, expect, it } from 'vitest';
import { loadRealDataset, readDatasetFiles } from './realDataset';

const d = loadRealDataset();
const raw = readDatasetFiles();
const factSheets = new Set(d.sources.filter((s) => s.kind === 'fact-sheet').map((s) => s.id));

describe('sources', () => {
  it('the fact sheet is one source of kind fact-sheet', () => {
    expect([...factSheets]).toEqual(['facts']);
  });

  it.each(d.events.map((e) => [e.id, e] as const))('%s cites a source other than the fact sheet', (_id, e) => {
    expect(e.sources.filter((s) => !factSheets.has(s)).length).toBeGreaterThan(0);
  });

  const addressed = (raw['sources.json'] as { id: string; url?: string }[]).filter((s) => s.url).map((s) => [s.id, s.url!] as [string, string]);
  it.each(addressed)('%s has an http or https address', (_id, url) => {
    expect(new URL(url).protocol).toMatch(/^https?:$/);
  });

  it('every source is cited by some record, and every public source has an address', () => {
    const cited = new Set([...d.events, ...d.places, ...d.initiatives, ...d.actors, ...d.stories].flatMap((r) => r.sources));
    expect(d.sources.filter((s) => !cited.has(s.id)).map((s) => s.id)).toEqual([]);
    expect(d.sources.filter((s) => (s.kind === 'news' || s.kind === 'official' || s.kind === 'digest') && !s.url).map((s) => s.id)).toEqual([]);
  });
});

describe('the review’s corrections hold', () => {
  const e = (id: string) => d.eventById.get(id)!;

  it.each([
    ['mahsr-loan-1', '2018-09-28', 'new-delhi'],
    ['mahsr-moc', '2015-12-12', 'new-delhi'],
    ['rpss-agreement', '2020-09-09', 'new-delhi'],
    ['civil-nuclear-agreement', '2016-11-11', 'tokyo'],
    ['mahsr-e10', '2025-08-29', 'tokyo'],
    ['quad-2007', '2007-05', 'manila'],
    ['modi-takaichi-call', '2025-10-29', null],
    ['malabar-2025', '2025-11-10/2025-11-18', 'guam'],
    ['ai-impact-summit', '2026-02-16/2026-02-20', 'new-delhi'],
  ])('%s: %s, venue %s', (id, date, venue) => {
    expect(e(id).date).toBe(date);
    expect(e(id).places[0] ?? null).toBe(venue);
  });

  it('states the UNICORN memorandum as what it would be once implemented, not as done', () => {
    for (const text of [e('unicorn-moi').summary, d.initiativeById.get('unicorn')!.summary, d.sourceById.get('pib-2024-11-16')!.supports!]) {
      expect(text).toMatch(/would/);
      expect(text).not.toMatch(/\bis the first|: the first India–Japan co-development/);
    }
  });

  it('keeps the critical-minerals working group out of the economic-security initiative', () => {
    expect(e('critical-minerals-jwg').initiatives).toEqual(['critical-minerals']);
    expect(d.initiativeById.get('economic-security')!.milestones).not.toContain('critical-minerals-jwg');
    expect(e('critical-minerals-jwg').summary).not.toMatch(/economic-security initiative/);
  });

  it('does not make Japan an actor of the AI Impact Summit', () => {
    expect(e('ai-impact-summit').actors).not.toContain('japan');
  });

  it('gives Kitamura’s reaffirmation no place, since the article gives none', () => {
    expect(e('unicorn-reaffirmed').places).toEqual([]);
  });

  it('keeps Beijing out of the value-chain event, which cites a source that names it', () => {
    const vc = e('bay-of-bengal-value-chain');
    expect(vc.places).not.toContain('beijing');
    expect(vc.sources).toContain('etv-bharat-2023-03-20');
  });

  it('leaves out the “Year of Shared Horizons”, which no public page names', () => {
    expect(d.eventById.has('year-of-shared-horizons')).toBe(false);
    expect(JSON.stringify(raw)).not.toMatch(/Shared Horizons/);
  });

  it.each([
    ['mofa-indo-pacific-south-asia', 'mofa-japan', 'seed-modi-takaichi', []],
    ['jaishankar-global-order', 'jaishankar', 'seed-strategic-dialogue', ['new-delhi']],
    ['jaishankar-de-risking', 'jaishankar', 'seed-strategic-dialogue', ['new-delhi']],
  ])('models the attributed statement %s with its speaker as actor and its seed article as source', (id, speaker, seed, places) => {
    expect(e(id)).toMatchObject({ actors: [speaker], places, confidence: 'seed' });
    expect(e(id).sources).toContain(seed);
  });
});

describe('stories', () => {
  const story = (id: string) => d.storyById.get(id)!;

  it('the sea-lanes story starts on the lane, not its port', () => {
    expect(story('sea-lanes').steps[0].select).toBe('sea-lane-gulf-japan');
  });

  it('the corridor story has a step on the January 2026 speed-up that selects it, and dates the loan to September 2018', () => {
    const steps = story('corridor').steps;
    expect(steps.find((s) => s.caption.startsWith('January 2026'))?.select).toBe('mahsr-accelerate-2026');
    expect(steps.find((s) => s.select === 'mahsr-loan-1')).toMatchObject({ time: '2018-09-28', caption: expect.stringMatching(/^September 2018: in New Delhi/) });
  });

  it.each(d.stories.flatMap((s) => s.steps.map((st, i) => [`${s.id} step ${i + 1}`, st] as const)))('%s: a step about an event without a place has no view', (_name, st) => {
    const ev = st.select ? d.eventById.get(st.select) : undefined;
    if (ev && ev.places.length === 0) expect(st.view).toBeUndefined();
  });
});
