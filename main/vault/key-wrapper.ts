/**
 * Something that wraps the vault's data key with a key the vault never sees: the OS keychain (Electron
 * safeStorage, in main/app/) or, for tests, the CLI and the browser shell, a key file (FileKeyWrapper).
 */
export interface KeyWrapper {
  /** Names the wrapper in the vault file, so wraps from different wrappers live side by side. */
  readonly id: string;
  /** Whether wrap/unwrap can be trusted here and now. */
  available(): boolean;
  /** Why available() is false, in plain language; null when it is available. */
  unavailableReason?(): string | null;
  wrap(bytes: Buffer): Buffer;
  /** Throws when the bytes were not wrapped by this wrapper's key (or the key is gone). */
  unwrap(bytes: Buffer): Buffer;
}

/** A wrapper that is never there: the vault then opens with the passphrase only. */
export function unavailableKeyWrapper(reason: string, id = 'none'): KeyWrapper {
  const refuse = (): never => {
    throw new Error(`key wrapper unavailable: ${reason}`);
  };
  return { id, available: () => false, unavailableReason: () => reason, wrap: refuse, unwrap: refuse };
}

export function describeUnavailable(wrapper: KeyWrapper): string {
  return wrapper.unavailableReason?.() ?? 'no trusted system keychain is available on this computer';
}
