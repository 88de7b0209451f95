// StoryMapJS published.json: slides → places and story steps in order (zoom − 1 as the camera), a dated slide also an
// event, the overview a step framing every place; a story drawn on an image is refused whole.
import { describe, expect, it } from 'vitest';
import { importStoryMap } from '../../../src/lib/import/importFiles';
import { framingView, mapLibreZoom } from '../../../src/lib/import/storyMap';
import { DAY, expectValid, fixture, issueAt } from './importHelpers';

const r = () => importStoryMap('published.json', fixture('storymap-published.json'), { importDay: DAY });

describe('StoryMapJS', () => {
  it('passes the atlas validation', () => expectValid(r()));

  it('makes one story with a step per slide, in order', () => {
    const { stories, meta } = r().dataset;
    expect(stories).toHaveLength(1);
    expect(stories[0].title).toBe('Along the corridor');
    expect(meta.title).toBe('Along the corridor');
    expect(stories[0].steps.map((s) => (s.caption as string).split('\n')[0])).toEqual([
      'Along the corridor',
      'Ground-breaking in Ahmedabad',
      'Surat station',
      'Mumbai terminal',
      'Monsoon works',
      'Credits',
    ]);
  });

  it('makes each located slide a place, named by its location (or headline)', () => {
    expect(r().dataset.places.map((p) => [p.id, p.name, p.geometry.coordinates])).toEqual([
      ['ahmedabad', 'Ahmedabad', [72.5873, 23.0258]],
      ['surat', 'Surat', [72.8311, 21.1702]],
      ['mumbai', 'Mumbai', [72.8826, 19.0728]],
      ['monsoon-works', 'Monsoon works', [72.9, 20.5]],
    ]);
  });

  it('takes the slide zoom as the camera: MapLibre zoom = StoryMapJS zoom − 1, clamped to 0..12', () => {
    const views = r().dataset.stories[0].steps.map((s) => s.view?.zoom);
    expect(views.slice(1)).toEqual([9, 12, 0, 7, undefined]);
  });

  it.each([
    [10, 9],
    [1, 0],
    [0, 0],
    [14, 12],
    [18, 12],
    [5.5, 4.5],
  ])('StoryMapJS zoom %d → %d', (z, m) => expect(mapLibreZoom(z)).toBe(m));

  it('frames every place in the overview step', () => {
    const overview = r().dataset.stories[0].steps[0];
    expect(overview.select).toBeUndefined();
    expect(overview.view!.center[0]).toBeCloseTo(72.74, 1);
    expect(overview.view!.center[1]).toBeGreaterThan(19);
    expect(overview.view!.center[1]).toBeLessThan(23.1);
    expect(overview.view!.zoom).toBeGreaterThan(4);
    expect(overview.view!.zoom).toBeLessThan(9);
  });

  it('makes a dated slide an event too, selected by its step at its time', () => {
    const res = r();
    const [, ahmedabad, surat, mumbai] = res.dataset.stories[0].steps;
    expect(res.dataset.events.map((e) => [e.id, e.date, e.places, e.dateText])).toEqual([
      ['ground-breaking-in-ahmedabad', '2017-09-14', ['ahmedabad'], undefined],
      ['surat-station', '2026-06', ['surat'], 'June 2026'],
    ]);
    expect(ahmedabad).toMatchObject({ select: 'ground-breaking-in-ahmedabad', time: '2017-09-14' });
    expect(surat).toMatchObject({ select: 'surat-station', range: ['2026-06-01', '2026-06-30'] });
    expect(mumbai).toMatchObject({ select: 'mumbai' });
    expect(mumbai).not.toHaveProperty('time');
  });

  it('keeps a slide whose date it cannot read as a place and step, with a warning', () => {
    expect(issueAt(r().report.warnings, 'slides[4]')).toMatchObject({ field: 'date', code: 'date-unreadable' });
  });

  it('keeps a slide without a location as a step that does not move the camera', () => {
    const last = r().dataset.stories[0].steps[5];
    expect(last).toEqual({ caption: 'Credits\n\nText: the atlas contributors.' });
  });

  it.each([
    ['zoomify', { map_type: 'zoomify' }],
    ['map_as_image', { map_type: 'https://example.org/tiles/{z}/{x}/{y}.png', map_as_image: true }],
  ])('refuses a story drawn on an image (%s) whole, with the reason', (_name, mapFields) => {
    const json = JSON.stringify({ storymap: { ...mapFields, slides: [{ text: { headline: 'x' }, location: { lat: 75.7, lon: -132.1, zoom: 6 } }] } });
    const res = importStoryMap('art.json', json, { importDay: DAY });
    expect(res.dataset.places).toEqual([]);
    expect(res.dataset.stories).toEqual([]);
    expect(res.report.skipped).toEqual([expect.objectContaining({ file: 'art.json', record: '', code: 'storymap-on-image' })]);
    expect(res.report.skipped[0].message).toContain('positions on a picture, not on Earth');
    expect(res.report.files[0]).toMatchObject({ recordsIn: 1, recordsSkipped: 1 });
  });

  it('refuses the gigapixel fixture', () => {
    const res = importStoryMap('gigapixel.json', fixture('storymap-gigapixel.json'), { importDay: DAY });
    expect(res.report.refused).toBe(true);
    expectValid(res);
  });

  it('refuses a slide with coordinates out of range or swapped, and keeps the rest', () => {
    const json = JSON.stringify({
      storymap: {
        map_type: 'osm:standard',
        slides: [
          { text: { headline: 'Fine' }, location: { lat: 10, lon: 20, zoom: 5 } },
          { text: { headline: 'Too far north' }, location: { lat: 95, lon: 120, zoom: 5 } },
          { text: { headline: 'Swapped' }, location: { lat: 139.7, lon: 35.7, zoom: 5 } },
        ],
      },
    });
    const res = importStoryMap('s.json', json, { importDay: DAY });
    expect(res.dataset.stories[0].steps).toHaveLength(1);
    expect(issueAt(res.report.skipped, 'slides[1]')).toMatchObject({ field: 'location.lat/location.lon', code: 'latitude-out-of-range' });
    expect(issueAt(res.report.skipped, 'slides[2]')).toMatchObject({ code: 'coordinates-swapped' });
    expectValid(res);
  });

  it('frames one point at the given zoom, and nothing without points', () => {
    expect(framingView([[10, 20]], 7)).toEqual({ center: [10, 20], zoom: 7 });
    expect(framingView([])).toBeUndefined();
  });
});
