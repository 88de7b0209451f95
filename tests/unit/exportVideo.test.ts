// The pure parts of image and video exports drawn by an off-screen map: the camera that shows the screen's view in an
// export's box, moves between story views, places' feature-state at a moment, and the frames a story or a time span
// becomes (as AtlasState.goToStep would show each step, without touching the atlas's state).
import { describe, expect, it } from 'vitest';
import { cameraBetween, cameraForBox, easeInOut, placeStatesAt } from '../../src/lib/map/sceneState';
import { recordEvents, recordPlaces } from '../../src/lib/model/dataset';
import { framesDomain, secondsLeft, spanFrames, storyFrames, storyTargets, VIDEO_FPS } from '../../src/lib/export/videoPlan';
import { fitMaxZoom, placeCoords, VIDEO_MAP_RATIO } from '../../src/lib/export/recordVideo';
import { videoLayout } from '../../src/lib/export/imageLayout';
import { VIDEO_FORMATS } from '../../src/lib/export/videoEncode';
import { DAY, parseIsoDay } from '../../src/lib/model/dates';
import { fixtureDataset } from './fixtureDataset';

const d = fixtureDataset();
const day = (s: string) => parseIsoDay(s)!;

describe('cameraForBox', () => {
  it.each<[string, { width: number; height: number }, { width: number; height: number }, number]>([
    ['a wider box: the height limits, zoom in by log2(600/500)', { width: 900, height: 500 }, { width: 1840, height: 600 }, Math.log2(1.2)],
    ['the same size: the same zoom', { width: 1840, height: 600 }, { width: 1840, height: 600 }, 0],
    ['a smaller box: zoom out', { width: 1600, height: 900 }, { width: 800, height: 600 }, -1],
    ['a tall screen in a 4:3 box: the width limits', { width: 400, height: 800 }, { width: 1520, height: 689 }, Math.log2(689 / 800)],
  ])('%s', (_name, screen, box, dz) => {
    const c = cameraForBox({ zoom: 4, lat: 20, lon: 90 }, screen, box);
    expect(c.zoom).toBeCloseTo(4 + dz, 9);
    expect([c.lat, c.lon]).toEqual([20, 90]);
  });

  it('a screen of no size (not laid out) keeps the camera', () => expect(cameraForBox({ zoom: 3, lat: 1, lon: 2 }, { width: 0, height: 0 }, { width: 10, height: 10 })).toEqual({ zoom: 3, lat: 1, lon: 2 }));
});

describe('moves between views', () => {
  const delhi = { zoom: 5, lat: 28.614, lon: 77.229 }, tokyo = { zoom: 5, lat: 35.69, lon: 139.69 };

  it('starts and ends at the two views', () => {
    const a = cameraBetween(delhi, tokyo, 0, 1840), b = cameraBetween(delhi, tokyo, 1, 1840);
    expect(a.zoom).toBeCloseTo(5, 9);
    expect(a.lat).toBeCloseTo(delhi.lat, 9);
    expect(a.lon).toBeCloseTo(delhi.lon, 9);
    expect(b.lat).toBeCloseTo(tokyo.lat, 9);
    expect(b.lon).toBeCloseTo(tokyo.lon, 9);
  });

  it('zooms out midway between views further apart than the box is wide, and not between near ones', () => {
    expect(cameraBetween(delhi, tokyo, 0.5, 1840).zoom).toBeLessThan(4.5);
    expect(cameraBetween(delhi, tokyo, 0.5, 1840).zoom).toBeGreaterThanOrEqual(2);
    const near = { zoom: 5, lat: 28.7, lon: 77.4 };
    expect(cameraBetween(delhi, near, 0.5, 1840).zoom).toBeCloseTo(5, 9);
  });

  it('eases in and out', () => {
    expect([easeInOut(0), easeInOut(0.5), easeInOut(1)]).toEqual([0, 0.5, 1]);
    expect(easeInOut(0.1)).toBeLessThan(0.1);
    expect(easeInOut(0.9)).toBeGreaterThan(0.9);
  });
});

describe('placeStatesAt', () => {
  it('phase by time, selection, and places whose events are all filtered out faded', () => {
    const s = placeStatesAt(d, { time: day('2024-06-01'), highlighted: new Set(['delhi']), visible: new Set(['tokyo']) });
    // Tokyo's first event is 2024-03-01 (begun), Delhi's 2025-07 (ahead).
    expect(s.get('tokyo')).toEqual({ phase: 2, sel: false, hover: false, out: false });
    expect(s.get('delhi')).toEqual({ phase: 1, sel: true, hover: false, out: true });
    expect(placeStatesAt(d, { time: day('2024-06-01'), highlighted: new Set(), visible: null }).get('delhi')!.out).toBe(false);
  });
});

describe('records', () => {
  it.each<[string | null, string[], string[]]>([
    ['a', ['tokyo'], ['a']],
    ['delhi', ['delhi'], ['b', 'd']],
    ['corridor', ['delhi', 'tokyo'], ['c']],
    ['e', [], ['e']],
    [null, [], []],
    ['nothing', [], []],
  ])('%s: places %j, events %j', (id, places, events) => {
    expect([...recordPlaces(d, id)].sort()).toEqual(places);
    expect([...recordEvents(d, id)].sort()).toEqual(events);
  });
});

