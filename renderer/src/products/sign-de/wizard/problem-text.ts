import type { TFunction } from 'i18next';
import { MAX_CLIENTS, MAX_PIN_LENGTH, MIN_PIN_LENGTH, STORE_NAME_MAX } from '../../../../../preload/contract/sign-de/store-rules';
import type { DraftProblem } from './wizard-rules';

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
