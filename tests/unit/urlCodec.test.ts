import { describe, expect, it } from 'vitest';
import { formatUrl, parseUrl, type UrlState } from '../../src/lib/state/urlCodec';

const day = (s: string) => Date.parse(`${s}T00:00:00Z`);

describe('parseUrl', () => {
  it.each([
    ['t=2026-07-02', { t: day('2026-07-02') }, []],
    ['range=2024-01-01/2026-12-31', { range: [day('2024-01-01'), day('2026-12-31')] }, []],
    ['sel=summit-16', { sel: 'summit-16' }, []],
    ['themes=ai,energy', { themes: ['ai', 'energy'] }, []],
    ['map=4.5/15.2/95.1', { map: { zoom: 4.5, lat: 15.2, lon: 95.1 } }, []],
    ['lang=ja&lanes=initiative', { lang: 'ja', lanes: 'initiative' }, []],
    ['story=corridor&step=2', { story: 'corridor', step: 2 }, []],
    ['embed=1&parent=https%3A%2F%2Fslides.example', { embed: true, parent: 'https://slides.example' }, []],
    ['t=2026-02-30', {}, ['t']],
    ['t=yesterday&sel=summit-16', { sel: 'summit-16' }, ['t']],
    ['range=2026-12-31/2024-01-01', {}, ['range']],
    ['map=4/200/10', {}, ['map']],
    ['lang=fr', {}, ['lang']],
    ['status=done', {}, ['status']],
    ['sel=<script>', {}, ['sel']],
    ['zoom=3&foo=bar', {}, ['zoom', 'foo']],
    ['parent=javascript:alert(1)', {}, ['parent']],
    ['dataset=../etc', {}, ['dataset']],
  ])('%s', (query, state, ignored) => {
    expect(parseUrl(query)).toEqual({ state, ignored });
  });
});

describe('formatUrl ∘ parseUrl is the identity', () => {
  it.each<[UrlState]>([
    [{}],
    [{ t: day('2026-07-02'), sel: 'summit-16' }],
    [{ range: [day('2024-01-01'), day('2026-12-31')], themes: ['ai', 'energy'], status: ['planned'] }],
    [{ map: { zoom: 4.5, lat: 15.2, lon: 95.1 }, lang: 'hi', lanes: 'initiative' }],
    [{ story: 'corridor', step: 3, embed: true, parent: 'https://slides.example', dataset: 'synthetic-1000' }],
  ])('%j', (state) => {
    expect(parseUrl(formatUrl(state)).state).toEqual(state);
  });
});

describe('parameter names the atlas does not know', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'bogus'])('%s is dropped by name, never looked up', (name) => {
    const r = parseUrl(`${name}=1&t=2026-07-02`);
    expect(r.ignored).toEqual([name]);
    expect(Object.keys(r.state)).toEqual(['t']);
  });
});
