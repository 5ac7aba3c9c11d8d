/** The vault as the technician's screens see it: never a secret, only its state and what an import did. */

/** The shortest recovery passphrase the vault takes. */
export const MIN_PASSPHRASE_LENGTH = 10;

export interface VaultState {
  /** No vault yet: the first use asks for the recovery passphrase. */
  initialized: boolean;
  unlocked: boolean;
  /** Why the OS keychain did not open the vault (null when it did or was not asked), in main's English words (logs, CLI). */
  keychainProblem: string | null;
  /** The same as a code, which the screens say in the technician's language (never main's English words). */
  keychainProblemCode?: KeychainProblemCode | null;
  entries: number;
  /**
   * Set when vault.json was refused: damaged or altered (E_VAULT_TAMPERED) or older than the newest
   * generation this laptop saved (E_VAULT_ROLLBACK). `previousIntact`: 'vault:restore-previous' can help.
   */
  damage?: { code: 'E_VAULT_TAMPERED' | 'E_VAULT_ROLLBACK'; previousIntact: boolean } | null;
}

/** What 'vault:import-recovery' did. A stored PUK or PIN is never replaced: a different one is a conflict. */
export interface RecoveryImportResult {
  added: number;
  updated: number;
  kept: number;
  /** Entries the vault held with a different secret: both kept, the vault goes on using its own. */
  conflicts: Array<{ tssId: string; kind: 'admin-pin' | 'admin-puk' | 'api-credentials'; storeName?: string }>;
}

/** Why the OS keychain did not open the vault: none here, the key not stored yet, unwrap failed, a key that does not fit, storing refused, saving failed. */
export type KeychainProblemCode = 'unavailable' | 'not-stored' | 'unwrap-failed' | 'wrong-key' | 'wrap-refused' | 'save-failed';
