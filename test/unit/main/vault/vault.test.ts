import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileKeyWrapper, type KeyWrapper, Vault, unavailableKeyWrapper } from '../../../../main/vault';
import { makeTempDir } from '../../../support/temp-dir';
import {
  FAST,
  OTHER_PASSPHRASE,
  PASSPHRASE,
  SECRETS,
  TSS_A,
  TSS_B,
  credentials,
  expectNoSecret,
  failure,
  pinA,
  pukA,
  pukB,
  readVaultJson,
  vaultFile,
} from './vault-test-kit';

const posix = process.platform !== 'win32';

describe('Vault', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let keys: ReturnType<typeof makeTempDir>;
  let wrapper: FileKeyWrapper;
  beforeEach(() => {
    dir = makeTempDir('tss-vault-');
    keys = makeTempDir('tss-vault-keys-');
    wrapper = new FileKeyWrapper(keys.path);
  });
  afterEach(() => {
    dir.remove();
    keys.remove();
  });

  it('round trip: stores PIN, PUK and credentials and reads them back after reopening via the keychain', async () => {
    expect(await Vault.isInitialized(dir.path)).toBe(false);
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    await vault.put(pukA);
    await vault.put(pinA);
    await vault.put(credentials);
    expect(await Vault.isInitialized(dir.path)).toBe(true);

    const reopened = await Vault.open(dir.path, wrapper, FAST);
    expect(reopened.status()).toMatchObject({ unlocked: true, keychainProblem: null, entries: 3 });
    expect(await reopened.get(TSS_A, 'admin-puk')).toEqual({ puk: SECRETS.pukA });
    expect(await reopened.get(TSS_A, 'admin-pin')).toEqual({ pin: SECRETS.pinA });
    expect(await reopened.get(credentials.id, 'api-credentials')).toEqual({ apiKey: SECRETS.apiKey, apiSecret: SECRETS.apiSecret });
    expect(await reopened.get(TSS_B, 'admin-puk')).toBeNull();
  });

  it('unlocks with the passphrase alone, NFKC-normalized', async () => {
    const composed = 'Straße-Köln-2024'; // typed with precomposed ö
    const decomposed = 'Straße-Ko\u0308ln-2024'; // the same words with a combining diaeresis
    await (await Vault.create(dir.path, composed, wrapper, FAST)).put(pukA);
    const vault = await Vault.open(dir.path, unavailableKeyWrapper('test: no keychain'), FAST);
    expect(vault.isUnlocked).toBe(false);
    await vault.unlockWithPassphrase(decomposed);
    expect(await vault.get(TSS_A, 'admin-puk')).toEqual({ puk: SECRETS.pukA });
  });

  it('refuses a wrong passphrase with E_VAULT_WRONG_PASSPHRASE and stays locked', async () => {
    await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    const vault = await Vault.open(dir.path, unavailableKeyWrapper('test'), FAST);
    const error = await vault.unlockWithPassphrase(OTHER_PASSPHRASE).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'VaultError', code: 'E_VAULT_WRONG_PASSPHRASE' });
    expectNoSecret(String((error as Error).message));
    expect(vault.isUnlocked).toBe(false);
  });

  it('refuses a weak passphrase with a clear rule and creates nothing', async () => {
    for (const weak of ['short', 'aaaaaaaaaaaaaaa', ' leading space passphrase', 'line\nbreak passphrase']) {
      await expect(Vault.create(dir.path, weak, wrapper, FAST)).rejects.toMatchObject({ code: 'E_VAULT_WEAK_PASSPHRASE' });
    }
    await expect(Vault.create(dir.path, 'short', wrapper, FAST)).rejects.toThrow(/at least 10 characters/);
    expect(await Vault.isInitialized(dir.path)).toBe(false);
  });

  it('never creates over an existing vault', async () => {
    await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    const before = readFileSync(vaultFile(dir.path), 'utf8');
    await expect(Vault.create(dir.path, OTHER_PASSPHRASE, wrapper, FAST)).rejects.toMatchObject({ code: 'E_VAULT_EXISTS' });
    expect(readFileSync(vaultFile(dir.path), 'utf8')).toBe(before);
  });

  it('opening an empty folder says there is no vault', async () => {
    await expect(Vault.open(dir.path, wrapper, FAST)).rejects.toMatchObject({ code: 'E_VAULT_NOT_INITIALIZED' });
  });

  describe('keychain unavailable', () => {
    it('lists labels while locked, refuses secrets, and the passphrase path works', async () => {
      const created = await Vault.create(dir.path, PASSPHRASE, unavailableKeyWrapper('no keyring on this test box'), FAST);
      expect(created.status().keychainProblem).toBe('no keyring on this test box');
      await created.put(pukA);
      expect(readVaultJson(dir.path).wraps.keychain).toEqual({});

      const vault = await Vault.open(dir.path, unavailableKeyWrapper('no keyring on this test box'), FAST);
      expect(vault.status()).toMatchObject({ unlocked: false, keychainProblem: 'no keyring on this test box' });
      expect(await vault.list()).toEqual([
        expect.objectContaining({ id: TSS_A, kind: 'admin-puk', labels: expect.objectContaining({ storeName: 'Filiale Köln-Ehrenfeld', tssId: TSS_A }) }),
      ]);
      await expect(vault.get(TSS_A, 'admin-puk')).rejects.toMatchObject({ code: 'E_VAULT_LOCKED' });
      await expect(vault.unlockWithKeychain()).rejects.toMatchObject({
        code: 'E_VAULT_KEYCHAIN_UNAVAILABLE',
        message: expect.stringMatching(/recovery passphrase.*recovery file/),
      });
      await vault.unlockWithPassphrase(PASSPHRASE);
      expect(await vault.get(TSS_A, 'admin-puk')).toEqual({ puk: SECRETS.pukA });
    });

    it('a keychain that lost its key (reset keyring) reports E_VAULT_KEYCHAIN_UNAVAILABLE; the passphrase re-stores the key', async () => {
      await (await Vault.create(dir.path, PASSPHRASE, wrapper, FAST)).put(pukA);
      keys.remove(); // the keyring is gone
      const vault = await Vault.open(dir.path, wrapper, FAST);
      expect(vault.isUnlocked).toBe(false);
      await expect(vault.unlockWithKeychain()).rejects.toMatchObject({ code: 'E_VAULT_KEYCHAIN_UNAVAILABLE' });
      await vault.unlockWithPassphrase(PASSPHRASE);
      expect(await vault.get(TSS_A, 'admin-puk')).toEqual({ puk: SECRETS.pukA });
      // The new keyring now holds the key: the next start needs no passphrase.
      expect((await Vault.open(dir.path, wrapper, FAST)).isUnlocked).toBe(true);
    });

    it('a vault made without a keychain gets a keychain wrap once the keychain is there', async () => {
      await (await Vault.create(dir.path, PASSPHRASE, unavailableKeyWrapper('not yet'), FAST)).put(pukA);
      const vault = await Vault.open(dir.path, wrapper, FAST);
      expect(vault.status().keychainProblem).toMatch(/not in this computer's keychain yet/);
      await vault.unlockWithPassphrase(PASSPHRASE);
      expect(Object.keys(readVaultJson(dir.path).wraps.keychain)).toEqual(['file']);
      expect((await Vault.open(dir.path, wrapper, FAST)).isUnlocked).toBe(true);
    });
  });

  it('put is an upsert: same (id, kind) replaced, createdAt kept, a repeat of the same secret writes nothing', async () => {
    let clock = new Date('2025-03-01T10:00:00.000Z');
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, { ...FAST, now: () => clock });
    const first = await vault.put(pukA);
    const generation = vault.status().generation;
    clock = new Date('2025-03-01T11:00:00.000Z');
    expect(await vault.put(pukA)).toEqual(first);
    expect(vault.status().generation).toBe(generation);

    const replaced = await vault.put({ ...pukA, secret: { puk: 'PUK-A-NEW-000111' } });
    expect(replaced).toMatchObject({ createdAt: '2025-03-01T10:00:00.000Z', updatedAt: '2025-03-01T11:00:00.000Z' });
    expect(await vault.list()).toHaveLength(1);
    expect(await vault.get(TSS_A, 'admin-puk')).toEqual({ puk: 'PUK-A-NEW-000111' });
  });

  it('refuses malformed entries without echoing the secret', async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    const bad = [
      { ...pukA, secret: { pin: SECRETS.pukA } },
      { ...pukA, secret: { puk: '' } },
      { ...pukA, id: `bad id ${SECRETS.pukA}` },
      { ...pukA, labels: { ...pukA.labels, environment: 'prod' } },
      { ...pukA, labels: { ...pukA.labels, tssId: TSS_B } },
      { ...pukA, kind: 'admin-password' },
    ];
    for (const entry of bad) {
      const error = await failure(vault.put(entry as never));
      expect(error).toMatchObject({ code: 'E_VAULT_INVALID_ENTRY' });
      expect(error.message).not.toContain(SECRETS.pukA);
    }
  });

  it('serializes concurrent puts: none is lost', async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    await Promise.all([vault.put(pukA), vault.put(pinA), vault.put(pukB), vault.put(credentials)]);
    const reopened = await Vault.open(dir.path, wrapper, FAST);
    expect((await reopened.list()).map((e) => `${e.kind}:${e.id}`).sort()).toEqual(
      [`admin-pin:${TSS_A}`, `admin-puk:${TSS_A}`, `admin-puk:${TSS_B}`, `api-credentials:${credentials.id}`].sort(),
    );
    expect(reopened.status().generation).toBe(5);
  });

  it('writes vault.json with mode 0600 and no secret in clear', async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    await vault.put(pukA);
    await vault.put(credentials);
    const text = readFileSync(vaultFile(dir.path), 'utf8');
    expectNoSecret(text);
    expect(text).toContain('Filiale Köln-Ehrenfeld'); // labels are readable
    if (posix) {
      expect(statSync(vaultFile(dir.path)).mode & 0o777).toBe(0o600);
      expect(statSync(`${vaultFile(dir.path)}.prev`).mode & 0o777).toBe(0o600);
    }
  });

  it('JSON.stringify, util.inspect and String() of an unlocked vault show no secret and no key bytes', async () => {
    const handedOut: Buffer[] = [];
    const spying: KeyWrapper = {
      id: wrapper.id,
      available: () => wrapper.available(),
      wrap: (bytes) => wrapper.wrap(bytes),
      unwrap: (bytes) => {
        const key = wrapper.unwrap(bytes);
        handedOut.push(key);
        return key;
      },
    };
    const created = await Vault.create(dir.path, PASSPHRASE, spying, FAST);
    await created.put(pukA);
    await created.put(credentials);
    const vault = await Vault.open(dir.path, spying, FAST);
    expect(vault.isUnlocked).toBe(true);
    await vault.get(TSS_A, 'admin-puk');
    const [dek] = handedOut;
    expect(dek).toBeDefined();

    const views = [
      JSON.stringify(vault),
      JSON.stringify({ vault }),
      inspect(vault, { depth: 10, showHidden: true }),
      String(vault),
      `${vault}`,
      inspect(wrapper, { depth: 10, showHidden: true }),
    ];
    for (const view of views) {
      expectNoSecret(view);
      for (const encoding of ['hex', 'base64'] as const) expect(view).not.toContain(dek!.toString(encoding));
    }
    expect(JSON.parse(JSON.stringify(vault))).toMatchObject({ unlocked: true, entries: 2 });

    // lock() zeroes the very buffer that held the data key.
    vault.lock();
    expect(dek!.every((b) => b === 0)).toBe(true);
    expect(vault.isUnlocked).toBe(false);
    await expect(vault.get(TSS_A, 'admin-puk')).rejects.toMatchObject({ code: 'E_VAULT_LOCKED' });
    expect(await vault.list()).toHaveLength(2);
  });

  it('errors from every refusal carry no secret', async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    await vault.put(pukA);
    const errors = await Promise.all([
      failure(vault.reveal(TSS_A, 'admin-puk', OTHER_PASSPHRASE, 'check')),
      failure(vault.reveal(TSS_B, 'admin-puk', PASSPHRASE, 'check')),
      failure(vault.reveal(TSS_A, 'admin-puk', PASSPHRASE, '   ')),
      failure(vault.exportRecoveryFile(join(dir.path, 'r.json'), OTHER_PASSPHRASE)),
    ]);
    expect(errors.map((e) => e.code)).toEqual([
      'E_VAULT_WRONG_PASSPHRASE',
      'E_VAULT_ENTRY_NOT_FOUND',
      'E_VAULT_REASON_REQUIRED',
      'E_VAULT_WRONG_PASSPHRASE',
    ]);
    for (const e of errors) {
      expectNoSecret(`${e.message} ${e.stack ?? ''} ${inspect(e)}`);
    }
  });
});
