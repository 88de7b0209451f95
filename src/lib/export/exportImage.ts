// Image exports of the current view: the timeline as standalone SVG, and a PNG of map and timeline together
// with title, date, legend, the dataset's licence and attribution (16:9 for a slide at 1× or 2×, or 4:3). The map
// arrives drawn again at the image's own size and pixel ratio by an off-screen map (lib/map/offscreenMap, from the
// scene the on-screen map lends), the timeline as the SVG drawing the timeline lends, scaled as a vector to the
// image's width with the page's fonts embedded (lib/export/embeddedFonts). Nothing here reads another component's DOM.
import type { ViewDrawings } from '../state/viewDrawings';
import type { MapScene } from '../map/offscreenMap';
import { UI, statusLegend, type LegendKey } from '../model/palette';
import { IMAGE_PRESETS, imageLayout, type Box, type ImagePreset } from './imageLayout';
import { PAGE_FONT } from './embeddedFonts';
import { drawCredit, drawLegend, fitText, loadFonts, font } from './canvasText';

export { timelineSvg } from '../timeline/timelineSvg';

export type TimelineDrawing = { svg: string; width: number; height: number };

/** The views' drawings an image needs, or an error a notice can show when a view could not draw. */
export function drawingsForImage(
  drawings: Pick<ViewDrawings, 'map' | 'timeline' | 'mapInspector'> | undefined,
): { scene: MapScene; timeline: TimelineDrawing } {
  // No map picture means MapLibre never started (no WebGL): the off-screen map could not start either.
  if (!drawings?.map || !drawings.mapInspector) throw new Error('the map could not be drawn in this browser');
  if (!drawings.timeline) throw new Error('the timeline could not be drawn in this browser');
  return { scene: drawings.mapInspector.scene(), timeline: drawings.timeline() };
}

/** The timeline drawing only, for the SVG export. */
export function timelineDrawing(drawings: Pick<ViewDrawings, 'timeline'> | undefined): TimelineDrawing {
  if (!drawings?.timeline) throw new Error('the timeline could not be drawn in this browser');
  return drawings.timeline();
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The timeline drawing as an SVG file: the drawing nested whole, a title, and the credit (dataset licence and
 * attribution) both as visible lines under it and as the file's description, so it travels with the picture.
 */
export function timelineSvgFile(drawing: TimelineDrawing, title: string, credit: string[], fontCss = ''): string {
  const lineH = 16;
  const footer = credit.length * lineH + 8;
  const w = drawing.width,
    h = drawing.height + footer;
  const inner = drawing.svg.replace(/^<\?xml[^>]*>\s*/, '');
  const lines = credit
    .map((line, i) => `<text x="6" y="${drawing.height + 4 + (i + 1) * lineH - 4}" font-size="11" fill="${UI.muted}">${escapeXml(line)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="Noto Sans, sans-serif">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(credit.join('\n'))}</desc>${fontStyle(fontCss)}` +
    `<rect width="100%" height="100%" fill="${UI.paper}"/>${inner}${lines}</svg>`
  );
}

/** A <style> with the embedded fonts and the page's font stack for every text of the drawing. */
const fontStyle = (fontCss: string) => (fontCss ? `<style>${fontCss}svg{font-family:${PAGE_FONT.replace(/"/g, "'")}}</style>` : '');

/**
 * The timeline drawing scaled as a vector to a box of the image: as wide as the box, cut at the box's foot when it is
 * taller, with its intrinsic size in device pixels (`box` × `scale`), so the browser draws its lines and text at the
 * image's resolution instead of stretching a picture made at the screen's.
 */
export function timelineSvgAt(drawing: TimelineDrawing, box: Pick<Box, 'width' | 'height'>, scale: number, fontCss = ''): { svg: string; width: number; height: number } {
  const k = box.width / drawing.width;
  const srcH = timelineCut(drawing, box.height / k);
  const height = srcH * k;
  const inner = drawing.svg.replace(/^<\?xml[^>]*>\s*/, '');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(box.width * scale)}" height="${round(height * scale)}" ` +
    `viewBox="0 0 ${round(drawing.width)} ${round(srcH)}" preserveAspectRatio="xMinYMin slice">${fontStyle(fontCss)}${inner}</svg>`;
  return { svg, width: box.width, height };
}

