// The timeline's own drawing for exports: its axis and lanes as one standalone SVG with the page's timeline styles
// inlined. The timeline lends it through ViewDrawings.timeline; exports never read the timeline's DOM themselves.
import { UI, resolveCssVariables } from '../model/palette';

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
  // A standalone SVG has no page to define the custom properties: write the palette's values in.
  return resolveCssVariables(out.join('\n'));
}

/**
 * The timeline (axis above lanes) as one standalone SVG document with its styles inlined, from the timeline's root
 * element: the timeline registers `() => timelineSvg(root)` as its drawing (ViewDrawings.timeline).
 */
export function timelineSvg(root: HTMLElement): { svg: string; width: number; height: number } {
  const axis = root.querySelector<SVGSVGElement>('svg.tl-axis');
  const plot = root.querySelector<SVGSVGElement>('svg.tl-plot');
  if (!axis || !plot) throw new Error('the timeline could not be drawn in this browser');
  const width = plot.width.baseVal.value;
  const ah = axis.height.baseVal.value;
  const ph = plot.height.baseVal.value;
  const inner = (el: SVGSVGElement) => el.innerHTML.replace(/<!---->/g, '');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${ah + ph}" viewBox="0 0 ${width} ${ah + ph}" font-family="Noto Sans, sans-serif">` +
    `<style>${timelineCss()}</style><rect width="100%" height="100%" fill="${UI.paper}"/>` +
    `<g class="tl-axis">${inner(axis)}</g><g class="tl-plot" transform="translate(0,${ah})">${inner(plot)}</g></svg>`;
  return { svg, width, height: ah + ph };
}

