// The built-in dataset in every language it promises: place names (or null, missing on purpose), theme labels in all
// four, and one label per spot on the map.
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/lib/model/types';
import { loadRealDataset, readDatasetFiles } from './realDataset';

const raw = readDatasetFiles();
const promised: string[] = raw['meta.json'].languages;
const SCRIPTS: Record<string, RegExp> = { ja: /[\u3040-\u30ff\u4e00-\u9fff]/, hi: /[\u0900-\u097f]/, gu: /[\u0a80-\u0aff]/ };

describe('languages', () => {
  it('the dataset promises English, Japanese, Hindi and Gujarati', () => {
    expect(promised).toEqual(['en', 'ja', 'hi', 'gu']);
    expect(loadRealDataset().meta.languages).toEqual(['en', 'ja', 'hi', 'gu']);
  });

  type RawPlace = { id: string; kind: string; name: Record<string, string | null> };
  it.each((raw['places.json'] as RawPlace[]).map((p) => [p.id, p] as [string, RawPlace]))('%s has a name in each promised language, or null on purpose', (_id, p) => {
    const { name, kind } = p;
    expect(typeof name.en).toBe('string');
    for (const l of promised) {
      expect(Object.hasOwn(name, l), `${l} missing`).toBe(true);
      if (name[l] !== null && l !== 'en') expect(name[l], l).toMatch(SCRIPTS[l]);
    }
    // Only small stations may leave a language out; a reader expects every city, sea and strait in their script.
    if (kind !== 'station') expect(promised.filter((l) => name[l] === null)).toEqual([]);
  });

  it('names the Gujarat stations in Gujarati, and Anand/Nadiad by its official name', () => {
    const places = loadRealDataset().placeById;
    for (const id of ['mahsr-vapi', 'mahsr-bilimora', 'mahsr-surat', 'mahsr-bharuch', 'mahsr-vadodara', 'mahsr-anand', 'mahsr-ahmedabad', 'mahsr-sabarmati']) {
      expect(places.get(id)!.name.gu, id).toMatch(SCRIPTS.gu);
    }
    expect(places.get('mahsr-anand')!.name.en).toBe('Anand/Nadiad');
  });

  type RawTheme = { id: string; label: Record<string, unknown> };
  it.each((raw['themes.json'] as RawTheme[]).map((t) => [t.id, t.label] as [string, Record<string, unknown>]))('theme %s has its label in all four languages', (_id, label) => {
    for (const l of LANGS) {
      expect(typeof label[l], l).toBe('string');
      if (l !== 'en') expect(label[l]).toMatch(SCRIPTS[l]);
    }
  });
});

describe('one label per spot', () => {
  it('no two labelled points are at the same spot (a city and its station carry one label)', () => {
    const points = loadRealDataset().places.filter((p) => p.geometry.type === 'Point' && !p.hideLabel);
    const at = (p: (typeof points)[number]) => p.geometry.coordinates as [number, number];
    const clashes: string[] = [];
    points.forEach((a, i) =>
      points.slice(i + 1).forEach((b) => {
        if (Math.abs(at(a)[0] - at(b)[0]) <= 0.015 && Math.abs(at(a)[1] - at(b)[1]) <= 0.015) clashes.push(`${a.id}/${b.id}`);
      }),
    );
    expect(clashes).toEqual([]);
  });

  it('a hidden label is carried by another place at that spot', () => {
    const places = loadRealDataset().places;
    for (const p of places.filter((q) => q.hideLabel)) {
      const [x, y] = p.geometry.coordinates as [number, number];
      const carrier = places.find((q) => q !== p && !q.hideLabel && q.geometry.type === 'Point' && Math.abs((q.geometry.coordinates as number[])[0] - x) <= 0.015 && Math.abs((q.geometry.coordinates as number[])[1] - y) <= 0.015);
      expect(carrier?.id, p.id).toBeDefined();
    }
  });
});