/**
 * How much of the drawing (its own units) fits `limit`: all of it, else up to the foot of the last lane that fits
 * whole (a lane cut through its marks reads as a mistake), else `limit`.
 */
export function timelineCut(drawing: TimelineDrawing, limit: number): number {
  if (drawing.height <= limit) return drawing.height;
  const plot = /<g class="tl-plot" transform="translate\(0,\s*([\d.]+)\)"/.exec(drawing.svg);
  const top = plot ? Number(plot[1]) : 0;
  const feet = [...drawing.svg.matchAll(/<g class="lane[^"]*" transform="translate\(0,\s*([\d.]+)\)"/g)].map((m) => top + Number(m[1]));
  const fits = feet.filter((y) => y <= limit && y > top);
  return fits.length ? Math.max(...fits) : limit;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Draws SVG markup as an image, through a blob: URL (the page's CSP allows blob: images; no data: URL size limits). */
export async function svgImage(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode().catch(() => {
      throw new Error('the timeline drawing could not be read as an image');
    });
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export interface PngOptions {
  /** The map drawn again for the image's map box (imageLayout(…).map) at the image's scale. */
  map: HTMLCanvasElement;
  timeline: TimelineDrawing;
  /** @font-face rules embedding the page's fonts (embeddedFontCss of the timeline's text). */
  fontCss?: string;
  title: string;
  subtitle: string;
  legend: LegendKey[];
  /** Footer lines: the dataset's licence and attribution, the basemap's, where the view lives (see creditLines). */
  credit: string[];
  preset: ImagePreset;
}

/** Draws `map` into `box`, cover-fitted (a canvas drawn for the box fills it exactly). */
export function drawMapInBox(g: CanvasRenderingContext2D, map: CanvasImageSource & { width: number; height: number }, box: Box) {
  const scale = Math.max(box.width / map.width, box.height / map.height);
  const sw = box.width / scale,
    sh = box.height / scale;
  g.save();
  g.beginPath();
  g.rect(box.x, box.y, box.width, box.height);
  g.clip();
  g.drawImage(map, (map.width - sw) / 2, (map.height - sh) / 2, sw, sh, box.x, box.y, box.width, box.height);
  g.restore();
  g.strokeStyle = UI.line;
  g.lineWidth = 1;
  g.strokeRect(box.x, box.y, box.width, box.height);
}

export async function viewPng(o: PngOptions): Promise<Blob> {
  const spec = IMAGE_PRESETS[o.preset];
  const { width: W, height: H, scale: s } = spec;
  const L = imageLayout(W, H);
  await loadFonts([o.title, o.subtitle, ...o.legend.map((l) => l.label), ...o.credit]);
  const c = document.createElement('canvas');
  c.width = W * s;
  c.height = H * s;
  const g = c.getContext('2d')!;
  g.scale(s, s);
  g.fillStyle = UI.background;
  g.fillRect(0, 0, W, H);
  // Title band: the title, then the date or range, the count and the day the facts were checked.
  g.fillStyle = UI.ink;
  fitText(g, o.title, L.title.x, L.title.y, L.textWidth, 34, 22, 600);
  g.fillStyle = UI.muted;
  fitText(g, o.subtitle, L.subtitle.x, L.subtitle.y, L.textWidth, 24, 16);
  drawMapInBox(g, o.map, L.map);
  // Timeline: a vector drawing at the image's resolution, its top part if it is taller than its box.
  const tl = timelineSvgAt(o.timeline, L.timeline, s, o.fontCss);
  const img = await svgImage(tl.svg);
  g.drawImage(img, L.timeline.x, L.timeline.y, tl.width, tl.height);
  drawLegend(g, o.legend, L.title.x, L.legendY, L.textWidth);
  g.font = font(15);
  drawCredit(g, o.credit, L.title.x, L.creditY, L.textWidth);
  return new Promise((ok, fail) => c.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png'));
}

/** The legend of an exported image: the status keys, then the themes with their colours from the data. */
export function imageLegend(themes: { label: string; color: string }[], words = { happened: 'happened', planned: 'planned' }): LegendKey[] {
  return [...statusLegend(words), ...themes.map((t) => ({ label: t.label, color: t.color }))];
}

export { download } from './download';
