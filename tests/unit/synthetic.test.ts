// The synthetic generator: valid data, deterministic per seed, the requested size and the real data's structure.
import { describe, expect, it } from 'vitest';
import { generateSynthetic, realThemes } from '../../scripts/gen-synthetic';
import { validateDataset } from '../../src/lib/model/validateDataset';
import { buildDataset } from '../../src/lib/model/dataset';

const N = 500;
const files = generateSynthetic({ events: N, seed: 7 });

function load(f: Record<string, unknown>) {
  const r = validateDataset(f);
  if (!r.ok) throw new Error(r.issues.slice(0, 10).map((i) => `${i.file} ${i.record} ${i.field}: ${i.message}`).join('\n'));
  return buildDataset('synthetic-500', r.data);
}

describe('generateSynthetic', () => {
  it('passes validateDataset (schema and integrity)', () => {
    const r = validateDataset(files as unknown as Record<string, unknown>);
    expect(r.ok ? [] : r.issues.slice(0, 10)).toEqual([]);
  });

  it.each([
    [1, 20],
    [N, 25],
    [2000, 100],
  ])('asked for %i events, makes exactly that many, and %i places (sub-linear)', (events, places) => {
    const f = events === N ? files : generateSynthetic({ events, seed: 7 });
    expect(f['events.json']).toHaveLength(events);
    expect(f['places.json']).toHaveLength(places);
    if (events !== N) load(f as unknown as Record<string, unknown>);
  });

  it('is deterministic: the same seed gives identical output, another seed different output', () => {
    expect(JSON.stringify(generateSynthetic({ events: N, seed: 7 }))).toBe(JSON.stringify(files));
    const other = generateSynthetic({ events: N, seed: 8 });
    expect(JSON.stringify(other['events.json'])).not.toBe(JSON.stringify(files['events.json']));
    expect(other['events.json']).toHaveLength(N);
  });

  it('reuses the real dataset’s eight themes', () => {
    expect(files['themes.json']).toEqual(realThemes());
    expect(files['themes.json']).toHaveLength(8);
  });

  it('spreads events over 2000–2030 with mixed EDTF precisions and statuses, never open-ended', () => {
    const d = load(files as unknown as Record<string, unknown>);
    const years = d.events.map((e) => new Date(e.span.min).getUTCFullYear());
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...years)).toBeLessThanOrEqual(2030);
    expect(Math.min(...years)).toBeLessThan(2004);
    expect(Math.max(...years)).toBeGreaterThan(2027);
    const forms = new Set(
      d.events.map((e) => {
        const t = e.date;
        if (t.includes('/')) return 'interval';
        if (/^\d{4}-3[3-6]$/.test(t)) return 'quarter';
        if (/^\d{4}-4[01]$/.test(t)) return 'half';
        if (/^\d{4}-\d{2}~$/.test(t)) return 'approx-month';
        if (/^\d{4}-\d{2}$/.test(t)) return 'month';
        if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return 'day';
        return t;
      }),
    );
    for (const f of ['day', 'month', 'approx-month', 'quarter', 'half', 'interval']) expect(forms).toContain(f);
    expect(d.events.filter((e) => e.span.open)).toEqual([]);
    const displays = new Set(d.events.map((e) => e.display));
    for (const s of ['happened', 'planned', 'overdue', 'cancelled']) expect(displays).toContain(s);
    // Planned events are mostly in the future; nothing that happened is after asOf.
    expect(d.events.filter((e) => e.status === 'happened' && e.span.min > d.asOf)).toEqual([]);
    expect(new Set(d.events.map((e) => e.confidence)).size).toBe(4);
  });

  it('has points and lines across the Indo-Pacific', () => {
    const kinds = new Set(files['places.json'].map((p) => p.geometry.type));
    expect(kinds).toEqual(new Set(['Point', 'LineString']));
    for (const p of files['places.json']) {
      const coords = p.geometry.type === 'Point' ? [p.geometry.coordinates] : (p.geometry.coordinates as [number, number][]);
      for (const [lon, lat] of coords) {
        expect(lon).toBeGreaterThanOrEqual(40);
        expect(lon).toBeLessThanOrEqual(150);
        expect(lat).toBeGreaterThanOrEqual(-15);
        expect(lat).toBeLessThanOrEqual(46);
      }
    }
  });

  it('gives initiatives milestones in date order whose events list the initiative; open ends only on initiatives', () => {
    const d = load(files as unknown as Record<string, unknown>);
    expect(d.initiatives.length).toBeGreaterThan(0);
    expect(d.initiatives.some((i) => i.span.open)).toBe(true);
    expect(d.initiatives.some((i) => i.milestones.length >= 2)).toBe(true);
    for (const i of d.initiatives) {
      const mins = i.milestones.map((id) => d.eventById.get(id)!.span.min);
      expect(mins, i.id).toEqual([...mins].sort((a, b) => a - b));
      for (const id of i.milestones) expect(d.eventById.get(id)!.initiatives, `${i.id} → ${id}`).toContain(i.id);
      // Milestones fall inside the initiative's span.
      for (const m of mins) {
        expect(m).toBeGreaterThanOrEqual(i.span.min);
        expect(m).toBeLessThanOrEqual(i.span.max);
      }
    }
  });
});
