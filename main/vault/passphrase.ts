import { MIN_PASSPHRASE_LENGTH } from '../../preload/contract/core/vault';
import { vaultErrors } from './vault-errors';

/** The recovery passphrase as the vault uses it: NFKC first, so the same words typed on any keyboard match. */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFKC');
}

/** The same rule the renderer checks as you type. */
export const PASSPHRASE_MIN_CHARS = MIN_PASSPHRASE_LENGTH;
export const PASSPHRASE_MAX_CHARS = 1024;

/**
 * Rules for a new passphrase (create, export). Unlocking takes any string: a wrong one simply fails.
 * Throws E_VAULT_WEAK_PASSPHRASE naming the rule, never echoing the passphrase.
 */
export function assertPassphraseStrength(passphrase: string): void {
  if (typeof passphrase !== 'string') throw vaultErrors.weakPassphrase('it must be text');
  const normalized = normalizePassphrase(passphrase);
  const chars = [...normalized];
  if (chars.length < PASSPHRASE_MIN_CHARS) {
    throw vaultErrors.weakPassphrase(`use at least ${PASSPHRASE_MIN_CHARS} characters`);
  }
  if (chars.length > PASSPHRASE_MAX_CHARS) {
    throw vaultErrors.weakPassphrase(`use at most ${PASSPHRASE_MAX_CHARS} characters`);
  }
  if (/^\s|\s$/u.test(normalized)) {
    throw vaultErrors.weakPassphrase('it must not start or end with a space (often a copy-and-paste accident)');
  }
  if (/\p{Cc}/u.test(normalized)) {
    throw vaultErrors.weakPassphrase('it must not contain control characters such as line breaks or tabs');
  }
  if (new Set(chars).size < 4) {
    throw vaultErrors.weakPassphrase('use at least 4 different characters');
  }
}
