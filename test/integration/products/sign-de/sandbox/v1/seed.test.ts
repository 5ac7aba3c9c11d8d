import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_SERIAL_PATTERN } from '../../../../../../main/products/sign-de/sandbox/resources/client';
import type { Sandbox } from '../../../../../../main/products/sign-de/sandbox/server';
import { V1_STORE_SEED } from '../../../../../../main/products/sign-de/sandbox/v1/seed';
import { readExportTar } from '../../../../../../main/products/sign-de/tse';
import { startSandbox } from '../../../../../support/sandbox-api';
import { SandboxV1Api, receiptBody } from '../../../../../support/sandbox-v1-api';

type List = { data: Record<string, unknown>[]; count: number };

describe('the v1-store seed (a store on SIGN DE V1, to practise the migration)', () => {
  let sandbox: Sandbox;
  let v1: SandboxV1Api;
  const store = V1_STORE_SEED.tssId;
  beforeAll(async () => {
    ({ sandbox } = await startSandbox({ seed: 'v1-store' }));
    v1 = new SandboxV1Api(sandbox);
    await v1.login();
  });
  afterAll(() => sandbox.close());

  it('holds an INITIALIZED V1 TSS with three tills, one serial invalid for V2', async () => {
    expect((await v1.request('GET', `/tss/${store}`)).body).toMatchObject({ state: 'INITIALIZED', description: 'Filiale 12', transaction_counter: 52 });
    const clients = await v1.request<List>('GET', `/tss/${store}/client`);
    expect(clients.body.data.map((c) => c.serial_number)).toEqual(['KASSE-01', 'KASSE-02', 'KASSE_03']);
    const v2Serial = new RegExp(CLIENT_SERIAL_PATTERN);
    expect(clients.body.data.filter((c) => !v2Serial.test(c.serial_number as string)).map((c) => c.serial_number)).toEqual(['KASSE_03']);
  });

  it('has 50 FINISHED and 2 ACTIVE transactions (one at revision 3), numbered 1–52, that follow the revision rule', async () => {
    const finished = await v1.request<List>('GET', `/tss/${store}/tx?states[]=FINISHED&limit=100`);
    expect(finished.body.count).toBe(50);
    expect(finished.body.data.every((t) => t.revision === 2 && (t.schema as object) !== undefined)).toBe(true);
    const active = await v1.request<List>('GET', `/tss/${store}/tx?states[]=ACTIVE`);
    expect(active.body.data.map((t) => [t._id, t.revision, t.number, t.client_serial_number])).toEqual([
      [V1_STORE_SEED.activeTransactions[0].id, 1, 51, 'KASSE-01'],
      [V1_STORE_SEED.activeTransactions[1].id, 3, 52, 'KASSE_03'],
    ]);
    // Every transaction of the store, paged as a migration would read them.
    const pages = [await v1.request<List>('GET', `/tss/${store}/tx?limit=30&offset=0`), await v1.request<List>('GET', `/tss/${store}/tx?limit=30&offset=30`)];
    expect(pages.flatMap((p) => p.body.data.map((t) => t.number))).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
    const tss = (await v1.request('GET', `/tss/${store}`)).body;
    // 50 × (Start, Finish) + 1 + 3 signatures.
    expect(tss.signature_counter).toBe(104);
  });

  it('has one completed export whose file is a TAR of the 50 finished receipts', async () => {
    const exports = await v1.request<List>('GET', `/tss/${store}/export`);
    expect(exports.body.data).toEqual([expect.objectContaining({ _id: V1_STORE_SEED.exportId, state: 'COMPLETED' })]);
    const file = await v1.request<Buffer>('GET', `/tss/${store}/export/${V1_STORE_SEED.exportId}/file`);
    const entries = await readExportTar(file.body);
    const steps = entries.filter((e) => e.name.startsWith('transactions/')).map((e) => JSON.parse(e.data.toString('utf8')) as { number: number; operation: string });
    expect(steps).toHaveLength(100);
    expect(steps.filter((s) => s.operation === 'Finish').map((s) => s.number)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('has a second V1 TSS already DISABLED', async () => {
    const disabled = await v1.request('GET', `/tss/${V1_STORE_SEED.disabledTss.tssId}`);
    expect(disabled.body).toMatchObject({ state: 'DISABLED', time_disable: expect.any(Number) });
    const all = await v1.request<List>('GET', '/tss');
    expect(all.body.data.map((t) => [t._id, t.state])).toEqual(
      expect.arrayContaining([
        [store, 'INITIALIZED'],
        [V1_STORE_SEED.disabledTss.tssId, 'DISABLED'],
      ]),
    );
  });

  it('closes the seeded ACTIVE transactions with the revisions they show', async () => {
    const [first, second] = V1_STORE_SEED.activeTransactions;
    const tillOne = V1_STORE_SEED.clients[0].id;
    const tillThree = V1_STORE_SEED.clients[2].id;
    expect((await v1.tx(store, second.id, receiptBody(tillThree, 'CANCELLED'), 2)).body).toMatchObject({ code: 'E_TX_UPSERT' });
    expect((await v1.tx(store, second.id, receiptBody(tillThree, 'CANCELLED'), 3)).body).toMatchObject({ state: 'CANCELLED', revision: 4 });
    expect((await v1.tx(store, first.id, receiptBody(tillOne, 'CANCELLED'), 1)).body).toMatchObject({ state: 'CANCELLED', revision: 2 });
  });

  it('is added once: seeding again changes nothing; a reset with the seed brings the store back as it was', async () => {
    const before = await status();
    await sandbox.seed('v1-store');
    expect(await status()).toEqual(before);

    await v1.request('PUT', `/tss/${store}`, { state: 'DISABLED' });
    const reset = await fetch(`${new URL(sandbox.url).origin}/_sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seed: 'v1-store' }) });
    expect(reset.status).toBe(200);
    await v1.login();
    expect((await v1.request('GET', `/tss/${store}`)).body.state).toBe('INITIALIZED');
    expect((await v1.request<List>('GET', `/tss/${store}/tx?states[]=ACTIVE`)).body.count).toBe(2);

    const plain = await fetch(`${new URL(sandbox.url).origin}/_sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(plain.status).toBe(200);
    expect((await status()).v1).toEqual({ tss: 0, clients: 0, transactions: 0, exports: 0 });
    const unknown = await fetch(`${new URL(sandbox.url).origin}/_sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seed: 'v2-store' }) });
    expect(unknown.status).toBe(400);
  });

  async function status(): Promise<{ v1: Record<string, number> }> {
    return (await (await fetch(`${new URL(sandbox.url).origin}/_sandbox/status`)).json()) as { v1: Record<string, number> };
  }
});
