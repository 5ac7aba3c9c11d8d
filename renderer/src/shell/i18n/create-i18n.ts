import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../../preload/contract/core/settings';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import { defaultLanguage, uiLanguages } from '../../i18n/languages';
import { productMessages } from '../../products';

/** The namespace of the shell's and the shared building blocks' texts, and the default one. */
export const COMMON_NAMESPACE = 'common';

const commonMessages: Record<Language, typeof de> = { de, en };

/** Every language's namespaces: `common` and one per product wing. */
export const resources = Object.fromEntries(
  uiLanguages.map((language) => [
    language,
    {
      [COMMON_NAMESPACE]: commonMessages[language],
      ...Object.fromEntries(Object.entries(productMessages).map(([namespace, messages]) => [namespace, messages[language]])),
    },
  ]),
);

/** `common` first, then each product's. */
export const namespaces = [COMMON_NAMESPACE, ...Object.keys(productMessages)];

/**
 * A fresh i18next instance with both languages loaded synchronously: no flash of untranslated keys.
 * A key missing from the namespace asked is looked up in the others, `common` first: a product's screens
 * find the shared texts, and the neutral error notices find a product's texts without naming the product.
 */
export function createI18n(language: Language = defaultLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: [...uiLanguages],
    resources,
    ns: namespaces,
    defaultNS: COMMON_NAMESPACE,
    fallbackNS: namespaces,
    initAsync: false,
    // React escapes what it renders; escaping here as well would show `&amp;` and the like.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
