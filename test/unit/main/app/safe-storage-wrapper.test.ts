import electron from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSafeStorageWrapper } from '../../../../main/app/safe-storage-wrapper';
import { SIGN_DE_VAULT_REGISTRY } from '../../../../main/products/sign-de';
import { Vault } from '../../../../main/vault';
import { safeStorage } from '../../../fakes/electron';
import { makeTempDir } from '../../../support/temp-dir';

const PASSPHRASE = 'correct horse battery staple';
const KEY = Buffer.from('0123456789abcdef0123456789abcdef');

describe('createSafeStorageWrapper', () => {
  beforeEach(() => safeStorage.reset());
  afterEach(() => safeStorage.reset());

  it('uses the safeStorage export of electron (the fake here), also on the default export', () => {
    expect((electron as unknown as { safeStorage: unknown }).safeStorage).toBe(safeStorage);
  });

  it('wraps and unwraps through safeStorage on a Linux keyring (libsecret)', () => {
    const wrapper = createSafeStorageWrapper(undefined, 'linux');
    expect(wrapper.id).toBe('electron-safe-storage');
    expect(wrapper.available()).toBe(true);
    expect(wrapper.unavailableReason?.()).toBeNull();
    const wrapped = wrapper.wrap(KEY);
    expect(wrapped.includes(KEY)).toBe(false);
    expect(wrapped.includes(Buffer.from(KEY.toString('base64')))).toBe(false);
    expect(wrapper.unwrap(wrapped).equals(KEY)).toBe(true);
  });

  it("refuses Linux's basic_text backend (a hard-coded password), with a reason", () => {
    safeStorage.backend = 'basic_text';
    const wrapper = createSafeStorageWrapper(undefined, 'linux');
    expect(wrapper.available()).toBe(false);
    expect(wrapper.unavailableReason?.()).toMatch(/basic_text/);
    expect(() => wrapper.wrap(KEY)).toThrow(expect.objectContaining({ code: 'E_VAULT_KEYCHAIN_UNAVAILABLE' }));
    expect(() => wrapper.unwrap(Buffer.from('v11xxxx'))).toThrow(expect.objectContaining({ code: 'E_VAULT_KEYCHAIN_UNAVAILABLE' }));
  });

  it("refuses an unknown Linux backend (before ready), but the backend means nothing on macOS and Windows", () => {
    safeStorage.backend = 'unknown';
    expect(createSafeStorageWrapper(undefined, 'linux').available()).toBe(false);
    safeStorage.backend = 'basic_text';
    expect(createSafeStorageWrapper(undefined, 'darwin').available()).toBe(true);
    expect(createSafeStorageWrapper(undefined, 'win32').available()).toBe(true);
  });

  it('refuses when encryption is not available at all', () => {
    safeStorage.encryptionAvailable = false;
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const wrapper = createSafeStorageWrapper(undefined, platform);
      expect(wrapper.available()).toBe(false);
      expect(wrapper.unavailableReason?.()).toMatch(/not available/);
    }
  });

  it('a reset keyring makes unwrap fail with E_VAULT_KEYCHAIN_UNAVAILABLE and no key material in the message', () => {
    const wrapper = createSafeStorageWrapper(undefined, 'linux');
    const wrapped = wrapper.wrap(KEY);
    safeStorage.resetKeyring();
    let error: Error | undefined;
    try {
      wrapper.unwrap(wrapped);
    } catch (e) {
      error = e as Error;
    }
    expect(error).toMatchObject({ code: 'E_VAULT_KEYCHAIN_UNAVAILABLE' });
    expect(error?.message).not.toContain(KEY.toString('base64'));
    expect(error?.message).not.toContain('safeStorage.decryptString');
  });

  describe('with the vault', () => {
    let dir: ReturnType<typeof makeTempDir>;
    beforeEach(() => {
      dir = makeTempDir('tss-vault-safe-storage-');
    });
    afterEach(() => dir.remove());

    it('opens without a passphrase on a trusted keyring; on basic_text it stays locked and the passphrase opens it', async () => {
      const wrapper = createSafeStorageWrapper(undefined, 'linux');
      const created = await Vault.create(dir.path, PASSPHRASE, wrapper, { unsafeTestOnlyScryptLog2N: 10, ...SIGN_DE_VAULT_REGISTRY });
      await created.put({ id: 'tss-1', kind: 'admin-puk', labels: { environment: 'sandbox' }, secret: { puk: 'PUK-777888999' } });
      expect((await Vault.open(dir.path, wrapper, SIGN_DE_VAULT_REGISTRY)).isUnlocked).toBe(true);

      safeStorage.backend = 'basic_text';
      const vault = await Vault.open(dir.path, createSafeStorageWrapper(undefined, 'linux'), SIGN_DE_VAULT_REGISTRY);
      expect(vault.isUnlocked).toBe(false);
      expect(vault.status().keychainProblem).toMatch(/basic_text/);
      await expect(vault.unlockWithKeychain()).rejects.toMatchObject({ code: 'E_VAULT_KEYCHAIN_UNAVAILABLE' });
      await vault.unlockWithPassphrase(PASSPHRASE);
      expect(await vault.get('tss-1', 'admin-puk')).toEqual({ puk: 'PUK-777888999' });
    });
  });
});
