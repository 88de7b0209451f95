// A small dataset for logic tests: three themes, two actors, five events (one planned, one cancelled), two places,
// one initiative and one story whose second step has no view and whose third is about an event without a place.
import { buildDataset, type Dataset } from '../../src/lib/model/dataset';
import type { RawCollections } from '../../src/lib/model/datasetFiles';

const src = ['s1'];
const ev = (id: string, date: string, o: Partial<RawCollections['events'][number]> = {}) => ({
  id, title: `Event ${id}`, summary: `About ${id}.`, date, status: 'happened' as const, confidence: 'confirmed' as const,
  themes: ['ai'], actors: ['india'], places: ['tokyo'], initiatives: [], sources: src, ...o,
});

export function fixtureRaw(): RawCollections {
  return {
    meta: { title: 'Fixture', asOf: '2026-06-30', licence: 'CC0', attribution: 'Tests' },
    places: [
      { id: 'tokyo', name: { en: 'Tokyo', ja: '東京' }, kind: 'city', geometry: { type: 'Point', coordinates: [139.69, 35.69] }, sources: src },
      { id: 'delhi', name: { en: 'New Delhi' }, kind: 'city', geometry: { type: 'Point', coordinates: [77.21, 28.61] }, sources: src },
    ],
    events: [
      ev('a', '2024-03-01'),
      ev('b', '2025-07', { themes: ['energy'], actors: ['japan'], places: ['delhi'] }),
      ev('c', '2026-01-16', { themes: ['ai', 'energy'], actors: ['india', 'japan'], initiatives: ['corridor'] }),
      ev('d', '2026-09-01', { status: 'planned', themes: ['rail'], places: ['delhi'] }),
      ev('e', '2025-02-02', { status: 'cancelled', themes: ['rail'], actors: ['japan'], places: [] }),
    ],
    initiatives: [
      { id: 'corridor', title: 'Corridor', summary: 'A line.', start: '2024', status: 'ongoing', themes: ['rail'], places: ['delhi'], milestones: ['c'], sources: src },
    ],
    themes: [
      { id: 'ai', label: { en: 'AI' }, color: '#00566f' },
      { id: 'energy', label: { en: 'Energy' }, color: '#629926' },
      { id: 'rail', label: { en: 'Rail' }, color: '#aa3300' },
    ],
    actors: [
      { id: 'india', name: 'India', kind: 'country', sources: src },
      { id: 'japan', name: 'Japan', kind: 'country', sources: src },
    ],
    sources: [{ id: 's1', outlet: 'Test', title: 'Test source', date: '2026-01-01', kind: 'news', supports: 'everything' }],
    stories: [
      {
        id: 'tour',
        title: 'Tour',
        sources: src,
        steps: [
          { caption: 'Start', view: { center: [100, 20], zoom: 3 }, time: '2024-03-01', select: 'a' },
          { caption: 'Fit', range: ['2025-01-01', '2025-12-31'], select: 'b' },
          { caption: 'No place', time: '2025-02-02', select: 'e' },
        ] as RawCollections['stories'][number]['steps'],
      },
    ],
  };
}

export const fixtureDataset = (): Dataset => buildDataset('fixture', fixtureRaw());
