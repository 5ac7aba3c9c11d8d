import { AppError } from '../core/errors';

/**
 * The vault's error codes. Messages are plain language and name files or entry ids at most: never a
 * secret, a key, a passphrase or a crypto library's own message.
 */
export const VaultErrorCode = {
  tampered: 'E_VAULT_TAMPERED',
  wrongPassphrase: 'E_VAULT_WRONG_PASSPHRASE',
  keychainUnavailable: 'E_VAULT_KEYCHAIN_UNAVAILABLE',
  weakPassphrase: 'E_VAULT_WEAK_PASSPHRASE',
  locked: 'E_VAULT_LOCKED',
  notInitialized: 'E_VAULT_NOT_INITIALIZED',
  exists: 'E_VAULT_EXISTS',
  entryNotFound: 'E_VAULT_ENTRY_NOT_FOUND',
  invalidEntry: 'E_VAULT_INVALID_ENTRY',
  reasonRequired: 'E_VAULT_REASON_REQUIRED',
  unsupportedVersion: 'E_VAULT_UNSUPPORTED_VERSION',
  noPrevious: 'E_VAULT_NO_PREVIOUS_GENERATION',
  rollback: 'E_VAULT_ROLLBACK',
  nothingToRestore: 'E_VAULT_NOTHING_TO_RESTORE',
  recoveryFileInvalid: 'E_VAULT_RECOVERY_FILE_INVALID',
  testOnly: 'E_VAULT_TEST_ONLY',
} as const;

export type VaultErrorCode = (typeof VaultErrorCode)[keyof typeof VaultErrorCode];

/** An AppError that also says whether `vault.json.prev` is intact, so the UI can offer to restore it. */
export class VaultError extends AppError {
  constructor(
    code: VaultErrorCode,
    message: string,
    readonly previousIntact = false,
  ) {
    super(code, message);
    this.name = 'VaultError';
  }
}

const RESTORE_HOW =
  'restore it with "Restore the previous generation" on the overview or `tss-companion vault restore-previous` (both ask for the recovery passphrase)';

const KEYCHAIN_ADVICE =
  'Unlock the vault with your recovery passphrase, or import a recovery file.';

export const vaultErrors = {
  tampered(what: string, previousIntact: boolean): VaultError {
    const advice = previousIntact
      ? ` The previous generation (vault.json.prev) is intact: ${RESTORE_HOW}, which keeps the damaged file aside; then import your latest recovery file for anything saved since.`
      : ' No intact previous generation was found: import a recovery file.';
    return new VaultError(
      VaultErrorCode.tampered,
      `The vault file was damaged or altered (${what}). It was not used and nothing was deleted.${advice}`,
      previousIntact,
    );
  },
  wrongPassphrase(): VaultError {
    return new VaultError(
      VaultErrorCode.wrongPassphrase,
      'The passphrase does not open this vault. Check the keyboard layout and Caps Lock, and try again.',
    );
  },
  wrongRecoveryPassphrase(): VaultError {
    return new VaultError(
      VaultErrorCode.wrongPassphrase,
      'The passphrase does not open this recovery file, or the file was altered.',
    );
  },
  keychainUnavailable(reason: string): VaultError {
    return new VaultError(VaultErrorCode.keychainUnavailable, `The system keychain cannot unlock the vault: ${reason}. ${KEYCHAIN_ADVICE}`);
  },
  weakPassphrase(rule: string): VaultError {
    return new VaultError(VaultErrorCode.weakPassphrase, `The recovery passphrase is too weak: ${rule}.`);
  },
  locked(keychainProblem: string | null): VaultError {
    const why = keychainProblem ? ` (${keychainProblem})` : '';
    return new VaultError(VaultErrorCode.locked, `The vault is locked${why}. ${KEYCHAIN_ADVICE}`);
  },
  notInitialized(): VaultError {
    return new VaultError(VaultErrorCode.notInitialized, 'There is no vault in this data folder yet.');
  },
  exists(): VaultError {
    return new VaultError(VaultErrorCode.exists, 'A vault already exists in this data folder; it was left untouched.');
  },
  entryNotFound(id: string, kind: string): VaultError {
    return new VaultError(VaultErrorCode.entryNotFound, `The vault has no ${kind} for ${id}.`);
  },
  invalidEntry(problem: string): VaultError {
    return new VaultError(VaultErrorCode.invalidEntry, `The entry cannot be stored: ${problem}.`);
  },
  reasonRequired(): VaultError {
    return new VaultError(VaultErrorCode.reasonRequired, 'Say why the secret is needed (1 to 500 characters); it goes into the audit log.');
  },
  unsupportedVersion(file: string): VaultError {
    return new VaultError(VaultErrorCode.unsupportedVersion, `${file} was written by a newer TSS Companion; update the app to open it.`);
  },
  rollback(fileGeneration: number, remembered: number, previousIntact: boolean): VaultError {
    const advice = previousIntact
      ? ` To go on, ${RESTORE_HOW}; then import your latest recovery file to get back what is missing.`
      : ' Import your latest recovery file; the file itself was left untouched.';
    return new VaultError(
      VaultErrorCode.rollback,
      `The vault file is older than the newest one this laptop saved (generation ${fileGeneration}, expected at least ${remembered}): ` +
        `an older copy was put in its place, so PINs or PUKs saved since may be missing. It was not used and nothing was deleted.${advice}`,
      previousIntact,
    );
  },
  nothingToRestore(): VaultError {
    return new VaultError(
      VaultErrorCode.nothingToRestore,
      'The vault is intact and up to date, so nothing was restored: restoring would only step back to older PINs and PUKs.',
    );
  },
  noPrevious(): VaultError {
    return new VaultError(VaultErrorCode.noPrevious, 'There is no intact previous generation (vault.json.prev) to restore.');
  },
  recoveryFileInvalid(problem: string): VaultError {
    return new VaultError(VaultErrorCode.recoveryFileInvalid, `This is not a usable TSS Companion recovery file: ${problem}.`);
  },
  testOnly(): VaultError {
    return new VaultError(VaultErrorCode.testOnly, 'A lowered scrypt cost is for tests only and is refused outside a test run.');
  },
};
