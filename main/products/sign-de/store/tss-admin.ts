import { AppError } from '../../../core/errors';
import type { FiskalyClient } from '../api/client';
import type { SignDeVault } from '../vault-kinds';

/** Admin work on a TSS: log in with the vault's PIN, do it, log out (as fiskaly's own integrations do). */
export async function asTssAdmin<T>(client: FiskalyClient, vault: SignDeVault, tssId: string, work: () => Promise<T>): Promise<T> {
  const pin = await vault.get(tssId, 'admin-pin');
  if (!pin) throw new AppError('E_SECRET_MISSING', 'The vault has no admin PIN for this TSS. Import its recovery file or use the PUK recovery.');
  await client.adminLogin(tssId, pin.pin);
  try {
    return await work();
  } finally {
    await client.adminLogout(tssId).catch(() => {});
  }
}
