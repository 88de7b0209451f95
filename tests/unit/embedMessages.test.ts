// The postMessage protocol: what a host may send, which origins are heard, and how the atlas reports back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createResizeReporter,
  createStateReporter,
  embedStateFromQuery,
  EMBED_STATUSES,
  fullAtlasUrl,
  HOST_MESSAGE_TYPES,
  isAllowedOrigin,
  isIsoDay,
  NOT_ATLAS,
  parseHostMessage,
  readyMessage,
  targetOrigin,
  type StateMessage,
} from '../../src/lib/state/embedMessages';
import { STATUSES } from '../../src/lib/model/types';

describe('parseHostMessage accepts', () => {
  it.each([
    [{ type: 'atlas:setTime', time: '2026-07-02' }],
    [{ type: 'atlas:setTime', time: '2024-02-29' }],
    [{ type: 'atlas:setRange', range: ['2024-01-01', '2026-12-31'] }],
    [{ type: 'atlas:setRange', range: ['2026-07-02', '2026-07-02'] }],
    [{ type: 'atlas:setRange', range: null }],
    [{ type: 'atlas:select', id: 'summit-16' }],
    [{ type: 'atlas:select', id: '2plus2' }],
    [{ type: 'atlas:select', id: null }],
    [{ type: 'atlas:setView', center: [95.1, 15.2], zoom: 4.5 }],
    [{ type: 'atlas:setView', center: [-180, -85], zoom: 0 }],
    [{ type: 'atlas:setView', center: [180, 85], zoom: 22 }],
    [{ type: 'atlas:setFilters', themes: ['ai', 'energy'] }],
    [{ type: 'atlas:setFilters', themes: null, status: ['planned'], actors: [] }],
    [{ type: 'atlas:setFilters', status: ['happened', 'planned', 'cancelled'] }],
    [{ type: 'atlas:setFilters', actors: ['modi', 'takaichi'] }],
    [{ type: 'atlas:play' }],
    [{ type: 'atlas:pause' }],
    [{ type: 'atlas:goToStep', story: 'corridor', step: 2 }],
    [{ type: 'atlas:goToStep', story: 'sea-lanes', step: 1 }],
  ])('%j', (data) => {
    expect(parseHostMessage(data)).toEqual({ ok: true, message: data });
  });

  it('returns a copy that does not share arrays with the sender', () => {
    const data = { type: 'atlas:setView', center: [95.1, 15.2], zoom: 4.5 };
    const r = parseHostMessage(data);
    expect(r.ok && r.message.type === 'atlas:setView' && r.message.center).not.toBe(data.center);
  });

  it('covers every host message type in this table', () => {
    expect(HOST_MESSAGE_TYPES.sort()).toEqual(
      ['atlas:goToStep', 'atlas:pause', 'atlas:play', 'atlas:select', 'atlas:setFilters', 'atlas:setRange', 'atlas:setTime', 'atlas:setView'],
    );
  });
});

describe('parseHostMessage ignores what is not ours', () => {
  it.each([
    [null],
    [undefined],
    ['atlas:play'],
    ['{"type":"atlas:play"}'],
    [42],
    [[{ type: 'atlas:play' }]],
    [{}],
    [{ type: 3 }],
    [{ type: 'setTime', time: '2026-07-02' }],
    [{ method: 'slide', args: [2] }],
    [{ type: 'webpackOk' }],
    [{ type: 'ATLAS:play' }],
  ])('%j', (data) => {
    expect(parseHostMessage(data)).toEqual({ ok: false, error: NOT_ATLAS });
  });
});

