import type { FiskalyClient } from '../api/client';
import { FiskalyError } from '../api/fiskaly-error';
import type { KnownTss } from '../../../../preload/contract/sign-de/known-tss';
import { signDeEnvironmentOf } from '../environments';
import type { SignDeVault } from '../vault-kinds';
import { generateAdminPin } from './admin-pin';
import { ProvisioningError } from './provisioning-error';
import { MIN_PIN_LENGTH } from './store-plan';

/** Every TSS the vault holds a PIN or PUK for: read from the labels, so it works locked and offline. */
export async function listKnownTss(vault: SignDeVault): Promise<KnownTss[]> {
  const byTss = new Map<string, KnownTss>();
  for (const entry of await vault.list()) {
    const environment = signDeEnvironmentOf(entry.labels.environment);
    if ((entry.kind !== 'admin-pin' && entry.kind !== 'admin-puk') || !environment) continue;
    const known = byTss.get(entry.id) ?? {
      tssId: entry.id,
      storeName: entry.labels.storeName,
      environment,
      organizationId: entry.labels.organizationId,
      hasPuk: false,
      hasPin: false,
      updatedAt: entry.updatedAt,
    };
    if (entry.kind === 'admin-puk') known.hasPuk = true;
    if (entry.kind === 'admin-pin') known.hasPin = true;
    if (entry.updatedAt > known.updatedAt) known.updatedAt = entry.updatedAt;
    byTss.set(entry.id, known);
  }
  return [...byTss.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Shows a PUK after the passphrase, with no network at all; the vault writes the reveal to its audit log. */
export async function revealPuk(vault: SignDeVault, tssId: string, passphrase: string): Promise<string> {
  return (await vault.reveal(tssId, 'admin-puk', passphrase, 'PUK recovery')).puk;
}

export const isPinBlocked = (error: unknown): boolean =>
  (error instanceof FiskalyError || error instanceof ProvisioningError) && error.code === 'E_ADMIN_PIN_BLOCKED';

/**
 * Unblocks (or simply changes) the admin PIN: the new PIN is stored first, then set with the PUK, then
 * proven with an admin login, then the session is closed. If fiskaly refuses the PUK, the old PIN entry
 * comes back, so the vault never holds a PIN the TSS does not have.
 */
export async function unblockAdminPin(client: FiskalyClient, vault: SignDeVault, tssId: string, newPin: string = generateAdminPin()): Promise<void> {
  if (newPin.length < MIN_PIN_LENGTH) {
    throw new ProvisioningError('E_PIN_TOO_SHORT', `The new admin PIN needs at least ${MIN_PIN_LENGTH} characters.`, 'unblock');
  }
  const puk = await vault.get(tssId, 'admin-puk');
  if (!puk) throw new ProvisioningError('E_SECRET_MISSING', 'The vault has no PUK for this TSS. Import the recovery file that holds it first.', 'unblock');
  const labels = (await vault.list()).find((e) => e.id === tssId && e.kind === 'admin-puk')!.labels;
  const previous = await vault.get(tssId, 'admin-pin');
  await vault.put({ id: tssId, kind: 'admin-pin', labels, secret: { pin: newPin } });
  try {
    await client.changeAdminPin(tssId, puk.puk, newPin);
  } catch (error) {
    const refused = error instanceof FiskalyError && !error.retryable;
    if (refused && previous) await vault.put({ id: tssId, kind: 'admin-pin', labels, secret: previous });
    throw error;
  }
  await client.adminLogin(tssId, newPin);
  await client.adminLogout(tssId);
}
