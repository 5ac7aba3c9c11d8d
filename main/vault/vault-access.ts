import type { RecoveryImportResult, VaultState } from '../../preload/contract/core/vault';
import { AppError } from '../core/errors';
import { type EntryKinds, type KeyWrapper, Vault, VaultError, VaultErrorCode, type VaultOptions } from './index';
import { assertPassphraseStrength } from './passphrase';
import { openRecoveryFile } from './recovery-file';

/** A refused vault.json the technician can act on: what the Home vault card offers a restore for. */
const RESTORABLE = new Set<string>([VaultErrorCode.tampered, VaultErrorCode.rollback]);

/**
 * The app's one vault: opened on first use (the OS keychain unlocks it where it can), created with the
 * recovery passphrase on first use of all, unlocked with the passphrase when the keychain cannot.
 */
export class VaultAccess<R extends EntryKinds = EntryKinds> {
  private vault: Vault<R> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly keyWrapper: KeyWrapper,
    private readonly options: VaultOptions<R>,
  ) {}

  isInitialized(): Promise<boolean> {
    return Vault.isInitialized(this.dataDir);
  }

  /** The vault's state; a damaged or rolled-back file is a state here (with what can be done), not an error. */
  async status(): Promise<VaultState> {
    if (!(await Vault.isInitialized(this.dataDir))) return { initialized: false, unlocked: false, keychainProblem: null, entries: 0, damage: null };
    let vault: Vault<R>;
    try {
      vault = await this.opened();
      await vault.refresh();
    } catch (error) {
      if (error instanceof VaultError && RESTORABLE.has(error.code)) {
        const code = error.code as 'E_VAULT_TAMPERED' | 'E_VAULT_ROLLBACK';
        return { initialized: true, unlocked: false, keychainProblem: null, entries: 0, damage: { code, previousIntact: error.previousIntact } };
      }
      throw error;
    }
    const status = vault.status();
    // Open and fine in memory, but the file went bad behind this process (another process, a copy).
    const problem = await vault.fileProblem();
    const damage =
      problem && RESTORABLE.has(problem.code)
        ? { code: problem.code as 'E_VAULT_TAMPERED' | 'E_VAULT_ROLLBACK', previousIntact: status.unlocked || problem.previousIntact }
        : null;
    return { initialized: true, unlocked: status.unlocked, keychainProblem: status.keychainProblem, keychainProblemCode: status.keychainProblemCode, entries: status.entries, damage };
  }

  async setup(passphrase: string) {
    if (await Vault.isInitialized(this.dataDir)) throw new AppError('E_VAULT_EXISTS', 'This laptop already has a vault. Unlock it with its passphrase.');
    this.vault = await Vault.create(this.dataDir, passphrase, this.keyWrapper, this.options);
    return this.status();
  }

  async unlock(passphrase: string) {
    await (await this.opened()).unlockWithPassphrase(passphrase);
    return this.status();
  }

  /**
   * Puts the previous generation back after the vault refused vault.json (damaged or rolled back); the
   * passphrase, checked here in main, is the confirmation. The refused file is kept aside. When this
   * process still holds a newer verified generation than what the file shows, that one is written back.
   */
  async restorePrevious(passphrase: string): Promise<VaultState> {
    // This process still holds the newest verified generation: that one goes back, not the older .prev.
    if (this.vault?.isUnlocked && (await this.vault.fileProblem())) {
      await this.vault.restoreFromMemory(passphrase);
      return this.status();
    }
    const restored = await Vault.restorePrevious(this.dataDir, this.keyWrapper, passphrase, this.options);
    this.vault?.lock();
    this.vault = restored;
    return this.status();
  }

  /**
   * Imports a recovery file handed over as bytes. `vaultPassphrase` must open this vault, whatever the
   * keychain did: a page that sealed a file under a passphrase of its own gets nowhere without it.
   */
  async importRecovery(file: Buffer, filePassphrase: string, vaultPassphrase: string): Promise<RecoveryImportResult> {
    const vault = await this.opened();
    const summary = await vault.importRecoveryBytes(file, 'recovery file chosen in the app', filePassphrase, vaultPassphrase);
    return {
      added: summary.added.length,
      updated: summary.updated.length,
      kept: summary.kept.length,
      // The contract names SIGN DE's kinds; a wing's own kind names pass through as they are.
      conflicts: summary.conflicts.map((e) => ({ tssId: e.id, kind: e.kind as RecoveryImportResult['conflicts'][number]['kind'], storeName: e.labels.storeName })),
    };
  }

  /**
   * A new laptop's first step with a recovery file: the file is opened first (a wrong file or passphrase
   * leaves the laptop as it was), then the vault is set up with `newPassphrase` and the file imported into
   * it, in one go. From then on the vault's passphrase is `newPassphrase`, not the file's.
   */
  async setupFromRecovery(file: Buffer, filePassphrase: string, newPassphrase: string): Promise<RecoveryImportResult> {
    if (await Vault.isInitialized(this.dataDir)) throw new AppError('E_VAULT_EXISTS', 'This laptop already has a vault. Import the file with this vault’s passphrase.');
    assertPassphraseStrength(newPassphrase);
    await openRecoveryFile(file, filePassphrase, this.options);
    await this.setup(newPassphrase);
    return this.importRecovery(file, filePassphrase, newPassphrase);
  }

  /** The vault, unlocked, for work that needs a secret; a clear error when it is not ready. */
  async unlocked(): Promise<Vault<R>> {
    if (!(await Vault.isInitialized(this.dataDir))) throw new AppError('E_VAULT_NOT_INITIALIZED', 'Set the recovery passphrase first: TSS Companion keeps PINs and PUKs only in its vault.');
    const vault = await this.opened();
    if (!vault.status().unlocked) throw new AppError('E_VAULT_LOCKED', 'The vault is locked. Unlock it with the recovery passphrase.');
    return vault;
  }

  /** The vault whether or not it is unlocked (listing its labels works locked and offline). */
  async opened(): Promise<Vault<R>> {
    this.vault ??= await Vault.open(this.dataDir, this.keyWrapper, this.options);
    return this.vault;
  }

  close(): void {
    this.vault?.lock();
    this.vault = null;
  }
}