describe('a story as frames', () => {
  const story = d.storyById.get('tour')!;
  const start = { time: day('2026-01-01'), camera: { zoom: 2, lat: 0, lon: 80 } };
  const fitted = { zoom: 5, lat: 28.61, lon: 77.21 };
  const asked: string[][] = [];
  const fit = (ids: string[]) => (asked.push(ids), ids.length ? fitted : null);
  const targets = storyTargets(d, story, start, fit);

  it('resolves each step as goToStep applies it: view, fit of the selection, or the camera as it was', () => {
    expect(targets).toEqual([
      { time: day('2024-03-01'), range: null, selected: 'a', camera: { zoom: 3, lat: 20, lon: 100 }, caption: 'Start' },
      { time: day('2025-12-31'), range: [day('2025-01-01'), day('2025-12-31')], selected: 'b', camera: fitted, caption: 'Fit' },
      // Event e has no place: the camera stays where step 2 left it.
      { time: day('2025-02-02'), range: null, selected: 'e', camera: fitted, caption: 'No place' },
    ]);
    expect(asked).toEqual([['delhi'], []]);
  });

  it('holds each step for its seconds, easing camera and playhead into it from the step before', () => {
    const frames = storyFrames(targets, { fromStep: 1, toStep: 3, secondsPerStep: 2, boxWidth: 1840 });
    expect(frames).toHaveLength(3 * 2 * VIDEO_FPS);
    expect(frames[0]).toMatchObject({ step: 1, steps: 3, caption: 'Start', camera: targets[0].camera, time: targets[0].time });
    // Step 2 starts moving from step 1's view and ends on its own; its caption and range show from its first frame.
    const s2 = frames.slice(60, 120);
    expect(s2.every((f) => f.step === 2 && f.caption === 'Fit' && f.range?.[0] === day('2025-01-01'))).toBe(true);
    expect(s2[0].camera).not.toEqual(targets[1].camera);
    expect(s2[0].time).toBeGreaterThanOrEqual(targets[0].time);
    expect(s2[15].time).toBeGreaterThan(targets[0].time);
    expect(s2[15].time).toBeLessThan(targets[1].time);
    expect(s2.every((f) => f.time % DAY === 0)).toBe(true);
    expect(s2.slice(30).every((f) => f.camera === targets[1].camera && f.time === targets[1].time)).toBe(true);
    // The playhead moves one way only through the move.
    for (let i = 1; i < 30; i++) expect(s2[i].time).toBeGreaterThanOrEqual(s2[i - 1].time);
  });

  it('takes a part of the story, its first step shown still', () => {
    const frames = storyFrames(targets, { fromStep: 2, toStep: 2, secondsPerStep: 1, boxWidth: 1840 });
    expect(frames).toHaveLength(VIDEO_FPS);
    expect(frames.every((f) => f.camera === targets[1].camera && f.step === 2)).toBe(true);
    expect(storyFrames(targets, { fromStep: 0, toStep: 99, secondsPerStep: 1, boxWidth: 1840 }).map((f) => f.step)).toEqual([
      ...Array(30).fill(1), ...Array(30).fill(2), ...Array(30).fill(3),
    ]);
  });
});

describe('a time span as frames', () => {
  it('moves the playhead by whole days from the first day to the last, camera and selection held', () => {
    const camera = { zoom: 4, lat: 20, lon: 90 };
    const frames = spanFrames({ from: day('2024-01-01'), to: day('2024-12-31'), seconds: 2, camera, selected: 'a' });
    expect(frames).toHaveLength(60);
    expect(frames[0].time).toBe(day('2024-01-01'));
    expect(frames.at(-1)!.time).toBe(day('2024-12-31'));
    expect(frames.every((f, i) => f.time % DAY === 0 && (i === 0 || f.time > frames[i - 1].time))).toBe(true);
    expect(frames.every((f) => f.camera === camera && f.selected === 'a' && f.caption === null && f.step === null && f.range === null)).toBe(true);
    // Reversed ends are put in order.
    expect(spanFrames({ from: day('2024-12-31'), to: day('2024-01-01'), seconds: 1, camera, selected: null })[0].time).toBe(day('2024-01-01'));
  });

  it('the timeline strip spans every frame, with a margin', () => {
    const frames = spanFrames({ from: day('2024-01-01'), to: day('2024-12-31'), seconds: 1, camera: { zoom: 1, lat: 0, lon: 0 }, selected: null });
    const [a, b] = framesDomain(frames);
    expect(a).toBeLessThan(day('2024-01-01') - 30 * DAY + 1);
    expect(b).toBeGreaterThan(day('2024-12-31') + 30 * DAY - 1);
  });
});

describe('recording', () => {
  it.each<[number, number, number, number | null]>([
    [0, 60, 0, null],
    [10, 60, 5000, 25],
    [60, 60, 30000, 0],
  ])('%i of %i frames in %i ms: %s s left', (done, total, ms, left) => expect(secondsLeft(done, total, ms)).toBe(left));

  it('frames places as the map does: a place inside the detail area closer than one outside', () => {
    expect(placeCoords(d, ['tokyo', 'nowhere', 'delhi'])).toEqual([[139.69, 35.69], [77.21, 28.61]]);
    expect(fitMaxZoom([[139.69, 35.69]])).toBe(5);
    expect(fitMaxZoom([[139.69, 35.69], [77.21, 28.61]])).toBe(7);
    expect(fitMaxZoom([[28.05, -26.2]])).toBe(4);
  });

  it('draws the video’s map in a whole number of CSS px that fills its box exactly at the map’s pixel ratio', () => {
    const { map } = videoLayout(1920, 1080);
    expect([map.width / VIDEO_MAP_RATIO, map.height / VIDEO_MAP_RATIO]).toEqual([1472, 528]);
  });

  it('encodes H.264 High 4.0 in MP4 (Baseline 3.1 is refused for 1080p) and VP9 in WebM', () => {
    expect(VIDEO_FORMATS.mp4).toMatchObject({ codec: 'avc', codecString: 'avc1.640028', mime: 'video/mp4' });
    expect(VIDEO_FORMATS.webm).toMatchObject({ codec: 'vp9', mime: 'video/webm' });
  });
});
