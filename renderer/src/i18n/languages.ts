import type { Language } from '../../../preload/contract/core/settings';

/**
 * The languages the UI has texts for. Written out here rather than imported from the contract, whose
 * settings module builds zod schemas at load time and would pull zod into the renderer bundle.
 */
export const uiLanguages = ['de', 'en'] as const satisfies readonly Language[];

/** Fails to compile if the contract gains a language the UI has no texts for. */
export type MissingUiLanguage = Exclude<Language, (typeof uiLanguages)[number]>;
const everyLanguageCovered: MissingUiLanguage extends never ? true : false = true;
void everyLanguageCovered;

export const defaultLanguage: Language = 'de';

export const isUiLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (uiLanguages as readonly string[]).includes(value);
