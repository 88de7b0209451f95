// Type-ahead search across events, places and initiatives: accent-, case- and width-insensitive, best matches first.
// Built for 100k events (a keystroke within one frame): the index is built once, on first use (searchIndexFor), with
// every string folded ahead and the title words indexed, so scoring reads numbers instead of searching 100k titles.
// A keystroke orders the candidates by score (a counting sort; titles are sorted ahead) and reads texts only until it
// has the best `limit`; when it had to read them all, it keeps the exact matches, since typing on only narrows them.
import type { Dataset } from './dataset';

export interface SearchHit {
  id: string;
  kind: 'event' | 'place' | 'initiative';
  label: string;
}

interface SearchEntry {
  hit: SearchHit;
  /** Folded title, names, summary and id: every query word must occur here. */
  text: string;
  /** Folded title (a place's English name): where a word scores. */
  title: string;
}

export interface SearchIndex {
  entries: SearchEntry[];
  /** The distinct space-separated words of the folded titles. */
  titleWords: string[];
  /** Entries per title word, `titleWords[t]` at postings[starts[t]] up to starts[t + 1]: entry × 2, + 1 when first in its title. */
  starts: Uint32Array;
  postings: Uint32Array;
  /** Per entry: 1 for places and initiatives, which rank above events that match as well. */
  bonus: Uint8Array;
  /** The exact matches of recent queries (entry indexes, ascending): a query that extends one looks only among those. */
  recent: { query: string; words: string[]; matches: Uint32Array }[];
}

/**
 * Folds text for matching: compatibility forms (NFKD: full-width `ｔｏｋｙｏ` → `tokyo`, ligatures), then lower case,
 * then without Latin accents (`Tōkyō` → `tokyo`). Plain ASCII, most of the text, skips the Unicode work.
 */
export function fold(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * Folds and indexes every record's words once (a few hundred ms at 100k events): build it on first use. Entries are
 * kept in title order (code points of the folded title; then places, initiatives, events by date), which is the order
 * of equal scores, and their strings are made in that order, so a keystroke reads memory front to back.
 */
export function searchIndex(d: Dataset): SearchIndex {
  // Parallel lists in the dataset's order (places, initiatives, events by date), then put in title order.
  const hits: SearchHit[] = [];
  const titles: string[] = [];
  const sources: (() => string)[] = [];
  const add = (hit: SearchHit, title: string, source: () => string) => {
    hits.push(hit);
    titles.push(fold(title));
    sources.push(source);
  };
  for (const p of d.places) add({ id: p.id, kind: 'place', label: p.name.en }, p.name.en, () => `${Object.values(p.name).filter(Boolean).join(' ')} ${p.id}`);
  for (const i of d.initiatives) add({ id: i.id, kind: 'initiative', label: i.title }, i.title, () => `${i.title} ${i.summary} ${i.id}`);
  const withBonus = hits.length;
  for (const e of d.events) add({ id: e.id, kind: 'event', label: e.title }, e.title, () => `${e.title} ${e.summary} ${e.id}`);
  const order = Uint32Array.from(titles.keys()).sort((a, b) => (titles[a] < titles[b] ? -1 : titles[a] > titles[b] ? 1 : a - b));
  const entries: SearchEntry[] = Array.from(order, (k) => ({ hit: hits[k], title: titles[k], text: fold(sources[k]()) }));
  const bonus = Uint8Array.from(order, (k) => (k < withBonus ? 1 : 0));

  // Title words → entries. A query word never holds a space, so each of its occurrences in a title lies inside one word.
  const wordId = new Map<string, number>();
  const titleWords: string[] = [];
  const pairs: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const parts = entries[i].title.split(' ');
    for (let j = 0; j < parts.length; j++) {
      if (!parts[j]) continue;
      let t = wordId.get(parts[j]);
      if (t === undefined) wordId.set(parts[j], (t = titleWords.push(parts[j]) - 1));
      pairs.push(t, i * 2 + (j === 0 ? 1 : 0));
    }
  }
  const starts = new Uint32Array(titleWords.length + 1);
  for (let k = 0; k < pairs.length; k += 2) starts[pairs[k] + 1]++;
  for (let t = 0; t < titleWords.length; t++) starts[t + 1] += starts[t];
  const fill = starts.slice(0, titleWords.length);
  const postings = new Uint32Array(pairs.length / 2);
  for (let k = 0; k < pairs.length; k += 2) postings[fill[pairs[k]]++] = pairs[k + 1];
  return { entries, titleWords, starts, postings, bonus, recent: [] };
}

