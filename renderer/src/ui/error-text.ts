import type { TFunction } from 'i18next';
import { de } from '../i18n/de';
import type { UiError } from '../state/ui-error';

export type KnownErrorCode = keyof typeof de.errors.codes;

export const isKnownErrorCode = (code: string): code is KnownErrorCode => Object.hasOwn(de.errors.codes, code);

export interface ErrorText {
  /** What failed, e.g. "The settings could not be loaded." */
  title: string;
  /** Why, in plain language: the translation for a known code, else main's own message. */
  detail: string;
  /** What to do next; empty when `detail` (a translated one) already says it. */
  next: string;
}

/** Why and what next for an error code: the translation for a known code, else main's message as text. */
export function explainCode(t: TFunction, error: { code: string; message: string }): Omit<ErrorText, 'title'> {
  if (isKnownErrorCode(error.code)) return { detail: t(`errors.codes.${error.code}`), next: '' };
  return { detail: error.message, next: t('errors.unknownNext') };
}

/** The words for one failed call. Main's message is shown as plain text, never run through i18next. */
export function describeError(t: TFunction, error: UiError): ErrorText {
  return { title: t(`errors.operations.${error.operation}`), ...explainCode(t, error) };
}
