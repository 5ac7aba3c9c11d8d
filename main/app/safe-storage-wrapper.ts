import { safeStorage } from 'electron';
import { AppError } from '../core/errors';
import type { KeyWrapper } from '../vault/key-wrapper';

/** The part of Electron's safeStorage the wrapper uses (injectable for tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const UNAVAILABLE = 'E_VAULT_KEYCHAIN_UNAVAILABLE';

/**
 * The vault's keychain in the app: Electron safeStorage (macOS Keychain, Windows DPAPI, Linux
 * libsecret/kwallet). It refuses where safeStorage protects nothing: encryption unavailable (before
 * `ready`, or no keyring), and on Linux the `basic_text` backend (a hard-coded password) or an `unknown`
 * one. The vault then opens with the recovery passphrase only.
 *
 * safeStorage takes strings, so the key travels as base64 through it; those strings cannot be zeroed.
 */
export function createSafeStorageWrapper(storage: SafeStorageLike = safeStorage, platform: NodeJS.Platform = process.platform): KeyWrapper {
  const unavailableReason = (): string | null => {
    let available: boolean;
    try {
      available = storage.isEncryptionAvailable();
    } catch {
      available = false;
    }
    if (!available) return 'the system keychain is not available (no keyring, or the app is not ready yet)';
    if (platform !== 'linux') return null;
    let backend: string;
    try {
      backend = storage.getSelectedStorageBackend();
    } catch {
      backend = 'unknown';
    }
    if (backend === 'basic_text') {
      return 'on this Linux desktop Electron would store keys with a built-in password (basic_text), which protects nothing';
    }
    if (backend === 'unknown') return 'the Linux keyring backend is not known yet';
    return null;
  };

  return {
    id: 'electron-safe-storage',
    available: () => unavailableReason() === null,
    unavailableReason,
    wrap(bytes: Buffer): Buffer {
      const reason = unavailableReason();
      if (reason) throw new AppError(UNAVAILABLE, `The system keychain cannot store the vault's key: ${reason}.`);
      return storage.encryptString(bytes.toString('base64'));
    },
    unwrap(bytes: Buffer): Buffer {
      const reason = unavailableReason();
      if (reason) throw new AppError(UNAVAILABLE, `The system keychain cannot unlock the vault: ${reason}.`);
      let text: string;
      try {
        text = storage.decryptString(bytes);
      } catch {
        // safeStorage's own message is not shown; it is not needed and says nothing the technician can act on.
        throw new AppError(UNAVAILABLE, "The system keychain could not unwrap the vault's key (it may have been reset or changed).");
      }
      const key = Buffer.from(text, 'base64');
      if (key.length === 0 || key.toString('base64') !== text) {
        throw new AppError(UNAVAILABLE, "The system keychain returned something that is not the vault's key.");
      }
      return key;
    },
  };
}
