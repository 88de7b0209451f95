// Rich text from another tool as the atlas's light Markdown (paragraphs, _emphasis_, **strong**, [links](https://…)),
// without a DOM: a tolerant tokenizer. Scripts, styles and embedded objects are dropped with their content; attributes
// never pass (only an <a>'s http/https href is read); every other tag is reduced to its text. What was dropped is
// listed, so the import report can say so.
import { decodeEntities } from './htmlEntities.ts';
import { describeRefusedUrl, safeHttpUrl } from './safeHttpUrl.ts';

export interface ConvertedText {
  text: string;
  /** What was removed, in words ("a <script> element", "a javascript: link"); each kind once. */
  removed: string[];
}

/** Elements dropped with everything inside them. */
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'svg',
  'math',
  'object',
  'iframe',
  'frame',
  'frameset',
  'noscript',
  'textarea',
  'title',
  'head',
  'applet',
  'canvas',
  'audio',
  'video',
  'select',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
]);
/** Of those, the ones whose content is raw text up to the closing tag (a "<" inside does not open a tag). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'iframe', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'nav',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'figure',
  'figcaption',
  'address',
  'hr',
  'dl',
  'dt',
  'dd',
  'center',
  'details',
  'summary',
  'form',
  'fieldset',
  'caption',
  'body',
  'html',
]);
const EMPHASIS: Partial<Record<string, 'em' | 'strong'>> = { em: 'em', i: 'em', cite: 'em', dfn: 'em', var: 'em', strong: 'strong', b: 'strong' };
const CELL = new Set(['td', 'th']);

type Token =
  { kind: 'text'; text: string } | { kind: 'start'; name: string; attrs: Record<string, string>; selfClosing: boolean } | { kind: 'end'; name: string };

/** The tokens of an HTML fragment; a "<" that opens no tag is text, an unclosed tag at the end is dropped. */
export function htmlTokens(html: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = html.length;
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    i = lt;
    const next = html[i + 1] ?? '';
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      const end = html.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const isEnd = next === '/';
    const nameMatch = /^[A-Za-z][A-Za-z0-9:-]*/.exec(html.slice(i + (isEnd ? 2 : 1), i + (isEnd ? 2 : 1) + 64));
    if (!nameMatch) {
      text += '<';
      i++;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    let j = i + (isEnd ? 2 : 1) + nameMatch[0].length;
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    // Attributes: name, name=value, name="value", name='value'; a ">" inside quotes does not end the tag.
    for (;;) {
      while (j < n && /[\s/]/.test(html[j])) {
        if (html[j] === '/' && html[j + 1] === '>') selfClosing = true;
        j++;
      }
      if (j >= n || html[j] === '>') break;
      const an = /^[^\s/>=]+/.exec(html.slice(j, j + 256));
      if (!an) {
        j++;
        continue;
      }
      const attrName = an[0].toLowerCase();
      j += an[0].length;
      while (j < n && /\s/.test(html[j])) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < n && /\s/.test(html[j])) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const close = html.indexOf(q, j + 1);
          value = html.slice(j + 1, close < 0 ? n : close);
          j = close < 0 ? n : close + 1;
        } else {
          const m = /^[^\s>]*/.exec(html.slice(j))!;
          value = m[0];
          j += m[0].length;
        }
      }
      if (!(attrName in attrs)) attrs[attrName] = decodeEntities(value);
    }
    if (j >= n) {
      // An unclosed tag at the very end: a browser drops it too.
      break;
    }
    j++; // past ">"
    flush();
    if (isEnd) tokens.push({ kind: 'end', name });
    else {
      tokens.push({ kind: 'start', name, attrs, selfClosing });
      if (RAW_TEXT.has(name)) {
        // Skip the raw content; the end tag is emitted so the converter leaves its dropped state.
        const close = new RegExp(`</${name}[\\s/>]`, 'i').exec(html.slice(j));
        if (!close) {
          i = n;
          tokens.push({ kind: 'end', name });
          continue;
        }
        const endGt = html.indexOf('>', j + close.index);
        i = endGt < 0 ? n : endGt + 1;
        tokens.push({ kind: 'end', name });
        continue;
      }
    }
    i = j;
  }
  flush();
  return tokens;
}

/** True when a text holds anything that looks like an HTML tag, comment or character reference to a tag. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[A-Za-z][^>]*>|<!--|<[A-Za-z]+[\s/]*$/.test(text);
}

/**
 * Markdown's own characters in plain text, escaped so they stay characters: the backslash escapes the atlas's renderer
 * (src/lib/model/markdown.ts) reads, no more, so nothing shows a stray backslash.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_[\]]/g, (c) => `\\${c}`);
}

interface Frame {
  kind: 'root' | 'em' | 'strong' | 'a';
  buf: string;
  href?: string | null;
  /** False for an emphasis inside the same emphasis, or a link inside a link: it adds no marks. */
  marks: boolean;
}

