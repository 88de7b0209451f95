import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'svelte/compiler';
import { en } from '../../src/lib/i18n/en';
import { ja } from '../../src/lib/i18n/ja';
import { hi } from '../../src/lib/i18n/hi';
import { gu } from '../../src/lib/i18n/gu';

const catalogs = { ja, hi, gu } as const;

/** Every key path of a catalog, with the kind of value (string, function of N parameters, record). */
function shape(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'function' ? [`${prefix}${k}()/${v.length}`] : v && typeof v === 'object' ? shape(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  ).sort();
}

describe('message catalogs', () => {
  it.each(Object.entries(catalogs))('%s has every key of en, with the same parameters, and no other', (lang, m) => {
    expect(shape(m as unknown as Record<string, unknown>)).toEqual(shape(en as unknown as Record<string, unknown>));
    expect(m.lang).toBe(lang);
  });

  it.each(Object.entries(catalogs))('%s translates: no value is left in English', (_lang, m) => {
    const same = Object.entries(en).filter(([k, v]) => typeof v === 'string' && v.length > 3 && (m as Record<string, unknown>)[k] === v && k !== 'lang');
    expect(same.map(([k]) => k)).toEqual([]);
  });

  it.each([
    [en, 1, '1 event'],
    [en, 3, '3 events'],
    [ja, 3, '3件の出来事'],
    [hi, 1, '1 घटना'],
    [hi, 3, '3 घटनाएँ'],
    [gu, 1, '1 ઘટના'],
    [gu, 12000, '12,000 ઘટનાઓ'],
  ])('plural and number: %#', (m, n, want) => {
    expect(m.events(n)).toBe(want);
  });
});

/** Text a user sees or hears in a component: text nodes and the attributes that are read out or shown. */
function literalText(file: string): string[] {
  const ast = parse(readFileSync(file, 'utf8'), { modern: true });
  const out: string[] = [];
  const SPOKEN = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext', 'aria-description']);
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; data?: string; name?: string; value?: unknown };
    if (n.type === 'Text' && typeof n.data === 'string' && /[A-Za-z]{2,}/.test(n.data)) out.push(n.data.trim());
    if (n.type === 'Attribute' && n.name && SPOKEN.has(n.name) && Array.isArray(n.value)) {
      for (const v of n.value as { type: string; data?: string }[]) if (v.type === 'Text' && /[A-Za-z]{2,}/.test(v.data ?? '')) out.push(`${n.name}="${v.data}"`);
    }
    // An attribute's own text is a value (a class, an id, a URL), not words: only the spoken ones above are read.
    if (n.type === 'Attribute') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'parent' || k === 'instance' || k === 'module' || k === 'css') continue;
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') walk(v);
    }
  };
  walk(ast.fragment);
  return out;
}

describe('components hold no user-visible English', () => {
  const dir = 'src/components';
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.svelte')).map((f) => join(dir, f));
  it.each(files)('%s', (file) => {
    expect(literalText(file)).toEqual([]);
  });
});
