// An ISO 3166-1 alpha-2 code from a country's code or English name ("JP", "Japan", "United States"), or undefined.
// Names come from Intl.DisplayNames, built once on first use, so no table of names ships with the app.
import { foldName } from './foldName.ts';

let byName: Map<string, string> | null = null;

/** Names people write that differ from Intl's English ones. */
const EXTRA: Record<string, string> = {
  usa: 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  britain: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  russia: 'RU',
  'south korea': 'KR',
  korea: 'KR',
  'north korea': 'KP',
  burma: 'MM',
  'ivory coast': 'CI',
  czechia: 'CZ',
  'czech republic': 'CZ',
  vietnam: 'VN',
  'viet nam': 'VN',
  iran: 'IR',
  syria: 'SY',
  laos: 'LA',
  taiwan: 'TW',
  uae: 'AE',
  'the netherlands': 'NL',
  holland: 'NL',
  'hong kong': 'HK',
  macau: 'MO',
  'east timor': 'TL',
  turkey: 'TR',
  turkiye: 'TR',
};

function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map(Object.entries(EXTRA));
  let display: Intl.DisplayNames | null;
  try {
    display = new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    display = null;
  }
  if (display) {
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        let name: string | undefined;
        try {
          name = display.of(code);
        } catch {
          name = undefined;
        }
        if (name && name !== code && !/unknown/i.test(name)) {
          const key = foldName(name.replace(/\s*\(.*\)$/, '').replace(/&/g, 'and'));
          if (!byName.has(key)) byName.set(key, code);
        }
      }
    }
  }
  return byName;
}

/** The code for a country word; two capital letters are taken as a code when Intl knows the region. */
export function countryCode(word: string): string | undefined {
  const w = word.trim();
  if (/^[A-Za-z]{2}$/.test(w)) {
    const code = w.toUpperCase();
    if ([...names().values()].includes(code)) return code;
  }
  return names().get(foldName(w.replace(/&/g, 'and')));
}

/** "Hyderabad, India" or "Hyderabad (IN)" as the name and a country code; the name alone when the tail is no country. */
export function splitCountryHint(text: string): { name: string; country?: string } {
  const paren = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(text);
  if (paren) {
    const country = countryCode(paren[2]);
    if (country && paren[1].trim()) return { name: paren[1].trim(), country };
  }
  const comma = text.lastIndexOf(',');
  if (comma > 0) {
    const country = countryCode(text.slice(comma + 1));
    if (country) return { name: text.slice(0, comma).trim(), country };
  }
  return { name: text.trim() };
}
