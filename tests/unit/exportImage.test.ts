// Image exports and the share snippet, in their pure parts: drawings come from the views (a readable error when one
// could not draw), the SVG file carries the dataset's terms, the palette fills in CSS variables, the snippet escapes.
import { describe, expect, it } from 'vitest';
import { drawingsForImage, imageLegend, timelineCut, timelineDrawing, timelineSvgAt, timelineSvgFile } from '../../src/lib/export/exportImage';
import { IMAGE_PRESETS, imageLayout, videoLayout } from '../../src/lib/export/imageLayout';
import { wrapLines } from '../../src/lib/export/canvasText';
import type { MapScene } from '../../src/lib/map/offscreenMap';
import type { MapInspector } from '../../src/lib/map/AtlasMap';
import { escapeAttribute, iframeSnippet } from '../../src/lib/export/embedSnippet';
import { STATUS, UI, cssVariables, resolveCssVariables, statusLegend } from '../../src/lib/model/palette';
import type { ViewDrawings as AllDrawings } from '../../src/lib/state/viewDrawings';

/** The drawings an export reads. */
type ViewDrawings = Pick<AllDrawings, 'map' | 'timeline' | 'mapInspector'>;

const drawing = {
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80"><rect class="mark" width="10" height="10"/></svg>',
  width: 300,
  height: 80,
};

const scene = {
  style: { version: 8, sources: {}, layers: [] },
  camera: { zoom: 4, lat: 20, lon: 90 },
  size: { width: 900, height: 500 },
  placeStates: {},
  highContrast: false,
} as unknown as MapScene;
const inspector = { scene: () => scene } as unknown as MapInspector;
const canvas = () => ({ width: 10, height: 10 }) as HTMLCanvasElement;

describe('drawings lent by the views', () => {
  it('asks the map for its scene (to draw it again off screen) and the timeline for its drawing', () => {
    const views: ViewDrawings = { map: canvas, timeline: () => drawing, mapInspector: inspector };
    expect(drawingsForImage(views)).toEqual({ scene, timeline: drawing });
    expect(timelineDrawing(views)).toBe(drawing);
  });

  it.each<[string, ViewDrawings | undefined, RegExp]>([
    ['no map', { map: null, timeline: () => drawing, mapInspector: null }, /^the map could not be drawn in this browser$/],
    ['no timeline', { map: canvas, timeline: null, mapInspector: inspector }, /^the timeline could not be drawn in this browser$/],
    ['no drawings at all', undefined, /^the map could not be drawn in this browser$/],
  ])('%s: a readable error', (_name, views, message) => expect(() => drawingsForImage(views)).toThrow(message));

  it('the SVG export needs only the timeline', () => {
    expect(() => timelineDrawing({ timeline: null })).toThrow(/^the timeline could not be drawn in this browser$/);
  });
});

describe('timelineSvgFile', () => {
  const credit = ['Data: Indo-Pacific Atlas contributors · Licence: CC BY 4.0 <text> & more', 'Basemap: Natural Earth'];
  const file = timelineSvgFile(drawing, 'Timeline of “A & B”', credit);

  it('is one SVG document holding the drawing, taller by the credit lines', () => {
    expect(file).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="300" height="(\d+)"/);
    expect(Number(/height="(\d+)"/.exec(file)![1])).toBeGreaterThan(80 + 2 * 12);
    expect(file).toContain(drawing.svg);
    expect(file.endsWith('</svg>')).toBe(true);
  });

  it('carries the credit visibly and in its description, escaped', () => {
    expect(file).toContain('<text');
    expect(file).toContain('Licence: CC BY 4.0 &lt;text&gt; &amp; more');
    expect(file).toContain('<desc>Data: Indo-Pacific Atlas contributors · Licence: CC BY 4.0 &lt;text&gt; &amp; more\nBasemap: Natural Earth</desc>');
    expect(file).toContain('<title>Timeline of “A &amp; B”</title>');
    expect(file).not.toContain('<text> & more');
  });
});

