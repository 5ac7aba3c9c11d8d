import { type KeyObject, X509Certificate, createPublicKey, randomUUID, verify } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SignedLog, type TarEntry, readExportTar, readLogFile } from '../../../../../main/products/sign-de/tse';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { type ApiResponse, type SandboxApi, startSandbox } from '../../../../support/sandbox-api';

type Body = Record<string, unknown>;

function expectError(response: ApiResponse, status: number, code: string, message?: RegExp): void {
  expect(response.status).toBe(status);
  expect(Object.keys(response.body).sort()).toEqual(['code', 'error', 'message', 'status_code']);
  expect(response.body).toMatchObject({ status_code: status, code });
  if (message) expect(response.body.message).toMatch(message);
}

const RECEIPT = {
  standard_v1: { receipt: { receipt_type: 'RECEIPT', amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '10.00' }], amounts_per_payment_type: [{ payment_type: 'CASH', amount: '10.00' }] } },
};

function publicKeyOf(base64Point: string): KeyObject {
  const point = Buffer.from(base64Point, 'base64');
  const coordinate = (from: number) => point.subarray(from, from + 32).toString('base64url');
  return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: coordinate(1), y: coordinate(33) }, format: 'jwk' });
}

describe('exports', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  // The sandbox clock: an export completes once it has moved past the second of the request.
  let clock = Date.now();
  let tssId: string;
  let clientA: string;
  let clientB: string;

  beforeAll(async () => {
    // One second per export, as before durations grew with size (test/integration/sandbox/limits.test.ts covers those).
    ({ sandbox, api } = await startSandbox({ exportDuration: { baseMs: 1000, perLogMs: 0 } }, { now: () => clock }));
  });
  beforeEach(async () => {
    sandbox.reset();
    clock = Math.floor(Date.now() / 1000) * 1000;
    await api.login();
    ({ tssId } = await api.initializedTss());
    clientA = await createClient(tssId, 'ERS A');
    clientB = await createClient(tssId, 'ERS B');
  });
  afterAll(() => sandbox.close());

  async function createClient(tss: string, serial: string): Promise<string> {
    const id = randomUUID();
    expect((await api.request('PUT', `/tss/${tss}/client/${id}`, { serial_number: serial })).status).toBe(200);
    return id;
  }

  async function receipt(clientId: string): Promise<Body> {
    const tx = randomUUID();
    expect((await api.request('PUT', `/tss/${tssId}/tx/${tx}?tx_revision=1`, { state: 'ACTIVE', client_id: clientId })).status).toBe(200);
    const finish = await api.request('PUT', `/tss/${tssId}/tx/${tx}?tx_revision=2`, { state: 'FINISHED', client_id: clientId, schema: RECEIPT });
    expect(finish.status).toBe(200);
    return finish.body;
  }

  const trigger = (query = '', id: string = randomUUID(), tss = tssId) => api.request('PUT', `/tss/${tss}/export/${id}${query}`, {});
  const tick = () => {
    clock += 1000;
  };

  async function download(exportId: string, tss = tssId): Promise<{ response: Response; entries: TarEntry[] }> {
    const response = await fetch(`${sandbox.url}/tss/${tss}/export/${exportId}/file`, { headers: { authorization: `Bearer ${api.token}` } });
    const entries = response.status === 200 ? await readExportTar(new Uint8Array(await response.arrayBuffer())) : [];
    return { response, entries };
  }

  async function completedLogs(query = ''): Promise<SignedLog[]> {
    const id = randomUUID();
    expect((await trigger(query, id)).status).toBe(200);
    tick();
    expect((await api.request('GET', `/tss/${tssId}/export/${id}`)).body.state).toBe('COMPLETED');
    const { entries } = await download(id);
    return entries.filter((entry) => entry.name.endsWith('.log')).map((entry) => readLogFile(entry.data));
  }

  it('is PENDING first, COMPLETED once the clock moves on, and only then has a file', async () => {
    const id = randomUUID();
    const triggered = await trigger('', id);
    expect(triggered.status).toBe(200);
    const requestTime = Math.floor(clock / 1000);
    expect(triggered.body).toEqual({
      state: 'PENDING',
      time_request: requestTime,
      estimated_time_of_completion: requestTime + 1,
      tss_id: tssId,
      _type: 'EXPORT',
      _id: id,
      _env: 'TEST',
      _version: '2.2.2',
    });
    expect(Object.keys(triggered.body)).toEqual(['state', 'time_request', 'estimated_time_of_completion', 'tss_id', '_type', '_id', '_env', '_version']);
    expect((await api.request('GET', `/tss/${tssId}/export/${id}`)).body).toEqual(triggered.body);

    const pending = await api.request('GET', `/tss/${tssId}/export/${id}/file`);
    expectError(pending, 404, 'E_EXPORT_NOT_COMPLETED');
    expect(pending.headers.get('retry-after')).toBe('1');

    tick();
    const completed = (await api.request('GET', `/tss/${tssId}/export/${id}`)).body;
    expect(completed).toMatchObject({ state: 'COMPLETED', time_request: requestTime, time_start: requestTime, time_end: requestTime + 1 });
    expect(completed.time_expiration).toBeGreaterThan(requestTime + 1);
    expect(completed).not.toHaveProperty('exception');
  });

  it('delivers a TAR whose every log verifies with the TSS public key, with the certificates and info.csv', async () => {
    const finish = await receipt(clientA);
    await receipt(clientB);
    const tss = (await api.request('GET', `/tss/${tssId}`)).body;
    const id = randomUUID();
    await trigger('', id);
    tick();
    const { response, entries } = await download(id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-tar');

    const logs = entries.filter((entry) => entry.name.endsWith('.log'));
    const key = publicKeyOf(tss.public_key as string);
    const counters: number[] = [];
    for (const entry of logs) {
      const log = readLogFile(entry.data);
      expect(verify('sha256', log.signedData, { key, dsaEncoding: 'ieee-p1363' }, log.signatureValue), entry.name).toBe(true);
      expect(log.serialNumber).toBe(tss.serial_number);
      expect(entry.name).toMatch(new RegExp(`^Unixt_${log.logTime}_Sig-${log.signatureCounter}_Log-(Tra|Sys)_`));
      counters.push(log.signatureCounter);
    }
    // Every signature the TSS made, system logs included, without a gap.
    expect(counters.at(-1)).toBe(Number(tss.signature_counter));
    expect(counters).toEqual(Array.from({ length: counters.length }, (_, i) => counters[0]! + i));
    expect(logs.filter((entry) => entry.name.includes('_Log-Tra_'))).toHaveLength(4);

    const signature = finish.signature as { counter: number; value: string };
    const finishName = `Unixt_${finish.time_end}_Sig-${signature.counter}_Log-Tra_No-1_Finish_Client-ERS A.log`;
    const finishLog = readLogFile(entries.find((entry) => entry.name === finishName)!.data);
    expect(finishLog).toMatchObject({ kind: 'transaction', operationType: 'FinishTransaction', clientId: 'ERS A', processType: 'Kassenbeleg-V1', transactionNumber: 1 });
    expect(Buffer.from(finishLog.signatureValue).toString('base64')).toBe(signature.value);

    const certificate = entries.find((entry) => entry.name === `${tss.serial_number}_X509.cer`);
    expect(certificate?.data.toString('base64')).toBe(tss.certificate);
    const otherCertificates = entries.filter((entry) => entry.name.endsWith('_X509.cer') && entry !== certificate);
    expect(otherCertificates).toHaveLength(1);
    expect(new X509Certificate(certificate!.data).verify(new X509Certificate(otherCertificates[0]!.data).publicKey)).toBe(true);
    const info = entries.find((entry) => entry.name === 'info.csv')!.data.toString('utf8');
    expect(info).toContain(tss.serial_number as string);
  });

  it('filters by client, transaction number, signature counter, date and record count', async () => {
    await receipt(clientA);
    await receipt(clientB);
    const third = await receipt(clientA);

    const ofA = await completedLogs(`?client_id=${clientA}&transaction_number=2`);
    expect(ofA.map((log) => log.kind === 'transaction' && [log.clientId, log.transactionNumber, log.operationType])).toEqual([
      ['ERS A', 1, 'StartTransaction'],
      ['ERS A', 1, 'FinishTransaction'],
      ['ERS A', 3, 'StartTransaction'],
      ['ERS A', 3, 'FinishTransaction'],
    ]);
    const ofTx2 = await completedLogs('?transaction_number=2');
    expect(ofTx2.map((log) => log.kind === 'transaction' && log.transactionNumber)).toEqual([2, 2]);
    const range = await completedLogs('?start_transaction_number=2&end_transaction_number=3');
    expect(range.map((log) => log.kind === 'transaction' && log.transactionNumber)).toEqual([2, 2, 3, 3]);

    const last = (third.signature as { counter: number }).counter;
    const byCounter = await completedLogs(`?start_signature_counter=${last - 2}&end_signature_counter=${last - 1}`);
    expect(byCounter.map((log) => log.signatureCounter)).toEqual([last - 2, last - 1]);
    const capped = await completedLogs(`?start_signature_counter=${last - 3}&maximum_number_records=2`);
    expect(capped.map((log) => log.signatureCounter)).toEqual([last - 3, last - 2]);
    const time = third.time_end as number;
    expect((await completedLogs(`?start_date=${time}&end_date=${time}`)).length).toBeGreaterThan(6);
  });

  it('ends in ERROR with E_NO_DATA_AVAILABLE or E_TOO_MANY_RECORDS, and then has no file', async () => {
    const empty = randomUUID();
    await trigger('?start_signature_counter=999999', empty);
    const tooMany = randomUUID();
    await trigger('?maximum_number_records=1000001', tooMany);
    tick();
    const failed = (await api.request('GET', `/tss/${tssId}/export/${empty}`)).body;
    expect(failed).toMatchObject({ state: 'ERROR', exception: 'E_NO_DATA_AVAILABLE', time_error: expect.any(Number) });
    expect(failed).not.toHaveProperty('time_end');
    expect((await api.request('GET', `/tss/${tssId}/export/${tooMany}`)).body).toMatchObject({ state: 'ERROR', exception: 'E_TOO_MANY_RECORDS' });
    expectError(await api.request('GET', `/tss/${tssId}/export/${empty}/file`), 404, 'E_EXPORT_NOT_COMPLETED');
  });

  it('refuses filters that do not fit the TSS or each other', async () => {
    expectError(await trigger(`?client_id=${randomUUID()}`), 400, 'E_CLIENT_NOT_FOUND');
    expectError(await trigger('?transaction_number=5'), 400, 'E_TX_NOT_FOUND');
    expectError(await trigger('?start_signature_counter=9&end_signature_counter=3'), 400, 'E_PARAMETER_MISMATCH', /start_signature_counter \(9\) is greater than end_signature_counter \(3\)/);
    expectError(await trigger('?maximum_number_records=0'), 400, 'E_PARAMETER_MISMATCH');
    expectError(await trigger('?transaction_number=abc'), 400, 'E_FAILED_SCHEMA_VALIDATION', /^querystring\.transaction_number should match pattern "\^\\d\+\$"$/);
    expectError(await trigger('?start_date=yesterday'), 400, 'E_FAILED_SCHEMA_VALIDATION', /^querystring\.start_date should be integer$/);
  });

  it('exports only INITIALIZED or DISABLED TSS (E_TSS_ILLEGAL_STATE_TO_PERFORM_EXPORT)', async () => {
    const created = randomUUID();
    await api.request('PUT', `/tss/${created}`, {});
    expectError(await trigger('', randomUUID(), created), 409, 'E_TSS_ILLEGAL_STATE_TO_PERFORM_EXPORT', /CREATED/);
    await api.request('PATCH', `/tss/${created}`, { state: 'UNINITIALIZED' });
    expectError(await trigger('', randomUUID(), created), 409, 'E_TSS_ILLEGAL_STATE_TO_PERFORM_EXPORT', /UNINITIALIZED/);

    await receipt(clientA);
    expect((await api.request('PATCH', `/tss/${tssId}`, { state: 'DISABLED' })).status).toBe(200);
    const id = randomUUID();
    expect((await trigger('', id)).status).toBe(200);
    tick();
    const { entries } = await download(id);
    expect(entries.some((entry) => entry.name.includes('_Log-Tra_No-1_Finish_'))).toBe(true);
    expectError(await trigger('', randomUUID(), randomUUID()), 404, 'E_TSS_NOT_FOUND');
  });

  it('runs at most 10 exports at once per TSS and no two with the same parameters', async () => {
    for (let i = 1; i <= 10; i++) expect((await trigger(`?start_signature_counter=${i}`)).status).toBe(200);
    expectError(await trigger('?start_signature_counter=1'), 409, 'E_EXPORT_DUPLICATE_RATE_LIMITED');
    expectError(await trigger('?start_signature_counter=11'), 409, 'E_TOO_MANY_EXPORTS', /10 exports/);
    tick();
    expect((await trigger('?start_signature_counter=11')).status).toBe(200);
    expect((await trigger('?start_signature_counter=1')).status).toBe(200);
  });

  it('answers a repeated trigger with the same export, and a reused export_id with E_DUPLICATE_EXPORT', async () => {
    const id = randomUUID();
    const first = await trigger('?start_signature_counter=1', id);
    expect((await trigger('?start_signature_counter=1', id)).body).toEqual(first.body);
    expectError(await trigger('?start_signature_counter=2', id), 400, 'E_DUPLICATE_EXPORT');
  });

  it('cancels a PENDING export (no file ever) but not a COMPLETED one (E_CANCEL_EXPORT)', async () => {
    const id = randomUUID();
    await trigger('', id);
    const cancelled = await api.request('DELETE', `/tss/${tssId}/export/${id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ _id: id, state: 'CANCELLED' });
    tick();
    expect((await api.request('GET', `/tss/${tssId}/export/${id}`)).body.state).toBe('CANCELLED');
    expectError(await api.request('GET', `/tss/${tssId}/export/${id}/file`), 404, 'E_EXPORT_NOT_COMPLETED');
    expectError(await api.request('DELETE', `/tss/${tssId}/export/${id}`), 400, 'E_CANCEL_EXPORT', /CANCELLED/);

    const done = randomUUID();
    await trigger('', done);
    tick();
    expectError(await api.request('DELETE', `/tss/${tssId}/export/${done}`), 400, 'E_CANCEL_EXPORT', /COMPLETED/);
  });

  it('answers unknown and malformed export ids', async () => {
    expectError(await api.request('GET', `/tss/${tssId}/export/${randomUUID()}`), 404, 'E_EXPORT_NOT_FOUND');
    expectError(await api.request('GET', `/tss/${tssId}/export/${randomUUID()}/file`), 404, 'E_EXPORT_NOT_FOUND');
    expectError(await api.request('DELETE', `/tss/${tssId}/export/${randomUUID()}`), 404, 'E_EXPORT_NOT_FOUND');
    expectError(await api.request('GET', `/tss/${tssId}/export/nope`), 400, 'E_FAILED_SCHEMA_VALIDATION', /^params\.export_id should match format "uuid"$/);
    expectError(await trigger('', 'nope'), 400, 'E_FAILED_SCHEMA_VALIDATION', /^params\.export_id should match format "uuid"$/);
    const { tssId: other } = await api.initializedTss();
    const id = randomUUID();
    await trigger('', id);
    expectError(await api.request('GET', `/tss/${other}/export/${id}`), 404, 'E_EXPORT_NOT_FOUND');
  });

  it('lists exports of a TSS and of the organization, and merges export metadata', async () => {
    const done = randomUUID();
    await trigger('', done);
    tick();
    const pending = randomUUID();
    await trigger('', pending);
    const { tssId: other } = await api.initializedTss();
    await trigger('', randomUUID(), other);

    const ofTss = (await api.request('GET', `/tss/${tssId}/export`)).body;
    expect(ofTss).toMatchObject({ count: 2, _type: 'EXPORT_LIST', _env: 'TEST', _version: '2.2.2' });
    expect((ofTss.data as Body[]).map((e) => [e._id, e.state])).toEqual([
      [done, 'COMPLETED'],
      [pending, 'PENDING'],
    ]);
    expect((await api.request('GET', `/tss/${tssId}/export?states[]=PENDING`)).body.count).toBe(1);
    expect((await api.request('GET', `/tss/${tssId}/export?order=desc&limit=1`)).body.data).toEqual([(await api.request('GET', `/tss/${tssId}/export/${pending}`)).body]);
    expect((await api.request('GET', '/export')).body.count).toBe(3);
    expectError(await api.request('GET', `/tss/${tssId}/export?states[]=DONE`), 400, 'E_FAILED_SCHEMA_VALIDATION');

    expect((await api.request('PATCH', `/tss/${tssId}/export/${done}/metadata`, { start_transaction_number: '1', end_transaction_number: '9' })).body).toEqual({
      start_transaction_number: '1',
      end_transaction_number: '9',
    });
    expect((await api.request('PATCH', `/tss/${tssId}/export/${done}/metadata`, { end_transaction_number: '' })).body).toEqual({ start_transaction_number: '1' });
    expect((await api.request('GET', `/tss/${tssId}/export/${done}/metadata`)).body).toEqual({ start_transaction_number: '1' });
    expect((await api.request('GET', `/tss/${tssId}/export/${done}`)).body.metadata).toEqual({ start_transaction_number: '1' });
    expectError(await api.request('GET', `/tss/${tssId}/export/${randomUUID()}/metadata`), 404, 'E_EXPORT_NOT_FOUND');
  });
});
