// Light Markdown, the one rich-text form of summaries and captions: paragraphs (blank lines), **strong**, *emphasis*
// and [links](https://…) with http or https only. Parsed into a small tree that components render as elements, so
// no text ever becomes markup (there is no {@html} anywhere). Anything else stays literal text.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };
export type Paragraph = Inline[];

const SAFE_URL = /^https?:\/\/[^\s<>"]+$/i;

/** True for an absolute http or https address: the only links the atlas ever draws. */
export const isSafeHref = (href: string): boolean => SAFE_URL.test(href);

/** Paragraphs of inline nodes. */
export function parseMarkdown(source: string): Paragraph[] {
  return source
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => inline(p.replace(/\s*\n\s*/g, ' ')));
}

function inline(s: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && '\\*[]()_'.includes(s[i + 1])) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '*' && s[i + 1] === '*') {
      const end = s.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ type: 'strong', children: inline(s.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    } else if (c === '*' || c === '_') {
      const end = s.indexOf(c, i + 1);
      if (end > i + 1 && s[i + 1] !== ' ') {
        flush();
        out.push({ type: 'em', children: inline(s.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    } else if (c === '[') {
      const m = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(s.slice(i));
      if (m) {
        flush();
        // An unsafe address keeps its words and loses its link.
        if (isSafeHref(m[2])) out.push({ type: 'link', href: m[2], children: inline(m[1]) });
        else out.push(...inline(m[1]));
        i += m[0].length;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

/** The plain words of a Markdown text (for accessible names, exports and search). */
export function markdownText(source: string): string {
  const walk = (n: Inline[]): string => n.map((x) => (x.type === 'text' ? x.text : walk(x.children))).join('');
  return parseMarkdown(source).map(walk).join('\n\n');
}
