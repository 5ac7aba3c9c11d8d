import { ProvisioningError } from '../provisioning/provisioning-error';

/** A migration stopped for a cause of its own (V1's state, an unconfirmed serial, a guard of the disable); resumable unless `next` says otherwise. */
export class MigrationError extends ProvisioningError {
  constructor(code: string, message: string, step: string, next: ProvisioningError['next'] = 'resume') {
    super(code, message, step, next);
    this.name = 'MigrationError';
  }
}
