import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MigrationPlan, type MigrationPlanInput } from '../../../../../preload/contract/sign-de/migration';
import { migrationRuns } from '../../../../../main/products/sign-de/migration/migration-flow';
import { type MigrationDeps, resumeMigration, startMigration } from '../../../../../main/products/sign-de/migration/migration-orchestrator';
import { storeFolder } from '../../../../../main/products/sign-de/migration/store-folder';
import { StoreRecords } from '../../../../../main/products/sign-de/store/store-records';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { V1_STORE_SEED } from '../../../../../main/products/sign-de/sandbox/v1/seed';
import { v1UrlBeside } from '../../../../../main/products/sign-de/api-v1/base-url';
import { checkReceipt } from '../../../../../main/products/sign-de/tse';
import type { RecordedAttempt } from '../../../../support/fiskaly-client';
import { clientFor } from '../../../../support/fiskaly-client';
import { v1ClientFor } from '../../../../support/fiskaly-v1-client';
import { testVault } from '../../../../support/provisioning';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';
import { SandboxV1Api, receiptBody } from '../../../../support/sandbox-v1-api';
import { makeTempDir } from '../../../../support/temp-dir';

class Crash extends Error {}

const SEED = V1_STORE_SEED;
const FIX = { v1ClientId: SEED.clients[2].id, from: 'KASSE_03', to: 'KASSE-03' };

