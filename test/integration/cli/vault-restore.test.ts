import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_DE_VAULT_REGISTRY } from '../../../main/products/sign-de';
import { Vault, unavailableKeyWrapper } from '../../../main/vault';
import { runCliProcess } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';

const PASSPHRASE = 'a long test passphrase for the cli';
const TSS = '0e9f6d1a-77a2-4c1b-8d0e-3c2b1a0f9e02';

const cli = (args: string[], passphrase = PASSPHRASE) => runCliProcess(args, { env: { TSS_COMPANION_PASSPHRASE: passphrase } });

describe('tss-companion vault restore-previous', () => {
  const dir = makeTempDir('tss-cli-restore-');
  const dataDir = ['--data-dir', dir.path];
  beforeAll(async () => {
    const vault = await Vault.create(dir.path, PASSPHRASE, unavailableKeyWrapper('cli'), { unsafeTestOnlyScryptLog2N: 10, ...SIGN_DE_VAULT_REGISTRY });
    await vault.put({ id: TSS, kind: 'admin-puk', labels: { environment: 'test', storeName: 'Filiale Süd' }, secret: { puk: '1234567890' } });
    await vault.put({ id: TSS, kind: 'admin-pin', labels: { environment: 'test', storeName: 'Filiale Süd' }, secret: { pin: '99887766' } });
  });
  afterAll(() => dir.remove());

  it('a rolled-back vault stops every command with exit 4 and says how out; the restore needs the passphrase', { timeout: 120_000 }, async () => {
    copyFileSync(join(dir.path, 'vault.json.prev'), join(dir.path, 'vault.json'));
    const refused = await cli(['recover', 'list', ...dataDir]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/older than the newest one this laptop saved/);
    expect(refused.stderr).toMatch(/tss-companion vault restore-previous/);

    const wrong = await cli(['vault', 'restore-previous', ...dataDir], 'not the passphrase of this vault');
    expect(wrong.code).toBe(4);
    expect(readdirSync(dir.path).some((n) => n.includes('.damaged-'))).toBe(false);

    const restored = await cli(['vault', 'restore-previous', ...dataDir]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/previous generation is back/);
    const aside = readdirSync(dir.path).filter((n) => n.startsWith('vault.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir.path, aside[0]!), 'utf8')).generation).toBe(2);

    const list = await cli(['recover', 'list', ...dataDir]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(TSS);
    expect((await cli(['vault', 'restore-previous', ...dataDir])).stderr).toMatch(/nothing was restored/);
    expect((await cli(['vault', 'frobnicate', ...dataDir])).code).toBe(2);
  });
});
