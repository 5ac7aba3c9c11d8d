import { AppError } from '../../../core/errors';
import { RunCancelled } from '../../../core/runs/run-errors';
import { FiskalyError } from '../api/fiskaly-error';
import type { NextAction } from '../../../../preload/contract/sign-de/runs';

export { RunCancelled };

/** A run stopped; the journal keeps where, and `next` names the way out that works for this cause. */
export class ProvisioningError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly step: string,
    readonly next: NextAction = 'resume',
  ) {
    super(code, message);
    this.name = 'ProvisioningError';
  }
}

/**
 * fiskaly errors a plain resume cannot get past, each with the action that does. Every other fiskaly error
 * (network, timeouts, 5xx, limits the technician can lift, a TSS or client the server lost) is resumed:
 * a resume first compares the journal with what fiskaly shows and redoes what is missing.
 */
const WAY_OUT: Record<string, { next: NextAction; message: string }> = {
  E_ADMIN_PIN_BLOCKED: {
    next: 'puk-recovery',
    message: 'The admin PIN of this TSS is blocked. Open the PUK recovery to set a new PIN, then resume the run.',
  },
  E_ADMIN_LOGIN_FAILED: {
    next: 'repair',
    message: 'The TSS refused the admin PIN in the vault. Repair the run: it sets the vault’s PIN again with the vault’s PUK and goes on.',
  },
  E_CHANGE_ADMIN_PIN_FAILED: {
    next: 'abandon',
    message:
      'The TSS refused the PUK in the vault. If another laptop set this store up, import its recovery file and resume; otherwise abandon this run and set the store up again.',
  },
  E_TSS_DISABLED: {
    next: 'abandon',
    message: 'fiskaly shows this run’s TSS as disabled, which is final. Abandon this run and set the store up again.',
  },
};

/** Any error of a step, as the journal keeps it and the technician sees it. */
export function toProvisioningError(error: unknown, step: string): ProvisioningError | RunCancelled {
  if (error instanceof ProvisioningError || error instanceof RunCancelled) return error;
  if (error instanceof FiskalyError) {
    // fiskaly words a refused PIN or PUK as a plain 401; the step says which of the two it was.
    const refused = error.status === 401 && !WAY_OUT[error.code] && (step === 'admin-login' || step === 'set-pin');
    const code = refused ? (step === 'admin-login' ? 'E_ADMIN_LOGIN_FAILED' : 'E_CHANGE_ADMIN_PIN_FAILED') : error.code;
    const way = WAY_OUT[code];
    if (way) return new ProvisioningError(code, way.message, step, way.next);
    return new ProvisioningError(error.code, error.message, step);
  }
  if (error instanceof AppError) return new ProvisioningError(error.code, error.message, step);
  const kind = error instanceof Error ? error.name : typeof error;
  return new ProvisioningError('E_INTERNAL', `The step "${step}" failed unexpectedly (${kind}). Resume the run to try again.`, step);
}
