// Preferences kept in this browser (not in the URL: they are about the room, not the view). Storage can be denied
// (third-party frames, private modes): a preference is then just not remembered.
const storage = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

export function readFlag(key: string): boolean {
  try {
    return storage()?.getItem(key) === '1';
  } catch {
    return false;
  }
}

export function writeFlag(key: string, on: boolean) {
  try {
    storage()?.setItem(key, on ? '1' : '0');
  } catch {
    /* quota or denied: not remembered */
  }
}

export const PROJECTOR_KEY = 'atlas:projector';
