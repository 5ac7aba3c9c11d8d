import { AppError } from '../errors';
import { FiskalyError } from '../fiskaly/fiskaly-error';

/** A run stopped; the journal keeps where, and a resume continues from there. */
export class ProvisioningError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly step: string,
    /** Where the technician should go next: the PUK recovery for a blocked PIN. */
    readonly next: 'resume' | 'puk-recovery' | 'fix-plan' = 'resume',
  ) {
    super(code, message);
    this.name = 'ProvisioningError';
  }
}

export class RunCancelled extends AppError {
  constructor(readonly step: string) {
    super('E_RUN_CANCELLED', `The run was stopped before "${step}". Resume it from Home to continue where it stopped.`);
    this.name = 'RunCancelled';
  }
}

/** A blocked admin PIN anywhere points to the PUK recovery; other fiskaly errors keep their explanation. */
export function toProvisioningError(error: unknown, step: string): ProvisioningError | RunCancelled {
  if (error instanceof ProvisioningError || error instanceof RunCancelled) return error;
  if (error instanceof FiskalyError) {
    if (error.code === 'E_ADMIN_PIN_BLOCKED') {
      return new ProvisioningError(error.code, 'The admin PIN of this TSS is blocked. Open the PUK recovery to set a new PIN, then resume the run.', step, 'puk-recovery');
    }
    return new ProvisioningError(error.code, error.message, step);
  }
  if (error instanceof AppError) return new ProvisioningError(error.code, error.message, step);
  const kind = error instanceof Error ? error.name : typeof error;
  return new ProvisioningError('E_INTERNAL', `The step "${step}" failed unexpectedly (${kind}). Resume the run to try again.`, step);
}
