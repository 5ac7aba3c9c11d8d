import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Services, createServices } from '../../../main/services';
import { TEST_PASSPHRASE, testVault } from '../../support/provisioning';
import { makeTempDir } from '../../support/temp-dir';

const NEW_PASSPHRASE = 'new laptop, new passphrase 2026';
const PUK = '123456789A';

// The old laptop's recovery file carries a PUK; the new laptop has never set up a vault.
describe('a recovery file on a new laptop, in one flow', () => {
  let old: ReturnType<typeof makeTempDir>;
  let fresh: ReturnType<typeof makeTempDir>;
  let laptop: Services;
  let file: string;
  const tssId = randomUUID();

  beforeEach(async () => {
    old = makeTempDir();
    fresh = makeTempDir();
    const vault = await testVault(old.path);
    await vault.put({ id: tssId, kind: 'admin-puk', labels: { environment: 'sandbox', tssId, storeName: 'Filiale Kiel' }, secret: { puk: PUK } });
    const path = join(old.path, 'recovery.tsscr');
    await vault.exportRecoveryFile(path, TEST_PASSPHRASE);
    file = readFileSync(path).toString('base64');
    laptop = createServices({ dataDir: fresh.path, version: '1', vaultOptions: { unsafeTestOnlyScryptLog2N: 10 } });
  });
  afterEach(async () => {
    await laptop.close();
    old.remove();
    fresh.remove();
  });

  it('sets the vault up with a new passphrase and imports the file; the PUK then opens with the new vault’s passphrase', async () => {
    const imported = await laptop.dispatch('vault:import-recovery', { file, passphrase: TEST_PASSPHRASE, vaultPassphrase: NEW_PASSPHRASE, newVault: true });
    expect(imported, JSON.stringify(imported)).toMatchObject({ ok: true, value: { added: 1, conflicts: [] } });
    expect(await laptop.dispatch('vault:status', undefined)).toMatchObject({ ok: true, value: { initialized: true, unlocked: true, entries: 1 } });
    expect(await laptop.dispatch('recovery:reveal', { tssId, passphrase: NEW_PASSPHRASE })).toEqual({ ok: true, value: { puk: PUK } });
    expect(await laptop.dispatch('recovery:reveal', { tssId, passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false });
  });

  it('a wrong file passphrase or a weak new one leaves the laptop without a vault, so the technician can simply try again', async () => {
    expect(await laptop.dispatch('vault:import-recovery', { file, passphrase: 'not the file’s passphrase', vaultPassphrase: NEW_PASSPHRASE, newVault: true })).toMatchObject({
      ok: false,
    });
    expect(await laptop.dispatch('vault:import-recovery', { file, passphrase: TEST_PASSPHRASE, vaultPassphrase: 'short', newVault: true })).toMatchObject({
      ok: false,
      error: { code: 'E_VAULT_WEAK_PASSPHRASE' },
    });
    expect(await laptop.dispatch('vault:status', undefined)).toMatchObject({ ok: true, value: { initialized: false } });
    expect(await laptop.dispatch('vault:import-recovery', { file, passphrase: TEST_PASSPHRASE, vaultPassphrase: NEW_PASSPHRASE, newVault: true })).toMatchObject({ ok: true });
  });

  it('never sets up over an existing vault', async () => {
    await laptop.dispatch('vault:setup', { passphrase: NEW_PASSPHRASE });
    expect(await laptop.dispatch('vault:import-recovery', { file, passphrase: TEST_PASSPHRASE, vaultPassphrase: 'yet another passphrase', newVault: true })).toMatchObject({
      ok: false,
      error: { code: 'E_VAULT_EXISTS' },
    });
  });
});