const indexes = new WeakMap<Dataset, SearchIndex>();
/** The dataset's index, built the first time it is asked for (the search box asks on focus or first keystroke). */
export function searchIndexFor(d: Dataset): SearchIndex {
  let index = indexes.get(d);
  if (!index) indexes.set(d, (index = searchIndex(d)));
  return index;
}

const RECENT = 8;

/** Per entry, what the word scores in its title: 4 at the start of the title, 3 at the start of a later word, 2 inside one. */
function titleScores(index: SearchIndex, w: string): Uint8Array {
  const { titleWords, starts, postings } = index;
  const scores = new Uint8Array(index.entries.length);
  for (let t = 0; t < titleWords.length; t++) {
    const at = titleWords[t].indexOf(w);
    if (at < 0) continue;
    for (let p = starts[t]; p < starts[t + 1]; p++) {
      const v = postings[p];
      const s = at > 0 ? 2 : v & 1 ? 4 : 3;
      const i = v >>> 1;
      if (s > scores[i]) scores[i] = s;
    }
  }
  return scores;
}

/**
 * Every word of the query must occur; a word at the start of the title scores 4, at the start of a title word 3,
 * inside the title 2, elsewhere 0; places and initiatives get 1 more. Returns the best `limit` hits, best first;
 * equal scores in title order. Keeps the exact matches of recent queries in the index, so that typing on costs less.
 */
export function search(index: SearchIndex, query: string, limit = 12): SearchHit[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length || limit < 1) return [];
  const key = words.join(' ');
  const { entries, recent } = index;
  const scores = words.map((w) => titleScores(index, w));

  // Candidates: every entry, or the exact matches of a recent query this one extends (its words are inside ours).
  let from: SearchIndex['recent'][number] | null = null;
  for (const r of recent) if (key.startsWith(r.query) && (!from || r.matches.length < from.matches.length)) from = r;
  const candidates = from ? from.matches : null;
  // Words a candidate's text must still be read for: those the earlier query did not have, longest (rarest) first.
  const check = [...words.keys()].filter((w) => !from?.words.includes(words[w])).sort((a, b) => words[b].length - words[a].length);

  // Counting sort by score, best first; candidates come in index (title) order and keep it within a score.
  const n = candidates ? candidates.length : entries.length;
  const best = 1 + 4 * words.length;
  const score = new Uint16Array(n);
  const perScore = new Uint32Array(best + 1);
  const { bonus } = index;
  for (let k = 0; k < n; k++) {
    const i = candidates ? candidates[k] : k;
    let s = bonus[i];
    for (let w = 0; w < scores.length; w++) s += scores[w][i];
    score[k] = s;
    perScore[s]++;
  }
  const slot = new Uint32Array(best + 1);
  for (let s = best, at = 0; s >= 0; s--) {
    slot[s] = at;
    at += perScore[s];
  }
  const ranked = new Uint32Array(n);
  for (let k = 0; k < n; k++) ranked[slot[score[k]]++] = k;

  // Read texts in that order until `limit` hits; a word the title holds is in the text, no need to look.
  const hits: SearchHit[] = [];
  const matched = new Uint8Array(n);
  let r = 0;
  for (; r < n && hits.length < limit; r++) {
    const k = ranked[r],
      i = candidates ? candidates[k] : k;
    let all = true;
    for (let c = 0; c < check.length && all; c++) all = scores[check[c]][i] > 0 || entries[i].text.includes(words[check[c]]);
    if (!all) continue;
    matched[k] = 1;
    hits.push(entries[i].hit);
  }
  // Every candidate read: these are the query's exact matches; keep them for the next keystroke.
  if (r === n && !recent.some((x) => x.query === key)) {
    const matches = new Uint32Array(hits.length);
    for (let k = 0, m = 0; k < n; k++) if (matched[k]) matches[m++] = candidates ? candidates[k] : k;
    recent.unshift({ query: key, words, matches });
    if (recent.length > RECENT) recent.pop();
  }
  return hits;
}
