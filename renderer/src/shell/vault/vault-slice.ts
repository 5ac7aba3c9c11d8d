import type { RecoveryImportResult, VaultState } from '../../../../preload/contract/core/vault';
import type { SaveTarget, SavedFile } from '../../../../preload/contract/core/files';
import type { SliceTools } from '../../state/store-types';

export interface VaultSliceState {
  /** null until vault:status answered. */
  vault: VaultState | null;
}

export type ImportSummary = RecoveryImportResult;

/**
 * The vault's state and the calls that take the recovery passphrase. The passphrase is an argument,
 * never state: it goes to main and is forgotten.
 */
export interface VaultActions {
  loadVault(): Promise<void>;
  setupVault(passphrase: string): Promise<boolean>;
  unlockVault(passphrase: string): Promise<boolean>;
  /** The whole vault's recovery file, or with `only` just that TSS's PIN and PUK (a file for its store's folder). */
  exportRecovery(passphrase: string, destination?: SaveTarget, only?: { tssId: string; store: string }): Promise<SavedFile | null>;
  /**
   * `file` is the recovery file's content as base64; `passphrase` opens it, `vaultPassphrase` this vault.
   * With `newVault` (a laptop without a vault) `vaultPassphrase` is the new vault's: main sets it up and imports.
   */
  importRecovery(file: string, passphrase: string, vaultPassphrase: string, options?: { newVault?: boolean }): Promise<ImportSummary | null>;
  /** After a damaged or rolled-back vault file: the previous generation back, confirmed by the passphrase. */
  restoreVault(passphrase: string): Promise<boolean>;
}

export const initialVaultState: VaultSliceState = { vault: null };

export function createVaultSlice({ bridge, set, get, call }: SliceTools): VaultActions {
  return {
    async loadVault() {
      const vault = await call('loadVault', () => bridge.vault.status());
      if (vault) set({ vault });
    },

    async setupVault(passphrase) {
      const vault = await call('setupVault', () => bridge.vault.setup({ passphrase }));
      if (vault) set({ vault });
      return vault !== null;
    },

    async unlockVault(passphrase) {
      const vault = await call('unlockVault', () => bridge.vault.unlock({ passphrase }));
      if (vault) set({ vault });
      return vault !== null;
    },

    exportRecovery(passphrase, destination, only) {
      return call('exportRecovery', () => bridge.vault['export-recovery']({ passphrase, ...(destination ? { destination } : {}), ...only }));
    },

    async importRecovery(file, passphrase, vaultPassphrase, options = {}) {
      const newVault = options.newVault === true ? { newVault: true as const } : {};
      const summary = await call('importRecovery', () => bridge.vault['import-recovery']({ file, passphrase, vaultPassphrase, ...newVault }));
      if (summary) await Promise.all([get().loadKnownTss(), get().loadVault()]);
      return summary;
    },

    async restoreVault(passphrase) {
      const vault = await call('restoreVault', () => bridge.vault['restore-previous']({ passphrase }));
      if (vault) {
        set({ vault });
        await get().loadKnownTss();
      }
      return vault !== null;
    },
  };
}
