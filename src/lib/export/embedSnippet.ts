// The <iframe> snippet of "Share this view": attribute values escaped, since a dataset title is any text
// (an imported file's title may hold quotes or markup) and the snippet is pasted into other people's pages.

/** Escapes text for a double-quoted HTML attribute value. */
export function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `size` is `WIDTHxHEIGHT` in pixels, or `responsive` for full width at 16:10. */
export function iframeSnippet(src: string, title: string, size: string): string {
  const m = /^(\d+)x(\d+)$/.exec(size);
  const dims = m ? `width="${m[1]}" height="${m[2]}" style="border:0"` : 'style="width:100%;aspect-ratio:16/10;border:0"';
  return `<iframe src="${escapeAttribute(src)}" ${dims} title="${escapeAttribute(title)}" allow="fullscreen" loading="lazy"></iframe>`;
}
