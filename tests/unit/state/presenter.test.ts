import { describe, expect, it } from 'vitest';
import { storyKeyStep, type StoryKey } from '../../../src/lib/state/presenterKeys';
import { elapsedIso, elapsedText, wallClockText } from '../../../src/lib/state/presenterClock';

/** A stand-in for the focused element: what `closest` would find, and its role. */
function el(inside: string | null, role: string | null = null) {
  return { closest: (sel: string) => (inside && sel.split(', ').includes(inside) ? {} : null), getAttribute: (n: string) => (n === 'role' ? role : null) };
}

describe('storyKeyStep: the clicker keys of story mode, in the page and in the presenter window', () => {
  it.each<[string, StoryKey, -1 | 0 | 1]>([
    ['PageDown', { key: 'PageDown' }, 1],
    ['Space', { key: ' ' }, 1],
    ['→', { key: 'ArrowRight' }, 1],
    ['PageUp', { key: 'PageUp' }, -1],
    ['←', { key: 'ArrowLeft' }, -1],
    ['another key', { key: 'Enter' }, 0],
    ['Home', { key: 'Home' }, 0],
    ['with Ctrl', { key: 'PageDown', ctrlKey: true }, 0],
    ['with Alt', { key: 'ArrowRight', altKey: true }, 0],
    ['with Meta', { key: 'ArrowLeft', metaKey: true }, 0],
    ['already handled', { key: 'PageDown', defaultPrevented: true }, 0],
    ['on a button', { key: 'PageDown', target: el(null) }, 1],
    ['in a text field', { key: ' ', target: el('input') }, 0],
    ['in a textarea', { key: 'ArrowRight', target: el('textarea') }, 0],
    ['in a select', { key: 'PageUp', target: el('select') }, 0],
    ['in a dialog', { key: 'PageDown', target: el('dialog') }, 0],
    ['in editable text', { key: 'PageDown', target: el('[contenteditable="true"]') }, 0],
    ['→ on the focused slider (it keeps its arrows)', { key: 'ArrowRight', target: el(null, 'slider') }, 0],
    ['← on the focused slider', { key: 'ArrowLeft', target: el(null, 'slider') }, 0],
    ['PageDown on the focused slider (a clicker)', { key: 'PageDown', target: el(null, 'slider') }, 1],
    ['a target that is not an element (the window)', { key: 'PageDown', target: {} }, 1],
  ])('%s', (_what, e, want) => {
    expect(storyKeyStep(e)).toBe(want);
  });
});

describe('the presenter clocks', () => {
  it.each([
    [0, '00:00', 'PT0S'],
    [999, '00:00', 'PT0S'],
    [1000, '00:01', 'PT1S'],
    [754_000, '12:34', 'PT12M34S'],
    [600_000, '10:00', 'PT10M'],
    [3_600_000, '1:00:00', 'PT1H'],
    [3_723_000, '1:02:03', 'PT1H2M3S'],
    [36_000_000 + 59_000, '10:00:59', 'PT10H59S'],
    [-5000, '00:00', 'PT0S'],
    [Number.NaN, '00:00', 'PT0S'],
  ])('%d ms elapsed reads %s (%s)', (ms, text, iso) => {
    expect(elapsedText(ms)).toBe(text);
    expect(elapsedIso(ms)).toBe(iso);
  });

  const at = Date.parse('2026-07-02T14:05:09Z');
  it.each([
    ['en', '2:05 PM'],
    ['ja', '14:05'],
  ])('the time of day in %s', (lang, want) => {
    expect(wallClockText(at, lang, 'UTC').replace(/\u202f/g, ' ')).toBe(want);
  });
  it('follows the time zone it is given (the room’s by default)', () => {
    expect(wallClockText(at, 'ja', 'Asia/Kolkata')).toBe('19:35');
  });
});
