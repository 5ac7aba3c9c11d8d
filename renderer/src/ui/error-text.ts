import type { Namespace, TFunction } from 'i18next';
import type { UiError } from '../state/ui-error';

export interface ErrorText {
  /** What failed, e.g. "The settings could not be loaded." */
  title: string;
  /** Why, in plain language: the translation for a known code, else main's own message. */
  detail: string;
  /** What to do next; empty when `detail` (a translated one) already says it. */
  next: string;
}

/** The shape of the codes main answers with; only such a code is looked up as a key. */
const ERROR_CODE = /^E_[A-Z0-9_]+$/;

/**
 * The text of a key made at run time (an operation's, an error code's), or '' when no namespace has it.
 * The key may be the shell's or a product's: i18next looks in every namespace (shell/i18n/create-i18n.ts),
 * so this neutral code names no product, and its keys cannot be checked against one namespace's shape.
 */
function textOf<N extends Namespace>(t: TFunction<N>, key: string): string {
  return (t as unknown as (key: string, options: { defaultValue: string }) => string)(key, { defaultValue: '' });
}

/** Why and what next for an error code: the translation for a known code, else main's message as text. */
export function explainCode<N extends Namespace>(t: TFunction<N>, error: { code: string; message: string }): Omit<ErrorText, 'title'> {
  const detail = ERROR_CODE.test(error.code) ? textOf(t, `errors.codes.${error.code}`) : '';
  if (detail) return { detail, next: '' };
  return { detail: error.message, next: textOf(t, 'errors.unknownNext') };
}

/** The words for one failed call. Main's message is shown as plain text, never run through i18next. */
export function describeError<N extends Namespace>(t: TFunction<N>, error: UiError): ErrorText {
  return { title: textOf(t, `errors.operations.${error.operation}`), ...explainCode(t, error) };
}
