import { randomUUID } from 'node:crypto';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../preload/contract';
import { type Services, createServices } from '../../../main/services';
import { SIGN_DE_VAULT_REGISTRY } from '../../../main/products/sign-de';
import { Vault, unavailableKeyWrapper } from '../../../main/vault';
import { makeTempDir } from '../../support/temp-dir';

const FAST = { unsafeTestOnlyScryptLog2N: 10, ...SIGN_DE_VAULT_REGISTRY };
const PASSPHRASE = 'the technician’s own passphrase';
const ATTACKER = 'a passphrase the page picked itself';
const TSS = randomUUID();

/**
 * What a compromised page can send through the real dispatch of createServices: the vault channels
 * must hold whatever the payload says.
 */
describe('vault channels against a compromised page', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let elsewhere: ReturnType<typeof makeTempDir>;
  let services: Services;

  beforeEach(async () => {
    dir = makeTempDir('tss-vault-ch-');
    elsewhere = makeTempDir('tss-vault-attacker-');
    services = createServices({ dataDir: dir.path, version: '1', vaultOptions: FAST });
    await call('vault:setup', { passphrase: PASSPHRASE });
    const vault = await Vault.open(dir.path, unavailableKeyWrapper('test'), FAST);
    await vault.unlockWithPassphrase(PASSPHRASE);
    await vault.put({ id: TSS, kind: 'admin-puk', labels: { environment: 'test', storeName: 'Filiale Nord' }, secret: { puk: 'PUK-REAL-0001' } });
    await vault.put({ id: TSS, kind: 'admin-pin', labels: { environment: 'test', storeName: 'Filiale Nord' }, secret: { pin: 'PIN-REAL-0001' } });
  });
  afterEach(async () => {
    await services.close();
    dir.remove();
    elsewhere.remove();
  });

  async function call<T = unknown>(channel: string, payload?: unknown): Promise<T> {
    const result = (await services.dispatch(channel, payload)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  /** A recovery file made by the page: its own vault, its own passphrase, its own PUK and PIN for our TSS. */
  async function forgedRecoveryFile(): Promise<string> {
    const own = await Vault.create(elsewhere.path, ATTACKER, unavailableKeyWrapper('x'), FAST);
    await own.put({ id: TSS, kind: 'admin-puk', labels: { environment: 'test', storeName: 'Filiale Nord' }, secret: { puk: 'PUK-ATTACKER-9' } });
    await own.put({ id: TSS, kind: 'admin-pin', labels: { environment: 'test', storeName: 'Filiale Nord' }, secret: { pin: 'PIN-ATTACKER-9' } });
    const file = join(elsewhere.path, 'forged.tsscr');
    await own.exportRecoveryFile(file, ATTACKER);
    return readFileSync(file).toString('base64');
  }

  const stored = async () => {
    const { puk } = await call<{ puk: string }>('recovery:reveal', { tssId: TSS, passphrase: PASSPHRASE });
    return puk;
  };

  it('an import without this vault’s passphrase is refused and changes nothing', async () => {
    const file = await forgedRecoveryFile();
    const before = readFileSync(join(dir.path, 'vault.json'), 'utf8');
    for (const payload of [
      { file, passphrase: ATTACKER }, // the old payload: the file's passphrase only
      { file, passphrase: ATTACKER, vaultPassphrase: ATTACKER },
      { file, passphrase: ATTACKER, vaultPassphrase: 'x' },
      { file, passphrase: ATTACKER, vaultPassphrase: PASSPHRASE.toUpperCase() },
      { file, passphrase: ATTACKER, vaultPassphrase: 42 },
    ]) {
      const result = await services.dispatch('vault:import-recovery', payload);
      expect(result.ok, JSON.stringify(payload.vaultPassphrase)).toBe(false);
      expect(['E_INVALID_REQUEST', 'E_VAULT_WRONG_PASSPHRASE']).toContain((result as { error: { code: string } }).error.code);
    }
    expect(readFileSync(join(dir.path, 'vault.json'), 'utf8')).toBe(before);
    expect(await stored()).toBe('PUK-REAL-0001');
  });

  it('with the vault’s passphrase, a different PUK or PIN is a conflict: both kept, the stored ones still used, reported', async () => {
    const file = await forgedRecoveryFile();
    const result = await call<{ added: number; updated: number; kept: number; conflicts: Array<{ tssId: string; kind: string; storeName?: string }> }>(
      'vault:import-recovery',
      { file, passphrase: ATTACKER, vaultPassphrase: PASSPHRASE },
    );
    expect(result).toMatchObject({ added: 0, updated: 0, kept: 0 });
    expect(result.conflicts.map((c) => `${c.kind}:${c.tssId}:${c.storeName}`).sort()).toEqual(
      [`admin-pin:${TSS}:Filiale Nord`, `admin-puk:${TSS}:Filiale Nord`].sort(),
    );
    expect(await stored()).toBe('PUK-REAL-0001');
    const vault = await Vault.open(dir.path, unavailableKeyWrapper('test'), FAST);
    await vault.unlockWithPassphrase(PASSPHRASE);
    expect(await vault.get(TSS, 'admin-pin')).toEqual({ pin: 'PIN-REAL-0001' });
    expect((await vault.conflicts()).map((c) => c.kind).sort()).toEqual(['admin-pin', 'admin-puk']);
    expect(JSON.stringify(result)).not.toMatch(/PUK-|PIN-/);
  });

  it('a rolled-back vault is reported as a state; restore-previous needs the passphrase and keeps the refused file aside', async () => {
    const vault = await Vault.open(dir.path, unavailableKeyWrapper('test'), FAST);
    await vault.unlockWithPassphrase(PASSPHRASE);
    await vault.put({ id: randomUUID(), kind: 'admin-puk', labels: { environment: 'test' }, secret: { puk: 'PUK-NEWEST-1' } });
    copyFileSync(join(dir.path, 'vault.json.prev'), join(dir.path, 'vault.json'));
    const rolledBack = readFileSync(join(dir.path, 'vault.json'), 'utf8');

    // A fresh start of the app on this folder.
    await services.close();
    services = createServices({ dataDir: dir.path, version: '1', vaultOptions: FAST });
    expect(await call('vault:status')).toMatchObject({ initialized: true, unlocked: false, damage: { code: 'E_VAULT_ROLLBACK', previousIntact: true } });

    for (const payload of [undefined, {}, { passphrase: '' }, { passphrase: PASSPHRASE, force: true }]) {
      expect(await services.dispatch('vault:restore-previous', payload)).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    }
    expect(await services.dispatch('vault:restore-previous', { passphrase: ATTACKER })).toMatchObject({ ok: false, error: { code: 'E_VAULT_WRONG_PASSPHRASE' } });
    expect(readFileSync(join(dir.path, 'vault.json'), 'utf8')).toBe(rolledBack);

    expect(await call('vault:restore-previous', { passphrase: PASSPHRASE })).toMatchObject({ initialized: true, unlocked: true, damage: null });
    const aside = readdirSync(dir.path).filter((n) => n.startsWith('vault.json.damaged-'));
    expect(aside.map((n) => readFileSync(join(dir.path, n), 'utf8'))).toEqual([rolledBack]);
    expect(await stored()).toBe('PUK-REAL-0001');
    // Healthy now: a second restore would only step back, and is refused.
    expect(await services.dispatch('vault:restore-previous', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'E_VAULT_NOTHING_TO_RESTORE' } });
  });

  it('a rollback behind the running app shows on the card, and the restore writes back the newest generation it holds', async () => {
    const cli = await Vault.open(dir.path, unavailableKeyWrapper('test'), FAST);
    await cli.unlockWithPassphrase(PASSPHRASE);
    const newest = randomUUID();
    await cli.put({ id: newest, kind: 'admin-puk', labels: { environment: 'test' }, secret: { puk: 'PUK-NEWEST-2' } });
    expect(await call('vault:status')).toMatchObject({ unlocked: true, damage: null }); // the app takes it in
    copyFileSync(join(dir.path, 'vault.json.prev'), join(dir.path, 'vault.json')); // without the newest PUK
    const rolledBack = readFileSync(join(dir.path, 'vault.json'), 'utf8');

    expect(await call('vault:status')).toMatchObject({ unlocked: true, damage: { code: 'E_VAULT_ROLLBACK', previousIntact: true } });
    expect(await services.dispatch('vault:restore-previous', { passphrase: ATTACKER })).toMatchObject({ ok: false, error: { code: 'E_VAULT_WRONG_PASSPHRASE' } });
    expect(readFileSync(join(dir.path, 'vault.json'), 'utf8')).toBe(rolledBack);
    expect(await call('vault:restore-previous', { passphrase: PASSPHRASE })).toMatchObject({ unlocked: true, damage: null });

    const reopened = await Vault.open(dir.path, unavailableKeyWrapper('test'), FAST);
    await reopened.unlockWithPassphrase(PASSPHRASE);
    expect(await reopened.get(newest, 'admin-puk')).toEqual({ puk: 'PUK-NEWEST-2' });
    expect(readdirSync(dir.path).filter((n) => n.startsWith('vault.json.damaged-')).map((n) => readFileSync(join(dir.path, n), 'utf8'))).toEqual([rolledBack]);
  });
});