/**
 * HTML to light Markdown. `markdownText`: the text between tags is already Markdown (the atlas's own CSV), so it is kept
 * as written instead of escaped; its links are then checked like HTML ones.
 */
export function htmlToMarkdown(html: string, options: { markdownText?: boolean } = {}): ConvertedText {
  const removed = new Set<string>();
  const md = options.markdownText ?? false;
  if (!looksLikeHtml(html)) {
    // Markdown keeps its character references for its renderer: decoding "&lt;b&gt;" here would make a tag of it.
    const out = md ? sanitizeMarkdownLinks(html, removed) : escapeMarkdown(decodeEntities(html));
    return { text: paragraphs(out, true), removed: [...removed] };
  }
  const stack: Frame[] = [{ kind: 'root', buf: '', marks: true }];
  let dropDepth = 0;
  let dropName = '';
  const top = () => stack[stack.length - 1];
  const inside = (kind: Frame['kind']) => stack.some((f) => f.kind === kind && f.marks);
  const write = (s: string) => {
    top().buf += s;
  };
  const closeFrame = () => {
    const f = stack.pop()!;
    write(wrapFrame(f));
  };
  const blockBreak = (s = '\n\n') => {
    // Marks do not cross paragraphs: close the open ones, break, reopen them.
    const open = stack.slice(1);
    for (let k = open.length; k > 0; k--) closeFrame();
    write(s);
    for (const f of open) stack.push({ ...f, buf: '' });
  };

  for (const t of htmlTokens(html)) {
    if (dropDepth > 0) {
      if (t.kind === 'start' && t.name === dropName && !t.selfClosing) dropDepth++;
      else if (t.kind === 'end' && t.name === dropName) dropDepth--;
      continue;
    }
    if (t.kind === 'text') {
      write(md ? t.text : escapeMarkdown(decodeEntities(t.text).replace(/\s+/g, ' ')));
      continue;
    }
    if (t.kind === 'start') {
      for (const a of Object.keys(t.attrs)) if (/^on/.test(a)) removed.add(`an event-handler attribute (${a})`);
    }
    const name = t.name;
    if (t.kind === 'start' && DROPPED.has(name)) {
      removed.add(`a <${name}> element`);
      if (!t.selfClosing && !VOID.has(name)) {
        dropDepth = 1;
        dropName = name;
      }
      continue;
    }
    if (t.kind === 'start' && (name === 'embed' || name === 'input' || name === 'link' || name === 'meta' || name === 'base')) {
      removed.add(`a <${name}> element`);
      continue;
    }
    if (name === 'br') {
      // </br> is read as <br>, as browsers do.
      write('\n');
      continue;
    }
    if (name === 'img' && t.kind === 'start') {
      const alt = (t.attrs.alt ?? '').replace(/\s+/g, ' ').trim();
      const src = safeHttpUrl(t.attrs.src);
      if (src && !inside('a')) write(`[${escapeMarkdown(alt || 'image')}](${linkTarget(src)})`);
      else {
        if (!src && t.attrs.src) removed.add(`an image at ${describeRefusedUrl(t.attrs.src)}`);
        if (alt) write(escapeMarkdown(alt));
      }
      continue;
    }
    if (BLOCK.has(name)) {
      blockBreak();
      if (t.kind === 'start' && name === 'li') write('- ');
      continue;
    }
    if (CELL.has(name)) {
      if (t.kind === 'start') write(' ');
      continue;
    }
    const emphasis: 'em' | 'strong' | undefined = EMPHASIS[name];
    if (emphasis || name === 'a') {
      const kind: Frame['kind'] = emphasis ?? 'a';
      if (t.kind === 'start' && !t.selfClosing) {
        // A quotation's <cite> names who said it: set it apart from the words before.
        if (name === 'cite' && /\S$/.test(top().buf)) write(' — ');
        let href: string | null = null;
        if (kind === 'a') {
          const raw = t.attrs.href;
          href = safeHttpUrl(raw);
          if (raw !== undefined && !href && raw.trim() && !raw.trim().startsWith('#'))
            removed.add(`a link to ${describeRefusedUrl(raw)} (only http and https links are kept)`);
        }
        stack.push({ kind, buf: '', href, marks: !inside(kind) && (kind !== 'a' || href !== null) });
      } else if (t.kind === 'end') {
        const at = stack.map((f) => f.kind).lastIndexOf(kind);
        if (at > 0) while (stack.length > at) closeFrame();
      }
      continue;
    }
    // Any other tag (span, small, sup, u, font...): its text stays, the tag goes.
  }
  while (stack.length > 1) closeFrame();
  let text = stack[0].buf;
  if (md) text = sanitizeMarkdownLinks(text, removed);
  return { text: paragraphs(text, false), removed: [...removed] };
}

