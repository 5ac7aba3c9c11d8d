import { z } from 'zod';
import { API_CREDENTIALS_KIND, type EntryKinds, type EntryRegistry, type Vault } from '../../vault';
import type { VaultAccess } from '../../vault/vault-access';
import { SIGN_DE_ENVIRONMENTS } from './environments';

const oneLine = z.string().min(1).max(256);

/**
 * What SIGN DE keeps in the vault: an organization's API key (the neutral kind), and each TSS's admin PIN
 * and PUK, the entry's id being the TSS id.
 */
export const SIGN_DE_VAULT_KINDS = {
  'api-credentials': API_CREDENTIALS_KIND,
  'admin-pin': { secret: z.strictObject({ pin: oneLine }), idLabel: 'tssId' },
  'admin-puk': { secret: z.strictObject({ puk: oneLine }), idLabel: 'tssId' },
} as const satisfies EntryKinds;

export type SignDeVaultKinds = typeof SIGN_DE_VAULT_KINDS;

/** The wing's registration with the vault (its kinds, its environments for the labels), for code that opens a vault itself: tests, the soak. */
export const SIGN_DE_VAULT_REGISTRY: EntryRegistry<SignDeVaultKinds> = {
  kinds: SIGN_DE_VAULT_KINDS,
  environments: SIGN_DE_ENVIRONMENTS.map((environment) => environment.id),
};

/** The vault as SIGN DE code sees it: its own kinds typed. */
export type SignDeVault = Vault<SignDeVaultKinds>;
export type SignDeVaultAccess = VaultAccess<SignDeVaultKinds>;
