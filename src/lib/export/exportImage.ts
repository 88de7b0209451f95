// Image exports of the current view: the timeline as standalone SVG, and a PNG of map and timeline together
// with title, date, legend and attribution (16:9 for a slide, at 1× or 2×).

const TIMELINE_SELECTORS = ['.tl-', '.mark', '.lane', '.grid', '.playhead', '.plot-bg', '.gutter-bg', '.brush', '.axis-hit'];

function timelineCss(): string {
  const out: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const r of Array.from(rules)) {
      if (r instanceof CSSStyleRule && TIMELINE_SELECTORS.some((s) => r.selectorText.includes(s))) out.push(r.cssText);
    }
  }
  return out.join('\n').replace(/var\(--ink\)/g, '#1d2733').replace(/var\(--muted\)/g, '#5b6675').replace(/var\(--accent\)/g, '#e67e22');
}

/** The timeline (axis above lanes) as one standalone SVG document with its styles inlined. */
export function timelineSvg(root: HTMLElement): { svg: string; width: number; height: number } {
  const axis = root.querySelector<SVGSVGElement>('.tl-axis')!;
  const plot = root.querySelector<SVGSVGElement>('.tl-plot')!;
  const width = plot.width.baseVal.value;
  const ah = axis.height.baseVal.value;
  const ph = plot.height.baseVal.value;
  const inner = (el: SVGSVGElement) => el.innerHTML.replace(/<!---->/g, '');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${ah + ph}" viewBox="0 0 ${width} ${ah + ph}" font-family="Noto Sans, sans-serif">` +
    `<style>${timelineCss()}</style><rect width="100%" height="100%" fill="#fff"/>` +
    `<g class="tl-axis">${inner(axis)}</g><g class="tl-plot" transform="translate(0,${ah})">${inner(plot)}</g></svg>`;
  return { svg, width, height: ah + ph };
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((ok, fail) => {
    const img = new Image();
    img.onload = () => ok(img);
    img.onerror = () => fail(new Error('image failed to load'));
    img.src = src;
  });
}

export interface PngOptions {
  mapCanvas: HTMLCanvasElement;
  timelineRoot: HTMLElement;
  title: string;
  subtitle: string;
  legend: { label: string; color: string; hollow?: boolean }[];
  attribution: string;
  /** 1 → 1920×1080, 2 → 3840×2160. */
  scale: 1 | 2;
}

export async function viewPng(o: PngOptions): Promise<Blob> {
  const W = 1920, H = 1080, s = o.scale;
  const c = document.createElement('canvas');
  c.width = W * s;
  c.height = H * s;
  const g = c.getContext('2d')!;
  g.scale(s, s);
  g.fillStyle = '#fbfaf7';
  g.fillRect(0, 0, W, H);
  // Title band.
  g.fillStyle = '#1d2733';
  g.font = '600 34px "Noto Sans", sans-serif';
  g.fillText(o.title, 40, 56);
  g.font = '24px "Noto Sans", sans-serif';
  g.fillStyle = '#5b6675';
  g.fillText(o.subtitle, 40, 92);
  // Map: cover-fit into its box.
  const mapBox = { x: 40, y: 112, w: W - 80, h: 600 };
  const mc = o.mapCanvas;
  const scale = Math.max(mapBox.w / mc.width, mapBox.h / mc.height);
  const sw = mapBox.w / scale, sh = mapBox.h / scale;
  g.save();
  g.beginPath();
  g.rect(mapBox.x, mapBox.y, mapBox.w, mapBox.h);
  g.clip();
  g.drawImage(mc, (mc.width - sw) / 2, (mc.height - sh) / 2, sw, sh, mapBox.x, mapBox.y, mapBox.w, mapBox.h);
  g.restore();
  g.strokeStyle = '#d5dbe2';
  g.strokeRect(mapBox.x, mapBox.y, mapBox.w, mapBox.h);
  // Timeline: the SVG rasterised, fitted to the width, top part if it is taller than its box.
  const tl = timelineSvg(o.timelineRoot);
  const img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(tl.svg)}`);
  const tlBox = { x: 40, y: 728, w: W - 80, h: 280 };
  const k = tlBox.w / tl.width;
  const srcH = Math.min(tl.height, tlBox.h / k);
  g.drawImage(img, 0, 0, tl.width, srcH, tlBox.x, tlBox.y, tlBox.w, srcH * k);
  // Legend and attribution.
  let x = 40;
  const y = 1040;
  g.font = '20px "Noto Sans", sans-serif';
  for (const item of o.legend) {
    g.beginPath();
    g.arc(x + 8, y - 7, 8, 0, Math.PI * 2);
    g.fillStyle = item.hollow ? '#fff' : item.color;
    g.fill();
    g.strokeStyle = item.color;
    g.lineWidth = 3;
    g.stroke();
    g.fillStyle = '#1d2733';
    g.fillText(item.label, x + 24, y);
    x += 24 + g.measureText(item.label).width + 28;
  }
  g.font = '16px "Noto Sans", sans-serif';
  g.fillStyle = '#5b6675';
  g.textAlign = 'right';
  g.fillText(o.attribution, W - 40, 1068);
  return new Promise((ok, fail) => c.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png'));
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
