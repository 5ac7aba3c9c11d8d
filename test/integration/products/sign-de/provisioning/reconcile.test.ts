import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../../../main/products/sign-de/provisioning/journal';
import { type OrchestratorDeps, resumeRun, startRun } from '../../../../../main/products/sign-de/provisioning/orchestrator';
import { parseStorePlan } from '../../../../../main/products/sign-de/provisioning/store-plan';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { checkReceipt } from '../../../../../main/products/sign-de/tse';
import { runDeps } from '../../../../support/provisioning';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';
import { makeTempDir } from '../../../../support/temp-dir';

const plan = parseStorePlan({
  storeName: 'Filiale Leipzig',
  environment: 'sandbox',
  clients: [{ serialNumber: 'KASSE-01' }, { serialNumber: 'KASSE-02' }, { serialNumber: 'KASSE-03' }],
});

class Crash extends Error {}

/**
 * A server that lost what it had confirmed: the sandbox is reset, or restarted on a copy of its state
 * folder taken earlier. Whatever the journal says, a resume must end with the server showing the run.
 */
describe('a resume against a server that lost a step', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let sandbox: Sandbox;
  let api: SandboxApi;
  const stateFolder = () => join(dir.path, 'server');
  const stateFile = () => join(stateFolder(), 'state.json');
  const snapshot = () => join(dir.path, 'server-snapshot');

  const startServer = async () => {
    ({ sandbox, api } = await startSandbox({ stateFile: stateFile() }));
  };
  /** Stops the server (its state is on disk then) and keeps a copy of its whole state folder. */
  const takeSnapshot = async () => {
    await sandbox.close();
    cpSync(stateFolder(), snapshot(), { recursive: true });
  };
  /** Restarts the server on the copy: everything it confirmed after the copy is gone. */
  const restartOnSnapshot = async () => {
    await sandbox.close();
    rmSync(stateFolder(), { recursive: true, force: true });
    cpSync(snapshot(), stateFolder(), { recursive: true });
    await startServer();
  };
  const crashAt = (point: string, before?: () => Promise<void>): Partial<OrchestratorDeps> => ({
    failpoint: async (name) => {
      if (name !== point) return;
      await before?.();
      throw new Crash(point);
    },
  });

  beforeEach(async () => {
    dir = makeTempDir();
    await startServer();
  });
  afterEach(async () => {
    await sandbox.close();
    dir.remove();
  });

  /** What the server must show for a done run, and the vault's secrets must open. */
  async function expectServerShowsRun(runId: string) {
    const journal = (await Journal.load(dir.path, runId)).data;
    expect(journal.status).toBe('done');
    await api.login();
    const status = (await api.control('GET', '/status')).body;
    expect(status).toMatchObject({ tss: 1, clients: 3 });
    expect((await api.request('GET', `/tss/${journal.tssId}`)).body).toMatchObject({ state: 'INITIALIZED', number_registered_clients: 3 });
    const clients = await api.request<{ data: Array<{ _id: string; serial_number: string; state: string }> }>('GET', `/tss/${journal.tssId}/client`);
    expect(clients.body.data.map((c) => c.serial_number).sort()).toEqual(['KASSE-01', 'KASSE-02', 'KASSE-03']);
    expect(clients.body.data.every((c) => c.state === 'REGISTERED')).toBe(true);
    expect(clients.body.data.map((c) => c._id).sort()).toEqual(journal.clients.map((c) => c.clientId).sort());
    const tx = await api.request('GET', `/tss/${journal.tssId}/tx/${journal.receipt!.txId}`);
    expect(tx.body).toMatchObject({ state: 'FINISHED', qr_code_data: journal.receipt!.qrCodeData });
    expect(checkReceipt(journal.receipt!.qrCodeData!, { tssSerialNumber: journal.tssSerialNumber }).valid).toBe(true);
    const { vault } = await runDeps(sandbox, dir.path);
    const pin = (await vault.get(journal.tssId, 'admin-pin'))!.pin;
    const puk = (await vault.get(journal.tssId, 'admin-puk'))!.puk;
    expect((await api.request('POST', `/tss/${journal.tssId}/admin/auth`, { admin_pin: pin })).status).toBe(200);
    expect((await api.request('PATCH', `/tss/${journal.tssId}/admin`, { admin_puk: puk, new_admin_pin: pin })).status).toBe(200);
    return { journal, pin, puk };
  }

  it('makes a lost TSS again with the same id, stores its new PUK and sets the vault’s PIN on it', async () => {
    const { deps, vault } = await runDeps(sandbox, dir.path);
    const first = await startRun(plan, deps);
    const oldPuk = (await vault.get(first.tssId, 'admin-puk'))!.puk;
    const oldPin = (await vault.get(first.tssId, 'admin-pin'))!.pin;
    sandbox.reset();

    // The journal says done; resuming it anyway asks the server first, and finds nothing there.
    const repaired = await runDeps(sandbox, dir.path);
    const report = await resumeRun(first.runId, repaired.deps);
    expect(report.status).toBe('done');
    const { journal, pin, puk } = await expectServerShowsRun(first.runId);
    expect(journal.tssId).toBe(first.tssId);
    expect(pin).toBe(oldPin);
    expect(puk).not.toBe(oldPuk);
    expect(journal.receipt!.txId).not.toBe(first.receipt!.txId);
    expect(journal.repairs?.map((r) => r.what).join('\n')).toMatch(/no longer had the TSS/);
    const label = (await repaired.vault.list()).find((e) => e.id === first.tssId && e.kind === 'admin-puk')!.labels;
    expect(label.description).toMatch(/lost the first TSS/);
    expect(label.description).not.toContain(oldPuk);
    expect(JSON.stringify(journal)).not.toContain(puk);
  });

  it('redoes a TSS lost in the middle of a run, before the journal could know', async () => {
    const crashed = await runDeps(sandbox, dir.path, crashAt('after:initialize'));
    await expect(startRun(plan, crashed.deps)).rejects.toMatchObject({ code: 'E_INTERNAL' });
    const [run] = await Journal.list(dir.path);
    const oldPuk = (await crashed.vault.get(run!.tssId, 'admin-puk'))!.puk;
    sandbox.reset();
    const { deps } = await runDeps(sandbox, dir.path);
    expect((await resumeRun(run!.runId, deps)).status).toBe('done');
    const { puk } = await expectServerShowsRun(run!.runId);
    expect(puk).not.toBe(oldPuk);
  });

  it('registers again the clients and signs again the test transaction the server lost, with no twins', async () => {
    // The server's state is copied right after initialize: a TSS, no clients, no transaction.
    const crashed = await runDeps(sandbox, dir.path, crashAt('after:initialize', takeSnapshot));
    await expect(startRun(plan, crashed.deps)).rejects.toMatchObject({ code: 'E_INTERNAL' });
    const [run] = await Journal.list(dir.path);
    await startServer();
    const { deps } = await runDeps(sandbox, dir.path);
    const done = await resumeRun(run!.runId, deps);
    expect(done.status).toBe('done');

    await restartOnSnapshot();
    const repaired = await runDeps(sandbox, dir.path);
    const report = await resumeRun(run!.runId, repaired.deps, { repair: true });
    expect(report.status).toBe('done');
    const { journal } = await expectServerShowsRun(run!.runId);
    expect(journal.clients.map((c) => c.clientId)).toEqual(done.clients.map((c) => c.clientId));
    expect(journal.receipt!.txId).not.toBe(done.receipt!.txId);
    expect(journal.repairs?.map((r) => r.what).join('\n')).toMatch(/client KASSE-02: it is registered again/);
    // Only the one test transaction was read back: no list (fiskaly allows 20 lists a minute per TSS).
    expect(repaired.attempts.filter((a) => a.method === 'GET' && /\/tx$/.test(a.path))).toEqual([]);
  });

  it('sets the PIN again on a TSS the server took back to UNINITIALIZED', async () => {
    const crashed = await runDeps(sandbox, dir.path, crashAt('after:deploy', takeSnapshot));
    await expect(startRun(plan, crashed.deps)).rejects.toMatchObject({ code: 'E_INTERNAL' });
    const [run] = await Journal.list(dir.path);
    await startServer();
    expect((await resumeRun(run!.runId, (await runDeps(sandbox, dir.path)).deps)).status).toBe('done');
    await restartOnSnapshot();
    const { deps } = await runDeps(sandbox, dir.path);
    expect((await resumeRun(run!.runId, deps, { repair: true })).status).toBe('done');
    await expectServerShowsRun(run!.runId);
  });

  it('does not report done when the server loses the run before the end: it checks, and does it again', async () => {
    let lost = false;
    const { deps } = await runDeps(sandbox, dir.path, {
      failpoint: (name) => {
        // The server forgets everything once, after the test transaction, with no crash on our side.
        if (name === 'after:receipt-check' && !lost) {
          lost = true;
          sandbox.reset();
        }
      },
    });
    const report = await startRun(plan, deps);
    expect(lost).toBe(true);
    expect(report.status).toBe('done');
    await expectServerShowsRun(report.runId);
  });

  it('stops with a way out when the server keeps losing the run', async () => {
    const { deps } = await runDeps(sandbox, dir.path, {
      failpoint: (name) => {
        if (name === 'after:receipt-check') sandbox.reset();
      },
    });
    const failure = await startRun(plan, deps).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'E_SERVER_DID_NOT_KEEP', next: 'resume' });
    const [run] = await Journal.list(dir.path);
    expect(run).toMatchObject({ status: 'failed', error: { code: 'E_SERVER_DID_NOT_KEEP', next: 'resume' } });
    // The way out works once the server keeps what it confirms.
    expect((await resumeRun(run!.runId, (await runDeps(sandbox, dir.path)).deps)).status).toBe('done');
    await expectServerShowsRun(run!.runId);
  });

  it('points a PIN the TSS no longer takes to repair, and the repair sets the vault’s PIN again with its PUK', async () => {
    const crashed = await runDeps(sandbox, dir.path, crashAt('after:initialize'));
    await expect(startRun(plan, crashed.deps)).rejects.toMatchObject({ code: 'E_INTERNAL' });
    const [run] = await Journal.list(dir.path);
    const puk = (await crashed.vault.get(run!.tssId, 'admin-puk'))!.puk;
    await api.login();
    // Someone set another PIN (e.g. on another laptop): the vault's no longer opens the TSS.
    expect((await api.request('PATCH', `/tss/${run!.tssId}/admin`, { admin_puk: puk, new_admin_pin: '99887766' })).status).toBe(200);
    const failure = await resumeRun(run!.runId, (await runDeps(sandbox, dir.path)).deps).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'E_ADMIN_LOGIN_FAILED', next: 'repair' });
    expect((await Journal.load(dir.path, run!.runId)).data.error).toMatchObject({ code: 'E_ADMIN_LOGIN_FAILED', next: 'repair' });
    const { deps } = await runDeps(sandbox, dir.path);
    expect((await resumeRun(run!.runId, deps, { repair: true })).status).toBe('done');
    await expectServerShowsRun(run!.runId);
  });

  it('sends a run whose TSS was disabled to abandon, the one way out that works', async () => {
    const { deps } = await runDeps(sandbox, dir.path, crashAt('after:clients'));
    await expect(startRun(plan, deps)).rejects.toMatchObject({ code: 'E_INTERNAL' });
    const [run] = await Journal.list(dir.path);
    const pin = (await (await runDeps(sandbox, dir.path)).vault.get(run!.tssId, 'admin-pin'))!.pin;
    await api.login();
    await api.request('POST', `/tss/${run!.tssId}/admin/auth`, { admin_pin: pin });
    expect((await api.request('PATCH', `/tss/${run!.tssId}`, { state: 'DISABLED' })).status).toBe(200);
    const failure = await resumeRun(run!.runId, (await runDeps(sandbox, dir.path)).deps).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'E_TSS_UNUSABLE', next: 'abandon' });
    expect((await api.control('GET', '/status')).body).toMatchObject({ tss: 1 });
  });
});
