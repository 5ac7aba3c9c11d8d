import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileKeyWrapper, Vault } from '../../../../main/vault';
import { writeFileAtomic } from '../../../../main/core/durable/atomic-file';
import { makeTempDir } from '../../../support/temp-dir';
import { FAST, OTHER_PASSPHRASE, PASSPHRASE, SECRETS, failure, TSS_A, TSS_B, pukA, pukB, readVaultJson, tamper, vaultFile } from './vault-test-kit';

describe('Vault generations and crash safety', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let keys: ReturnType<typeof makeTempDir>;
  let wrapper: FileKeyWrapper;
  beforeEach(() => {
    dir = makeTempDir('tss-vault-gen-');
    keys = makeTempDir('tss-vault-keys-');
    wrapper = new FileKeyWrapper(keys.path);
  });
  afterEach(() => {
    dir.remove();
    keys.remove();
  });

  const prev = (): string => `${vaultFile(dir.path)}.prev`;

  it('keeps the previous generation as vault.json.prev', async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    expect(existsSync(prev())).toBe(false);
    await vault.put(pukA);
    expect(readVaultJson(dir.path, prev())).toMatchObject({ generation: 1, entries: [] });
    await vault.put(pukB);
    expect(readVaultJson(dir.path).generation).toBe(3);
    expect(readVaultJson(dir.path, prev()).generation).toBe(2);
    expect(readVaultJson(dir.path, prev()).entries.map((e) => e.id)).toEqual([TSS_A]);
  });

  it('a damaged main file with an intact .prev: says so, and restoreFromPrevious brings it back, keeping the damaged file aside', async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    await vault.put(pukA);
    await vault.put(pukB);
    const damaged = readFileSync(vaultFile(dir.path), 'utf8').replace('"generation": 3', '"generation": 3,,');
    writeFileSync(vaultFile(dir.path), damaged);

    await expect(Vault.open(dir.path, wrapper, FAST)).rejects.toMatchObject({ code: 'E_VAULT_TAMPERED', previousIntact: true });
    const restored = await Vault.restorePrevious(dir.path, wrapper, PASSPHRASE, FAST);
    expect(restored.isUnlocked).toBe(true);
    expect(await restored.get(TSS_A, 'admin-puk')).toEqual({ puk: SECRETS.pukA });
    expect(await restored.get(TSS_B, 'admin-puk')).toBeNull(); // written after .prev: re-import it from a recovery file
    const aside = readdirSync(dir.path).filter((n) => n.startsWith('vault.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir.path, aside[0]!), 'utf8')).toBe(damaged);

    // The restored vault works on: the passphrase opens it and new writes go on from there.
    await restored.unlockWithPassphrase(PASSPHRASE);
    await restored.put(pukB);
    expect(await (await Vault.open(dir.path, wrapper, FAST)).get(TSS_B, 'admin-puk')).toEqual({ puk: SECRETS.pukB });
  });

  it('a cryptographically altered main file names an intact .prev, verified with the key', async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    await vault.put(pukA);
    await vault.put(pukB);
    tamper(dir.path, (d) => void (d.entries[0]!.labels.storeName = 'Elsewhere'), true);
    await expect(Vault.open(dir.path, wrapper, FAST)).rejects.toMatchObject({ code: 'E_VAULT_TAMPERED', previousIntact: true });
    const restored = await Vault.restorePrevious(dir.path, wrapper, PASSPHRASE, FAST);
    expect((await restored.list()).map((e) => e.labels.storeName)).toEqual(['Filiale Köln-Ehrenfeld']);
  });

  it('a missing main file with .prev present is reported, not taken for a fresh start', async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    await vault.put(pukA);
    rmSync(vaultFile(dir.path));
    expect(await Vault.isInitialized(dir.path)).toBe(true);
    await expect(Vault.create(dir.path, PASSPHRASE, wrapper, FAST)).rejects.toMatchObject({ code: 'E_VAULT_EXISTS' });
    await expect(Vault.open(dir.path, wrapper, FAST)).rejects.toMatchObject({ code: 'E_VAULT_TAMPERED', previousIntact: true });
    expect(await (await Vault.restorePrevious(dir.path, wrapper, PASSPHRASE, FAST)).list()).toEqual([]);
  });

  it('restoreFromPrevious refuses when there is no intact previous generation', async () => {
    await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    await expect(Vault.restorePrevious(dir.path, wrapper, PASSPHRASE, FAST)).rejects.toMatchObject({ code: 'E_VAULT_NO_PREVIOUS_GENERATION' });
    writeFileSync(prev(), '{"broken":');
    await expect(Vault.restorePrevious(dir.path, wrapper, PASSPHRASE, FAST)).rejects.toMatchObject({ code: 'E_VAULT_NO_PREVIOUS_GENERATION' });
  });

  it('a crash between writing the temp file and the rename leaves the old file valid', async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    await vault.put(pukA);
    const before = readFileSync(vaultFile(dir.path), 'utf8');

    // What a save that died before its rename leaves: a temp file beside vault.json, here complete but
    // unsealed garbage, and one cut off half-way. Written by hand, never renamed.
    const half = before.slice(0, Math.floor(before.length / 2));
    writeFileSync(join(dir.path, `vault.json.${process.pid}.0a1b2c3d4e5f.tmp`), half, { mode: 0o600 });
    writeFileSync(join(dir.path, 'vault.json.99999.ffffffffffff.tmp'), before.replace(TSS_A, TSS_B), { mode: 0o600 });

    expect(readFileSync(vaultFile(dir.path), 'utf8')).toBe(before);
    const reopened = await Vault.open(dir.path, wrapper, FAST);
    expect(reopened.isUnlocked).toBe(true);
    expect(await reopened.get(TSS_A, 'admin-puk')).toEqual({ puk: SECRETS.pukA });
    expect(reopened.status().generation).toBe(2);

    // Saving goes on normally with the leftovers there; they are left alone.
    await reopened.put(pukB);
    expect(readVaultJson(dir.path).generation).toBe(3);
    expect(readVaultJson(dir.path, prev()).generation).toBe(2);
  });

  it('a failing write (disk full, permissions) leaves the vault file and the in-memory state as they were', async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    await vault.put(pukA);
    const before = readFileSync(vaultFile(dir.path), 'utf8');
    // A folder where the .prev file must go makes the rotation fail after the temp file was written.
    rmSync(prev());
    mkdirSync(prev());
    await expect(vault.put(pukB)).rejects.toThrow();
    expect(readFileSync(vaultFile(dir.path), 'utf8')).toBe(before);
    expect((await vault.list()).map((e) => e.id)).toEqual([TSS_A]);
    expect(readdirSync(dir.path).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a main file damaged behind the app\'s back is copied aside, never rotated over a good .prev', async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
    await vault.put(pukA); // .prev = generation 1
    const goodPrev = readFileSync(prev(), 'utf8');
    writeFileSync(vaultFile(dir.path), 'garbage');
    await vault.put(pukB);
    expect(readFileSync(prev(), 'utf8')).toBe(goodPrev);
    expect(readdirSync(dir.path).some((n) => n.startsWith('vault.json.damaged-'))).toBe(true);
    expect(await (await Vault.open(dir.path, wrapper, FAST)).get(TSS_B, 'admin-puk')).toEqual({ puk: SECRETS.pukB });
  });

  it('writeFileAtomic with exclusive never replaces an existing file', async () => {
    const file = join(dir.path, 'x.json');
    await writeFileAtomic(file, 'one', { exclusive: true });
    await expect(writeFileAtomic(file, 'two', { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(file, 'utf8')).toBe('one');
    expect(readdirSync(dir.path)).toEqual(['x.json']);
  });

  describe('rollback', () => {
    it('vault.json.prev copied over vault.json is refused with E_VAULT_ROLLBACK, saying what to do', async () => {
      const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
      await vault.put(pukA);
      await vault.put(pukB); // generation 3: the PUK of TSS B is only here
      copyFileSync(prev(), vaultFile(dir.path)); // generation 2, intact, sealed: only the audit log tells
      const error = await failure(Vault.open(dir.path, wrapper, FAST));
      expect(error).toMatchObject({ code: 'E_VAULT_ROLLBACK', previousIntact: true });
      expect(error.message).toMatch(/generation 2, expected at least 3/);
      expect(error.message).toMatch(/tss-companion vault restore-previous/);
      expect(error.message).toMatch(/recovery file/);
    });

    it('a rollback behind an open vault is refused on its next write, not written over', async () => {
      const mine = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
      await mine.put(pukA); // generation 2
      const other = await Vault.open(dir.path, wrapper, FAST);
      await other.put(pukB); // generation 3, by "another process"
      copyFileSync(prev(), vaultFile(dir.path)); // back to generation 2
      const rolledBack = readFileSync(vaultFile(dir.path), 'utf8');
      await expect(mine.put({ ...pukA, secret: { puk: 'PUK-A-CHANGED-1' } })).rejects.toMatchObject({ code: 'E_VAULT_ROLLBACK' });
      expect(readFileSync(vaultFile(dir.path), 'utf8')).toBe(rolledBack);
    });

    it('restorePrevious: the passphrase confirms; the refused file is kept aside and the vault goes on from a newer generation', async () => {
      const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
      await vault.put(pukA);
      await vault.put(pukB);
      copyFileSync(prev(), vaultFile(dir.path));
      const rolledBack = readFileSync(vaultFile(dir.path), 'utf8');

      await expect(Vault.restorePrevious(dir.path, wrapper, OTHER_PASSPHRASE, FAST)).rejects.toMatchObject({ code: 'E_VAULT_WRONG_PASSPHRASE' });
      expect(readFileSync(vaultFile(dir.path), 'utf8')).toBe(rolledBack);
      expect(readdirSync(dir.path).filter((n) => n.includes('.damaged-'))).toEqual([]);

      const restored = await Vault.restorePrevious(dir.path, wrapper, PASSPHRASE, FAST);
      expect(restored.isUnlocked).toBe(true);
      expect(restored.status().generation).toBeGreaterThan(3);
      expect(await restored.get(TSS_A, 'admin-puk')).toEqual({ puk: SECRETS.pukA });
      const aside = readdirSync(dir.path).filter((n) => n.startsWith('vault.json.damaged-'));
      expect(aside.map((n) => readFileSync(join(dir.path, n), 'utf8'))).toEqual([rolledBack]);
      const reopened = await Vault.open(dir.path, wrapper, FAST);
      await reopened.put(pukB);
      expect(await (await Vault.open(dir.path, wrapper, FAST)).get(TSS_B, 'admin-puk')).toEqual({ puk: SECRETS.pukB });
    });

    it('restorePrevious refuses on a healthy vault: it would only step back', async () => {
      const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
      await vault.put(pukA);
      const before = readFileSync(vaultFile(dir.path), 'utf8');
      await expect(Vault.restorePrevious(dir.path, wrapper, PASSPHRASE, FAST)).rejects.toMatchObject({ code: 'E_VAULT_NOTHING_TO_RESTORE' });
      expect(readFileSync(vaultFile(dir.path), 'utf8')).toBe(before);
    });

    it('an open vault sees its file go bad behind it (fileProblem) and writes its own newest generation back', async () => {
      const vault = await Vault.create(dir.path, PASSPHRASE, wrapper, FAST);
      await vault.put(pukA);
      await vault.put(pukB);
      expect(await vault.fileProblem()).toBeNull();
      await expect(vault.restoreFromMemory(PASSPHRASE)).rejects.toMatchObject({ code: 'E_VAULT_NOTHING_TO_RESTORE' });
      copyFileSync(prev(), vaultFile(dir.path));
      expect(await vault.fileProblem()).toMatchObject({ code: 'E_VAULT_ROLLBACK' });
      writeFileSync(vaultFile(dir.path), 'garbage');
      expect(await vault.fileProblem()).toMatchObject({ code: 'E_VAULT_TAMPERED' });
      await expect(vault.restoreFromMemory(OTHER_PASSPHRASE)).rejects.toMatchObject({ code: 'E_VAULT_WRONG_PASSPHRASE' });
      expect(readFileSync(vaultFile(dir.path), 'utf8')).toBe('garbage');
      await vault.restoreFromMemory(PASSPHRASE);
      expect(await vault.fileProblem()).toBeNull();
      expect(await (await Vault.open(dir.path, wrapper, FAST)).get(TSS_B, 'admin-puk')).toEqual({ puk: SECRETS.pukB });
    });
  });
});
