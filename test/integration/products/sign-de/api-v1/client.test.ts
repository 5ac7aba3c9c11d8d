import { createHash, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FiskalyError } from '../../../../../main/products/sign-de/api/fiskaly-error';
import type { FiskalyV1Client } from '../../../../../main/products/sign-de/api-v1/client';
import { DEFAULT_ORGANIZATION } from '../../../../../main/products/sign-de/sandbox/organizations';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { V1_STORE_SEED } from '../../../../../main/products/sign-de/sandbox/v1/seed';
import { clientFor } from '../../../../support/fiskaly-client';
import { v1ClientFor } from '../../../../support/fiskaly-v1-client';
import { startSandbox } from '../../../../support/sandbox-api';
import { SandboxV1Api } from '../../../../support/sandbox-v1-api';

const STORE = V1_STORE_SEED.tssId;
const CLOSED = V1_STORE_SEED.disabledTss.tssId;
const [ACTIVE_REV1, ACTIVE_REV3] = V1_STORE_SEED.activeTransactions;

const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as FiskalyError);

describe('V1 client against the sandbox’s /api/v1 with the store on V1', () => {
  let sandbox: Sandbox;
  let v1: SandboxV1Api;
  const open: FiskalyV1Client[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    await sandbox?.close();
  });

  async function start(options: Parameters<typeof startSandbox>[0] = {}) {
    ({ sandbox } = await startSandbox({ seed: 'v1-store', ...options }));
    v1 = new SandboxV1Api(sandbox);
    const made = v1ClientFor(sandbox);
    open.push(made.client);
    return made;
  }

  it('logs in once, and refreshes, then logs in again, when V1 answers 401', async () => {
    const { client, attempts } = await start();
    const all = await client.listTss();
    expect(all.map((t) => t.id).sort()).toEqual([STORE, CLOSED].sort());
    await client.getTss(STORE);
    expect(client.session.authCalls).toBe(1);
    await v1.switches({ faults: { auth401: 1 } });
    await client.getTss(STORE);
    expect(attempts.slice(-3).map((a) => [a.path, a.outcome])).toEqual([
      [`/tss/${STORE}`, 401],
      ['/auth', 200],
      [`/tss/${STORE}`, 200],
    ]);
    await v1.switches({ faults: { auth401: 2 } });
    await client.getTss(STORE);
    // The refresh is refused too: a new login with key and secret.
    expect(attempts.slice(-4).map((a) => [a.path, a.outcome])).toEqual([
      [`/tss/${STORE}`, 401],
      ['/auth', 401],
      ['/auth', 200],
      [`/tss/${STORE}`, 200],
    ]);
  });

  it('holds its own session beside the V2 client, also where V1 and V2 tokens are not interchangeable', async () => {
    const { client } = await start({ v1: { strictTokens: true } });
    const v2 = clientFor(sandbox).client;
    await v2.listTss();
    await client.listTss();
    await v2.listTss();
    expect([client.session.authCalls, v2.session.authCalls]).toEqual([1, 1]);
    await v2.close();
  });

  it('reads tills and transactions over more than one page, and finds the ACTIVE ones', async () => {
    const { client, attempts } = await start();
    const tills = await client.listClients(STORE);
    expect(tills.map((c) => c.serialNumber).sort()).toEqual(['KASSE-01', 'KASSE-02', 'KASSE_03']);
    expect(await client.getClient(STORE, tills[0]!.id)).toEqual(tills[0]);
    await v1.login();
    const added: string[] = [];
    for (let i = 0; i < 60; i++) {
      const id = randomUUID();
      const started = await v1.request('PUT', `/tss/${STORE}/tx/${id}`, { state: 'ACTIVE', client_id: V1_STORE_SEED.clients[i % 3]!.id });
      expect(started.status).toBe(200);
      added.push(id);
    }
    const all = await client.listTransactions(STORE);
    expect(all).toHaveLength(V1_STORE_SEED.finishedTransactions + 2 + 60);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    expect(attempts.filter((a) => a.path === `/tss/${STORE}/tx`).length).toBeGreaterThanOrEqual(2);
    const active = await client.listActiveTransactions(STORE);
    expect(active.map((t) => t.id).sort()).toEqual([ACTIVE_REV1!.id, ACTIVE_REV3!.id, ...added].sort());
    expect(active.every((t) => t.state === 'ACTIVE')).toBe(true);
    const ofTill3 = await client.listActiveTransactions(STORE, V1_STORE_SEED.clients[2].id);
    expect(ofTill3.map((t) => t.id)).toContain(ACTIVE_REV3!.id);
    expect(ofTill3.every((t) => t.clientId === V1_STORE_SEED.clients[2].id)).toBe(true);
  });

  it('cancels an ACTIVE transaction with its latest revision, and another that a till moved on meanwhile', async () => {
    const { client, attempts } = await start();
    const before = await client.getTransaction(STORE, ACTIVE_REV3!.id);
    expect(before.latestRevision).toBe(3);
    const done = await client.cancelTransaction(STORE, ACTIVE_REV3!.id);
    expect(done).toMatchObject({ cancelledNow: true, transaction: { state: 'CANCELLED' } });
    expect((await client.getTransaction(STORE, ACTIVE_REV3!.id)).state).toBe('CANCELLED');
    expect(await client.cancelTransaction(STORE, ACTIVE_REV3!.id)).toMatchObject({ cancelledNow: false });

    await v1.switches({ faults: { staleRevision: 1 } });
    const moved = await client.cancelTransaction(STORE, ACTIVE_REV1!.id);
    expect(moved).toMatchObject({ cancelledNow: true, transaction: { state: 'CANCELLED' } });
    const puts = attempts.filter((a) => a.method === 'PUT' && a.path.endsWith(ACTIVE_REV1!.id));
    expect(puts.map((a) => a.outcome)).toEqual([400, 200]);
    expect(await client.listActiveTransactions(STORE)).toEqual([]);
  });

  it('sends JSON bodies only, so a V1 that refuses anything else (strict mode) takes every write', async () => {
    const { client } = await start({ v1: { strictJson: true } });
    expect((await client.cancelTransaction(STORE, ACTIVE_REV1!.id)).transaction.state).toBe('CANCELLED');
    const exportId = randomUUID();
    expect((await client.triggerExport(STORE, exportId)).id).toBe(exportId);
    expect((await client.disableTss(STORE)).tss.state).toBe('DISABLED');
    // The switch bites: the documented curl's form body is refused.
    await v1.login();
    expect((await v1.request('PUT', `/tss/${CLOSED}`, 'state=DISABLED', { contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
  });

  it('disables the V1 TSS once, reads it back, and sends nothing more to one disabled already', async () => {
    const { client, attempts } = await start();
    const result = await client.disableTss(STORE);
    expect(result).toMatchObject({ disabledNow: true, tss: { state: 'DISABLED' } });
    expect(result.tss.timeDisable).toEqual(expect.any(Number));
    expect(attempts.filter((a) => a.path === `/tss/${STORE}`).map((a) => a.method)).toEqual(['GET', 'PUT', 'GET']);
    expect(await client.disableTss(STORE)).toMatchObject({ disabledNow: false });
    expect(await client.disableTss(CLOSED)).toMatchObject({ disabledNow: false, tss: { state: 'DISABLED' } });
    expect(attempts.filter((a) => a.method === 'PUT')).toHaveLength(1);
  });

  it('takes a disable whose answer was lost as done by reading the TSS back', async () => {
    const { client, attempts } = await start();
    // Every try's answer is lost (the first one disabled it): what the TSS says decides, not the last error.
    await v1.switches({ faults: { disable5xx: 100, disable5xxAfterChange: true } });
    expect(await client.disableTss(STORE)).toMatchObject({ disabledNow: true, tss: { state: 'DISABLED' } });
    const puts = attempts.filter((a) => a.method === 'PUT');
    expect(puts.length).toBeGreaterThan(1);
    expect(puts.every((a) => a.outcome === 502)).toBe(true);
  });

  it('gives up on a disable that keeps failing and leaves the TSS as it was', async () => {
    const { client } = await start();
    await v1.switches({ faults: { disable5xx: 100 } });
    expect(await errorOf(client.disableTss(STORE))).toMatchObject({ status: 502 });
    expect((await client.getTss(STORE)).state).toBe('INITIALIZED');
  });

  it('refuses an unknown TSS with E_TSS_NOT_FOUND without sending it a DISABLED, and writes on a disabled one with E_TSS_DISABLED', async () => {
    const { client, attempts } = await start();
    const unknown = await errorOf(client.disableTss(randomUUID()));
    expect(unknown).toBeInstanceOf(FiskalyError);
    expect(unknown).toMatchObject({ status: 404, code: 'E_TSS_NOT_FOUND' });
    expect(unknown!.explanation.de).toMatch(/kennt diese TSS nicht/);
    expect(attempts.filter((a) => a.method === 'PUT')).toHaveLength(0);
    await client.disableTss(STORE);
    const refused = await errorOf(client.cancelTransaction(STORE, ACTIVE_REV1!.id));
    expect(refused).toMatchObject({ code: 'E_TSS_DISABLED' });
    expect(refused!.message).not.toContain(DEFAULT_ORGANIZATION.apiSecret);
  });

  it('exports the TSS under its own id, waits, downloads the TAR and hashes it; a second trigger finds the same export', async () => {
    const { client } = await start();
    const exportId = randomUUID();
    expect((await client.triggerExport(STORE, exportId)).id).toBe(exportId);
    const completed = await client.waitForExport(STORE, exportId, { intervalMs: 10 });
    expect(completed.state).toBe('COMPLETED');
    const archive = await client.downloadExport(STORE, exportId);
    expect(archive.size).toBeGreaterThan(0);
    expect(archive.looksLikeTar).toBe(true);
    expect(archive.sha256).toBe(createHash('sha256').update(archive.bytes).digest('hex'));
    const before = (await client.listExports(STORE)).length;
    expect((await client.triggerExport(STORE, exportId)).id).toBe(exportId);
    expect(await client.listExports(STORE)).toHaveLength(before);
  });

  it('exports a disabled TSS too', async () => {
    const { client } = await start();
    const exportId = randomUUID();
    await client.triggerExport(CLOSED, exportId);
    await client.waitForExport(CLOSED, exportId, { intervalMs: 10 });
    expect((await client.downloadExport(CLOSED, exportId)).looksLikeTar).toBe(true);
  });

  it('says when an export is still running after its last look, and finishes it later without a second export', async () => {
    const { client } = await start();
    await v1.switches({ faults: { exportStuckPending: true } });
    const exportId = randomUUID();
    await client.triggerExport(STORE, exportId);
    expect(await errorOf(client.waitForExport(STORE, exportId, { intervalMs: 10, maxPolls: 3 }))).toMatchObject({ code: 'E_EXPORT_NOT_COMPLETED' });
    await v1.switches({});
    expect((await client.waitForExport(STORE, exportId, { intervalMs: 10 })).state).toBe('COMPLETED');
    expect((await client.listExports(STORE)).map((e) => e.id).filter((id) => id === exportId)).toHaveLength(1);
  });
});