describe('parseHostMessage rejects, naming what is wrong', () => {
  it.each([
    // unknown types and fields
    [{ type: 'atlas:fly' }, 'unknown message type "atlas:fly"'],
    [{ type: 'atlas:ready', version: 1, state: {} }, 'unknown message type "atlas:ready"'],
    [{ type: 'atlas:play', speed: 2 }, 'atlas:play: unknown field speed'],
    [{ type: 'atlas:select', id: 'x', ID: 'y' }, 'atlas:select: unknown field ID'],
    [{ type: 'atlas:setFilters', theme: ['ai'] }, 'atlas:setFilters: unknown field theme'],
    // setTime
    [{ type: 'atlas:setTime' }, 'atlas:setTime: time must be a real day'],
    [{ type: 'atlas:setTime', time: '2026-02-30' }, 'atlas:setTime: time must be a real day as "YYYY-MM-DD", got "2026-02-30"'],
    [{ type: 'atlas:setTime', time: '2025-02-29' }, 'got "2025-02-29"'],
    [{ type: 'atlas:setTime', time: '2026-13-01' }, 'time must be a real day'],
    [{ type: 'atlas:setTime', time: '2026-7-2' }, 'time must be a real day'],
    [{ type: 'atlas:setTime', time: '2026-07-02T00:00:00Z' }, 'time must be a real day'],
    [{ type: 'atlas:setTime', time: 1782950400000 }, 'got 1782950400000'],
    [{ type: 'atlas:setTime', time: ' 2026-07-02' }, 'time must be a real day'],
    // setRange
    [{ type: 'atlas:setRange' }, 'atlas:setRange: range must be'],
    [{ type: 'atlas:setRange', range: '2024-01-01/2026-12-31' }, 'range must be ["YYYY-MM-DD", "YYYY-MM-DD"] or null'],
    [{ type: 'atlas:setRange', range: ['2024-01-01'] }, 'range must be'],
    [{ type: 'atlas:setRange', range: ['2024-01-01', '2025-01-01', '2026-01-01'] }, 'range must be'],
    [{ type: 'atlas:setRange', range: ['2024-01-01', '2024-02-30'] }, 'range[1] must be a real day'],
    [{ type: 'atlas:setRange', range: ['2026-12-31', '2024-01-01'] }, 'must not end (2024-01-01) before it starts (2026-12-31)'],
    // select
    [{ type: 'atlas:select' }, 'atlas:select: id must be an id'],
    [{ type: 'atlas:select', id: '' }, 'id must be an id'],
    [{ type: 'atlas:select', id: 'Summit-16' }, 'got "Summit-16"'],
    [{ type: 'atlas:select', id: '-summit' }, 'id must be an id'],
    [{ type: 'atlas:select', id: 'summit 16' }, 'id must be an id'],
    [{ type: 'atlas:select', id: '../x' }, 'id must be an id'],
    [{ type: 'atlas:select', id: 16 }, 'id must be an id'],
    // setView
    [{ type: 'atlas:setView', zoom: 4 }, 'atlas:setView: center must be [lon, lat]'],
    [{ type: 'atlas:setView', center: { lon: 95, lat: 15 }, zoom: 4 }, 'center must be [lon, lat]'],
    [{ type: 'atlas:setView', center: [95], zoom: 4 }, 'center must be [lon, lat]'],
    [{ type: 'atlas:setView', center: [181, 15], zoom: 4 }, 'center[0] (longitude) must be a number from -180 to 180, got 181'],
    [{ type: 'atlas:setView', center: [95, 86], zoom: 4 }, 'center[1] (latitude) must be a number from -85 to 85'],
    [{ type: 'atlas:setView', center: ['95', 15], zoom: 4 }, 'center[0] (longitude) must be a number'],
    [{ type: 'atlas:setView', center: [Number.NaN, 15], zoom: 4 }, 'center[0] (longitude) must be a number'],
    [{ type: 'atlas:setView', center: [95, 15] }, 'zoom must be a number from 0 to 22, got nothing'],
    [{ type: 'atlas:setView', center: [95, 15], zoom: 23 }, 'zoom must be a number from 0 to 22'],
    [{ type: 'atlas:setView', center: [95, 15], zoom: -1 }, 'zoom must be a number'],
    [{ type: 'atlas:setView', center: [95, 15], zoom: Infinity }, 'zoom must be a number'],
    // setFilters
    [{ type: 'atlas:setFilters' }, 'atlas:setFilters: needs at least one of themes, status, actors'],
    [{ type: 'atlas:setFilters', themes: 'ai' }, 'themes must be an array of ids or null'],
    [{ type: 'atlas:setFilters', themes: ['ai', 'Energy'] }, 'themes[1] must be an id'],
    [{ type: 'atlas:setFilters', status: ['done'] }, 'status[0] must be one of happened, planned, cancelled, got "done"'],
    [{ type: 'atlas:setFilters', actors: [null] }, 'actors[0] must be an id'],
    // goToStep
    [{ type: 'atlas:goToStep', step: 1 }, 'atlas:goToStep: story must be an id'],
    [{ type: 'atlas:goToStep', story: 'Corridor', step: 1 }, 'story must be an id'],
    [{ type: 'atlas:goToStep', story: 'corridor' }, 'step must be a whole number from 1'],
    [{ type: 'atlas:goToStep', story: 'corridor', step: 0 }, 'step must be a whole number from 1 (the first step), got 0'],
    [{ type: 'atlas:goToStep', story: 'corridor', step: -2 }, 'step must be a whole number'],
    [{ type: 'atlas:goToStep', story: 'corridor', step: 1.5 }, 'step must be a whole number'],
    [{ type: 'atlas:goToStep', story: 'corridor', step: '2' }, 'got "2"'],
    [{ type: 'atlas:goToStep', story: 'corridor', step: 10000 }, 'step must be a whole number'],
  ])('%j', (data, error) => {
    const r = parseHostMessage(data);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(error);
  });
});

