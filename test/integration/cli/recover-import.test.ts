import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_DE_VAULT_REGISTRY } from '../../../main/products/sign-de';
import { Vault, unavailableKeyWrapper } from '../../../main/vault';
import { runCliProcess } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';

const OLD_LAPTOP = 'the passphrase of the old laptop vault';
const NEW_LAPTOP = 'another passphrase for the new laptop';
const TSS = '5b0c7e1d-2a3f-4b6c-9d8e-7f6a5b4c3d2e';

/** Recovery on a new laptop: the file was saved with the old laptop's passphrase, the new vault has its own. */
describe('tss-companion recover import', () => {
  const old = makeTempDir('tss-cli-old-');
  const fresh = makeTempDir('tss-cli-new-');
  const file = join(old.path, 'filiale-sued.tsscr');
  beforeAll(async () => {
    const vault = await Vault.create(old.path, OLD_LAPTOP, unavailableKeyWrapper('cli'), { unsafeTestOnlyScryptLog2N: 10, ...SIGN_DE_VAULT_REGISTRY });
    await vault.put({ id: TSS, kind: 'admin-puk', labels: { environment: 'test', storeName: 'Filiale Süd' }, secret: { puk: '1234567890' } });
    await vault.exportRecoveryFile(file, OLD_LAPTOP);
  });
  afterAll(() => {
    old.remove();
    fresh.remove();
  });

  it('without a terminal and without TSS_COMPANION_RECOVERY_PASSPHRASE, asks for the file’s passphrase by name: exit 2', async () => {
    const result = await runCliProcess(['recover', 'import', file, '--data-dir', fresh.path], { env: { TSS_COMPANION_PASSPHRASE: NEW_LAPTOP } });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/Passphrase of the recovery file filiale-sued\.tsscr.*set TSS_COMPANION_RECOVERY_PASSPHRASE/);
    expect(existsSync(join(fresh.path, 'vault.json')), 'no vault is made for an import that cannot go ahead').toBe(false);
  }, 60_000);

  it('refuses a wrong FILE passphrase before anything is made: exit 4, no vault on the fresh install (review #12)', async () => {
    const untouched = makeTempDir('tss-cli-wrong-');
    try {
      const env = { TSS_COMPANION_PASSPHRASE: NEW_LAPTOP, TSS_COMPANION_RECOVERY_PASSPHRASE: 'not what the file was saved with' };
      const result = await runCliProcess(['recover', 'import', file, '--data-dir', untouched.path], { env });
      expect(result.code, result.stderr).toBe(4);
      expect(result.stderr).toMatch(/^tss-companion: The passphrase does not open this recovery file/);
      expect(existsSync(join(untouched.path, 'vault.json')), 'no vault is made with a file that did not open').toBe(false);
    } finally {
      untouched.remove();
    }
  }, 60_000);

  it('imports on a fresh install with the file’s passphrase, then opens with the new vault’s own', async () => {
    const env = { TSS_COMPANION_PASSPHRASE: NEW_LAPTOP, TSS_COMPANION_RECOVERY_PASSPHRASE: OLD_LAPTOP };
    const imported = await runCliProcess(['recover', 'import', file, '--data-dir', fresh.path], { env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/imported 1 new/);
    const puk = await runCliProcess(['recover', 'reveal', TSS, '--data-dir', fresh.path], { env: { TSS_COMPANION_PASSPHRASE: NEW_LAPTOP } });
    expect(puk.code, puk.stderr).toBe(0);
    expect(puk.stdout.trim()).toBe('1234567890');
  }, 60_000);

  it('documents the variable in its help', async () => {
    const help = await runCliProcess(['recover', 'import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('TSS_COMPANION_RECOVERY_PASSPHRASE');
  });
});