describe('migrating the seeded V1 store to V2 against the sandbox', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  let v1api: SandboxV1Api;
  let dir: ReturnType<typeof makeTempDir>;
  /** Every V1 request of every V1 client made in a test (a crash and its resume have one each). */
  let allAttempts: RecordedAttempt[][] = [];

  beforeEach(async () => {
    ({ sandbox, api } = await startSandbox({ seed: 'v1-store' }));
    v1api = new SandboxV1Api(sandbox);
    dir = makeTempDir();
    allAttempts = [];
  });
  afterEach(async () => {
    await sandbox.close();
    dir.remove();
  });

  const planOf = (input: Partial<MigrationPlanInput> = {}) =>
    MigrationPlan.parse({
      v1TssId: SEED.tssId,
      storeName: 'Filiale 12',
      environment: 'sandbox',
      baseUrlV1: v1UrlBeside(sandbox.url),
      baseUrlV2: sandbox.url,
      serialFixes: [FIX],
      ...input,
    });

  /** Fresh clients, as after a restart. */
  async function deps(extra: Partial<MigrationDeps> = {}): Promise<MigrationDeps> {
    const v1 = v1ClientFor(sandbox);
    const attempts = v1.attempts;
    const { client } = clientFor(sandbox, { attempts: 8 });
    const vault = await testVault(dir.path);
    const result: MigrationDeps = { dataDir: dir.path, vault, v1: () => v1.client, v2: () => client, ...extra };
    allAttempts.push(attempts);
    return result;
  }
  const disablePuts = () => allAttempts.flat().filter((a) => a.method === 'PUT' && a.path === `/tss/${SEED.tssId}` && a.outcome === 200).length;
  const exportPuts = () => allAttempts.flat().filter((a) => a.method === 'PUT' && a.path.startsWith(`/tss/${SEED.tssId}/export/`) && a.outcome === 200);

  /** What must hold after any migration, however it got there. */
  async function expectMigrated(runId: string) {
    const record = (await migrationRuns.load(dir.path, runId)).data;
    expect(record.status).toBe('done');
    const status = (await api.control('GET', '/status')).body;
    expect(status).toMatchObject({ tss: 1, clients: 3 });
    await api.login();
    const tss = await api.request('GET', `/tss/${record.v2.tssId}`);
    expect(tss.body).toMatchObject({ state: 'INITIALIZED', number_registered_clients: 3 });
    const clients = await api.request<{ data: Array<{ _id: string; serial_number: string }> }>('GET', `/tss/${record.v2.tssId}/client`);
    expect(clients.body.data.map((c) => c.serial_number).sort()).toEqual(['KASSE-01', 'KASSE-02', 'KASSE-03']);
    // New UUIDs, never V1's.
    for (const c of clients.body.data) expect(SEED.clients.map((s) => s.id as string)).not.toContain(c._id);
    // The PUK and PIN are in the vault, never in the journal.
    const vault = await testVault(dir.path);
    const pin = await vault.get(record.v2.tssId, 'admin-pin');
    const puk = await vault.get(record.v2.tssId, 'admin-puk');
    expect(pin?.pin).toMatch(/^\d{10}$/);
    expect(puk?.puk).toMatch(/^\d{10}$/);
    expect(JSON.stringify(record)).not.toContain(pin!.pin);
    expect(JSON.stringify(record)).not.toContain(puk!.puk);
    // One verified V2 receipt per till, signed on its own client.
    for (const till of record.tills) {
      expect(till.receipt.verified).toBe(true);
      expect(checkReceipt(till.receipt.qrCodeData!, { tssSerialNumber: record.v2.tssSerialNumber }).valid).toBe(true);
      const tx = await api.request(`GET`, `/tss/${record.v2.tssId}/tx/${till.receipt.txId}`);
      expect(tx.body).toMatchObject({ state: 'FINISHED', client_id: till.v2ClientId });
    }
    // V1: nothing ACTIVE, disabled.
    await v1api.login();
    const v1tss = await v1api.request('GET', `/tss/${SEED.tssId}`);
    expect(v1tss.body).toMatchObject({ state: 'DISABLED' });
    const txs = await v1api.request<{ data: Array<{ _id: string; state: string }> }>('GET', `/tss/${SEED.tssId}/tx?limit=100`);
    expect(txs.body.data.filter((t) => t.state === 'ACTIVE')).toEqual([]);
    for (const active of SEED.activeTransactions) expect(txs.body.data.find((t) => t._id === active.id)?.state).toBe('CANCELLED');
    // The export in the store's folder with its hash.
    const bytes = readFileSync(join(storeFolder(dir.path, record.v2.tssId), record.export!.file));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(record.export!.sha256);
    // The store record names the TSE it replaced; the mapping files are there.
    const store = await new StoreRecords(dir.path).get(record.v2.tssId);
    expect(store.replacedTse).toMatchObject({ tssId: SEED.tssId, export: { sha256: record.export!.sha256 }, decommissioning: { reason: expect.any(String) } });
    const mapping = JSON.parse(readFileSync(join(storeFolder(dir.path, record.v2.tssId), 'pos-mapping.json'), 'utf8'));
    expect(mapping.tills.map((t: { serialNumber: string; v1SerialNumber?: string }) => [t.serialNumber, t.v1SerialNumber])).toEqual([
      ['KASSE-01', undefined],
      ['KASSE-02', undefined],
      ['KASSE-03', 'KASSE_03'],
    ]);
    expect(readFileSync(join(storeFolder(dir.path, record.v2.tssId), 'pos-mapping.csv'), 'utf8')).toContain('KASSE-03;KASSE_03;');
    return record;
  }

  it('migrates the store: V2 prepared, V1 closed, exported, proven on V2 and only then disabled', async () => {
    const steps: string[] = [];
    const report = await startMigration(planOf(), await deps({ onProgress: (e) => e.status === 'done' && steps.push(e.step) }), { confirmCutOver: true });
    expect(report.status).toBe('done');
    expect(steps.indexOf('receipts-verified')).toBeLessThan(steps.indexOf('v1-disable'));
    expect(steps.indexOf('v1-export-download')).toBeLessThan(steps.indexOf('v1-disable'));
    expect(report.mapping?.tills).toHaveLength(3);
    expect(report.closedTransactions.map((c) => c.txId).sort()).toEqual(SEED.activeTransactions.map((t) => t.id).sort());
    await expectMigrated(report.runId);
    expect(disablePuts()).toBe(1);
    expect(exportPuts()).toHaveLength(1);
  });

  it('prepares V2 only, V1 untouched, until the cut-over is confirmed', async () => {
    const report = await startMigration(planOf(), await deps());
    expect(report.status).toBe('done');
    expect(report.done).not.toContain('v1-close-active');
    await v1api.login();
    expect((await v1api.request('GET', `/tss/${SEED.tssId}`)).body).toMatchObject({ state: 'INITIALIZED' });
    expect(allAttempts.flat().filter((a) => a.method !== 'GET' && a.path !== '/auth')).toEqual([]);
    const done = await resumeMigration(report.runId, await deps(), { confirmCutOver: true });
    expect(done.status).toBe('done');
    await expectMigrated(report.runId);
  });

  it('refuses a serial invalid for V2 until its fix is confirmed, before anything is made', async () => {
    const failed = await startMigration(planOf({ serialFixes: [] }), await deps(), { confirmCutOver: true }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'E_SERIAL_FIX_UNCONFIRMED' });
    expect((failed as Error).message).toContain('KASSE_03');
    expect((await api.control('GET', '/status')).body).toMatchObject({ tss: 0 });
    const [run] = await migrationRuns.list(dir.path);
    const report = await resumeMigration(run!.runId, await deps(), { serialFixes: [FIX] });
    expect(report.status).toBe('done');
    await expectMigrated(report.runId);
  });

  it('refuses a V1 TSS that is disabled already, with nothing made on V2', async () => {
    const failed = await startMigration(planOf({ v1TssId: SEED.disabledTss.tssId, serialFixes: [] }), await deps(), { confirmCutOver: true }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'E_V1_TSS_DISABLED', next: 'abandon' });
    expect((await api.control('GET', '/status')).body).toMatchObject({ tss: 0 });
  });

  it('does not disable V1 while a V1 transaction is ACTIVE again (a till signed late); a resume after it is closed does', async () => {
    const lateTx = '5d1e2f30-0001-4a5b-8c6d-7e8f90a1b299';
    const failed = await startMigration(
      planOf(),
      await deps({
        failpoint: async (name) => {
          if (name !== 'before:v1-disable') return;
          await v1api.login();
          expect((await v1api.tx(SEED.tssId, lateTx, { state: 'ACTIVE', client_id: SEED.clients[0].id })).status).toBe(200);
        },
      }),
      { confirmCutOver: true },
    ).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'E_V1_NOT_READY_TO_DISABLE', step: 'v1-disable' });
    expect((await v1api.request('GET', `/tss/${SEED.tssId}`)).body).toMatchObject({ state: 'INITIALIZED' });
    expect(disablePuts()).toBe(0);
    expect((await v1api.tx(SEED.tssId, lateTx, receiptBody(SEED.clients[0].id), 1)).status).toBe(200);
    const [run] = await migrationRuns.list(dir.path);
    expect((await resumeMigration(run!.runId, await deps())).status).toBe('done');
    await expectMigrated(run!.runId);
  });

  it('stops the cut-over while a till still signs on V1, and goes on once it is confirmed again', async () => {
    const lateTx = '5d1e2f30-0001-4a5b-8c6d-7e8f90a1b298';
    const failed = await startMigration(
      planOf(),
      await deps({
        failpoint: async (name) => {
          if (name !== 'before:v1-quiet-check') return;
          await v1api.login();
          expect((await v1api.tx(SEED.tssId, lateTx, { state: 'ACTIVE', client_id: SEED.clients[1].id })).status).toBe(200);
        },
      }),
      { confirmCutOver: true },
    ).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'E_V1_STILL_SIGNING', step: 'v1-quiet-check' });
    const [run] = await migrationRuns.list(dir.path);
    // Nothing written to V1 yet, and a resume without a new confirmation stops again.
    expect((await v1api.request('GET', `/tss/${SEED.tssId}/tx/${SEED.activeTransactions[0].id}`)).body).toMatchObject({ state: 'ACTIVE' });
    await expect(resumeMigration(run!.runId, await deps())).rejects.toMatchObject({ code: 'E_V1_STILL_SIGNING' });
    const started = ((await v1api.request('GET', `/tss/${SEED.tssId}/tx/${lateTx}`)).body as { time_start: number }).time_start;
    // V1 counts whole seconds: the new confirmation comes in a later second than the late transaction.
    while (Math.floor(Date.now() / 1000) <= started) await new Promise((resolve) => setTimeout(resolve, 50));
    const report = await resumeMigration(run!.runId, await deps(), { confirmCutOver: true });
    expect(report.status).toBe('done');
    expect(report.closedTransactions.map((c) => c.txId)).toContain(lateTx);
    await expectMigrated(run!.runId);
  });

  it('gets through V1 faults: a refused login, a lost answer to the disable, a stale revision, an export stuck in PENDING', async () => {
    await v1api.switches({ faults: { auth401: 1 } });
    const refused = await startMigration(planOf(), await deps(), { confirmCutOver: true }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ step: 'v1-auth' });
    expect((await api.control('GET', '/status')).body).toMatchObject({ tss: 0 });
    await v1api.switches({ faults: { disable5xx: 1, disable5xxAfterChange: true, staleRevision: 1 } });
    const [first] = await migrationRuns.list(dir.path);
    const report = await resumeMigration(first!.runId, await deps());
    expect(report.status).toBe('done');
    await expectMigrated(report.runId);
    // The disable went through with its answer lost (502); the retry found it disabled and changed nothing.
    expect(allAttempts.flat().some((a) => a.method === 'PUT' && a.path === `/tss/${SEED.tssId}` && a.outcome === 502)).toBe(true);

    sandbox.reset();
    await sandbox.seed('v1-store');
    dir.remove();
    dir = makeTempDir();
    allAttempts = [];
    await v1api.switches({ faults: { exportStuckPending: true } });
    const stuck = await startMigration(planOf(), await deps(), { confirmCutOver: true }).catch((e: unknown) => e);
    expect(stuck).toMatchObject({ code: 'E_EXPORT_NOT_COMPLETED', step: 'v1-export' });
    expect((await v1api.request('GET', `/tss/${SEED.tssId}`)).body).toMatchObject({ state: 'INITIALIZED' });
    await v1api.switches({});
    const [run] = await migrationRuns.list(dir.path);
    expect((await resumeMigration(run!.runId, await deps())).status).toBe('done');
    await expectMigrated(run!.runId);
    expect(new Set(exportPuts().map((a) => a.path)).size).toBe(1);
  });

  it('survives a crash at every step boundary: one V2 TSS, one client per till, one export, V1 disabled once and last', async () => {
    const points: string[] = [];
    await startMigration(planOf(), await deps({ failpoint: (name) => void points.push(name) }), { confirmCutOver: true });
    expect(points).toContain('after-request:v1-disable');
    expect(points).toContain('after-request:v1-export');
    for (const point of points) {
      sandbox.reset();
      await sandbox.seed('v1-store');
      dir.remove();
      dir = makeTempDir();
      allAttempts = [];
      let receiptsVerifiedBeforeDisable = true;
      const crashed = await startMigration(
        planOf(),
        await deps({
          failpoint: (name) => {
            if (name === point) throw new Crash(point);
          },
        }),
        { confirmCutOver: true },
      ).then(
        () => null,
        (error: unknown) => error,
      );
      expect(crashed, point).toBeInstanceOf(Error);
      const [run] = await migrationRuns.list(dir.path);
      const resumed = await resumeMigration(
        run!.runId,
        await deps({
          failpoint: async (name) => {
            if (name === 'before:v1-disable') {
              const record = (await migrationRuns.load(dir.path, run!.runId)).data;
              receiptsVerifiedBeforeDisable &&= record.tills.every((t) => t.receipt.verified);
            }
          },
        }),
      );
      expect(resumed.status, point).toBe('done');
      await expectMigrated(run!.runId);
      expect(disablePuts(), point).toBe(1);
      expect(new Set(exportPuts().map((a) => a.path)).size, point).toBe(1);
      expect(receiptsVerifiedBeforeDisable, point).toBe(true);
    }
  }, 240_000);
});
