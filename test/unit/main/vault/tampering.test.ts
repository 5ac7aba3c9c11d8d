import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileKeyWrapper, Vault, unavailableKeyWrapper } from '../../../../main/vault';
import { sealCheck } from '../../../../main/vault/aead';
import { type VaultBody, checksumOf, sealAadOf } from '../../../../main/vault/vault-file';
import { makeTempDir } from '../../../support/temp-dir';
import {
  FAST,
  PASSPHRASE,
  TSS_A,
  TSS_B,
  type VaultJson,
  credentials,
  flipB64,
  flipChar,
  pinA,
  pukA,
  pukB,
  readVaultJson,
  tamper,
  vaultFile,
} from './vault-test-kit';

/**
 * Every kind of change to vault.json must be refused with E_VAULT_TAMPERED, never accepted and never
 * answered by an empty vault. Each case runs twice: as a plain edit (the unkeyed checksum catches it on
 * open) and with the checksum recomputed, as anyone could, so that AES-GCM alone must catch it, on the
 * keychain path (open) and on the passphrase path (unlockWithPassphrase).
 */
const cases: Array<{ name: string; edit: (doc: VaultJson) => void; rollback?: boolean }> = [
  { name: 'a byte of the header (vault id)', edit: (d) => void (d.header.vaultId = flipChar(d.header.vaultId, 0)) },
  { name: 'a byte of the header (created time)', edit: (d) => void (d.header.createdAt = '2020-01-01T00:00:00.000Z') },
  { name: 'the passphrase wrap of the data key', edit: (d) => void (d.wraps.passphrase.ct = flipB64(d.wraps.passphrase.ct, 5)) },
  { name: 'the tag of the passphrase wrap', edit: (d) => void (d.wraps.passphrase.tag = flipB64(d.wraps.passphrase.tag, 3)) },
  { name: 'the data key check', edit: (d) => void (d.wraps.dekCheck.tag = flipB64(d.wraps.dekCheck.tag, 0)) },
  { name: 'an entry ciphertext', edit: (d) => void (d.entries[0]!.ct = flipB64(d.entries[0]!.ct, 2)) },
  { name: 'an entry IV', edit: (d) => void (d.entries[1]!.iv = flipB64(d.entries[1]!.iv, 0)) },
  { name: "an entry's id (AAD)", edit: (d) => void (d.entries[1]!.id = TSS_B) },
  { name: "an entry's kind (AAD)", edit: (d) => void (d.entries[2]!.kind = 'admin-pin') },
  { name: "an entry's label", edit: (d) => void (d.entries[0]!.labels.storeName = 'Filiale Anderswo') },
  {
    name: 'two entries swapped (their ciphertexts)',
    edit: (d) => {
      const [a, b] = [d.entries[0]!, d.entries[2]!];
      [a.iv, a.tag, a.ct, b.iv, b.tag, b.ct] = [b.iv, b.tag, b.ct, a.iv, a.tag, a.ct];
    },
  },
  {
    name: "PIN and PUK of one TSS swapped (same id, kinds exchanged)",
    edit: (d) => {
      const [puk, pin] = [d.entries[0]!, d.entries[1]!];
      [puk.kind, pin.kind] = [pin.kind, puk.kind];
    },
  },
  { name: 'an entry removed', edit: (d) => void d.entries.splice(1, 1) },
  { name: 'all entries removed', edit: (d) => void (d.entries = []) },
  { name: 'the file seal', edit: (d) => void (d.seal.tag = flipB64(d.seal.tag, 7)) },
  // With the checksum fixed, an older generation number is caught before any key: the audit log
  // remembers the newest generation written (see the rollback tests in generations.test.ts).
  { name: 'the generation (rollback marker)', edit: (d) => void (d.generation = 1), rollback: true },
];

