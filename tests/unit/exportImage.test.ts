// Image exports and the share snippet, in their pure parts: drawings come from the views (a readable error when one
// could not draw), the SVG file carries the dataset's terms, the palette fills in CSS variables, the snippet escapes.
import { describe, expect, it } from 'vitest';
import { drawingsForImage, imageLegend, timelineDrawing, timelineSvgFile } from '../../src/lib/export/exportImage';
import { escapeAttribute, iframeSnippet } from '../../src/lib/export/embedSnippet';
import { STATUS, UI, cssVariables, resolveCssVariables, statusLegend } from '../../src/lib/model/palette';
import type { ViewDrawings as AllDrawings } from '../../src/lib/state/viewDrawings';

/** The drawings an export reads. */
type ViewDrawings = Pick<AllDrawings, 'map' | 'timeline'>;

const drawing = {
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80"><rect class="mark" width="10" height="10"/></svg>',
  width: 300,
  height: 80,
};

describe('drawings lent by the views', () => {
  it('asks the map for its picture at the export’s pixel ratio, and the timeline for its drawing', () => {
    const asked: (number | undefined)[] = [];
    const canvas = { width: 10, height: 10 } as HTMLCanvasElement;
    const views: ViewDrawings = { map: (r) => (asked.push(r), canvas), timeline: () => drawing };
    expect(drawingsForImage(views, 2)).toEqual({ map: canvas, timeline: drawing });
    expect(asked).toEqual([2]);
    expect(timelineDrawing(views)).toBe(drawing);
  });

  it.each<[string, ViewDrawings | undefined, RegExp]>([
    ['no map', { map: null, timeline: () => drawing }, /^the map could not be drawn in this browser$/],
    ['no timeline', { map: () => ({}) as HTMLCanvasElement, timeline: null }, /^the timeline could not be drawn in this browser$/],
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
