// Ids for imported records: a slug of a title or the file's own id, unique within its pool (`-2`, `-3` when taken).

/** Lowercase ASCII letters, digits and hyphens, at most 48 characters; empty when nothing Latin is left. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[œ]/g, 'oe')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= 48) return s;
  const cut = s.slice(0, 48);
  const at = cut.lastIndexOf('-');
  return at > 16 ? cut.slice(0, at) : cut;
}

/** Hands out ids unique within one pool; `fallback` names the record when its text has no Latin letters. */
export class IdPool {
  private taken = new Set<string>();

  /** The id for `text`, suffixed when taken; `duplicate` is true when the suffix was needed. */
  claim(text: string, fallback: string): { id: string; duplicate: boolean } {
    const base = slug(text) || slug(fallback) || 'record';
    if (!this.taken.has(base)) {
      this.taken.add(base);
      return { id: base, duplicate: false };
    }
    for (let n = 2; ; n++) {
      const id = `${base}-${n}`;
      if (!this.taken.has(id)) {
        this.taken.add(id);
        return { id, duplicate: true };
      }
    }
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }
}
