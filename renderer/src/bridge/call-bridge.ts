import { type Result, fail } from '../../../preload/contract/core/result';
import { rendererErrorCodes } from './error-codes';

/**
 * Runs one bridge call and always resolves to a Result: a thrown error, a rejected promise or a
 * malformed answer becomes an ok:false Result, so no caller needs try/catch and nothing crashes.
 */
export async function callBridge<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  let result: unknown;
  try {
    result = await call();
  } catch {
    // The thrown value may echo anything it touched, so none of it is kept.
    return fail(rendererErrorCodes.callFailed, 'The call to TSS Companion did not complete.');
  }
  if (!isResult(result)) return fail(rendererErrorCodes.badResponse, 'TSS Companion sent an unexpected answer.');
  return result as Result<T>;
}

function isResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; error?: unknown };
  if (candidate.ok === true) return 'value' in candidate;
  if (candidate.ok !== false || typeof candidate.error !== 'object' || candidate.error === null) return false;
  const error = candidate.error as { code?: unknown; message?: unknown };
  return typeof error.code === 'string' && typeof error.message === 'string';
}
