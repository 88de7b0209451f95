// Type-ahead search across events, places and initiatives: accent- and case-insensitive, best matches first.
import type { Dataset } from './dataset';

export interface SearchHit {
  id: string;
  kind: 'event' | 'place' | 'initiative';
  label: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export interface SearchIndex {
  entries: { hit: SearchHit; text: string; title: string }[];
}

export function searchIndex(d: Dataset): SearchIndex {
  const entries: SearchIndex['entries'] = [];
  for (const p of d.places) {
    const names = Object.values(p.name).join(' ');
    entries.push({ hit: { id: p.id, kind: 'place', label: p.name.en }, text: fold(`${names} ${p.id}`), title: fold(p.name.en) });
  }
  for (const i of d.initiatives) entries.push({ hit: { id: i.id, kind: 'initiative', label: i.title }, text: fold(`${i.title} ${i.summary} ${i.id}`), title: fold(i.title) });
  for (const e of d.events) entries.push({ hit: { id: e.id, kind: 'event', label: e.title }, text: fold(`${e.title} ${e.summary} ${e.id}`), title: fold(e.title) });
  return { entries };
}

/** Every word of the query must occur; hits in the title rank above hits in the summary, prefixes first. */
export function search(index: SearchIndex, query: string, limit = 12): SearchHit[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const scored: { hit: SearchHit; score: number }[] = [];
  for (const e of index.entries) {
    if (!words.every((w) => e.text.includes(w))) continue;
    let score = 0;
    for (const w of words) {
      if (e.title.startsWith(w)) score += 4;
      else if (e.title.includes(` ${w}`)) score += 3;
      else if (e.title.includes(w)) score += 2;
    }
    if (e.hit.kind !== 'event') score += 1;
    scored.push({ hit: e.hit, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.hit.label.localeCompare(b.hit.label)).slice(0, limit).map((s) => s.hit);
}
