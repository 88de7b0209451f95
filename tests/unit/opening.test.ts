import { describe, expect, it } from 'vitest';
import { fitCamera, INDO_PACIFIC, mercatorX, mercatorY, PREVIEW_BOX, previewPlacement, previewWanted, worldSize } from '../../src/lib/map/opening';

describe('the opening view without MapLibre', () => {
  it('is the camera MapLibre fitted for a phone map (390 × 471 px: zoom 1.0956 at 18.6746° N, 95° E, read from the live map)', () => {
    const c = fitCamera(INDO_PACIFIC, 390, 471.28125);
    expect(c.zoom).toBeCloseTo(1.095552, 4);
    expect(c.x).toBeCloseTo(mercatorX(95), 9);
    expect(c.y).toBeCloseTo(mercatorY(18.67464381), 6);
  });

  it('keeps to the map’s zoom range: a frame too wide for a tiny map stops at zoom 1, a tiny frame at zoom 6', () => {
    expect(fitCamera(INDO_PACIFIC, 200, 200).zoom).toBe(1);
    expect(fitCamera([[72.8, 19], [72.9, 19.1]], 1000, 800).zoom).toBe(6);
  });

  it('places the preview so that a lon/lat lands on the same pixel as under the camera', () => {
    const [w, h] = [940, 490];
    const p = previewPlacement(INDO_PACIFIC, w, h);
    const c = fitCamera(INDO_PACIFIC, w, h);
    const size = worldSize(c.zoom);
    // Tokyo: by the camera, and by its position inside the preview image.
    const [lon, lat] = [139.69, 35.69];
    const byCamera = { x: w / 2 + (mercatorX(lon) - c.x) * size, y: h / 2 + (mercatorY(lat) - c.y) * size };
    const [west, south, east, north] = PREVIEW_BOX;
    const fx = (mercatorX(lon) - mercatorX(west)) / (mercatorX(east) - mercatorX(west));
    const fy = (mercatorY(lat) - mercatorY(north)) / (mercatorY(south) - mercatorY(north));
    expect(p.left + fx * p.width).toBeCloseTo(byCamera.x, 6);
    expect(p.top + fy * p.height).toBeCloseTo(byCamera.y, 6);
    // The preview covers the whole container around the opening frame.
    expect(p.left).toBeLessThanOrEqual(0);
    expect(p.top).toBeLessThanOrEqual(0);
    expect(p.left + p.width).toBeGreaterThanOrEqual(w);
  });

  it('is wanted only when the URL names no map, story, selection or dataset', () => {
    expect(previewWanted('')).toBe(true);
    expect(previewWanted('?embed=1&lang=ja&t=2026-07-02')).toBe(true);
    for (const q of ['?map=4/20/75', '?story=corridor', '?sel=summit-16', '?dataset=india-japan', '?sel=']) expect(previewWanted(q)).toBe(false);
  });
});
