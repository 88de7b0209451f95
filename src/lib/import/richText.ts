// A file's text fields as the atlas keeps them: rich text as light Markdown, titles as plain text, media as a link
// paragraph; whatever the conversion removed (scripts, event handlers, javascript: links) becomes a report warning.
import type { DatasetDraft, Where } from './datasetDraft.ts';
import { escapeMarkdown, htmlToMarkdown, htmlToText, linkTarget, looksLikeHtml } from './htmlToMarkdown.ts';
import { describeRefusedUrl, safeHttpUrl } from './safeHttpUrl.ts';

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function report(draft: DatasetDraft, where: Where, removed: string[]) {
  for (const r of removed) draft.warn(where, 'unsafe-content-removed', `removed ${r}: the atlas keeps paragraphs, emphasis and http/https links only`);
}

/** Rich text (HTML or plain) as light Markdown. `markdown`: the value is already Markdown (the atlas's own CSV). */
export function markdownField(draft: DatasetDraft, where: Where, value: unknown, markdown = false): string {
  const text = asText(value);
  if (!text.trim()) return '';
  const out = htmlToMarkdown(text, { markdownText: markdown });
  report(draft, where, out.removed);
  return out.text;
}

/** A title, name or label: plain text on one line. */
export function textField(draft: DatasetDraft, where: Where, value: unknown): string {
  const text = asText(value);
  if (!text.trim()) return '';
  const out = htmlToText(text);
  report(draft, where, out.removed);
  return out.text;
}

export interface MediaFields {
  url?: unknown;
  caption?: unknown;
  credit?: unknown;
}

/**
 * Media as a Markdown paragraph: "Media: [caption](https://…) (credit: …)". Nothing is fetched. A media "URL" that is
 * really text (TimelineJS allows a quotation as media) becomes text; any other address is refused with a warning.
 */
export function mediaParagraph(draft: DatasetDraft, where: Where, media: MediaFields | undefined, fieldPrefix = ''): string {
  if (!media || typeof media !== 'object') return '';
  const at = (field: string) => ({ ...where, field: `${fieldPrefix}${field}` });
  const rawUrl = asText(media.url).trim();
  const caption = textField(draft, at(fieldPrefix ? 'caption' : 'Media Caption'), media.caption);
  const credit = markdownField(draft, at(fieldPrefix ? 'credit' : 'Media Credit'), media.credit);
  const creditText = credit ? ` (credit: ${credit.replace(/\n+/g, ' ')})` : '';
  const urlField = at(fieldPrefix ? 'url' : 'Media');
  const words = () => [escapeMarkdown(caption), credit && `credit: ${credit.replace(/\n+/g, ' ')}`].filter(Boolean).join(', ');
  if (!rawUrl) return words() ? `Media: ${words()}` : '';
  const url = safeHttpUrl(rawUrl);
  if (url) {
    const label = escapeMarkdown(caption || url);
    return `Media: [${label}](${linkTarget(url)})${creditText}`;
  }
  if (looksLikeHtml(rawUrl) || !/^[a-z][a-z0-9+.-]*:/i.test(rawUrl)) {
    // Not an address: a quotation or embedded text, kept as text.
    if (!looksLikeHtml(rawUrl) && /^[\w.\-/]+\.[a-z]{2,5}$/i.test(rawUrl)) {
      draft.warn(urlField, 'media-not-http', `media "${rawUrl}" is a relative address: expected an http or https URL; dropped`);
      return words() ? `Media: ${words()}` : '';
    }
    return joinParagraphs(markdownField(draft, urlField, rawUrl), words());
  }
  draft.warn(urlField, 'media-not-http', `media at ${describeRefusedUrl(rawUrl)} removed: expected an http or https URL`);
  return words() ? `Media: ${words()}` : '';
}

/** Paragraphs joined, blanks dropped. */
export function joinParagraphs(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p && p.trim()).join('\n\n');
}
