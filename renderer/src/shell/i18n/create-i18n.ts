import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../../preload/contract/core/settings';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import { defaultLanguage, uiLanguages } from '../../i18n/languages';

export const resources = { de: { translation: de }, en: { translation: en } } as const;

/** A fresh i18next instance with both languages loaded synchronously: no flash of untranslated keys. */
export function createI18n(language: Language = defaultLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: [...uiLanguages],
    resources,
    initAsync: false,
    // React escapes what it renders; escaping here as well would show `&amp;` and the like.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
