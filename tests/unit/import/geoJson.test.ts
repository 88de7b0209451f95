// GeoJSON FeatureCollections: Points and LineStrings become places, dated ones events; positions checked.
import { describe, expect, it } from 'vitest';
import { importGeoJson } from '../../../src/lib/import/importFiles';
import { DAY, eventTitled, expectValid, fixture, issueAt, smallGazetteer } from './importHelpers';

const r = () => importGeoJson('features.geojson', fixture('features.geojson'), { importDay: DAY, gazetteer: smallGazetteer() });

describe('GeoJSON', () => {
  it('passes the atlas validation', () => expectValid(r()));

  it('takes the collection name as the dataset title', () => expect(r().dataset.meta.title).toBe('Corridor features'));

  it('makes Points venues and LineStrings corridors, in [lon, lat] order', () => {
    const places = r().dataset.places;
    expect(places.find((p) => p.name === 'Sabarmati depot')).toMatchObject({ kind: 'venue', geometry: { type: 'Point', coordinates: [72.5797, 23.0801] } });
    expect(places.find((p) => p.name === 'High-speed line')).toMatchObject({ kind: 'corridor', geometry: { type: 'LineString' } });
  });

  it.each([
    ['Sabarmati depot', { id: 'sabarmati', date: '2020-03', themes: ['rail'], summary: 'A **depot** opens.' }],
    ['High-speed line', { id: 'high-speed-line', date: '2017-09-14/2028', status: 'planned' }],
    ['Meeting in Tokyo', { date: '2020-09-01', dateText: '2020-09-01 00:00:00 UTC' }],
    ['Year as a number', { date: '1998' }],
  ])('dates "%s"', (title, expected) => expect(eventTitled(r(), title)).toMatchObject(expected));

  it('keeps an undated feature as a place only, and says so', () => {
    const res = r();
    expect(res.dataset.places.some((p) => p.name === 'Undated place')).toBe(true);
    expect(res.dataset.events.some((e) => e.title === 'Undated place')).toBe(false);
    expect(res.report.notes).toContainEqual(expect.objectContaining({ record: 'features[4]', code: 'no-date' }));
  });

  it('places a feature without geometry by its place name and country', () => {
    const res = r();
    const sendai = eventTitled(res, 'Somewhere in Sendai');
    expect(res.dataset.places.find((p) => p.id === sendai.places[0])).toMatchObject({ kind: 'city', country: 'JP', name: { en: 'Sendai', ja: '仙台' } });
  });

  it.each([
    ['features[5]', 'geometry.coordinates', 'coordinates-swapped', 'GeoJSON writes [longitude, latitude]'],
    ['features[6]', 'geometry.coordinates', 'longitude-out-of-range', 'expected -180 to 180'],
    ['features[7]', 'geometry.type', 'geometry-unsupported', 'expected a Point or a LineString'],
  ])('refuses %s at %s (%s)', (record, field, code, words) => {
    const issue = issueAt(r().report.skipped, record);
    expect(issue).toMatchObject({ file: 'features.geojson', record, field, code });
    expect(issue!.message).toContain(words);
  });

  it('refuses a LineString position out of range by its index', () => {
    const json = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [120, 91],
            ],
          },
          properties: { date: '2001' },
        },
      ],
    });
    const res = importGeoJson('l.geojson', json, { importDay: DAY });
    expect(res.report.skipped[0]).toMatchObject({ record: 'features[0]', field: 'geometry.coordinates.1', code: 'latitude-out-of-range' });
  });

  it('refuses a date beyond what a Date holds, and an end before the start', () => {
    const json = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: null, properties: { title: 'Far', date: 'Y-300000' } },
        { type: 'Feature', geometry: null, properties: { title: 'Back', start: '2020', end: '2019' } },
      ],
    });
    const res = importGeoJson('d.geojson', json, { importDay: DAY });
    expect(issueAt(res.report.skipped, 'features[0]')).toMatchObject({ field: 'properties.date', code: 'year-beyond-date' });
    expect(issueAt(res.report.skipped, 'features[1]')).toMatchObject({ field: 'properties.end', code: 'interval-invalid' });
  });
});
