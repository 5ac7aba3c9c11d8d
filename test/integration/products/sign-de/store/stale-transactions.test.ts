import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FiskalyClient } from '../../../../../main/products/sign-de/api/client';
import { AppError } from '../../../../../main/core/errors';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { closeStaleTransactions, previewStaleTransactions } from '../../../../../main/products/sign-de/store/stale-transactions';
import { type RecordedAttempt, clientFor } from '../../../../support/fiskaly-client';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';

const HOUR = 3_600_000;

/**
 * The stale-transaction rule over HTTP against the real sandbox, with the sandbox's clock moved so
 * transactions are really old: tills are played by plain HTTP calls, the app by its real client.
 */
describe('closing stale transactions', () => {
  let clock: number;
  let sandbox: Sandbox;
  let api: SandboxApi;
  let client: FiskalyClient;
  let attempts: RecordedAttempt[];
  let tssId: string;
  const tillA = randomUUID();
  const tillB = randomUUID();
  const now = () => clock;

  beforeEach(async () => {
    clock = Date.parse('2026-03-02T08:00:00Z');
    // Tokens outlive the test's jumps in time, so only the transactions age.
    ({ sandbox, api } = await startSandbox({ accessTokenSeconds: 30 * 86_400, refreshTokenSeconds: 60 * 86_400 }, { now }));
    await api.login();
    ({ tssId } = await api.initializedTss());
    for (const [id, serial] of [
      [tillA, 'KASSE-A'],
      [tillB, 'KASSE-B'],
    ]) {
      expect((await api.request('PUT', `/tss/${tssId}/client/${id}`, { serial_number: serial })).status).toBe(200);
    }
    ({ client, attempts } = clientFor(sandbox, { now }));
  });
  afterEach(async () => {
    await client.close();
    await sandbox.close();
  });

  /** A till starts a sale (revision 1, no type yet, as DSFinV-K wants). */
  async function startSale(till: string): Promise<string> {
    const txId = randomUUID();
    const started = await api.request('PUT', `/tss/${tssId}/tx/${txId}?tx_revision=1`, { state: 'ACTIVE', client_id: till });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    return txId;
  }

  async function update(txId: string, till: string, schema: unknown): Promise<void> {
    const updated = await api.request('PUT', `/tss/${tssId}/tx/${txId}?tx_revision=2`, { state: 'ACTIVE', client_id: till, schema });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
  }

  async function retrieve(txId: string) {
    return (await api.request<{ state: string; schema: { raw?: { process_type: string; process_data: string } } }>('GET', `/tss/${tssId}/tx/${txId}`)).body;
  }

  const listCalls = () => attempts.filter((a) => a.method === 'GET' && a.path === `/tss/${tssId}/tx`).length;

  it('closes an old sale at till A with a cancellation receipt and leaves a fresh one at till B', async () => {
    const plain = await startSale(tillA);
    const receipt = await startSale(tillA);
    await update(receipt, tillA, { standard_v1: { receipt: { receipt_type: 'RECEIPT', amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '4.20' }] } } });
    const other = await startSale(tillA);
    await update(other, tillA, { standard_v1: { other: { note: 'Wechselgeld' } } });
    clock += 25 * HOUR;
    const fresh = await startSale(tillB);
    clock += 10 * 60_000;

    const preview = await previewStaleTransactions(client, tssId, 24, { now });
    expect(preview.recent).toBe(1);
    expect(preview.tills).toHaveLength(1);
    expect(preview.tills[0]).toMatchObject({ clientId: tillA, serialNumber: 'KASSE-A' });
    expect(preview.tills[0]!.transactions.map((tx) => [tx.id, tx.number, tx.ageHours])).toEqual([
      [plain, 1, 25],
      [receipt, 2, 25],
      [other, 3, 25],
    ]);
    expect(preview.tills[0]!.transactions[0]!.startedAt).toBe(Date.parse('2026-03-02T08:00:00Z') / 1000);
    expect(listCalls()).toBe(1);

    const result = await closeStaleTransactions(client, tssId, 24, [plain, receipt, other], { now });
    expect(result).toMatchObject({ closed: 3, alreadyClosed: 0, failed: 0 });
    expect(result.tills).toEqual([expect.objectContaining({ clientId: tillA, serialNumber: 'KASSE-A', failed: [], alreadyClosed: [] })]);
    expect(listCalls()).toBe(1); // the close looks each id up; it never lists

    for (const id of [plain, receipt]) {
      const tx = await retrieve(id);
      expect(tx.state).toBe('CANCELLED');
      expect(tx.schema.raw?.process_type).toBe('Kassenbeleg-V1');
      expect(Buffer.from(tx.schema.raw!.process_data, 'base64').toString()).toBe('AVBelegabbruch^0.00_0.00_0.00_0.00_0.00^');
    }
    // An order or other keeps its type: SIGN DE refuses a change of process type.
    expect(await retrieve(other)).toMatchObject({ state: 'CANCELLED', schema: { raw: { process_type: 'SonstigerVorgang' } } });
    expect((await retrieve(fresh)).state).toBe('ACTIVE');
  });

  it('honours the threshold the technician sets', async () => {
    const sale = await startSale(tillA);
    clock += 3 * HOUR;
    expect((await previewStaleTransactions(client, tssId, 24, { now })).tills).toEqual([]);
    const shorter = await previewStaleTransactions(client, tssId, 2, { now });
    expect(shorter.tills[0]!.transactions.map((tx) => tx.id)).toEqual([sale]);
    expect(shorter.recent).toBe(0);
  });

  it('refuses ids outside the rule and closes nothing of such a request', async () => {
    const old = await startSale(tillA);
    clock += 30 * HOUR;
    const fresh = await startSale(tillB);
    clock += 60_000;

    for (const ids of [[fresh], [old, fresh], [old, randomUUID()]]) {
      const refusal = await closeStaleTransactions(client, tssId, 24, ids, { now }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({ code: 'E_STALE_REFUSED', message: expect.stringMatching(/^Nothing was closed/) });
    }
    expect((await retrieve(old)).state).toBe('ACTIVE');
    expect((await retrieve(fresh)).state).toBe('ACTIVE');

    // Old enough by a shorter rule is not old enough by the rule the request names.
    const refusal = await closeStaleTransactions(client, tssId, 48, [old], { now }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'E_STALE_REFUSED' });
    expect((await retrieve(old)).state).toBe('ACTIVE');
  });

  it('leaves what a till finished meanwhile and reports a deregistered till as failed', async () => {
    const finishedAtTill = await startSale(tillA);
    const atDeregistered = await startSale(tillB);
    clock += 26 * HOUR;
    const preview = await previewStaleTransactions(client, tssId, 24, { now });
    expect(preview.tills.map((till) => [till.serialNumber, till.transactions.length])).toEqual([
      ['KASSE-A', 1],
      ['KASSE-B', 1],
    ]);
    const finish = await api.request('PUT', `/tss/${tssId}/tx/${finishedAtTill}?tx_revision=2`, {
      state: 'FINISHED',
      client_id: tillA,
      schema: { standard_v1: { receipt: { receipt_type: 'RECEIPT', amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '1.00' }] } } },
    });
    expect(finish.status).toBe(200);
    await api.request('POST', `/tss/${tssId}/admin/auth`, { admin_pin: '123456' });
    expect((await api.request('PATCH', `/tss/${tssId}/client/${tillB}`, { state: 'DEREGISTERED' })).status).toBe(200);

    const result = await closeStaleTransactions(client, tssId, 24, [finishedAtTill, atDeregistered], { now });
    expect(result).toMatchObject({ closed: 0, alreadyClosed: 1, failed: 1 });
    const [a, b] = result.tills;
    expect(a).toMatchObject({ serialNumber: 'KASSE-A', alreadyClosed: [expect.objectContaining({ id: finishedAtTill })] });
    expect(b).toMatchObject({ serialNumber: 'KASSE-B', failed: [expect.objectContaining({ id: atDeregistered, code: 'E_CLIENT_DEREGISTERED' })] });
    expect((await retrieve(finishedAtTill)).state).toBe('FINISHED');
    expect((await retrieve(atDeregistered)).state).toBe('ACTIVE');
  });

  it('lists 150 open transactions with two list calls of 100', async () => {
    for (let i = 0; i < 150; i++) await startSale(i % 2 ? tillA : tillB);
    clock += 25 * HOUR;
    const preview = await previewStaleTransactions(client, tssId, 24, { now });
    expect(preview.tills.map((till) => till.transactions.length)).toEqual([75, 75]);
    expect(listCalls()).toBe(2);
  });
});
