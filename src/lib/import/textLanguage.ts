// The language a file's texts are written in, when their script says so beyond doubt: Japanese (kana or kanji),
// Hindi (Devanagari) or Gujarati; English otherwise. A plain string in the dataset is in `meta.lang`, so a Japanese
// timeline must say `ja` for its words to be marked and drawn as Japanese.
import type { Lang } from '../model/types.ts';

const SCRIPTS: [Lang, RegExp][] = [
  ['ja', /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/gu],
  ['hi', /[\u0900-\u097f]/gu],
  ['gu', /[\u0a80-\u0aff]/gu],
];

/** The language whose script holds more than half of the letters of the texts; `en` when none does. */
export function textLanguage(texts: string[]): Lang {
  const all = texts.join(' ');
  const letters = (all.match(/\p{L}|\p{M}/gu) ?? []).length;
  if (!letters) return 'en';
  for (const [lang, re] of SCRIPTS) {
    const n = (all.match(re) ?? []).length;
    if (n / letters > 0.5) return lang;
  }
  return 'en';
}
