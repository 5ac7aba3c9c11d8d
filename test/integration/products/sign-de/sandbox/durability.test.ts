import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, createSandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { SandboxApi } from '../../../../support/sandbox-api';
import { type SandboxProcess, spawnStandaloneSandbox } from '../../../../support/sandbox-process';
import { makeTempDir } from '../../../../support/temp-dir';

const RECEIPT = {
  standard_v1: { receipt: { receipt_type: 'RECEIPT', amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '1.00' }], amounts_per_payment_type: [{ payment_type: 'CASH', amount: '1.00' }] } },
};

describe('sandbox durability', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let stateFile: string;
  const open: Sandbox[] = [];
  const processes: SandboxProcess[] = [];
  beforeEach(() => {
    dir = makeTempDir();
    stateFile = join(dir.path, 'state.json');
  });
  afterEach(async () => {
    for (const sandbox of open.splice(0)) await sandbox.close();
    for (const p of processes.splice(0)) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
    dir.remove();
  });

  const start = async () => {
    const sandbox = await createSandbox({ stateFile });
    open.push(sandbox);
    const api = new SandboxApi(sandbox);
    await api.login();
    return { sandbox, api };
  };

  it('answers a change only once it is in the state file on the disk', async () => {
    const { api } = await start();
    const tssId = randomUUID();
    expect((await api.request('PUT', `/tss/${tssId}`, {})).status).toBe(200);
    // Read straight away, the sandbox still running: the change must already be there.
    expect(Object.keys(JSON.parse(readFileSync(stateFile, 'utf8')).tss)).toContain(tssId);
  });

  it('answers 503 without confirming a change when the state file cannot be written, keeps running, and saves once it can', async () => {
    const { sandbox, api } = await start();
    // The state file's place taken by a non-empty folder: the rename of the next write fails.
    rmSync(stateFile);
    mkdirSync(join(stateFile, 'blocker'), { recursive: true });
    const tssId = randomUUID();
    const failed = await api.request('PUT', `/tss/${tssId}`, {});
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ status_code: 503, code: 'E_SANDBOX_STATE_NOT_SAVED', message: expect.stringMatching(/could not save its state file.*not confirmed/) });
    expect(failed.body).not.toHaveProperty('admin_puk');
    expect((await api.control('GET', '/status')).status).toBe(503);

    rmSync(stateFile, { recursive: true });
    const retried = await api.request('PUT', `/tss/${tssId}`, {});
    expect(retried.status).toBe(200);
    await sandbox.close();
    open.length = 0;
    const again = await start();
    again.api.token = api.token;
    expect((await again.api.request('GET', `/tss/${tssId}`)).status).toBe(200);
  });

  it('lets one sandbox own a state file: a second one is refused with a clear error', async () => {
    await start();
    await expect(createSandbox({ stateFile })).rejects.toThrow(/Another sandbox process is using the state file .*state\.json/);
  });

  it('confirms nothing once another process has taken the state file over, and does not overwrite the new owner’s file', async () => {
    const { api: oldApi } = await start();
    const kept = randomUUID();
    expect((await oldApi.request('PUT', `/tss/${kept}`, {})).status).toBe(200);
    // A takeover as after a freeze past the stale time: the lock is gone and a new owner holds it.
    rmSync(`${stateFile}.lock`, { recursive: true });
    const { api: newApi } = await start();
    const late = randomUUID();
    const refused = await oldApi.request('PUT', `/tss/${late}`, {});
    expect(refused).toMatchObject({ status: 503, body: { code: 'E_SANDBOX_STATE_NOT_SAVED', message: expect.stringMatching(/another sandbox process has taken over/) } });
    expect(Object.keys(JSON.parse(readFileSync(stateFile, 'utf8')).tss)).toEqual([kept]);
    const fresh = randomUUID();
    expect((await newApi.request('PUT', `/tss/${fresh}`, {})).status).toBe(200);
    expect(Object.keys(JSON.parse(readFileSync(stateFile, 'utf8')).tss).sort()).toEqual([kept, fresh].sort());
  });

  it('loses nothing it acknowledged when killed right after its last answer (SIGKILL), then restarted on the same file', async () => {
    let sandbox = await spawnStandaloneSandbox(['--state', stateFile]);
    processes.push(sandbox);
    const api = new SandboxApi({ url: sandbox.url } as Sandbox);
    await api.login();
    const { tssId } = await api.initializedTss();
    const clientId = randomUUID();
    expect((await api.request('PUT', `/tss/${tssId}/client/${clientId}`, { serial_number: 'ERS crash' })).status).toBe(200);
    // Acknowledged writes, several in flight at once (they share fsyncs), the last answered just before the kill.
    const txIds = Array.from({ length: 12 }, () => randomUUID());
    const started = await Promise.all(txIds.map((tx) => api.request('PUT', `/tss/${tssId}/tx/${tx}?tx_revision=1`, { state: 'ACTIVE', client_id: clientId })));
    expect(started.map((r) => r.status)).toEqual(txIds.map(() => 200));
    const finished = await api.request('PUT', `/tss/${tssId}/tx/${txIds[0]}?tx_revision=2`, { state: 'FINISHED', client_id: clientId, schema: RECEIPT });
    expect(finished.status).toBe(200);
    sandbox.child.kill('SIGKILL');
    await sandbox.exited;

    // The killed process's lock goes stale; the restart takes it over.
    sandbox = await spawnStandaloneSandbox(['--state', stateFile]);
    processes.push(sandbox);
    const after = new SandboxApi({ url: sandbox.url } as Sandbox);
    await after.login();
    const tss = await after.request('GET', `/tss/${tssId}`);
    expect(tss.body).toMatchObject({ state: 'INITIALIZED', number_registered_clients: 1, number_active_transactions: 11 });
    expect((await after.request('GET', `/tss/${tssId}/client/${clientId}`)).status).toBe(200);
    for (const tx of txIds) expect((await after.request('GET', `/tss/${tssId}/tx/${tx}`)).status).toBe(200);
    expect((await after.request('GET', `/tss/${tssId}/tx/${txIds[0]}`)).body).toMatchObject({ state: 'FINISHED', signature: finished.body.signature });
  }, 60_000);

  it('stops on SIGTERM even with hung requests and long latencies pending', async () => {
    const sandbox = await spawnStandaloneSandbox(['--state', stateFile]);
    processes.push(sandbox);
    const api = new SandboxApi({ url: sandbox.url } as Sandbox);
    await api.login();
    expect((await api.control('PUT', '/faults', { hangRate: 1, pathPrefix: '/api/v2/tss' })).status).toBe(200);
    const hung = api.request('GET', '/tss').catch(() => 'closed');
    expect((await api.control('PUT', '/faults', { latencyMs: 60_000 })).status).toBe(200);
    const slow = api.request('GET', '/tss').catch(() => 'closed');
    // Both requests have reached the sandbox once its fault counters show them.
    await expect.poll(async () => (await api.control('GET', '/status')).body.fault_counts, { timeout: 20_000 }).toMatchObject({ hung: 1, delayed: 1 });
    sandbox.child.kill('SIGTERM');
    expect(await sandbox.exited).toBe(0);
    expect(await hung).toBe('closed');
    expect(await slow).toBe('closed');
  }, 60_000);

  it('refuses a corrupt state file and leaves it as it was', async () => {
    writeFileSync(stateFile, '{"version": 1, "tss": ');
    await expect(createSandbox({ stateFile })).rejects.toThrow(/JSON/);
    expect(readFileSync(stateFile, 'utf8')).toBe('{"version": 1, "tss": ');
    // The lock was given back: a fixed file can be opened at once.
    rmSync(stateFile);
    await start();
  });
});
