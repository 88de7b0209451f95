// An absolute http or https URL as a normalised string, or null: the only links an import keeps (javascript:, data:,
// relative and protocol-relative addresses are refused).

export function safeHttpUrl(raw: string | undefined | null): string | null {
  if (typeof raw !== 'string') return null;
  // The URL parser drops tabs and line breaks inside a scheme ("java\tscript:"), so check what it makes of it.
  const text = raw.trim();
  // eslint-disable-next-line no-control-regex -- control characters are what a hidden scheme hides behind
  if (!/^https?:\/\//i.test(text.replace(/[\u0000-\u0020]/g, ''))) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return url.href;
}

/** The scheme of a refused address, for the report ("javascript:", "data:"), or "a relative address". */
export function describeRefusedUrl(raw: string): string {
  // eslint-disable-next-line no-control-regex -- as above
  const m = /^\s*([a-z][a-z0-9+.-]*):/i.exec(raw.replace(/[\u0000-\u001f]/g, ''));
  return m ? `a ${m[1].toLowerCase()}: address` : 'a relative address';
}
