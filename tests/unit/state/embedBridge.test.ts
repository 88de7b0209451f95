import { describe, expect, it, vi } from 'vitest';
import { AtlasState } from '../../../src/lib/state/AtlasState.svelte';
import { applyHostMessage, connectEmbedBridge, type BridgeWindow } from '../../../src/lib/state/embedBridge';
import type { HostMessage } from '../../../src/lib/state/embedMessages';
import { fixtureDataset } from '../fixtureDataset';

const day = (s: string) => Date.parse(`${s}T00:00:00Z`);

describe('applyHostMessage', () => {
  it.each<[HostMessage, string | null]>([
    [{ type: 'atlas:select', id: 'ghost' }, 'atlas:select: no event, place or initiative has the id "ghost"'],
    [{ type: 'atlas:goToStep', story: 'nope', step: 1 }, 'atlas:goToStep: no story has the id "nope"'],
    [{ type: 'atlas:goToStep', story: 'tour', step: 4 }, 'atlas:goToStep: story "tour" has 3 steps, not 4'],
    [{ type: 'atlas:setFilters', themes: ['ai', 'x'] }, 'atlas:setFilters: themes has no "x"'],
    [{ type: 'atlas:setRange', range: ['2026-01-01', '2025-01-01'] }, 'atlas:setRange: a range must end on or after its start'],
  ])('refuses %j with one text and changes nothing, not even story mode', (m, text) => {
    const a = new AtlasState(fixtureDataset());
    a.goToStep('tour', 1);
    expect(applyHostMessage(a, m)).toBe(text);
    expect(a.storyId).toBe('tour');
    expect(a.selectedId).toBe('a');
    expect(a.themes).toBeNull();
  });

  it('does accepted messages through the intents and leaves story mode for view changes', () => {
    const a = new AtlasState(fixtureDataset());
    a.goToStep('tour', 1);
    expect(applyHostMessage(a, { type: 'atlas:setTime', time: '2025-03-03' })).toBeNull();
    expect(a.time).toBe(day('2025-03-03'));
    expect(a.storyId).toBeNull();
    applyHostMessage(a, { type: 'atlas:select', id: 'b' });
    expect(a).toMatchObject({ selectedId: 'b', selectSource: 'host' });
    applyHostMessage(a, { type: 'atlas:setFilters', themes: [], status: null });
    expect(a.visibleEvents).toEqual([]);
    applyHostMessage(a, { type: 'atlas:setView', center: [80, 10], zoom: 4 });
    expect(a.camera).toEqual({ zoom: 4, lat: 10, lon: 80 });
    applyHostMessage(a, { type: 'atlas:goToStep', story: 'tour', step: 2 });
    applyHostMessage(a, { type: 'atlas:play' });
    expect(a.storyId).toBe('tour');
    expect(a.playing).toBe(true);
  });
});

function fakeWindow(inFrame: boolean) {
  const listeners: ((e: MessageEvent) => void)[] = [];
  const parent = { postMessage: vi.fn() };
  const win: BridgeWindow & { send(data: unknown, origin: string, source?: unknown): void } = {
    parent: inFrame ? parent : null,
    get top() {
      return inFrame ? parent : win;
    },
    location: { origin: 'http://atlas.test' },
    addEventListener: (_t, fn) => listeners.push(fn),
    removeEventListener: (_t, fn) => listeners.splice(listeners.indexOf(fn), 1),
    send(data, origin, source = parent) {
      for (const l of [...listeners]) l({ data, origin, source } as MessageEvent);
    },
  };
  return { win, parent, listeners };
}

describe('connectEmbedBridge', () => {
  it('answers bad messages with atlas:error, ignores other origins and other libraries', () => {
    const a = new AtlasState(fixtureDataset());
    const { win, parent } = fakeWindow(true);
    connectEmbedBridge(a, win);
    win.send({ type: 'atlas:select', id: 'ghost' }, 'http://atlas.test');
    expect(parent.postMessage).toHaveBeenLastCalledWith({ type: 'atlas:error', message: 'atlas:select: no event, place or initiative has the id "ghost"' }, 'http://atlas.test');
    parent.postMessage.mockClear();
    win.send({ type: 'atlas:select', id: 'a' }, 'https://evil.example');
    win.send({ hello: 'other library' }, 'http://atlas.test');
    expect(parent.postMessage).not.toHaveBeenCalled();
    expect(a.selectedId).toBeNull();
  });

  it('accepts a file:// deck (origin "null") only with parent=null and only from its own parent', () => {
    const a = new AtlasState(fixtureDataset());
    const { win } = fakeWindow(true);
    connectEmbedBridge(a, win);
    win.send({ type: 'atlas:select', id: 'a' }, 'null');
    expect(a.selectedId).toBeNull();
    a.applyUrl({ parent: 'null' });
    win.send({ type: 'atlas:select', id: 'a' }, 'null', {});
    expect(a.selectedId).toBeNull();
    win.send({ type: 'atlas:select', id: 'a' }, 'null');
    expect(a.selectedId).toBe('a');
  });

  it('posts atlas:ready once, with the view, and resize only after ready; nothing at top level', () => {
    const a = new AtlasState(fixtureDataset());
    const { win, parent } = fakeWindow(true);
    const b = connectEmbedBridge(a, win);
    b.resize(500);
    expect(parent.postMessage).not.toHaveBeenCalled();
    b.ready('?t=2025-01-01&sel=a&embed=1');
    b.ready('?t=2025-01-01');
    expect(parent.postMessage).toHaveBeenCalledTimes(1);
    expect(parent.postMessage.mock.calls[0][0]).toEqual({ type: 'atlas:ready', version: 1, state: { t: '2025-01-01', sel: 'a' } });
    b.resize(500.2);
    b.resize(500.4);
    expect(parent.postMessage).toHaveBeenLastCalledWith({ type: 'atlas:resize', height: 501 }, 'http://atlas.test');
    expect(parent.postMessage).toHaveBeenCalledTimes(2);
    const top = fakeWindow(false);
    const tb = connectEmbedBridge(new AtlasState(fixtureDataset()), top.win);
    tb.ready('');
    expect(tb.inFrame).toBe(false);
    expect(top.parent.postMessage).not.toHaveBeenCalled();
  });

  it('dispose stops listening', () => {
    const a = new AtlasState(fixtureDataset());
    const { win, listeners } = fakeWindow(true);
    connectEmbedBridge(a, win).dispose();
    expect(listeners).toHaveLength(0);
  });
});
