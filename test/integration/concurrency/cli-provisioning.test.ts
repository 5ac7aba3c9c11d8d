import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../preload/contract';
import { createSandbox, type Sandbox } from '../../../main/products/sign-de/sandbox/server';
import { createServices } from '../../../main/services';
import { SIGN_DE_VAULT_REGISTRY } from '../../../main/products/sign-de';
import { Vault, unavailableKeyWrapper } from '../../../main/vault';
import { clientFor } from '../../support/fiskaly-client';
import { makeTempDir } from '../../support/temp-dir';
import { nextEvent } from '../../support/events';
import { MASTER_DATA_FLAGS } from '../../support/master-data';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../out/cli/tss-companion.js');
const PASSPHRASE = 'a long passphrase for eight parallel runs';
const FAST = { unsafeTestOnlyScryptLog2N: 10, ...SIGN_DE_VAULT_REGISTRY };
const org = (i: number) => ({ apiKey: `key-${i}`, apiSecret: `secret-${i}-${'x'.repeat(8)}` });

interface CliReport {
  status: string;
  tssId: string;
  storeName: string;
}

/** The real `tss-companion provision`, as a technician starts it, in its own process. */
async function provision(dataDir: string, url: string, i: number): Promise<CliReport> {
  const { apiKey, apiSecret } = org(i);
  const { stdout } = await run(
    process.execPath,
    [BIN, 'provision', '--base-url', url, '--client', `F${i}-1`, '--client', `F${i}-2`, ...MASTER_DATA_FLAGS, '--store', `Filiale ${i}`, '--no-receipt', '--json'],
    {
      env: {
        PATH: process.env.PATH!,
        HOME: process.env.HOME!,
        TSS_COMPANION_DATA_DIR: dataDir,
        TSS_COMPANION_PASSPHRASE: PASSPHRASE,
        FISKALY_API_KEY: apiKey,
        FISKALY_API_SECRET: apiSecret,
      },
      timeout: 200_000,
    },
  );
  const [report] = JSON.parse(stdout) as CliReport[];
  return report!;
}

/**
 * Accepted by the server: the PIN in an admin login; the PUK by setting a new admin PIN with it, which
 * the next admin login takes.
 */
async function expectAccepted(sandbox: Sandbox, i: number, tssId: string, pin: string, puk: string): Promise<void> {
  const { client } = clientFor(sandbox, org(i));
  try {
    await client.adminLogin(tssId, pin);
    await client.adminLogout(tssId);
    await client.changeAdminPin(tssId, puk, '24680135');
    await client.adminLogin(tssId, '24680135');
    await client.adminLogout(tssId);
  } finally {
    await client.close();
  }
}

describe('one data folder, many processes', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    // One organization per run: a limit of active TSS per account never gets in the way.
    sandbox = await createSandbox({ organizations: Array.from({ length: 9 }, (_, i) => ({ ...org(i), env: 'TEST' as const })) });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('eight `tss-companion provision` at once: eight TSS, eight PUKs and PINs in the vault, each accepted', { timeout: 300_000 }, async () => {
    const dir = makeTempDir('tss-eight-');
    try {
      await Vault.create(dir.path, PASSPHRASE, unavailableKeyWrapper('cli'), FAST);
      const reports = await Promise.all(Array.from({ length: 8 }, (_, i) => provision(dir.path, sandbox.url, i)));
      expect(reports.map((r) => r.status)).toEqual(Array(8).fill('done'));
      expect(new Set(reports.map((r) => r.tssId)).size).toBe(8);

      const vault = await Vault.open(dir.path, unavailableKeyWrapper('test'), FAST);
      await vault.unlockWithPassphrase(PASSPHRASE);
      for (const [i, report] of reports.entries()) {
        const pin = await vault.get(report.tssId, 'admin-pin');
        const puk = await vault.get(report.tssId, 'admin-puk');
        expect(pin, `PIN of ${report.storeName}`).not.toBeNull();
        expect(puk, `PUK of ${report.storeName}`).not.toBeNull();
        await expectAccepted(sandbox, i, report.tssId, pin!.pin, puk!.puk);
      }
      expect(readdirSync(dir.path).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  it('the CLI and the app (createServices) writing the vault at the same moment both keep their secrets', { timeout: 200_000 }, async () => {
    const dir = makeTempDir('tss-cli-and-app-');
    const services = createServices({ dataDir: dir.path, version: '1', vaultOptions: FAST, fiskalyUrl: sandbox.url });
    try {
      const call = async <T,>(channel: string, payload?: unknown): Promise<T> => {
        const result = (await services.dispatch(channel, payload)) as Result<T>;
        if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
        return result.value;
      };
      await call('vault:setup', { passphrase: PASSPHRASE });
      const finished = nextEvent(services.events, 'provisioning:finished');
      const cli = provision(dir.path, sandbox.url, 8);
      const { runId } = await call<{ runId: string }>('provisioning:start', {
        plan: { storeName: 'Filiale App', environment: 'sandbox', testReceipt: false, clients: [{ serialNumber: 'APP-1' }] },
      });
      // Credentials saved in the app while both runs store PINs and PUKs.
      const saves = Array.from({ length: 3 }, (_, k) =>
        call('orgs:save', { environment: 'test', label: `Org ${k}`, apiKey: org(k).apiKey, apiSecret: org(k).apiSecret }),
      );
      const [cliReport, appDone] = await Promise.all([cli, finished, ...saves]);
      expect(cliReport.status).toBe('done');
      const app = await call<{ tssId: string; status: string }>('runs:get', { runId });
      expect(app.status, JSON.stringify(appDone)).toBe('done');

      const vault = await Vault.open(dir.path, unavailableKeyWrapper('test'), FAST);
      await vault.unlockWithPassphrase(PASSPHRASE);
      for (const tssId of [cliReport.tssId, app.tssId]) {
        expect(await vault.get(tssId, 'admin-puk')).not.toBeNull();
        expect(await vault.get(tssId, 'admin-pin')).not.toBeNull();
      }
      expect((await vault.list()).filter((e) => e.kind === 'api-credentials')).toHaveLength(3);
      const cliPin = (await vault.get(cliReport.tssId, 'admin-pin'))!.pin;
      const cliPuk = (await vault.get(cliReport.tssId, 'admin-puk'))!.puk;
      await expectAccepted(sandbox, 8, cliReport.tssId, cliPin, cliPuk);
    } finally {
      await services.close();
      dir.remove();
    }
  });
});
