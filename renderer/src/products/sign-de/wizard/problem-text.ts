import type { TFunction } from 'i18next';
import { MAX_CLIENTS, MAX_PIN_LENGTH, MIN_PIN_LENGTH, STORE_NAME_MAX } from '../../../../../preload/contract/sign-de/store-rules';
import type { DraftProblem } from './wizard-rules';
import { type RejectedSerial, SERIAL_MAX_LENGTH } from './client-list';

const limits: Partial<Record<DraftProblem, { min?: number; max?: number }>> = {
  storeNameTooLong: { max: STORE_NAME_MAX },
  pinTooShort: { min: MIN_PIN_LENGTH },
  pinTooLong: { max: MAX_PIN_LENGTH },
  clientsTooMany: { max: MAX_CLIENTS },
};

/** A wizard problem in plain language, with the limit it is about. */
export function problemText(t: TFunction<'sign-de'>, problem: DraftProblem): string {
  return t(`wizard.problems.${problem}`, limits[problem] ?? {});
}

/** Why one till serial was refused, in plain language (with the serial it clashes with, for a case twin). */
export function serialProblemText(t: TFunction<'sign-de'>, entry: RejectedSerial): string {
  return t(`clients.problems.${entry.problem}`, { max: MAX_CLIENTS, length: SERIAL_MAX_LENGTH, twin: entry.twin ?? '' });
}
