import type { VaultState } from '../../../preload/contract/core/vault';

/** What the vault needs before PINs and PUKs can be stored: a first setup, an unlock, or nothing. */
export type VaultNeed = 'setup' | 'unlock' | null;

/** A vault form did its job (set up, unlocked): the form is gone, so focus goes to the vault's heading. */
export const vaultFormDone = (previous: VaultNeed, next: VaultNeed): boolean => previous !== null && next === null;

/** Null while the vault's state is unknown: the screens then do not block on it. */
export function vaultNeed(vault: VaultState | null): VaultNeed {
  if (!vault) return null;
  if (!vault.initialized) return 'setup';
  if (!vault.unlocked) return 'unlock';
  return null;
}
