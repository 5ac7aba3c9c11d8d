import { AppError } from '../core/errors';
import type { VaultAccess } from './vault-access';

/**
 * What main confirms itself, whatever the page sends: the steps that cost money, cannot be undone or
 * put a secret of someone's choosing into a TSS. The page (which may be compromised) can send any word;
 * it cannot send the vault's recovery passphrase unless the technician types it.
 */
export type ConfirmedAction = 'switch-to-live' | 'start-live-run' | 'add-live-tills' | 'set-admin-pin' | 'disable-tss' | 'live-migration';

const ACTION_TEXT: Record<ConfirmedAction, string> = {
  'switch-to-live': 'Switching to fiskaly LIVE',
  'start-live-run': 'Starting a setup in fiskaly LIVE',
  'add-live-tills': 'Registering tills in fiskaly LIVE',
  'set-admin-pin': 'Setting an admin PIN',
  'disable-tss': 'Disabling a TSS',
  'live-migration': 'Migrating a store in fiskaly LIVE',
};

export const ConfirmationErrorCode = {
  required: 'E_CONFIRMATION_REQUIRED',
  failed: 'E_CONFIRMATION_FAILED',
} as const;

/**
 * The one rule: the request carries the vault's recovery passphrase and main verifies it by unwrapping
 * the vault's data key with it (the vault's own unlock path, the same KDF; a locked vault is unlocked as
 * a side effect). Throws before anything is done; the passphrase is never part of a message.
 */
export async function requirePassphrase(vault: VaultAccess, action: ConfirmedAction, passphrase: string | undefined): Promise<void> {
  const what = ACTION_TEXT[action];
  if (typeof passphrase !== 'string' || passphrase === '') {
    throw new AppError(ConfirmationErrorCode.required, `${what} needs the vault's recovery passphrase, entered in TSS Companion. Nothing was changed.`);
  }
  if (!(await vault.isInitialized())) {
    throw new AppError('E_VAULT_NOT_INITIALIZED', `${what} needs the vault's recovery passphrase: set up the vault first. Nothing was changed.`);
  }
  try {
    await vault.unlock(passphrase);
  } catch (error) {
    if (error instanceof AppError && error.code === 'E_VAULT_WRONG_PASSPHRASE') {
      throw new AppError(ConfirmationErrorCode.failed, `${what} was refused: the passphrase does not open this vault. Check Caps Lock and the keyboard layout, and try again. Nothing was changed.`);
    }
    throw error;
  }
}

/** Whether a provisioning plan asks for a confirmation: a LIVE TSS, or an admin PIN the page chose. */
export function planConfirmation(plan: { environment: string; adminPin?: string }): ConfirmedAction | null {
  if (plan.environment === 'live') return 'start-live-run';
  if (plan.adminPin !== undefined) return 'set-admin-pin';
  return null;
}
