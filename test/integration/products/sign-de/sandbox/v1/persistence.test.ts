import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, createSandbox } from '../../../../../../main/products/sign-de/sandbox/server';
import { startSharedSandbox } from '../../../../../../main/products/sign-de/sandbox/shared';
import { V1_STORE_SEED } from '../../../../../../main/products/sign-de/sandbox/v1/seed';
import { type SandboxProcess, spawnStandaloneSandbox } from '../../../../../support/sandbox-process';
import { SandboxV1Api, receiptBody } from '../../../../../support/sandbox-v1-api';
import { makeTempDir } from '../../../../../support/temp-dir';

describe('V1 state is kept like V2’s (the state file)', () => {
  const dirs: ReturnType<typeof makeTempDir>[] = [];
  const processes: SandboxProcess[] = [];
  const tempDir = () => {
    const dir = makeTempDir('tss-v1-state-');
    dirs.push(dir);
    return dir.path;
  };
  afterEach(async () => {
    for (const p of processes.splice(0)) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
    for (const dir of dirs.splice(0)) dir.remove();
  });

  it('survives a restart: TSS, tills, transactions with their revisions, exports and tokens', async () => {
    const stateFile = join(tempDir(), 'state.json');
    let sandbox = await createSandbox({ stateFile });
    let v1 = new SandboxV1Api(sandbox);
    await v1.login();
    const token = v1.token;
    const tssId = await v1.tss();
    const clientId = await v1.client(tssId, 'KASSE_01');
    const txId = randomUUID();
    await v1.tx(tssId, txId, { state: 'ACTIVE', client_id: clientId });
    const exportId = randomUUID();
    await v1.request('PUT', `/tss/${tssId}/export/${exportId}`, {});
    await v1.request('GET', `/tss/${tssId}/export/${exportId}`);
    const file = await v1.request<Buffer>('GET', `/tss/${tssId}/export/${exportId}/file`);
    await sandbox.close();
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).v1.tss[tssId].state).toBe('INITIALIZED');

    sandbox = await createSandbox({ stateFile });
    v1 = new SandboxV1Api(sandbox);
    v1.token = token;
    try {
      expect((await v1.request('GET', `/tss/${tssId}/client/${clientId}`)).body.serial_number).toBe('KASSE_01');
      expect((await v1.request('GET', `/tss/${tssId}/tx/${txId}`)).body).toMatchObject({ state: 'ACTIVE', revision: 1 });
      expect((await v1.tx(tssId, txId, receiptBody(clientId), 1)).body).toMatchObject({ state: 'FINISHED', revision: 2, signature: { counter: 2 } });
      const again = await v1.request<Buffer>('GET', `/tss/${tssId}/export/${exportId}/file`);
      expect(Buffer.compare(again.body, file.body)).toBe(0);
    } finally {
      await sandbox.close();
    }
  });

  it('loads a state file written before V1 existed (no v1 part) and starts V1 empty', async () => {
    const stateFile = join(tempDir(), 'state.json');
    const first = await createSandbox({ stateFile });
    await first.close();
    const old = JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, unknown>;
    delete old.v1;
    writeFileSync(stateFile, JSON.stringify(old));
    const sandbox = await createSandbox({ stateFile });
    const v1 = new SandboxV1Api(sandbox);
    try {
      await v1.login();
      expect((await v1.request('GET', '/tss')).body).toMatchObject({ count: 0 });
      await v1.tss();
    } finally {
      await sandbox.close();
    }
    expect(Object.keys(JSON.parse(readFileSync(stateFile, 'utf8')).v1.tss)).toHaveLength(1);
  });

  it('is shared across processes like V2’s: a guest sees the owner’s V1 data, and keeps it when it takes over', async () => {
    const folder = join(tempDir(), 'sandbox');
    const owner = await startSharedSandbox(folder, { deployDelayMs: 0 }, { pollMs: 100 });
    const guest = await startSharedSandbox(folder, { deployDelayMs: 0 }, { pollMs: 100 });
    try {
      expect([owner.role, guest.role]).toEqual(['owner', 'guest']);
      const viaOwner = new SandboxV1Api({ url: owner.url } as Sandbox);
      await viaOwner.login();
      const tssId = await viaOwner.tss();
      const viaGuest = new SandboxV1Api({ url: guest.url } as Sandbox);
      viaGuest.token = viaOwner.token;
      expect((await viaGuest.request('GET', `/tss/${tssId}`)).body.state).toBe('INITIALIZED');
      await owner.close();
      await expect.poll(() => guest.role, { timeout: 20_000 }).toBe('owner');
      const afterTakeover = new SandboxV1Api({ url: guest.url } as Sandbox);
      afterTakeover.token = viaOwner.token;
      expect((await afterTakeover.request('GET', `/tss/${tssId}`)).body.state).toBe('INITIALIZED');
    } finally {
      await owner.close();
      await guest.close();
    }
  }, 60_000);

  it('npm run sandbox -- --seed v1-store --state FILE starts with the store; after a kill and a restart it is there once, changes kept', async () => {
    const stateFile = join(tempDir(), 'state.json');
    let started = await spawnStandaloneSandbox(['--state', stateFile, '--seed', 'v1-store']);
    processes.push(started);
    const url = (s: SandboxProcess) => ({ url: s.url }) as ConstructorParameters<typeof SandboxV1Api>[0];
    let v1 = new SandboxV1Api(url(started));
    await v1.login();
    const clientId = V1_STORE_SEED.clients[0].id;
    const [active] = V1_STORE_SEED.activeTransactions;
    expect((await v1.tx(V1_STORE_SEED.tssId, active.id, receiptBody(clientId, 'CANCELLED'), 1)).body).toMatchObject({ state: 'CANCELLED' });
    // Killed without a chance to save anything more: every answer was on the disk before it went out.
    started.child.kill('SIGKILL');
    await started.exited;
    processes.splice(0);

    started = await spawnStandaloneSandbox(['--state', stateFile, '--seed', 'v1-store']);
    processes.push(started);
    v1 = new SandboxV1Api(url(started));
    await v1.login();
    expect((await v1.request('GET', `/tss/${V1_STORE_SEED.tssId}/tx/${active.id}`)).body).toMatchObject({ state: 'CANCELLED', revision: 2 });
    expect((await v1.request('GET', '/tss')).body).toMatchObject({ count: 2 });
    expect((await v1.request('GET', `/tss/${V1_STORE_SEED.tssId}/tx?states[]=ACTIVE`)).body).toMatchObject({ count: 1 });
  }, 60_000);
});
