// The interface's words in the chosen language: English is in the first-load bundle; Japanese, Hindi and Gujarati are
// chunks of their own, loaded when chosen. `<html lang>` follows the catalog actually shown.
import { getContext, setContext } from 'svelte';
import { en, type Messages } from './en';
import type { Lang } from '../model/types';

const loaders: Record<Exclude<Lang, 'en'>, () => Promise<{ default: Messages }>> = {
  ja: () => import('./ja'),
  hi: () => import('./hi'),
  gu: () => import('./gu'),
};

export class I18n {
  /** The catalog shown now (English until a chosen language's catalog has loaded). */
  m = $state.raw<Messages>(en);
  private wanted: Lang = 'en';

  /** Switches to a language; resolves once its words are shown. A failed load keeps the current words. */
  async use(lang: Lang): Promise<void> {
    this.wanted = lang;
    const next = lang === 'en' ? en : (await loaders[lang]()).default;
    if (this.wanted !== lang) return; // a later choice won
    this.m = next;
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }
}

export { en };
export type { Messages };

const KEY = Symbol('i18n');
export const provideI18n = (i: I18n) => setContext(KEY, i);
export const useI18n = () => getContext<I18n>(KEY);
