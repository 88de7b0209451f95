// The words for refused input, one text per kind, shared by the URL reader, the embed bridge and the UI.
// English for now; the language issue moves them into the per-language catalogs.

export type Refusal =
  | { kind: 'unknown-record'; id: string }
  | { kind: 'unknown-story'; story: string }
  | { kind: 'no-such-step'; story: string; steps: number; step: number }
  | { kind: 'unknown-ids'; key: 'themes' | 'status' | 'actors'; ids: string[] }
  | { kind: 'bad-range' };

const quoted = (ids: string[]) => ids.map((id) => `"${id}"`).join(', ');

/** One sentence saying why an intent was refused. */
export function refusalText(r: Refusal): string {
  switch (r.kind) {
    case 'unknown-record':
      return `no event, place or initiative has the id "${r.id}"`;
    case 'unknown-story':
      return `no story has the id "${r.story}"`;
    case 'no-such-step':
      return `story "${r.story}" has ${r.steps} steps, not ${r.step}`;
    case 'unknown-ids':
      return `${r.key} has no ${quoted(r.ids)}`;
    case 'bad-range':
      return 'a range must end on or after its start';
  }
}
