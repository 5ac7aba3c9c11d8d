import { AppError } from '../errors';
import { type KeyWrapper, Vault, type VaultOptions } from '../vault';

/**
 * The app's one vault: opened on first use (the OS keychain unlocks it where it can), created with the
 * recovery passphrase on first use of all, unlocked with the passphrase when the keychain cannot.
 */
export class VaultAccess {
  private vault: Vault | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly keyWrapper: KeyWrapper,
    private readonly options: VaultOptions = {},
  ) {}

  isInitialized(): Promise<boolean> {
    return Vault.isInitialized(this.dataDir);
  }

  async status() {
    if (!(await Vault.isInitialized(this.dataDir))) return { initialized: false, unlocked: false, keychainProblem: null, entries: 0 };
    const vault = await this.opened();
    const status = vault.status();
    return { initialized: true, unlocked: status.unlocked, keychainProblem: status.keychainProblem, entries: status.entries };
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

  /** The vault, unlocked, for work that needs a secret; a clear error when it is not ready. */
  async unlocked(): Promise<Vault> {
    if (!(await Vault.isInitialized(this.dataDir))) throw new AppError('E_VAULT_NOT_INITIALIZED', 'Set the recovery passphrase first: TSS Companion keeps PINs and PUKs only in its vault.');
    const vault = await this.opened();
    if (!vault.status().unlocked) throw new AppError('E_VAULT_LOCKED', 'The vault is locked. Unlock it with the recovery passphrase.');
    return vault;
  }

  /** The vault whether or not it is unlocked (listing its labels works locked and offline). */
  async opened(): Promise<Vault> {
    this.vault ??= await Vault.open(this.dataDir, this.keyWrapper, this.options);
    return this.vault;
  }

  close(): void {
    this.vault?.lock();
    this.vault = null;
  }
}
