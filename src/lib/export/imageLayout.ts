// Where each part of an exported image or video frame goes (pure): title band, map, timeline, legend, credit.
// Sizes are in the image's own units (a 1920×1080 slide); a 2× image is the same layout drawn at pixel ratio 2.

export type ImagePreset = 'slide' | 'slide2x' | 'fourThree';

export interface ImageSpec {
  /** Layout size (CSS px); the file is this times `scale`. */
  width: number;
  height: number;
  scale: 1 | 2;
  /** Added to the file name: "" for a plain slide, "@2x", "-4x3". */
  suffix: string;
}

export const IMAGE_PRESETS: Record<ImagePreset, ImageSpec> = {
  slide: { width: 1920, height: 1080, scale: 1, suffix: '' },
  slide2x: { width: 1920, height: 1080, scale: 2, suffix: '@2x' },
  fourThree: { width: 1600, height: 1200, scale: 1, suffix: '-4x3' },
};

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ImageLayout {
  title: { x: number; y: number };
  subtitle: { x: number; y: number };
  map: Box;
  timeline: Box;
  /** Baseline of the legend row. */
  legendY: number;
  /** Baseline of the first credit line; the second is 19 below. */
  creditY: number;
  /** Width text may take (the page less its margins). */
  textWidth: number;
}

const M = 40;

/**
 * The image layout for a page of `width`×`height`: the 16:9 slide keeps the map at 40,112 1840×600 and the timeline
 * at 40,728 1840×280; other shapes give the timeline 7/27 of the height and the map the rest.
 */
export function imageLayout(width: number, height: number): ImageLayout {
  const legendY = height - 48;
  const tlH = Math.round((height * 7) / 27);
  const tlY = legendY - 24 - tlH;
  const mapY = 112;
  return {
    title: { x: M, y: 56 },
    subtitle: { x: M, y: 92 },
    map: { x: M, y: mapY, width: width - 2 * M, height: tlY - 16 - mapY },
    timeline: { x: M, y: tlY, width: width - 2 * M, height: tlH },
    legendY,
    creditY: height - 24,
    textWidth: width - 2 * M,
  };
}

/** A video frame (1920×1080): a shorter title band, a taller map with the caption over its foot, a timeline strip. */
export function videoLayout(width = 1920, height = 1080): ImageLayout {
  const legendY = height - 52;
  const tlH = 230;
  const tlY = legendY - 26 - tlH;
  const mapY = 100;
  return {
    title: { x: M, y: 50 },
    subtitle: { x: M, y: 84 },
    map: { x: M, y: mapY, width: width - 2 * M, height: tlY - 12 - mapY },
    timeline: { x: M, y: tlY, width: width - 2 * M, height: tlH },
    legendY,
    creditY: height - 26,
    textWidth: width - 2 * M,
  };
}
