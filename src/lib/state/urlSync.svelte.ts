// The URL as a projection of AtlasState, and Back/Forward restoring it. At top level, selecting and story steps
// push a history entry and the rest replaces; inside a frame everything replaces, so a host deck's Back button never
// walks the atlas. During playback the URL is written at most twice a second (history calls are not free per frame).
import { untrack } from 'svelte';
import { formatUrl, parseUrl } from './urlCodec';
import { fullAtlasUrl } from './embedMessages';
import type { AtlasState } from './AtlasState.svelte';

/** What distinguishes history entries: the selection and the story step. */
export const historyKey = (a: Pick<AtlasState, 'selectedId' | 'storyId' | 'storyStep'>) => `${a.selectedId}|${a.storyId}|${a.storyStep}`;

/** Push when the history key changed at top level; replace otherwise. */
export function historyMode(prevKey: string, key: string, inFrame: boolean): 'push' | 'replace' {
  return key !== prevKey && !inFrame ? 'push' : 'replace';
}

export interface UrlWindow {
  readonly location: { pathname: string; search: string; hash: string; href: string };
  readonly history: { pushState(d: unknown, u: string, url: string): void; replaceState(d: unknown, u: string, url: string): void };
  addEventListener(type: 'popstate', fn: () => void): void;
  removeEventListener(type: 'popstate', fn: () => void): void;
}

/** Keeps the URL in step with the state (call during a component's setup); `onWrite` hears each new query. */
export function attachUrlSync(atlas: AtlasState, win: UrlWindow, inFrame: boolean, onWrite: (query: string, fullUrl: string) => void) {
  let lastQuery = win.location.search.replace(/^\?/, '');
  let lastKey = historyKey(atlas);
  let timer: ReturnType<typeof setTimeout> | null = null;

  function write(query: string, key: string) {
    if (query === lastQuery) return;
    const url = `${win.location.pathname}${query ? `?${query}` : ''}${win.location.hash}`;
    if (historyMode(lastKey, key, inFrame) === 'push') win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
    lastQuery = query;
    lastKey = key;
    onWrite(query, fullAtlasUrl(win.location.href));
  }

  $effect(() => {
    const query = formatUrl(atlas.toUrl());
    const key = historyKey(atlas);
    const playing = atlas.playing;
    untrack(() => {
      if (query === lastQuery) return;
      if (playing && key === lastKey) {
        timer ??= setTimeout(() => {
          timer = null;
          write(formatUrl(atlas.toUrl()), lastKey);
        }, 500);
        return;
      }
      write(query, key);
    });
  });

  $effect(() => {
    const onPop = () => {
      lastQuery = win.location.search.replace(/^\?/, '');
      atlas.restoreUrl(parseUrl(win.location.search).state);
      lastKey = historyKey(atlas);
    };
    win.addEventListener('popstate', onPop);
    return () => {
      win.removeEventListener('popstate', onPop);
      if (timer) clearTimeout(timer);
    };
  });
}