describe('isIsoDay', () => {
  it.each([
    ['2026-07-02', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['0001-01-01', true],
    ['2026-04-31', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['20260702', false],
    ['2026-07-02 ', false],
  ])('%s → %s', (v, ok) => expect(isIsoDay(v)).toBe(ok));
});

describe('isAllowedOrigin', () => {
  const own = 'https://atlas.example';
  const deck = 'https://slides.example';
  it.each<[string, string | undefined, boolean, string]>([
    [own, undefined, true, 'same origin, no parent'],
    [own, deck, true, 'same origin is always allowed'],
    [own, 'null', true, 'same origin with parent=null'],
    [deck, deck, true, 'the parent origin'],
    [deck, undefined, false, 'another origin without parent'],
    ['https://evil.example', deck, false, 'an origin that is not the parent'],
    ['http://slides.example', deck, false, 'the parent host on another scheme'],
    ['https://slides.example:8443', deck, false, 'the parent host on another port'],
    ['https://sub.slides.example', deck, false, 'a subdomain of the parent'],
    ['null', 'null', true, 'file:// deck with parent=null'],
    ['null', undefined, false, 'file:// deck without parent'],
    ['null', deck, false, 'file:// deck when parent names a real origin'],
    ['*', deck, false, 'a wildcard is not an origin'],
    ['', deck, false, 'an empty origin'],
  ])('%s with parent=%s → %s (%s)', (origin, parent, ok) => {
    expect(isAllowedOrigin(origin, own, parent)).toBe(ok);
  });

  it('an atlas served from file:// does not take other file:// pages for itself', () => {
    expect(isAllowedOrigin('null', 'null', undefined)).toBe(false);
  });
});

describe('targetOrigin', () => {
  it.each<[string, string | undefined, string]>([
    ['https://atlas.example', undefined, 'https://atlas.example'],
    ['https://atlas.example', 'https://slides.example', 'https://slides.example'],
    ['https://atlas.example', 'null', '*'],
    ['null', undefined, '/'],
  ])('own %s, parent %s → %s', (own, parent, out) => expect(targetOrigin(own, parent)).toBe(out));
});

describe('state in the URL’s names', () => {
  it('picks the view parameters from a query and leaves embed, parent and dataset out', () => {
    expect(
      embedStateFromQuery('dataset=india-japan&t=2026-07-02&sel=summit-16&themes=ai,energy&map=4.5/15.2/95.1&story=corridor&step=2&embed=1&parent=https%3A%2F%2Fslides.example'),
    ).toEqual({ t: '2026-07-02', sel: 'summit-16', themes: 'ai,energy', map: '4.5/15.2/95.1', story: 'corridor', step: '2' });
    expect(embedStateFromQuery('')).toEqual({});
    expect(embedStateFromQuery('?range=2024-01-01/2026-12-31&lanes=initiative&lang=ja')).toEqual({
      range: '2024-01-01/2026-12-31',
      lanes: 'initiative',
      lang: 'ja',
    });
  });

  it.each([
    ['https://atlas.example/?t=2026-07-02&embed=1&parent=https%3A%2F%2Fslides.example', 'https://atlas.example/?t=2026-07-02'],
    ['https://atlas.example/sub/?embed=1&sel=summit-16&map=4.5/15.2/95.1#x', 'https://atlas.example/sub/?sel=summit-16&map=4.5/15.2/95.1'],
    ['https://atlas.example/?embed=1', 'https://atlas.example/'],
  ])('fullAtlasUrl(%s) → %s', (href, out) => expect(fullAtlasUrl(href)).toBe(out));

  it('atlas:ready carries version 1 and a copy of the state', () => {
    const state = { t: '2026-07-02' };
    const m = readyMessage(state);
    expect(m).toEqual({ type: 'atlas:ready', version: 1, state: { t: '2026-07-02' } });
    expect(m.state).not.toBe(state);
  });

  it('knows the same statuses as the URL codec', () => {
    expect([...EMBED_STATUSES]).toEqual([...STATUSES]);
  });
});

describe('createStateReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as number) };
  const setup = (delay = 100, maxWait?: number) => {
    const posted: StateMessage[] = [];
    const r = createStateReporter((m) => posted.push(m), delay, timers, maxWait);
    return { posted, r };
  };

  it('posts once, the latest state, after the changes settle', () => {
    const { posted, r } = setup();
    r.report({ t: '2026-07-01' }, 'u1');
    vi.advanceTimersByTime(50);
    r.report({ t: '2026-07-02' }, 'u2');
    vi.advanceTimersByTime(99);
    expect(posted).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(posted).toEqual([{ type: 'atlas:state', state: { t: '2026-07-02' }, url: 'u2' }]);
    vi.advanceTimersByTime(1000);
    expect(posted).toHaveLength(1);
  });

  it('still posts during a long stream of changes (playback), at most every maxWait', () => {
    const { posted, r } = setup(100, 400);
    for (let i = 0; i < 90; i++) {
      r.report({ t: `2026-01-01`, sel: `event-${i}` }, `u${i}`);
      vi.advanceTimersByTime(16);
    }
    // 1440 ms of changes every 16 ms: the quiet timer never fires, the 400 ms ceiling does (400, 800, 1200).
    expect(posted.map((m) => m.url)).toEqual(['u24', 'u49', 'u74']);
    vi.advanceTimersByTime(100);
    expect(posted.map((m) => m.url)).toEqual(['u24', 'u49', 'u74', 'u89']);
  });

  it('does not post a state equal to the last one posted', () => {
    const { posted, r } = setup();
    r.report({ t: '2026-07-02', sel: 'summit-16' }, 'u');
    vi.advanceTimersByTime(100);
    r.report({ sel: 'summit-16', t: '2026-07-02' }, 'u');
    vi.advanceTimersByTime(100);
    expect(posted).toHaveLength(1);
    r.report({ t: '2026-07-02' }, 'u2');
    vi.advanceTimersByTime(100);
    expect(posted).toHaveLength(2);
  });

  it('flush posts a pending state now; cancel drops it', () => {
    const { posted, r } = setup();
    r.report({ t: '2026-07-02' }, 'u');
    r.flush();
    expect(posted).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(posted).toHaveLength(1);
    r.report({ t: '2026-07-03' }, 'u');
    r.cancel();
    vi.advanceTimersByTime(1000);
    expect(posted).toHaveLength(1);
    r.flush();
    expect(posted).toHaveLength(1);
  });

  it('keeps its own copy of the state', () => {
    const { posted, r } = setup();
    const s: Record<string, string> = { t: '2026-07-02' };
    r.report(s, 'u');
    s.t = '1999-01-01';
    vi.advanceTimersByTime(100);
    expect(posted[0].state).toEqual({ t: '2026-07-02' });
  });

  it('uses the injected timers only', () => {
    const calls: string[] = [];
    const fake = {
      setTimeout: (_fn: () => void, ms: number) => (calls.push(`set ${ms}`), calls.length),
      clearTimeout: (h: unknown) => void calls.push(`clear ${h}`),
    };
    const r = createStateReporter(() => {}, 100, fake);
    r.report({}, 'a');
    r.report({}, 'b');
    expect(calls).toEqual(['set 100', 'set 400', 'clear 1', 'set 100']);
  });
});

describe('createResizeReporter', () => {
  it.each<[number[], number[]]>([
    [[480, 480, 480], [480]],
    [[480, 520, 480], [480, 520, 480]],
    [[479.2, 479.9, 480], [480]],
    [[300, Number.NaN, -5, Infinity, 300], [300]],
    [[0, 0, 1], [0, 1]],
  ])('heights %j post %j', (heights, expected) => {
    const posted: number[] = [];
    const report = createResizeReporter((m) => {
      expect(m.type).toBe('atlas:resize');
      posted.push(m.height);
    });
    for (const h of heights) report(h);
    expect(posted).toEqual(expected);
  });

  it('says whether it posted', () => {
    const report = createResizeReporter(() => {});
    expect([report(100), report(100), report(101)]).toEqual([true, false, true]);
  });
});
