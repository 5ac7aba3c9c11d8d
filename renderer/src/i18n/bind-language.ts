import type { i18n } from 'i18next';
import type { Language } from '../../../preload/contract/core/settings';
import type { AppStore } from '../state/store-types';
import { defaultLanguage } from './languages';

/** The part of `document.documentElement` this needs, so tests can pass a plain object. */
export interface LanguageRoot {
  lang: string;
}

/**
 * Keeps i18next and `<html lang>` on the language in the settings (the default until they load).
 * Returns the unsubscribe function.
 */
export function bindLanguage(store: AppStore, instance: i18n, root: LanguageRoot): () => void {
  const apply = (language: Language) => {
    if (instance.language !== language) void instance.changeLanguage(language);
    root.lang = language;
  };
  apply(store.getState().settings?.language ?? defaultLanguage);
  return store.subscribe((state, previous) => {
    const language = state.settings?.language;
    if (language && language !== previous.settings?.language) apply(language);
  });
}
