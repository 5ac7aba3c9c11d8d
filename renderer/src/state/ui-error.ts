import type { BridgeError } from '../../../preload/contract/result';

/** What the technician was doing when a call failed; it picks the error's first sentence. */
export type Operation = 'loadInfo' | 'loadSettings' | 'saveSettings';

/** A failed bridge call as the UI shows it: at most one per operation, the newest one. */
export interface UiError extends BridgeError {
  operation: Operation;
}

/** Operations a "try again" button can repeat by reloading. */
export const retryableOperations: readonly Operation[] = ['loadInfo', 'loadSettings'];

export function withError(errors: UiError[], error: UiError): UiError[] {
  return [...errors.filter((existing) => existing.operation !== error.operation), error];
}

export function withoutError(errors: UiError[], operation: Operation): UiError[] {
  return errors.some((error) => error.operation === operation)
    ? errors.filter((error) => error.operation !== operation)
    : errors;
}