/** HTML as one line of plain text (titles, names, labels): no marks, no links. */
export function htmlToText(html: string): ConvertedText {
  const removed = new Set<string>();
  if (!looksLikeHtml(html)) return { text: decodeEntities(html).replace(/\s+/g, ' ').trim(), removed: [] };
  let out = '';
  let dropDepth = 0;
  let dropName = '';
  for (const t of htmlTokens(html)) {
    if (dropDepth > 0) {
      if (t.kind === 'start' && t.name === dropName && !t.selfClosing) dropDepth++;
      else if (t.kind === 'end' && t.name === dropName) dropDepth--;
      continue;
    }
    if (t.kind === 'text') out += decodeEntities(t.text);
    else if (t.kind === 'start') {
      for (const a of Object.keys(t.attrs)) if (/^on/.test(a)) removed.add(`an event-handler attribute (${a})`);
      if (DROPPED.has(t.name)) {
        removed.add(`a <${t.name}> element`);
        if (!t.selfClosing && !VOID.has(t.name)) {
          dropDepth = 1;
          dropName = t.name;
        }
      } else if (t.name === 'img' && t.attrs.alt) out += ` ${t.attrs.alt} `;
      else if (t.name === 'br' || BLOCK.has(t.name) || CELL.has(t.name)) out += ' ';
    } else if (BLOCK.has(t.name)) out += ' ';
  }
  return { text: out.replace(/\s+/g, ' ').trim(), removed: [...removed] };
}

/** A link target as Markdown needs it: spaces, parentheses and angle brackets percent-encoded. */
export function linkTarget(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function wrapFrame(f: Frame): string {
  const lead = /^\s*/.exec(f.buf)![0];
  const trail = /\s*$/.exec(f.buf.slice(lead.length))![0];
  const inner = f.buf.slice(lead.length, f.buf.length - trail.length);
  if (!f.marks || !inner.replace(/\\./g, 'x').trim()) {
    return f.kind === 'a' && f.marks && f.href ? `${lead}[${escapeMarkdown(f.href)}](${linkTarget(f.href)})${trail}` : f.buf;
  }
  if (f.kind === 'a') return `${lead}[${inner}](${linkTarget(f.href!)})${trail}`;
  // _emphasis_ rather than *emphasis*: the renderer reads **_both_** and _a **b** c_ where *** would be ambiguous.
  const mark = f.kind === 'strong' ? '**' : '_';
  return `${lead}${mark}${inner}${mark}${trail}`;
}

/** Paragraphs separated by one blank line; single line breaks kept; spaces collapsed; empty paragraphs gone. */
function paragraphs(text: string, plain: boolean): string {
  const paras = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n+/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => (plain ? line.replace(/[ \t]+/g, ' ').trim() : line.replace(/[ \t\u00a0]+/g, ' ').trim()))
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((p) => p !== '' && p !== '-');
  return paras.join('\n\n');
}

/**
 * In Markdown written by hand: links, images, autolinks and link definitions keep only http and https targets; any
 * other target is removed and its text kept.
 */
export function sanitizeMarkdownLinks(md: string, removed: Set<string>): string {
  let out = md.replace(
    /(!?)\[((?:\\.|[^\]\\])*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g,
    (_m, _bang: string, label: string, target: string) => {
      const url = safeHttpUrl(target);
      if (url) return `[${label || escapeMarkdown(url)}](${linkTarget(url)})`;
      if (target) removed.add(`a link to ${describeRefusedUrl(target)} (only http and https links are kept)`);
      return label;
    },
  );
  out = out.replace(/<([a-z][a-z0-9+.-]*:[^\s<>]*)>/gi, (_m, target: string) => {
    const url = safeHttpUrl(target);
    if (url) return `[${escapeMarkdown(url)}](${linkTarget(url)})`;
    removed.add(`a link to ${describeRefusedUrl(target)} (only http and https links are kept)`);
    return escapeMarkdown(target);
  });
  out = out.replace(/^ {0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$/gm, (line, target: string) => {
    if (safeHttpUrl(target)) return line;
    removed.add(`a link to ${describeRefusedUrl(target)} (only http and https links are kept)`);
    return '';
  });
  return out;
}