describe('Vault tampering', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let keys: ReturnType<typeof makeTempDir>;
  let wrapper: FileKeyWrapper;
  beforeEach(async () => {
    dir = makeTempDir('tss-vault-tamper-');
    keys = makeTempDir('tss-vault-keys-');
    wrapper = new FileKeyWrapper(keys.path);
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    await vault.put(pukA); // entries[0]
    await vault.put(pinA); // entries[1]
    await vault.put(pukB); // entries[2]
    await vault.put(credentials); // entries[3]
  });
  afterEach(() => {
    dir.remove();
    keys.remove();
  });

  it('the untouched file opens (baseline for the cases below)', async () => {
    const vault = await Vault.open(dir.path, wrapper, FAST);
    expect(vault.isUnlocked).toBe(true);
    await vault.unlockWithPassphrase(PASSPHRASE);
  });

  describe.each(cases)('$name', ({ edit, rollback }) => {
    it('plain edit: refused on open with E_VAULT_TAMPERED', async () => {
      tamper(dir.path, edit, false);
      const error = await Vault.open(dir.path, wrapper, FAST).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'E_VAULT_TAMPERED', previousIntact: true });
    });

    it('checksum recomputed: refused via the keychain path', async () => {
      tamper(dir.path, edit, true);
      await expect(Vault.open(dir.path, wrapper, FAST)).rejects.toMatchObject({ code: rollback ? 'E_VAULT_ROLLBACK' : 'E_VAULT_TAMPERED' });
    });

    it('checksum recomputed: refused via the passphrase path', async () => {
      tamper(dir.path, edit, true);
      if (rollback) {
        await expect(Vault.open(dir.path, unavailableKeyWrapper('test'), FAST)).rejects.toMatchObject({ code: 'E_VAULT_ROLLBACK' });
        return;
      }
      const vault = await Vault.open(dir.path, unavailableKeyWrapper('test'), FAST);
      expect(vault.isUnlocked).toBe(false);
      await expect(vault.unlockWithPassphrase(PASSPHRASE)).rejects.toMatchObject({ code: 'E_VAULT_TAMPERED' });
      expect(vault.isUnlocked).toBe(false);
    });
  });

  it('a changed keychain wrap: the keychain path cannot tell it from a reset keyring, the passphrase path sees tampering', async () => {
    tamper(dir.path, (d) => void (d.wraps.keychain.file = flipB64(d.wraps.keychain.file!, 20)), true);
    const vault = await Vault.open(dir.path, wrapper, FAST);
    expect(vault.isUnlocked).toBe(false);
    await expect(vault.unlockWithKeychain()).rejects.toMatchObject({ code: 'E_VAULT_KEYCHAIN_UNAVAILABLE' });
    await expect(vault.unlockWithPassphrase(PASSPHRASE)).rejects.toMatchObject({ code: 'E_VAULT_TAMPERED' });
  });

  it('the scrypt salt changed (checksum recomputed): the keychain path sees tampering; the passphrase path can only say the passphrase does not open it', async () => {
    // No key is at hand before the passphrase is stretched with the stored salt, so a changed salt and a
    // wrong passphrase look the same from the passphrase alone. Either way nothing is accepted.
    tamper(dir.path, (d) => void (d.header.kdf.salt = flipB64(d.header.kdf.salt, 0)), true);
    await expect(Vault.open(dir.path, wrapper, FAST)).rejects.toMatchObject({ code: 'E_VAULT_TAMPERED' });
    const vault = await Vault.open(dir.path, unavailableKeyWrapper('test'), FAST);
    await expect(vault.unlockWithPassphrase(PASSPHRASE)).rejects.toMatchObject({ code: 'E_VAULT_WRONG_PASSPHRASE' });
  });

  it('a truncated or non-JSON file is refused, not read as empty', async () => {
    const text = readFileSync(vaultFile(dir.path), 'utf8');
    writeFileSync(vaultFile(dir.path), text.slice(0, text.length / 2));
    await expect(Vault.open(dir.path, wrapper, FAST)).rejects.toMatchObject({ code: 'E_VAULT_TAMPERED', previousIntact: true });
    writeFileSync(vaultFile(dir.path), '');
    await expect(Vault.open(dir.path, wrapper, FAST)).rejects.toMatchObject({ code: 'E_VAULT_TAMPERED' });
    writeFileSync(vaultFile(dir.path), '{}');
    await expect(Vault.open(dir.path, wrapper, FAST)).rejects.toMatchObject({ code: 'E_VAULT_TAMPERED' });
  });

  it('an unknown extra field is refused', async () => {
    tamper(dir.path, (d) => void ((d as unknown as Record<string, unknown>).note = 'hello'), true);
    await expect(Vault.open(dir.path, wrapper, FAST)).rejects.toMatchObject({ code: 'E_VAULT_TAMPERED' });
  });

  it('the tampered message says what to do and that nothing was deleted', async () => {
    tamper(dir.path, cases[5]!.edit, false);
    const error = (await Vault.open(dir.path, wrapper, FAST).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/nothing was deleted/);
    expect(error.message).toMatch(/vault\.json\.prev\) is intact/);
    expect(error.message).toMatch(/tss-companion vault restore-previous/);
  });

  it('entry AAD holds even against someone with the data key who re-seals the file: a moved entry does not verify', async () => {
    // Defense in depth: the file seal normally catches a swap first. Here the test plays an attacker who has
    // the data key (from the file key wrapper) and re-seals the whole file; each entry's own AAD still binds
    // it to its id and kind.
    const original = readVaultJson(dir.path);
    const dek = wrapper.unwrap(Buffer.from(original.wraps.keychain.file!, 'base64'));
    const reseal = (doc: VaultJson): void => {
      const { seal: _s, checksum: _c, ...body } = doc;
      const s = sealCheck(dek, sealAadOf(body as unknown as VaultBody));
      const resealed = { ...body, seal: { iv: s.iv.toString('base64'), tag: s.tag.toString('base64') } };
      writeFileSync(vaultFile(dir.path), JSON.stringify({ ...resealed, checksum: checksumOf(resealed) }));
    };

    // Control: re-sealed without a change, the file opens; so what refuses below is the entries' AAD.
    reseal(readVaultJson(dir.path));
    expect((await Vault.open(dir.path, wrapper, FAST)).isUnlocked).toBe(true);

    const doc = readVaultJson(dir.path);
    const [puk, pin] = [doc.entries[0]!, doc.entries[1]!];
    [puk.iv, puk.tag, puk.ct, pin.iv, pin.tag, pin.ct] = [pin.iv, pin.tag, pin.ct, puk.iv, puk.tag, puk.ct];
    reseal(doc);
    const error = (await Vault.open(dir.path, wrapper, FAST).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'E_VAULT_TAMPERED' });
    expect(error.message).toMatch(new RegExp(`admin-puk entry for ${TSS_A} does not verify`));
    dek.fill(0);
  });
});
