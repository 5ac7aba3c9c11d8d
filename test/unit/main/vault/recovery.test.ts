import { userInfo } from 'node:os';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FileKeyWrapper,
  Vault,
  readAuditLog,
  readRecoveryFile,
  revealFromRecoveryFile,
  unavailableKeyWrapper,
} from '../../../../main/vault';
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
  flipB64,
  pinA,
  pukA,
  pukB,
} from './vault-test-kit';

const posix = process.platform !== 'win32';

describe('recovery file and audit log', () => {
  let first: ReturnType<typeof makeTempDir>;
  let second: ReturnType<typeof makeTempDir>;
  let laptop: ReturnType<typeof makeTempDir>;
  let keys: ReturnType<typeof makeTempDir>;
  let wrapper: FileKeyWrapper;
  let recoveryPath: string;

  beforeEach(() => {
    first = makeTempDir('tss-vault-a-');
    second = makeTempDir('tss-vault-b-');
    laptop = makeTempDir('tss-laptop-');
    keys = makeTempDir('tss-vault-keys-');
    wrapper = new FileKeyWrapper(keys.path);
    recoveryPath = join(laptop.path, 'store-koeln.tss-recovery.json');
  });
  afterEach(() => {
    for (const d of [first, second, laptop, keys]) d.remove();
  });

  async function vaultWithEntries(): Promise<Vault> {
    const vault = await Vault.create(first.path, PASSPHRASE, wrapper, FAST);
    for (const entry of [pukA, pinA, pukB, credentials]) await vault.put(entry);
    return vault;
  }

  it('exports a self-describing file in the documented format, 0600, with no secret in clear', async () => {
    const vault = await vaultWithEntries();
    expect(await vault.exportRecoveryFile(recoveryPath, PASSPHRASE)).toEqual({ path: recoveryPath, entries: 4 });
    const text = readFileSync(recoveryPath, 'utf8');
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['format', 'v', 'kdf', 'alg', 'iv', 'tag', 'ct']);
    expect(file).toMatchObject({ format: 'tss-companion-recovery', v: 1, alg: 'A256GCM', kdf: { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 } });
    expect(Buffer.from((file.kdf as { salt: string }).salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(file.iv as string, 'base64')).toHaveLength(12);
    expect(Buffer.from(file.tag as string, 'base64')).toHaveLength(16);
    expectNoSecret(text);
    expect(text).not.toContain('Köln'); // labels are sealed too: the file says nothing without the passphrase
    if (posix) expect(statSync(recoveryPath).mode & 0o777).toBe(0o600);
  });

  it('round trip into a second data folder: every secret arrives, audited as export and import', async () => {
    const source = await vaultWithEntries();
    await source.exportRecoveryFile(recoveryPath, PASSPHRASE, 'handover to the store laptop');
    const target = await Vault.create(second.path, OTHER_PASSPHRASE, wrapper, FAST);
    const summary = await target.importRecoveryFile(recoveryPath, PASSPHRASE, OTHER_PASSPHRASE);
    expect(summary.added).toHaveLength(4);
    expect(summary.updated).toEqual([]);
    expect(summary.kept).toEqual([]);

    const reopened = await Vault.open(second.path, unavailableKeyWrapper('test'), FAST);
    await reopened.unlockWithPassphrase(OTHER_PASSPHRASE); // the target keeps its own passphrase
    expect(await reopened.get(TSS_A, 'admin-puk')).toEqual({ puk: SECRETS.pukA });
    expect(await reopened.get(TSS_A, 'admin-pin')).toEqual({ pin: SECRETS.pinA });
    expect(await reopened.get(TSS_B, 'admin-puk')).toEqual({ puk: SECRETS.pukB });
    expect(await reopened.get(credentials.id, 'api-credentials')).toEqual({ apiKey: SECRETS.apiKey, apiSecret: SECRETS.apiSecret });
    expect(await reopened.list()).toEqual(await source.list());

    const exported = await readAuditLog(first.path);
    expect(exported).toHaveLength(4);
    expect(exported.every((r) => r.action === 'export' && r.reason === 'handover to the store laptop' && r.file === recoveryPath)).toBe(true);
    const imported = await readAuditLog(second.path);
    expect(imported.map((r) => `${r.action}:${r.kind}:${r.entryId}`).sort()).toEqual(
      [`import:admin-puk:${TSS_A}`, `import:admin-pin:${TSS_A}`, `import:admin-puk:${TSS_B}`, `import:api-credentials:${credentials.id}`].sort(),
    );
    for (const d of [first, second]) expectNoSecret(readFileSync(join(d.path, 'audit.log'), 'utf8'));
  });

  it("a store's recovery file holds only its own TSS's PIN and PUK, no other store's and no credentials", async () => {
    const vault = await vaultWithEntries();
    expect(await vault.exportRecoveryFile(recoveryPath, PASSPHRASE, 'store documents', TSS_A)).toEqual({ path: recoveryPath, entries: 2 });
    const contents = await readRecoveryFile(recoveryPath, PASSPHRASE);
    expect(contents.entries.map((e) => [e.id, e.kind]).sort()).toEqual([
      [TSS_A, 'admin-pin'],
      [TSS_A, 'admin-puk'],
    ]);
    expect(JSON.stringify(contents)).not.toContain(SECRETS.pukB);
    await expect(vault.exportRecoveryFile(recoveryPath, PASSPHRASE, 'store documents', '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'E_VAULT_ENTRY_NOT_FOUND',
    });
  });

  it('reads a PUK from the recovery file alone, on a laptop with no vault', async () => {
    await (await vaultWithEntries()).exportRecoveryFile(recoveryPath, PASSPHRASE);
    first.remove(); // the store's vault is gone; only the file is left

    const puk = await revealFromRecoveryFile(recoveryPath, PASSPHRASE, TSS_B, 'admin-puk', {
      reason: 'TSS B locked after three wrong PINs',
      auditDir: laptop.path,
    });
    expect(puk).toEqual({ puk: SECRETS.pukB });
    const audit = await readAuditLog(laptop.path);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'reveal', entryId: TSS_B, kind: 'admin-puk', reason: 'TSS B locked after three wrong PINs' }),
    ]);
    expectNoSecret(readFileSync(join(laptop.path, 'audit.log'), 'utf8'));

    const contents = await readRecoveryFile(recoveryPath, PASSPHRASE);
    expect(contents.entries.map((e) => e.labels.storeName)).toContain('Filiale Köln-Ehrenfeld');
    await expect(revealFromRecoveryFile(recoveryPath, PASSPHRASE, TSS_B, 'admin-pin', { reason: 'x' })).rejects.toMatchObject({
      code: 'E_VAULT_ENTRY_NOT_FOUND',
    });
  });

  it('a wrong passphrase or any changed byte of the recovery file is refused', async () => {
    await (await vaultWithEntries()).exportRecoveryFile(recoveryPath, PASSPHRASE);
    await expect(readRecoveryFile(recoveryPath, OTHER_PASSPHRASE)).rejects.toMatchObject({ code: 'E_VAULT_WRONG_PASSPHRASE' });

    const original = JSON.parse(readFileSync(recoveryPath, 'utf8')) as Record<string, unknown> & { kdf: Record<string, unknown> };
    const variants: Array<Record<string, unknown>> = [
      { ...original, ct: flipB64(original.ct as string, 10) },
      { ...original, tag: flipB64(original.tag as string, 0) },
      { ...original, iv: flipB64(original.iv as string, 4) }, // part of the AAD as well as the nonce
      { ...original, kdf: { ...original.kdf, salt: flipB64(original.kdf.salt as string, 0) } },
      { ...original, kdf: { ...original.kdf, N: 2 ** 11 } },
    ];
    for (const variant of variants) {
      writeFileSync(recoveryPath, JSON.stringify(variant));
      await expect(readRecoveryFile(recoveryPath, PASSPHRASE)).rejects.toMatchObject({ code: 'E_VAULT_WRONG_PASSPHRASE' });
    }
    for (const broken of ['', 'not json', JSON.stringify({ ...original, format: 'other' }), JSON.stringify({ ...original, extra: 1 })]) {
      writeFileSync(recoveryPath, broken);
      await expect(readRecoveryFile(recoveryPath, PASSPHRASE)).rejects.toMatchObject({ code: 'E_VAULT_RECOVERY_FILE_INVALID' });
    }
    writeFileSync(recoveryPath, JSON.stringify({ ...original, v: 2 }));
    await expect(readRecoveryFile(recoveryPath, PASSPHRASE)).rejects.toMatchObject({ code: 'E_VAULT_UNSUPPORTED_VERSION' });
  });

  it('export needs the vault passphrase: a wrong one writes no file and no audit record', async () => {
    const vault = await vaultWithEntries();
    await expect(vault.exportRecoveryFile(recoveryPath, OTHER_PASSPHRASE)).rejects.toMatchObject({ code: 'E_VAULT_WRONG_PASSPHRASE' });
    await expect(readRecoveryFile(recoveryPath, PASSPHRASE)).rejects.toMatchObject({ code: 'E_VAULT_RECOVERY_FILE_INVALID' });
    expect(await readAuditLog(first.path)).toEqual([]);
    await expect(vault.exportRecoveryFile(join(first.path, 'vault.json'), PASSPHRASE)).rejects.toMatchObject({
      code: 'E_VAULT_RECOVERY_FILE_INVALID',
    });
  });

  it('import never replaces a stored PUK or PIN with a different one: both kept, the conflict reported and audited', async () => {
    let clock = new Date('2025-05-01T08:00:00.000Z');
    const source = await Vault.create(first.path, PASSPHRASE, wrapper, { ...FAST, now: () => clock });
    await source.put(pukA); // 08:00
    await source.put(pukB); // 08:00
    clock = new Date('2025-05-01T12:00:00.000Z');
    await source.put({ ...pinA }); // 12:00: newer than the target's, still not taken over the target's own
    await source.put({ ...pukB, labels: { ...pukB.labels, description: 'relabelled' } }); // same secret, newer labels
    await source.exportRecoveryFile(recoveryPath, PASSPHRASE);

    const target = await Vault.create(second.path, OTHER_PASSPHRASE, wrapper, { ...FAST, now: () => new Date('2025-05-01T10:00:00.000Z') });
    await target.put({ ...pukA, secret: { puk: 'PUK-A-TARGETS-4444' } });
    await target.put({ ...pinA, secret: { pin: 'PIN-TARGETS-1' } });
    await target.put(pukB);

    const summary = await target.importRecoveryFile(recoveryPath, PASSPHRASE, OTHER_PASSPHRASE, 'merge after store move');
    expect(summary.added).toEqual([]);
    expect(summary.updated.map((e) => `${e.kind}:${e.id}`)).toEqual([`admin-puk:${TSS_B}`]);
    expect(summary.conflicts.map((e) => `${e.kind}:${e.id}:${e.labels.storeName}`).sort()).toEqual(
      [`admin-puk:${TSS_A}:Filiale Köln-Ehrenfeld`, `admin-pin:${TSS_A}:Filiale Köln-Ehrenfeld`].sort(),
    );
    expect(await target.get(TSS_A, 'admin-puk')).toEqual({ puk: 'PUK-A-TARGETS-4444' });
    expect(await target.get(TSS_A, 'admin-pin')).toEqual({ pin: 'PIN-TARGETS-1' });
    expect((await target.list()).find((e) => e.id === TSS_B)!.labels.description).toBe('relabelled');
    expect((await target.conflicts()).map((c) => `${c.kind}:${c.id}`).sort()).toEqual([`admin-pin:${TSS_A}`, `admin-puk:${TSS_A}`]);
    expect((await readAuditLog(second.path)).map((r) => `${r.action}:${r.kind}:${r.reason}`).sort()).toEqual(
      ['import:admin-puk:merge after store move', 'import-conflict:admin-puk:merge after store move', 'import-conflict:admin-pin:merge after store move'].sort(),
    );

    // The imported secrets are kept, sealed, in the file (a reopened vault verifies them), and a second
    // import of the same file reports the conflict again without storing it twice.
    const again = await target.importRecoveryFile(recoveryPath, PASSPHRASE, OTHER_PASSPHRASE);
    expect(again.conflicts).toHaveLength(2);
    const reopened = await Vault.open(second.path, unavailableKeyWrapper('test'), FAST);
    await reopened.unlockWithPassphrase(OTHER_PASSPHRASE);
    expect(await reopened.conflicts()).toHaveLength(2);
    expectNoSecret(readFileSync(join(second.path, 'vault.json'), 'utf8'));
  });

  it("import needs this vault's passphrase, even when the keychain unlocked it; a wrong one changes nothing", async () => {
    await vaultWithEntries();
    const source = await Vault.open(first.path, wrapper, FAST);
    await source.exportRecoveryFile(recoveryPath, PASSPHRASE);
    const target = await Vault.create(second.path, OTHER_PASSPHRASE, wrapper, FAST);
    const before = readFileSync(join(second.path, 'vault.json'), 'utf8');
    // The file's own passphrase is not this vault's: what a page that sealed a file itself would send.
    await expect(target.importRecoveryFile(recoveryPath, PASSPHRASE, PASSPHRASE)).rejects.toMatchObject({ code: 'E_VAULT_WRONG_PASSPHRASE' });
    await expect(target.importRecoveryFile(recoveryPath, PASSPHRASE, '')).rejects.toMatchObject({ code: 'E_VAULT_WRONG_PASSPHRASE' });
    expect(readFileSync(join(second.path, 'vault.json'), 'utf8')).toBe(before);
    expect(await readAuditLog(second.path)).toEqual([]);
  });

  it('reveal asks for the passphrase even when the keychain unlocked the vault, and audits before returning', async () => {
    await vaultWithEntries();
    const vault = await Vault.open(first.path, wrapper, FAST);
    expect(vault.isUnlocked).toBe(true);
    await expect(vault.reveal(TSS_A, 'admin-puk', OTHER_PASSPHRASE, 'lost PIN')).rejects.toMatchObject({ code: 'E_VAULT_WRONG_PASSPHRASE' });
    await expect(vault.reveal(TSS_A, 'admin-puk', PASSPHRASE, '')).rejects.toMatchObject({ code: 'E_VAULT_REASON_REQUIRED' });
    expect(await readAuditLog(first.path)).toEqual([]);

    expect(await vault.reveal(TSS_A, 'admin-puk', PASSPHRASE, '  technician lost the PIN  ')).toEqual({ puk: SECRETS.pukA });
    const [record] = await readAuditLog(first.path);
    expect(record).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      entryId: TSS_A,
      kind: 'admin-puk',
      action: 'reveal',
      reason: 'technician lost the PIN',
      // Who: the OS account, for the activity view.
      user: userInfo().username,
    });
    expectNoSecret(readFileSync(join(first.path, 'audit.log'), 'utf8'));
    if (posix) expect(statSync(join(first.path, 'audit.log')).mode & 0o777).toBe(0o600);

    // A locked vault: reveal with the passphrase opens it.
    vault.lock();
    expect(await vault.reveal(TSS_A, 'admin-pin', PASSPHRASE, 'set up the POS')).toEqual({ pin: SECRETS.pinA });
    expect((await vault.auditLog()).map((r) => r.action)).toEqual(['reveal', 'reveal']);
  });

  it('the audit log is append-only across vault instances and survives a torn last line', async () => {
    const vault = await vaultWithEntries();
    await vault.reveal(TSS_A, 'admin-puk', PASSPHRASE, 'one');
    writeFileSync(join(first.path, 'audit.log'), `${readFileSync(join(first.path, 'audit.log'), 'utf8')}{"time":"2025-`);
    const again = await Vault.open(first.path, wrapper, FAST);
    await again.reveal(TSS_B, 'admin-puk', PASSPHRASE, 'two');
    expect((await readAuditLog(first.path)).map((r) => r.reason)).toEqual(['one', 'two']);
  });
});
