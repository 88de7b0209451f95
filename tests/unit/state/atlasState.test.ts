import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { AtlasState } from '../../../src/lib/state/AtlasState.svelte';
import { parseUrl } from '../../../src/lib/state/urlCodec';
import { fixtureDataset } from '../fixtureDataset';
import { refusalText } from '../../../src/lib/i18n/refusals';

const DAY = 86_400_000;
const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
const fresh = () => new AtlasState(fixtureDataset());
const ids = (a: AtlasState) => a.visibleEvents.map((e) => e.id);

describe('AtlasState', () => {
  it('opens at the dataset asOf, within whole-year bounds of the record', () => {
    const a = fresh();
    expect(a.time).toBe(day('2026-06-30'));
    expect(a.timeBounds).toEqual([day('2024-01-01'), day('2026-12-31')]);
  });

  it.each([
    ['inside', '2025-05-05T13:00:00Z', '2025-05-06'],
    ['before the record', '1990-01-01T00:00:00Z', '2024-01-01'],
    ['after the record', '2040-01-01T00:00:00Z', '2026-12-31'],
  ])('setTime rounds to a day and clamps (%s)', (_, t, want) => {
    const a = fresh();
    a.setTime(Date.parse(t));
    expect(a.time).toBe(day(want));
  });

  it('setTime ignores a non-finite time', () => {
    const a = fresh();
    a.setTime(NaN);
    expect(a.time).toBe(day('2026-06-30'));
  });

  it('select refuses an id the dataset lacks and changes nothing', () => {
    const a = fresh();
    a.select('a');
    const r = a.select('nope');
    expect(r).toEqual({ kind: 'unknown-record', id: 'nope' });
    expect(refusalText(r!)).toBe('no event, place or initiative has the id "nope"');
    expect(a.selectedId).toBe('a');
    expect(a.select(null)).toBeNull();
    expect(a.selectedId).toBeNull();
  });

  it('selection derives highlighted places and events for each kind of record', () => {
    const a = fresh();
    a.select('delhi');
    flushSync();
    expect(a.selected).toEqual({ kind: 'place', id: 'delhi' });
    expect([...a.highlightedEvents].sort()).toEqual(['b', 'd']);
    a.select('corridor');
    expect([...a.highlightedPlaces].sort()).toEqual(['delhi', 'tokyo']);
    expect([...a.highlightedEvents]).toEqual(['c']);
  });

  it('filters narrow the visible events: a theme, a status, an actor, and none ticked', () => {
    const a = fresh();
    expect(ids(a)).toEqual(['a', 'e', 'b', 'c', 'd']);
    expect(a.setFilters({ themes: ['energy'] })).toBeNull();
    expect(ids(a)).toEqual(['b', 'c']);
    a.setFilters({ themes: null, status: ['planned', 'cancelled'] });
    expect(ids(a)).toEqual(['e', 'd']);
    a.setFilters({ status: null, actors: ['japan'] });
    expect(ids(a)).toEqual(['e', 'b', 'c']);
    a.setFilters({ actors: [] });
    expect(ids(a)).toEqual([]);
    expect(a.filtered).toBe(true);
    a.clearFilters();
    expect(ids(a)).toHaveLength(5);
  });

  it('setFilters refuses a list naming an unknown id, and then changes no group', () => {
    const a = fresh();
    const r = a.setFilters({ themes: ['ai'], actors: ['mars'] });
    expect(r).toEqual({ kind: 'unknown-ids', key: 'actors', ids: ['mars'] });
    expect(a.themes).toBeNull();
    expect(a.setFilters({ status: ['happened', 'maybe'] })).toEqual({ kind: 'unknown-ids', key: 'status', ids: ['maybe'] });
  });

  it('toggleFilter: unticking every box shows none; ticking all again shows all', () => {
    const a = fresh();
    const all = ['ai', 'energy', 'rail'];
    for (const t of all) a.toggleFilter('themes', t, all);
    expect(a.themes).toEqual([]);
    expect(ids(a)).toEqual([]);
    for (const t of all) a.toggleFilter('themes', t, all);
    expect(a.themes).toBeNull();
  });

  it('setRange orders nothing silently: a reversed range is refused; a range snaps to days and filters', () => {
    const a = fresh();
    expect(a.setRange([day('2026-01-01'), day('2025-01-01')])).toEqual({ kind: 'bad-range' });
    expect(a.range).toBeNull();
    expect(a.setRange([day('2025-01-01') + 5000, day('2025-12-31') + 5000])).toBeNull();
    expect(a.range).toEqual([day('2025-01-01'), day('2025-12-31')]);
    expect(ids(a)).toEqual(['e', 'b']);
  });

  it('play from the end restarts at the beginning; pause stops', () => {
    const a = fresh();
    a.setTime(a.timeBounds[1]);
    a.play();
    expect(a.playing).toBe(true);
    expect(a.time).toBe(a.timeBounds[0]);
    a.togglePlay();
    expect(a.playing).toBe(false);
  });

  it('goToStep applies a view, a range and a selection; a step without a view fits its places', () => {
    const a = fresh();
    expect(a.goToStep('tour', 1)).toBeNull();
    expect(a.storyId).toBe('tour');
    expect(a.selectedId).toBe('a');
    expect(a.time).toBe(day('2024-03-01'));
    expect(a.cameraRequest).toMatchObject({ camera: { zoom: 3, lat: 20, lon: 100 } });
    a.goToStep('tour', 2);
    expect(a.range).toEqual([day('2025-01-01'), day('2025-12-31')]);
    expect(a.time).toBe(day('2025-12-31'));
    expect(a.cameraRequest).toMatchObject({ fit: ['delhi'] });
  });

  it('a step about an event without a place does not move the camera', () => {
    const a = fresh();
    a.goToStep('tour', 2);
    const before = a.cameraRequest;
    a.goToStep('tour', 3);
    expect(a.selectedId).toBe('e');
    expect(a.cameraRequest).toBe(before);
  });

  it('goToStep refuses an unknown story or a step past the end; stepBy stays inside the story', () => {
    const a = fresh();
    expect(a.goToStep('nope', 1)).toEqual({ kind: 'unknown-story', story: 'nope' });
    expect(a.goToStep('tour', 9)).toEqual({ kind: 'no-such-step', story: 'tour', steps: 3, step: 9 });
    expect(a.storyId).toBeNull();
    a.goToStep('tour', 1);
    a.stepBy(-1);
    expect(a.storyStep).toBe(1);
    a.setStoryAutoplay(true);
    a.stepBy(1);
    a.stepBy(1);
    a.stepBy(1);
    expect(a.storyStep).toBe(3);
    expect(a.storyAutoplay).toBe(false);
  });

  it('closeTopmost leaves the story first, then clears the selection', () => {
    const a = fresh();
    a.goToStep('tour', 1);
    expect(a.closeTopmost()).toBe(true);
    expect(a.storyId).toBeNull();
    expect(a.selectedId).toBe('a');
    expect(a.closeTopmost()).toBe(true);
    expect(a.selectedId).toBeNull();
    expect(a.closeTopmost()).toBe(false);
  });

  it.each([
    ['t=2025-05-05&sel=b&lanes=initiative&lang=ja', [], { time: day('2025-05-05'), selectedId: 'b', lanes: 'initiative', lang: 'ja' }],
    ['sel=nope&themes=ai', ['sel'], { selectedId: null, themes: ['ai'] }],
    ['themes=ai,mars&status=planned', ['themes'], { themes: null, statuses: ['planned'] }],
    ['themes=', [], { themes: [] }],
    ['story=tour&step=7', ['step'], { storyId: 'tour', storyStep: 3 }],
    ['story=nope', ['story'], { storyId: null }],
    ['range=2025-01-01/2025-06-30', [], { range: [day('2025-01-01'), day('2025-06-30')] }],
  ])('applyUrl %s refuses %j', (query, refused, want) => {
    const a = fresh();
    expect(a.applyUrl(parseUrl(query).state)).toEqual(refused);
    expect(a).toMatchObject(want);
  });

  it('toUrl writes back what applyUrl read (the default dataset and defaults left out)', () => {
    const a = fresh();
    a.applyUrl(parseUrl('t=2025-05-05&sel=b&themes=ai,energy&lanes=initiative').state);
    expect(a.toUrl()).toMatchObject({ dataset: 'fixture', t: day('2025-05-05'), sel: 'b', themes: ['ai', 'energy'], lanes: 'initiative', lang: undefined });
  });

  it('restoreUrl resets what the URL does not name', () => {
    const a = fresh();
    a.select('a');
    a.setFilters({ themes: ['ai'] });
    a.setRange([day('2025-01-01'), day('2025-02-01')]);
    a.restoreUrl(parseUrl('t=2025-05-05').state);
    expect(a).toMatchObject({ selectedId: null, themes: null, range: null, time: day('2025-05-05') });
  });

  it('noteCamera ignores moves below the URL precision; requestCamera numbers each request', () => {
    const a = fresh();
    a.noteCamera({ zoom: 4, lat: 10, lon: 80 });
    const c = a.camera;
    a.noteCamera({ zoom: 4.0000001, lat: 10, lon: 80 });
    expect(a.camera).toBe(c);
    a.requestCamera({ zoom: 5, lat: 1, lon: 2 });
    const first = a.cameraRequest!.seq;
    a.requestCamera({ zoom: 5, lat: 1, lon: 2 });
    expect(a.cameraRequest!.seq).toBe(first + 1);
  });

  it('hover links known ids only', () => {
    const a = fresh();
    a.hover('tokyo');
    expect(a.hoveredId).toBe('tokyo');
    a.hover('ghost');
    expect(a.hoveredId).toBeNull();
  });

  it('notices are appended and dismissed by index', () => {
    const a = fresh();
    a.notify('one');
    a.notify('two');
    a.dismissNotice(0);
    expect(a.notices).toEqual(['two']);
  });
});
void DAY;
