// Text and keys drawn on an export's canvas: fitted lines, wrapped captions, the legend row and the credit lines,
// in the page's fonts (loaded first, so the first export does not fall back to another face).
import { UI, type LegendKey } from '../model/palette';
import { PAGE_FONT } from './embeddedFonts';

export const font = (px: number, weight = 400) => `${weight === 400 ? '' : `${weight} `}${px}px ${PAGE_FONT}`;

/** Waits until the page's fonts for these texts are loaded (canvas text does not wait by itself). */
export async function loadFonts(texts: string[], weights: number[] = [400, 600]): Promise<void> {
  if (!('fonts' in document)) return;
  const sample = texts.join(' ');
  await Promise.all(weights.map((w) => document.fonts.load(font(20, w), sample).catch(() => [])));
}

/** Writes `text` at (x, y) within `maxWidth`: smaller type down to `minSize`, then cut with an ellipsis. */
export function fitText(g: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth: number, size: number, minSize: number, weight = 400) {
  let s = size;
  g.font = font(s, weight);
  while (g.measureText(text).width > maxWidth && s > minSize) g.font = font(--s, weight);
  let t = text;
  if (g.measureText(t).width > maxWidth) {
    while (t.length > 1 && g.measureText(`${t}…`).width > maxWidth) t = t.slice(0, -1);
    t = `${t}…`;
  }
  g.fillText(t, x, y);
}

/**
 * Breaks `text` into lines no wider than `maxWidth` (by `measure`), at spaces; a word wider than a line is cut. At
 * most `maxLines`; the last line ends with an ellipsis when text is left over.
 */
export function wrapLines(text: string, maxWidth: number, measure: (s: string) => number, maxLines = Infinity): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next) <= maxWidth || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last.length > 1 && measure(`${last}…`) > maxWidth) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** The legend row at baseline `y` from `x`, its type shrunk until the row fits `maxWidth`. */
export function drawLegend(g: CanvasRenderingContext2D, legend: LegendKey[], x0: number, y: number, maxWidth: number, size = 18) {
  let s = size;
  const widthAt = (px: number) => {
    g.font = font(px);
    return legend.reduce((w, item) => w + (24 * px) / 18 + g.measureText(item.label).width + (28 * px) / 18, 0);
  };
  while (s > 10 && widthAt(s) > maxWidth) s--;
  g.font = font(s);
  const k = s / 18;
  let x = x0;
  for (const item of legend) {
    g.beginPath();
    g.arc(x + 8 * k, y - 6 * k, 7 * k, 0, Math.PI * 2);
    g.fillStyle = item.hollow ? UI.paper : item.color;
    g.fill();
    g.strokeStyle = item.color;
    g.lineWidth = 3 * k;
    g.setLineDash(item.dashed ? [4 * k, 3 * k] : []);
    g.stroke();
    g.setLineDash([]);
    g.fillStyle = UI.ink;
    g.fillText(item.label, x + 24 * k, y);
    x += 24 * k + g.measureText(item.label).width + 28 * k;
  }
}

/** The credit lines (dataset terms and attribution, basemap, where the view lives) from baseline `y`, 19 apart. */
export function drawCredit(g: CanvasRenderingContext2D, credit: string[], x: number, y: number, maxWidth: number) {
  g.fillStyle = UI.muted;
  credit.forEach((line, i) => fitText(g, line, x, y + i * 19, maxWidth, 15, 11));
}
