// Image exports of the current view: the timeline as standalone SVG, and a PNG of map and timeline together
// with title, date, legend, the dataset's licence and attribution (16:9 for a slide, at 1× or 2×). The map and the
// timeline arrive as drawings the views lend (lib/state/viewDrawings); nothing here reads another component's DOM.
import type { ViewDrawings } from '../state/viewDrawings';
import { UI, statusLegend, type LegendKey } from '../model/palette';

export { timelineSvg } from '../timeline/timelineSvg';

export type TimelineDrawing = { svg: string; width: number; height: number };

/** The views' drawings an image needs, or an error a notice can show when a view could not draw. */
export function drawingsForImage(
  drawings: Pick<ViewDrawings, 'map' | 'timeline'> | undefined,
  pixelRatio = 1,
): { map: HTMLCanvasElement; timeline: TimelineDrawing } {
  if (!drawings?.map) throw new Error('the map could not be drawn in this browser');
  if (!drawings.timeline) throw new Error('the timeline could not be drawn in this browser');
  return { map: drawings.map(pixelRatio), timeline: drawings.timeline() };
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
export function timelineSvgFile(drawing: TimelineDrawing, title: string, credit: string[]): string {
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
    `<title>${escapeXml(title)}</title><desc>${escapeXml(credit.join('\n'))}</desc>` +
    `<rect width="100%" height="100%" fill="${UI.paper}"/>${inner}${lines}</svg>`
  );
}

/** Draws SVG markup as an image, through a blob: URL (the page's CSP allows blob: images; no data: URL size limits). */
async function svgImage(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    return await new Promise((ok, fail) => {
      const img = new Image();
      img.onload = () => ok(img);
      img.onerror = () => fail(new Error('the timeline drawing could not be read as an image'));
      img.src = url;
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Writes `text` at (x, y) within `maxWidth`: smaller type down to `minSize`, then cut with an ellipsis. */
function fitText(g: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth: number, size: number, minSize: number) {
  let s = size;
  const font = (px: number) => `${px}px "Noto Sans", sans-serif`;
  g.font = font(s);
  while (g.measureText(text).width > maxWidth && s > minSize) g.font = font(--s);
  let t = text;
  if (g.measureText(t).width > maxWidth) {
    while (t.length > 1 && g.measureText(`${t}…`).width > maxWidth) t = t.slice(0, -1);
    t = `${t}…`;
  }
  g.fillText(t, x, y);
}

export interface PngOptions {
  /** The map's picture (ViewDrawings.map at the export's pixel ratio). */
  map: HTMLCanvasElement;
  timeline: TimelineDrawing;
  title: string;
  subtitle: string;
  legend: LegendKey[];
  /** Footer lines: the dataset's licence and attribution, the basemap's, where the view lives (see creditLines). */
  credit: string[];
  /** 1 → 1920×1080, 2 → 3840×2160. */
  scale: 1 | 2;
}

export async function viewPng(o: PngOptions): Promise<Blob> {
  const W = 1920,
    H = 1080,
    s = o.scale;
  const c = document.createElement('canvas');
  c.width = W * s;
  c.height = H * s;
  const g = c.getContext('2d')!;
  g.scale(s, s);
  g.fillStyle = UI.background;
  g.fillRect(0, 0, W, H);
  // Title band.
  g.fillStyle = UI.ink;
  g.font = '600 34px "Noto Sans", sans-serif';
  g.fillText(o.title, 40, 56);
  g.font = '24px "Noto Sans", sans-serif';
  g.fillStyle = UI.muted;
  g.fillText(o.subtitle, 40, 92);
  // Map: cover-fit into its box.
  const mapBox = { x: 40, y: 112, w: W - 80, h: 600 };
  const mc = o.map;
  const scale = Math.max(mapBox.w / mc.width, mapBox.h / mc.height);
  const sw = mapBox.w / scale,
    sh = mapBox.h / scale;
  g.save();
  g.beginPath();
  g.rect(mapBox.x, mapBox.y, mapBox.w, mapBox.h);
  g.clip();
  g.drawImage(mc, (mc.width - sw) / 2, (mc.height - sh) / 2, sw, sh, mapBox.x, mapBox.y, mapBox.w, mapBox.h);
  g.restore();
  g.strokeStyle = UI.line;
  g.strokeRect(mapBox.x, mapBox.y, mapBox.w, mapBox.h);
  // Timeline: the SVG rasterised, fitted to the width, top part if it is taller than its box.
  const tl = o.timeline;
  const img = await svgImage(tl.svg);
  const tlBox = { x: 40, y: 728, w: W - 80, h: 280 };
  const k = tlBox.w / tl.width;
  const srcH = Math.min(tl.height, tlBox.h / k);
  g.drawImage(img, 0, 0, tl.width, srcH, tlBox.x, tlBox.y, tlBox.w, srcH * k);
  // Legend.
  let x = 40;
  const y = 1032;
  g.font = '18px "Noto Sans", sans-serif';
  for (const item of o.legend) {
    g.beginPath();
    g.arc(x + 8, y - 6, 7, 0, Math.PI * 2);
    g.fillStyle = item.hollow ? UI.paper : item.color;
    g.fill();
    g.strokeStyle = item.color;
    g.lineWidth = 3;
    g.setLineDash(item.dashed ? [4, 3] : []);
    g.stroke();
    g.setLineDash([]);
    g.fillStyle = UI.ink;
    g.fillText(item.label, x + 24, y);
    x += 24 + g.measureText(item.label).width + 28;
  }
  // Credit: the dataset's terms and attribution, then the basemap's and the view's address.
  g.fillStyle = UI.muted;
  o.credit.forEach((line, i) => fitText(g, line, 40, 1056 + i * 19, W - 80, 15, 11));
  return new Promise((ok, fail) => c.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png'));
}

/** The legend of an exported image: the status keys, then the themes with their colours from the data. */
export function imageLegend(themes: { label: string; color: string }[], words = { happened: 'happened', planned: 'planned' }): LegendKey[] {
  return [...statusLegend(words), ...themes.map((t) => ({ label: t.label, color: t.color }))];
}

export function download(data: Blob | string, filename: string, type = 'text/plain') {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
