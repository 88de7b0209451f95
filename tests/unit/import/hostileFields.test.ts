// A hostile field in any format — script tags, javascript: links, event-handler attributes — ends as inert text in
// the dataset (or is removed), is reported with file, record and field, and the dataset still validates.
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/lib/import/importFiles';
import type { ImportResult } from '../../../src/lib/import/importTypes';
import { DAY, expectValid } from './importHelpers';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror="alert(2)">';
const LINK = '<a href="javascript:alert(3)">click</a>';
const HOSTILE = `Hello ${SCRIPT}${IMG} ${LINK} <b onmouseover="alert(4)">bold</b>`;
const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

const FILES: [string, string][] = [
  [
    'hostile-timeline.csv',
    [
      'Year,Month,Day,Display Date,Headline,Text,Media,Media Credit,Media Caption,Type,Group',
      `,,,,${csvCell(`Title ${SCRIPT}`)},${csvCell(HOSTILE)},,,,title,`,
      `2001,1,2,${csvCell(`Jan ${IMG}`)},${csvCell(`Head ${SCRIPT}`)},${csvCell(HOSTILE)},javascript:alert(5),${csvCell(LINK)},${csvCell(`Cap ${IMG}`)},,${csvCell(`Group ${SCRIPT}`)}`,
      `2002,,,,Era,${csvCell(HOSTILE)},,,,era,`,
    ].join('\n'),
  ],
  [
    'hostile-timeline.json',
    JSON.stringify({
      title: { text: { headline: `T ${SCRIPT}`, text: HOSTILE } },
      events: [
        {
          start_date: { year: 2001 },
          display_date: `when ${IMG}`,
          text: { headline: `H ${LINK}`, text: HOSTILE },
          media: { url: 'javascript:alert(6)', caption: IMG, credit: LINK },
          group: `G ${SCRIPT}`,
          unique_id: '<script>',
        },
      ],
    }),
  ],
  [
    'hostile-story.json',
    JSON.stringify({
      storymap: {
        map_type: 'osm:standard',
        slides: [
          { type: 'overview', text: { headline: `O ${SCRIPT}`, text: HOSTILE } },
          {
            date: '2001',
            text: { headline: `S ${IMG}`, text: HOSTILE },
            location: { name: `L ${LINK}`, lat: 1, lon: 2, zoom: 5 },
            media: { url: 'javascript:alert(7)', credit: LINK },
          },
        ],
      },
    }),
  ],
  [
    'hostile-atlas.csv',
    [
      'date,title,summary,place,lat,lon,theme,source title,source url',
      `2001,${csvCell(`T ${SCRIPT}`)},${csvCell(`${HOSTILE} [md](javascript:alert(8)) ![i](javascript:alert(9))`)},${csvCell(`P ${IMG}`)},1,2,${csvCell(`Th ${LINK}`)},${csvCell(`S ${SCRIPT}`)},javascript:alert(10)`,
    ].join('\n'),
  ],
  [
    'hostile.geojson',
    JSON.stringify({
      type: 'FeatureCollection',
      name: `N ${SCRIPT}`,
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [2, 1] },
          properties: { title: `T ${IMG}`, description: HOSTILE, date: '2001', theme: LINK, url: 'javascript:alert(11)' },
        },
      ],
    }),
  ],
];

function everyString(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) everyString(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) everyString(v, out);
  return out;
}

describe.each(FILES)('hostile fields in %s', (name, text) => {
  const result = (): ImportResult => importFile(name, text, { importDay: DAY });

  it('loads, and passes validation', () => {
    const r = result();
    expect(r.dataset.events.length).toBeGreaterThan(0);
    expectValid(r);
  });

  it('keeps no tag, handler or javascript: address anywhere in the dataset', () => {
    for (const s of everyString(result().dataset)) {
      expect(s).not.toMatch(/(^|[^\\])<\s*\/?\s*(script|img|a|b)\b/i);
      expect(s).not.toMatch(/on(error|mouseover|click)\s*=/i);
      expect(s).not.toMatch(/javascript:/i);
      expect(s).not.toMatch(/alert\(1\)/);
    }
  });

  it('keeps the harmless words', () => {
    const strings = everyString(result().dataset).join('\n');
    expect(strings).toContain('Hello');
    expect(strings).toContain('click');
    expect(strings).toMatch(/\*\*bold\*\*|bold/);
  });

  it('says what it removed, naming file, record and field', () => {
    const warnings = result().report.warnings.filter((w) => w.code === 'unsafe-content-removed' || w.code.endsWith('not-http'));
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) {
      expect(w.file).toBe(name);
      // A record, or none for the file's own fields (a GeoJSON collection's name).
      expect(w.record !== '' || ['name', 'description'].includes(w.field)).toBe(true);
      expect(w.field).not.toBe('');
    }
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/<script> element|javascript: address/);
  });
});
