import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../../../main/products/sign-de/sandbox/server';
import { startSandbox } from '../../../../../support/sandbox-api';
import { SandboxV1Api, receiptBody } from '../../../../../support/sandbox-v1-api';

describe('V1 transactions (the last_revision rule)', () => {
  let sandbox: Sandbox;
  let v1: SandboxV1Api;
  beforeAll(async () => {
    ({ sandbox } = await startSandbox());
    v1 = new SandboxV1Api(sandbox);
    await v1.login();
  });
  afterAll(() => sandbox.close());

  it('starts without a revision (revision 1), finishes with last_revision=1 (revision 2), with numbers, counters and the certificate serial', async () => {
    const tssId = await v1.tss();
    const clientId = await v1.client(tssId, 'KASSE-01');
    const tss = (await v1.request('GET', `/tss/${tssId}`)).body;
    const txId = randomUUID();
    const started = await v1.tx(tssId, txId, { state: 'ACTIVE', client_id: clientId });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      _id: txId,
      _type: 'TRANSACTION',
      tss_id: tssId,
      client_id: clientId,
      client_serial_number: 'KASSE-01',
      certificate_serial: tss.certificate_serial,
      number: 1,
      state: 'ACTIVE',
      revision: 1,
      latest_revision: 1,
      log: { operation: 'Start', timestamp_format: 'unixTime' },
      signature: { algorithm: 'ecdsa-plain-SHA256', counter: 1, public_key: tss.public_key },
    });
    const finished = await v1.tx(tssId, txId, receiptBody(clientId), 1);
    expect(finished.body).toMatchObject({ state: 'FINISHED', number: 1, revision: 2, latest_revision: 2, log: { operation: 'Finish' }, signature: { counter: 2 } });
    expect(finished.body.time_end).toBeTypeOf('number');
    expect(finished.body.qr_code_data).toMatch(/^V0;KASSE-01;/);
    // ecdsa-plain over P-256: 64 bytes, a new one per step.
    const values = [started, finished].map((r) => (r.body.signature as { value: string }).value);
    expect(values.map((v) => Buffer.from(v, 'base64').length)).toEqual([64, 64]);
    expect(values[0]).not.toBe(values[1]);
    expect((await v1.request('GET', `/tss/${tssId}/tx/${txId}`)).body).toEqual(finished.body);

    const second = await v1.tx(tssId, randomUUID(), { state: 'ACTIVE', client_id: clientId }, 0);
    expect(second.body).toMatchObject({ number: 2, revision: 1, signature: { counter: 3 } });
    expect((await v1.request('GET', `/tss/${tssId}`)).body).toMatchObject({ signature_counter: 3, transaction_counter: 2 });

    // Numbers count per TSS.
    const otherTss = await v1.tss();
    const otherClient = await v1.client(otherTss);
    expect((await v1.tx(otherTss, randomUUID(), { state: 'ACTIVE', client_id: otherClient })).body).toMatchObject({ number: 1, signature: { counter: 1 } });
  });

  it('updates an ACTIVE transaction revision by revision and refuses a stale or missing last_revision 400 E_TX_UPSERT', async () => {
    const tssId = await v1.tss();
    const clientId = await v1.client(tssId);
    const txId = randomUUID();
    await v1.tx(tssId, txId, { state: 'ACTIVE', client_id: clientId });
    expect((await v1.tx(tssId, txId, { state: 'ACTIVE', client_id: clientId }, 1)).body).toMatchObject({ revision: 2, log: { operation: 'Update' } });
    for (const stale of [1, 3, undefined, 0]) {
      const refused = await v1.tx(tssId, txId, receiptBody(clientId), stale);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ status_code: 400, error: 'Bad Request', code: 'E_TX_UPSERT' });
      expect(refused.headers.get('x-request-id')).toBeTruthy();
    }
    expect((await v1.request('GET', `/tss/${tssId}/tx/${txId}`)).body).toMatchObject({ state: 'ACTIVE', revision: 2 });
    expect((await v1.tx(tssId, txId, receiptBody(clientId), 2)).body).toMatchObject({ state: 'FINISHED', revision: 3 });
    // A finished transaction does not change.
    expect((await v1.tx(tssId, txId, receiptBody(clientId), 3)).body).toMatchObject({ status_code: 400, code: 'E_TX_UPSERT' });
    // An unknown transaction cannot be "continued", nor start finished.
    expect((await v1.tx(tssId, randomUUID(), { state: 'ACTIVE', client_id: clientId }, 1)).body).toMatchObject({ code: 'E_TX_UPSERT' });
    expect((await v1.tx(tssId, randomUUID(), receiptBody(clientId))).body).toMatchObject({ code: 'E_TX_UPSERT' });
    expect((await v1.tx(tssId, randomUUID(), { state: 'ACTIVE', client_id: clientId }, 'x')).body).toMatchObject({ code: 'E_FAILED_SCHEMA_VALIDATION' });
  });

  it('cancels the way ODOO did (CANCELLATION, empty amounts) and refuses to finish without a schema 409 E_TX_NO_TYPE_DEFINED', async () => {
    const tssId = await v1.tss();
    const clientId = await v1.client(tssId);
    const txId = randomUUID();
    await v1.tx(tssId, txId, { state: 'ACTIVE', client_id: clientId });
    const bare = await v1.tx(tssId, txId, { state: 'CANCELLED', client_id: clientId }, 1);
    expect(bare.status).toBe(409);
    expect(bare.body).toMatchObject({ code: 'E_TX_NO_TYPE_DEFINED' });
    const cancelled = await v1.tx(tssId, txId, receiptBody(clientId, 'CANCELLED'), 1);
    expect(cancelled.body).toMatchObject({ state: 'CANCELLED', revision: 2, schema: { standard_v1: { receipt: { receipt_type: 'CANCELLATION', amounts_per_vat_rate: [] } } } });
  });

  it('refuses a transaction on an UNINITIALIZED or DISABLED TSS, with an unknown or foreign client, or with a bad body', async () => {
    const uninitialized = await v1.tss('UNINITIALIZED');
    const early = await v1.client(uninitialized);
    expect((await v1.tx(uninitialized, randomUUID(), { state: 'ACTIVE', client_id: early })).body).toMatchObject({ status_code: 400, code: 'E_TSS_NOT_INITIALIZED' });

    const tssId = await v1.tss();
    const clientId = await v1.client(tssId);
    const open = randomUUID();
    await v1.tx(tssId, open, { state: 'ACTIVE', client_id: clientId });
    await v1.request('PUT', `/tss/${tssId}`, { state: 'DISABLED' });
    expect((await v1.tx(tssId, randomUUID(), { state: 'ACTIVE', client_id: clientId })).body).toMatchObject({ status_code: 400, code: 'E_TSS_DISABLED' });
    // VERIFY: nothing closes an ACTIVE transaction on disable; it cannot be closed afterwards either.
    expect((await v1.request('GET', `/tss/${tssId}/tx/${open}`)).body.state).toBe('ACTIVE');
    expect((await v1.tx(tssId, open, receiptBody(clientId, 'CANCELLED'), 1)).body).toMatchObject({ code: 'E_TSS_DISABLED' });

    const live = await v1.tss();
    expect((await v1.tx(live, randomUUID(), { state: 'ACTIVE', client_id: randomUUID() })).body).toMatchObject({ status_code: 400, code: 'E_CLIENT_NOT_FOUND' });
    expect((await v1.tx(live, randomUUID(), { state: 'ACTIVE', client_id: clientId })).body).toMatchObject({ status_code: 400, code: 'E_CLIENT_NOT_FOUND' });
    const liveClient = await v1.client(live);
    expect((await v1.tx(live, randomUUID(), { state: 'OPEN', client_id: liveClient })).body).toMatchObject({ status_code: 400, code: 'E_FAILED_SCHEMA_VALIDATION' });
    const badReceipt = { ...receiptBody(liveClient), schema: { standard_v1: { receipt: { receipt_type: 'RECEIPT', amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '14,28' }] } } } };
    expect((await v1.tx(live, randomUUID(), badReceipt)).body).toMatchObject({ code: 'E_FAILED_SCHEMA_VALIDATION' });
    expect((await v1.request('GET', `/tss/${live}/tx/${randomUUID()}`)).body).toMatchObject({ status_code: 404, code: 'E_TX_NOT_FOUND' });
  });

  it('lists per TSS and overall, pages with limit and offset (default 100), filters by state', async () => {
    const tssId = await v1.tss();
    const clientId = await v1.client(tssId);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const id = randomUUID();
      ids.push(id);
      await v1.tx(tssId, id, { state: 'ACTIVE', client_id: clientId });
      if (i % 2 === 0) await v1.tx(tssId, id, receiptBody(clientId), 1);
    }
    const all = await v1.request<{ data: { _id: string; number: number }[]; count: number; _type: string }>('GET', `/tss/${tssId}/tx`);
    expect(all.body).toMatchObject({ _type: 'TRANSACTION_LIST', count: 7 });
    expect(all.body.data.map((t) => t._id)).toEqual(ids);
    const page = await v1.request<{ data: { number: number }[]; count: number }>('GET', `/tss/${tssId}/tx?limit=3&offset=3`);
    expect(page.body.data.map((t) => t.number)).toEqual([4, 5, 6]);
    expect(page.body.count).toBe(7);
    const active = await v1.request<{ data: { state: string }[]; count: number }>('GET', `/tss/${tssId}/tx?states[]=ACTIVE`);
    expect(active.body.count).toBe(3);
    expect(active.body.data.every((t) => t.state === 'ACTIVE')).toBe(true);
    const everywhere = await v1.request<{ count: number }>('GET', '/tx?limit=1');
    expect(everywhere.body.count).toBeGreaterThanOrEqual(7);
    expect((await v1.request('GET', `/tss/${tssId}/tx?limit=0`)).status).toBe(400);
  });
});
