import { scrypt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileKeyWrapper, Vault, readRecoveryFile, unavailableKeyWrapper } from '../../../../main/vault';
import { PRODUCTION_SCRYPT, SCRYPT_MAXMEM, deriveKey, isTestRun, newScryptParams, scryptParamsProblem } from '../../../../main/vault/kdf';
import { assertPassphraseStrength } from '../../../../main/vault/passphrase';
import { makeTempDir } from '../../../support/temp-dir';
import { PASSPHRASE, REGISTRY, SECRETS, TSS_A, pukA, readVaultJson } from './vault-test-kit';

describe('scrypt at the production cost (N = 2^17, r = 8, p = 1, maxmem 256 MiB)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let keys: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir('tss-vault-kdf-');
    keys = makeTempDir('tss-vault-keys-');
  });
  afterEach(() => {
    dir.remove();
    keys.remove();
  });

  it("Node's default maxmem refuses these parameters, which is why the vault passes 256 MiB", async () => {
    // Node throws synchronously for parameters its maxmem does not allow.
    const error = await new Promise<unknown>((resolve) => {
      try {
        scrypt('x', Buffer.alloc(16), 32, { N: 2 ** 17, r: 8, p: 1 }, (e) => resolve(e));
      } catch (e) {
        resolve(e);
      }
    });
    expect(error).toMatchObject({ code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS' });
    expect(SCRYPT_MAXMEM).toBe(256 * 1024 * 1024);
  });

  it('a vault made with no cost option uses 2^17 and unlocks with the passphrase (timed)', { timeout: 60_000 }, async () => {
    expect(newScryptParams()).toMatchObject({ name: 'scrypt', ...PRODUCTION_SCRYPT });
    const created = await Vault.create(dir.path, PASSPHRASE, new FileKeyWrapper(keys.path), REGISTRY);
    await created.put(pukA);
    expect(readVaultJson(dir.path).header.kdf).toMatchObject({ N: 131072, r: 8, p: 1 });

    const vault = await Vault.open(dir.path, unavailableKeyWrapper('test'), REGISTRY);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    await vault.unlockWithPassphrase(PASSPHRASE);
    const ms = performance.now() - started;
    clearInterval(timer);
    console.info(`vault unlock with passphrase at N=2^17: ${ms.toFixed(0)} ms`);
    expect(await vault.get(TSS_A, 'admin-puk')).toEqual({ puk: SECRETS.pukA });
    // The derivation ran off the event loop: timers kept firing while it worked.
    if (ms > 100) expect(ticks).toBeGreaterThan(2);
  });

  it('a recovery file exported from a production vault is sealed at 2^17 too', { timeout: 60_000 }, async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, unavailableKeyWrapper('test'), REGISTRY);
    await vault.put(pukA);
    const path = join(dir.path, 'recovery.json');
    await vault.exportRecoveryFile(path, PASSPHRASE);
    expect(readFileSync(path, 'utf8')).toContain('"N":131072');
    expect((await readRecoveryFile(path, PASSPHRASE)).entries[0]?.secret).toEqual({ puk: SECRETS.pukA });
  });
});

describe('scrypt parameters', () => {
  it('the lowered cost is an explicit test-only option, refused outside a test run', () => {
    expect(isTestRun()).toBe(true);
    expect(newScryptParams({ unsafeTestOnlyScryptLog2N: 10 }).N).toBe(1024);
    expect(() => newScryptParams({ unsafeTestOnlyScryptLog2N: 9 })).toThrow(expect.objectContaining({ code: 'E_VAULT_TEST_ONLY' }));
    expect(() => newScryptParams({ unsafeTestOnlyScryptLog2N: 17.5 })).toThrow(expect.objectContaining({ code: 'E_VAULT_TEST_ONLY' }));

    const saved = { VITEST: process.env.VITEST, NODE_ENV: process.env.NODE_ENV };
    try {
      delete process.env.VITEST;
      process.env.NODE_ENV = 'production';
      expect(isTestRun()).toBe(false);
      expect(() => newScryptParams({ unsafeTestOnlyScryptLog2N: 10 })).toThrow(expect.objectContaining({ code: 'E_VAULT_TEST_ONLY' }));
      expect(newScryptParams().N).toBe(2 ** 17);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('reads only parameters within bounds (a hostile header cannot ask for gigabytes)', () => {
    const ok = newScryptParams();
    expect(scryptParamsProblem(ok)).toBeNull();
    expect(scryptParamsProblem({ ...ok, N: 2 ** 20 })).toMatch(/N/);
    expect(scryptParamsProblem({ ...ok, N: 3000 })).toMatch(/N/);
    expect(scryptParamsProblem({ ...ok, r: 64 })).toMatch(/r/);
    expect(scryptParamsProblem({ ...ok, p: 0 })).toMatch(/p/);
    expect(scryptParamsProblem({ ...ok, salt: 'c2hvcnQ=' })).toMatch(/salt/);
  });

  it('derives the same key for NFC and NFD spellings, and a different one for another salt', async () => {
    const params = newScryptParams({ unsafeTestOnlyScryptLog2N: 10 });
    const a = await deriveKey('Grüße aus Köln', params);
    const b = await deriveKey('Gru\u0308ße aus Ko\u0308ln', params);
    const c = await deriveKey('Grüße aus Köln', newScryptParams({ unsafeTestOnlyScryptLog2N: 10 }));
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
    expect(a).toHaveLength(32);
  });
});

describe('passphrase rules', () => {
  it.each([
    ['9 characters', 'short1234', /at least 10 characters/],
    ['1025 characters', 'x'.repeat(1025), /at most 1024/],
    ['a leading space', ' passphrase with lead', /start or end with a space/],
    ['a trailing space', 'passphrase with tail ', /start or end with a space/],
    ['a tab', 'pass\tphrase here', /control characters/],
    ['two distinct characters', 'abababababab', /4 different characters/],
  ])('refuses %s', (_label, weak, rule) => {
    expect(() => assertPassphraseStrength(weak)).toThrow(rule);
    expect(() => assertPassphraseStrength(weak)).toThrow(expect.objectContaining({ code: 'E_VAULT_WEAK_PASSPHRASE' }));
  });

  it('accepts a normal passphrase, counting characters after NFKC (not UTF-16 units)', () => {
    expect(() => assertPassphraseStrength(PASSPHRASE)).not.toThrow();
    expect(() => assertPassphraseStrength('Kassé Köln 7')).not.toThrow();
    expect(() => assertPassphraseStrength('😀😀😀😀😀')).toThrow(/at least 10/); // 10 UTF-16 units, 5 characters
  });
});
