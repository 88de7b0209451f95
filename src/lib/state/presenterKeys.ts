// The clicker keys of story mode (DESIGN, Keys), shared by the story bar and the presenter window: PageDown, Space and
// → go to the next step, PageUp and ← to the previous one, from anywhere but a text field or a dialog; a focused
// slider keeps its arrows.

/** The parts of a KeyboardEvent the decision reads (a plain object in tests). */
export interface StoryKey {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  defaultPrevented?: boolean;
  /** The focused element, if it is an element (anything with `closest`). */
  target?: unknown;
}

interface ElementLike {
  closest(selector: string): unknown;
  getAttribute(name: string): string | null;
}

const TEXT_OR_DIALOG = 'input, textarea, select, [contenteditable="true"], dialog';

const isElement = (t: unknown): t is ElementLike =>
  typeof t === 'object' && t !== null && typeof (t as ElementLike).closest === 'function' && typeof (t as ElementLike).getAttribute === 'function';

/** `storyKeyStep({ key: 'PageDown' })` is 1: the step a key asks for (1 next, -1 previous, 0 not a story key here). */
export function storyKeyStep(e: StoryKey): -1 | 0 | 1 {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return 0;
  const target = isElement(e.target) ? e.target : null;
  if (target?.closest(TEXT_OR_DIALOG)) return 0;
  const onSlider = target?.getAttribute('role') === 'slider';
  if (e.key === 'PageDown' || e.key === ' ' || (e.key === 'ArrowRight' && !onSlider)) return 1;
  if (e.key === 'PageUp' || (e.key === 'ArrowLeft' && !onSlider)) return -1;
  return 0;
}
