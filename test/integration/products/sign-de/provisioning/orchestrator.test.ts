import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, type JournalData, journalDir } from '../../../../../main/products/sign-de/provisioning/journal';
import { resumeRun, startRun } from '../../../../../main/products/sign-de/provisioning/orchestrator';
import type { ProgressEvent } from '../../../../../preload/contract/sign-de/runs';
import { parseStorePlan } from '../../../../../main/products/sign-de/provisioning/store-plan';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { checkReceipt } from '../../../../../main/products/sign-de/tse';
import { runDeps } from '../../../../support/provisioning';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';
import { makeTempDir } from '../../../../support/temp-dir';

const plan = parseStorePlan({
  storeName: 'Filiale Berlin-Mitte',
  environment: 'sandbox',
  tssDescription: 'Berlin Mitte',
  clients: [{ serialNumber: 'KASSE-01' }, { serialNumber: 'KASSE-02' }, { serialNumber: 'KASSE-03' }],
});

class Crash extends Error {}

describe('provisioning a store against the sandbox', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(async () => {
    ({ sandbox, api } = await startSandbox());
    dir = makeTempDir();
  });
  afterEach(async () => {
    await sandbox.close();
    dir.remove();
  });

  /** What must hold after any run, however it got there. */
  async function expectProvisioned(runId: string) {
    const { deps, vault } = await runDeps(sandbox, dir.path);
    const journal = (await Journal.load(dir.path, runId)).data;
    expect(journal.status).toBe('done');
    const status = (await api.control('GET', '/status')).body;
    expect(status).toMatchObject({ tss: 1, clients: 3 });
    await api.login();
    const tss = await api.request('GET', `/tss/${journal.tssId}`);
    expect(tss.body).toMatchObject({ state: 'INITIALIZED', number_registered_clients: 3 });
    const clients = await api.request<{ data: Array<{ serial_number: string }> }>('GET', `/tss/${journal.tssId}/client`);
    expect(clients.body.data.map((c) => c.serial_number).sort()).toEqual(['KASSE-01', 'KASSE-02', 'KASSE-03']);
    const pin = await vault.get(journal.tssId, 'admin-pin');
    const puk = await vault.get(journal.tssId, 'admin-puk');
    expect(pin?.pin).toMatch(/^\d{10}$/);
    expect(puk?.puk).toMatch(/^\d{10}$/);
    // The stored secrets really unlock this TSS.
    expect((await api.request('POST', `/tss/${journal.tssId}/admin/auth`, { admin_pin: pin!.pin })).status).toBe(200);
    expect((await api.request('PATCH', `/tss/${journal.tssId}/admin`, { admin_puk: puk!.puk, new_admin_pin: pin!.pin })).status).toBe(200);
    expect(journal.receipt?.valid).toBe(true);
    expect(checkReceipt(journal.receipt!.qrCodeData!, { tssSerialNumber: journal.tssSerialNumber }).valid).toBe(true);
    const journalText = JSON.stringify(journal);
    expect(journalText).not.toContain(pin!.pin);
    expect(journalText).not.toContain(puk!.puk);
    void deps;
  }

  it('runs every step in order, reports progress and signs a valid test receipt', async () => {
    const events: ProgressEvent[] = [];
    const { deps, client } = await runDeps(sandbox, dir.path, { onProgress: (e) => events.push(e) });
    const report = await startRun(plan, deps);
    expect(report.status).toBe('done');
    expect(report.clients.every((c) => c.registered)).toBe(true);
    expect(report.receipt).toMatchObject({ valid: true, receiptType: 'RECEIPT', number: 1 });
    const done = events.filter((e) => e.status === 'done').map((e) => e.step);
    expect([...done].sort()).toEqual(
      ['auth', 'create-tss', 'store-puk', 'deploy', 'store-pin', 'set-pin', 'admin-login', 'initialize', 'clients', 'admin-logout', 'test-transaction', 'receipt-check'].sort(),
    );
    const before = (a: string, b: string) => expect(done.indexOf(a as never), `${a} before ${b}`).toBeLessThan(done.indexOf(b as never));
    // The PUK is durable before the TSS leaves CREATED; the PIN is stored before it is set.
    const deployStarted = events.findIndex((e) => e.step === 'deploy' && e.status === 'running');
    expect(events.findIndex((e) => e.step === 'store-puk' && e.status === 'done')).toBeLessThan(deployStarted);
    before('store-pin', 'set-pin');
    before('deploy', 'set-pin');
    for (const [a, b] of [['set-pin', 'admin-login'], ['admin-login', 'initialize'], ['initialize', 'clients'], ['clients', 'test-transaction'], ['admin-logout', 'receipt-check'], ['test-transaction', 'receipt-check']]) before(a!, b!);
    expect(events.at(-1)?.fraction).toBe(1);
    expect(events.filter((e) => e.step === 'clients' && e.detail).map((e) => e.detail!.done).sort()).toEqual([1, 2, 3]);
    expect(client.session.authCalls).toBe(1);
    await expectProvisioned(report.runId);
  });

  it('completes through latency, 5xx, 429, dropped connections and expiring tokens', async () => {
    await api.control('PUT', '/faults', { seed: 13, latencyMs: 5, jitterMs: 10, errorRate: 0.15, rateLimitRate: 0.1, retryAfterSeconds: 1, dropRate: 0.1 });
    await api.control('PUT', '/tokens', { accessTokenSeconds: 1 });
    const { deps, attempts } = await runDeps(sandbox, dir.path);
    const report = await startRun(plan, deps);
    expect(report.status).toBe('done');
    const outcomes = attempts.map((a) => a.outcome);
    expect(outcomes).toContain(429);
    expect(outcomes).toContain('network');
    expect(outcomes.some((o) => typeof o === 'number' && o >= 500)).toBe(true);
    // The 1 s token expired during the run and was renewed.
    expect(attempts.filter((a) => a.path === '/auth' && a.outcome === 200).length).toBeGreaterThan(1);
    await api.control('PUT', '/faults', {});
    await api.control('PUT', '/tokens', { accessTokenSeconds: 86_400 });
    await expectProvisioned(report.runId);
  });

  it('survives a crash at every step boundary: one TSS, every secret stored and working, no twin clients', async () => {
    const points: string[] = [];
    {
      const probe = await startSandbox();
      const probeDir = makeTempDir();
      const { deps } = await runDeps(probe.sandbox, probeDir.path, { failpoint: (name) => void points.push(name) });
      await startRun(plan, deps);
      await probe.sandbox.close();
      probeDir.remove();
    }
    expect(points).toContain('after-request:create-tss');
    expect(points).toContain('after-request:clients:KASSE-02');
    expect(points.length).toBeGreaterThan(30);

    for (const point of points) {
      sandbox.reset();
      dir.remove();
      dir = makeTempDir();
      const crashing = await runDeps(sandbox, dir.path, {
        failpoint: (name) => {
          if (name === point) throw new Crash(point);
        },
      });
      const crashed = await startRun(plan, crashing.deps).then(
        () => null,
        (error: unknown) => error,
      );
      expect(crashed, point).not.toBeNull();
      const [run] = await Journal.list(dir.path);
      const resumed = await runDeps(sandbox, dir.path);
      const report = await resumeRun(run!.runId, resumed.deps);
      expect(report.status, point).toBe('done');
      await expectProvisioned(report.runId);
    }
  }, 120_000);

  it('stops when cancelled and resumes to the end', async () => {
    const controller = new AbortController();
    const { deps } = await runDeps(sandbox, dir.path, {
      signal: controller.signal,
      onProgress: (e) => {
        if (e.step === 'set-pin' && e.status === 'done') controller.abort();
      },
    });
    await expect(startRun(plan, deps)).rejects.toMatchObject({ code: 'E_RUN_CANCELLED' });
    const [run] = await Journal.list(dir.path);
    expect(run).toMatchObject({ status: 'cancelled', error: { step: 'admin-login' } });
    const resumed = await runDeps(sandbox, dir.path);
    expect((await resumeRun(run!.runId, resumed.deps)).status).toBe('done');
    await expectProvisioned(run!.runId);
  });

  it('keeps the technician’s own PIN, written to the vault before any request', async () => {
    const { deps, vault } = await runDeps(sandbox, dir.path, {
      failpoint: () => {
        throw new Crash('at once');
      },
    });
    await expect(startRun({ ...plan, adminPin: '24681357' }, deps)).rejects.toBeTruthy();
    const [run] = await Journal.list(dir.path);
    expect((await vault.get(run!.tssId, 'admin-pin'))?.pin).toBe('24681357');
    expect(JSON.stringify(run)).not.toContain('24681357');
  });

  it('resumes a run whose journal an older version wrote (no kind) to the end, with the ids it had chosen', async () => {
    const fixture = join(__dirname, '../../../../fixtures/runs/sign-de-provisioning-before-kinds.json');
    const old = JSON.parse(readFileSync(fixture, 'utf8')) as JournalData;
    mkdirSync(journalDir(dir.path), { recursive: true });
    copyFileSync(fixture, join(journalDir(dir.path), `${old.runId}.json`));
    const { deps, vault } = await runDeps(sandbox, dir.path);
    const report = await resumeRun(old.runId, deps);
    expect(report).toMatchObject({ status: 'done', tssId: old.tssId, receipt: { txId: old.receipt!.txId, valid: true } });
    expect(report.clients).toEqual(old.clients.map((c) => ({ ...c, registered: true })));
    // This sandbox never had the TSS: it is made again with the journal's id.
    expect(report.repairs?.map((r) => r.what)).toEqual([expect.stringMatching(/no longer had the TSS/)]);
    expect((await api.control('GET', '/status')).body).toMatchObject({ tss: 1, clients: 2, transactions: 1 });
    expect((await vault.get(old.tssId, 'admin-puk'))?.puk).toMatch(/^\d{10}$/);
  });
});