describe('the timeline in an image', () => {
  // An axis 30 high, then lanes at 0, 52 and 124 of the plot: the drawing is 30 + 200 high and 1280 wide.
  const tl = {
    svg:
      '<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="230" viewBox="0 0 1280 230"><g class="tl-axis"><text>2026</text></g>' +
      '<g class="tl-plot" transform="translate(0,30)"><g class="lane" transform="translate(0,0)"></g><g class="lane" transform="translate(0,52)"></g>' +
      '<g class="lane" transform="translate(0,124)"></g></g></svg>',
    width: 1280,
    height: 230,
  };

  it.each<[string, number, number]>([
    ['all of it when it fits', 400, 230],
    ['up to the foot of the last lane that fits whole', 170, 154],
    ['the first lane alone', 100, 82],
    ['the limit when not even one lane fits', 60, 60],
  ])('cut: %s', (_name, limit, cut) => expect(timelineCut(tl, limit)).toBe(cut));

  it('is scaled as a vector to the box: intrinsic size in device pixels, the drawing’s own units in the viewBox', () => {
    const box = { width: 1840, height: 280 };
    const one = timelineSvgAt(tl, box, 1);
    const k = 1840 / 1280;
    // 280 / k ≈ 194.8 of the drawing fits: cut at the lane foot 154.
    expect(one.width).toBe(1840);
    expect(one.height).toBeCloseTo(154 * k, 6);
    expect(one.svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="1840" height="${Math.round(154 * k * 1000) / 1000}" viewBox="0 0 1280 154"`));
    const two = timelineSvgAt(tl, box, 2);
    expect(two.svg).toMatch(/^<svg [^>]*width="3680" height="442\.75"/);
    expect(two.height).toBe(one.height); // the same place in the layout, twice the pixels
    expect(two.svg).toContain(tl.svg);
  });

  it('carries the page’s fonts as @font-face rules and the page’s font stack', () => {
    const css = '@font-face{font-family:"Noto Sans";src:url(data:font/woff2;base64,AAAA) format("woff2");}';
    const svg = timelineSvgAt(tl, { width: 1840, height: 400 }, 1, css).svg;
    expect(svg).toContain(`<style>${css}svg{font-family:'Noto Sans', 'Atlas Noto Scripts', sans-serif}</style>`);
    expect(timelineSvgAt(tl, { width: 1840, height: 400 }, 1).svg).not.toContain('<style>');
    expect(timelineSvgFile(tl, 'T', ['c'], css)).toContain(`<style>${css}`);
  });
});

describe('image layout', () => {
  it.each([
    ['slide', 1920, 1080, 1],
    ['slide2x', 1920, 1080, 2],
    ['fourThree', 1600, 1200, 1],
  ] as const)('%s is %i×%i at %i×', (preset, width, height, scale) => expect(IMAGE_PRESETS[preset]).toMatchObject({ width, height, scale }));

  it('keeps the slide’s map at 40,112 1840×600 and its timeline at 40,728 1840×280', () => {
    const L = imageLayout(1920, 1080);
    expect(L.map).toEqual({ x: 40, y: 112, width: 1840, height: 600 });
    expect(L.timeline).toEqual({ x: 40, y: 728, width: 1840, height: 280 });
    expect([L.legendY, L.creditY]).toEqual([1032, 1056]);
  });

  it.each([
    [1600, 1200],
    [1920, 1080],
  ])('%i×%i: title, map, timeline, legend and credit in order, inside the page', (w, h) => {
    for (const L of [imageLayout(w, h), videoLayout(w, h)]) {
      expect(L.subtitle.y).toBeLessThan(L.map.y);
      expect(L.map.y + L.map.height).toBeLessThan(L.timeline.y);
      expect(L.timeline.y + L.timeline.height).toBeLessThan(L.legendY - 18);
      expect(L.legendY).toBeLessThan(L.creditY);
      expect(L.creditY + 19).toBeLessThan(h);
      expect(L.map.x + L.map.width).toBe(w - 40);
    }
  });
});

describe('wrapLines', () => {
  const measure = (s: string) => s.length * 10;
  it.each<[string, number, number, string[]]>([
    ['one two three four', 90, Infinity, ['one two', 'three', 'four']],
    ['one two three four', 200, Infinity, ['one two three four']],
    ['a verylongwordthatdoesnotfit b', 50, Infinity, ['a', 'verylongwordthatdoesnotfit', 'b']],
    ['one two three four five six', 90, 2, ['one two', 'three…']],
    ['', 90, 3, []],
  ])('%j in %i px, at most %s lines', (text, width, max, lines) => expect(wrapLines(text, width, measure, max)).toEqual(lines));
});

describe('palette', () => {
  it('fills CSS custom properties in with its values, with or without a fallback, and keeps unknown ones', () => {
    expect(resolveCssVariables('.a{fill:var(--ink)}.b{stroke:var(--accent, #000)}.c{color:var(--nope)}')).toBe(
      `.a{fill:${UI.ink}}.b{stroke:${UI.accent}}.c{color:var(--nope)}`,
    );
    expect(cssVariables['--status-ink']).toBe(STATUS.ink);
  });

  it('gives the status keys one ink: happened filled, planned hollow, overdue dashed', () => {
    expect(statusLegend({ happened: 'happened', planned: 'planned', overdue: 'planned, not confirmed as held' })).toEqual([
      { label: 'happened', color: STATUS.ink },
      { label: 'planned', color: STATUS.ink, hollow: true },
      { label: 'planned, not confirmed as held', color: STATUS.ink, hollow: true, dashed: true },
    ]);
    expect(imageLegend([{ label: 'AI', color: '#123456' }]).map((k) => k.label)).toEqual(['happened', 'planned', 'AI']);
  });
});

describe('the iframe snippet', () => {
  it('escapes quotes, ampersands and angle brackets in the title and the address', () => {
    const s = iframeSnippet('https://atlas.example/?t=2026-07-02&embed=1', 'Indo-Pacific Atlas: "Quotes" & <b>tags</b> it\'s', '960x600');
    expect(s).toBe(
      '<iframe src="https://atlas.example/?t=2026-07-02&amp;embed=1" width="960" height="600" style="border:0" ' +
        'title="Indo-Pacific Atlas: &quot;Quotes&quot; &amp; &lt;b&gt;tags&lt;/b&gt; it&#39;s" allow="fullscreen" loading="lazy"></iframe>',
    );
    // Exactly one element, whatever the title held.
    expect(s.match(/</g)).toHaveLength(2);
  });

  it('sizes: pixels, or full width at 16:10', () => {
    expect(iframeSnippet('https://a.example/', 't', '1280x720')).toContain('width="1280" height="720"');
    expect(iframeSnippet('https://a.example/', 't', 'responsive')).toContain('style="width:100%;aspect-ratio:16/10;border:0"');
  });

  it('escapeAttribute', () => expect(escapeAttribute(`"&<>'`)).toBe('&quot;&amp;&lt;&gt;&#39;'));
});
