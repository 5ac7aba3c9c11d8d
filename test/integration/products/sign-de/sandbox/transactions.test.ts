import { type KeyObject, createHash, createPublicKey, randomUUID, verify } from 'node:crypto';
import { Pool } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { type ApiResponse, type SandboxApi, startSandbox } from '../../../../support/sandbox-api';

type Body = Record<string, unknown>;
interface Signature {
  value: string;
  algorithm: string;
  counter: number;
  public_key: string;
}

function expectError(response: ApiResponse, status: number, code: string, message?: RegExp): void {
  expect(response.status).toBe(status);
  expect(Object.keys(response.body).sort()).toEqual(['code', 'error', 'message', 'status_code']);
  expect(response.body).toMatchObject({ status_code: status, code });
  if (message) expect(response.body.message).toMatch(message);
}

const RECEIPT = {
  standard_v1: {
    receipt: {
      receipt_type: 'RECEIPT',
      amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '21.42' }],
      amounts_per_payment_type: [{ payment_type: 'NON_CASH', amount: '21.42' }],
    },
  },
};
/** What a till sends to cancel a sale: a cancellation receipt with zero amounts (a type, so E_TX_NO_TYPE_DEFINED does not apply). */
const CANCELLATION = {
  standard_v1: { receipt: { receipt_type: 'CANCELLATION', amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '0.00' }] } },
};
const RECEIPT_PROCESS_DATA = 'Beleg^21.42_0.00_0.00_0.00_0.00^21.42:Unbar';

// --- TR-03151 transaction log, built here byte by byte (independently of main/products/sign-de/tse) -------------------

function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  const header =
    length < 0x80 ? Buffer.from([length]) : length < 0x100 ? Buffer.from([0x81, length]) : Buffer.from([0x82, length >> 8, length & 0xff]);
  return Buffer.concat([Buffer.from([tag]), header, content]);
}

/** Minimal big-endian two's complement of a non-negative integer. */
function integerContent(value: number): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const bytes = Buffer.from(hex, 'hex');
  return bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
}

function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [first! * 40 + second!];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let value = arc >> 7; value > 0; value >>= 7) chunk.unshift((value & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

interface LogFacts {
  operation: 'StartTransaction' | 'UpdateTransaction' | 'FinishTransaction';
  clientSerial: string;
  processData: Buffer;
  processType: string;
  number: number;
  tssSerial: string;
  counter: number;
  time: number;
}

/** The bytes the TSS signs: version, OID, [0] [1] [2] [3] [5], serial, algorithm, counter, time (§9.3). */
function transactionLogBytes(log: LogFacts): Buffer {
  return Buffer.concat([
    tlv(0x02, integerContent(2)),
    oid('0.4.0.127.0.7.3.7.1.1'),
    tlv(0x80, Buffer.from(log.operation)),
    tlv(0x81, Buffer.from(log.clientSerial)),
    tlv(0x82, log.processData),
    tlv(0x83, Buffer.from(log.processType)),
    tlv(0x85, integerContent(log.number)),
    tlv(0x04, Buffer.from(log.tssSerial, 'hex')),
    tlv(0x30, oid('0.4.0.127.0.7.1.1.4.1.3')),
    tlv(0x02, integerContent(log.counter)),
    tlv(0x02, integerContent(log.time)),
  ]);
}

function publicKeyOf(base64Point: string): KeyObject {
  const point = Buffer.from(base64Point, 'base64');
  expect(point.length).toBe(65);
  expect(point[0]).toBe(0x04);
  const coordinate = (from: number) => point.subarray(from, from + 32).toString('base64url');
  return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: coordinate(1), y: coordinate(33) }, format: 'jwk' });
}

function expectSignatureOver(log: LogFacts, signature: Signature, publicKey: string): void {
  expect(Buffer.from(signature.value, 'base64')).toHaveLength(64);
  const data = transactionLogBytes(log);
  expect(verify('sha256', data, { key: publicKeyOf(publicKey), dsaEncoding: 'ieee-p1363' }, Buffer.from(signature.value, 'base64'))).toBe(true);
}

// ------------------------------------------------------------------------------------------------------

describe('transactions', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  let tssId: string;
  let tss: Body;
  let clientId: string;
  const clientSerial = 'ERS kasse-1';

  beforeAll(async () => {
    ({ sandbox, api } = await startSandbox());
  });
  beforeEach(async () => {
    sandbox.reset();
    await api.login();
    ({ tssId, tss } = await api.initializedTss());
    clientId = await createClient(tssId, clientSerial);
  });
  afterAll(() => sandbox.close());

  async function createClient(tss: string, serial: string): Promise<string> {
    const id = randomUUID();
    const response = await api.request('PUT', `/tss/${tss}/client/${id}`, { serial_number: serial });
    expect(response.status).toBe(200);
    return id;
  }

  const upsert = (tx: string | number, revision: number | null, body: Body, tss = tssId) =>
    api.request('PUT', `/tss/${tss}/tx/${tx}${revision === null ? '' : `?tx_revision=${revision}`}`, body);

  async function finishedReceipt(tx = randomUUID()): Promise<{ start: Body; finish: Body; tx: string }> {
    const start = await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId });
    expect(start.status).toBe(200);
    const finish = await upsert(tx, 2, { state: 'FINISHED', client_id: clientId, schema: RECEIPT });
    expect(finish.status).toBe(200);
    return { start: start.body, finish: finish.body, tx };
  }

  const tssNow = async (): Promise<Body> => (await api.request('GET', `/tss/${tssId}`)).body;

  describe('start, update, finish', () => {
    it('starts with revision 1, an empty schema, a Start log and a numeric signature counter', async () => {
      const before = await tssNow();
      const tx = randomUUID();
      const response = await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId, metadata: { receipt: 'B-1' } });
      expect(response.status).toBe(200);
      const body = response.body;
      expect(Object.keys(body)).toEqual([
        'number',
        'time_start',
        'client_serial_number',
        'tss_serial_number',
        'state',
        'client_id',
        'schema',
        'revision',
        'latest_revision',
        'tss_id',
        'metadata',
        '_type',
        '_id',
        '_env',
        '_version',
        'log',
        'signature',
      ]);
      expect(body).toMatchObject({
        number: 1,
        client_serial_number: clientSerial,
        tss_serial_number: tss.serial_number,
        state: 'ACTIVE',
        client_id: clientId,
        schema: {},
        revision: 1,
        latest_revision: 1,
        tss_id: tssId,
        metadata: { receipt: 'B-1' },
        _type: 'TRANSACTION',
        _id: tx,
        _env: 'TEST',
        _version: '2.2.2',
        log: { operation: 'Start', timestamp: body.time_start, timestamp_format: 'unixTime' },
        signature: { algorithm: 'ecdsa-plain-SHA256', public_key: tss.public_key },
      });
      const signature = body.signature as Signature;
      expect(typeof signature.counter).toBe('number');
      expect(before.transaction_counter).toBeUndefined();
      expect(signature.counter).toBe(Number(before.signature_counter) + 1);

      const after = await tssNow();
      expect(after.signature_counter).toBe(String(signature.counter));
      expect(after.transaction_counter).toBe('1');
      expect(after.number_active_transactions).toBe(1);
    });

    it('signs the Start log over an empty processType and processData', async () => {
      const start = (await upsert(randomUUID(), 1, { state: 'ACTIVE', client_id: clientId })).body;
      const signature = start.signature as Signature;
      const facts = {
        operation: 'StartTransaction',
        clientSerial,
        processData: Buffer.alloc(0),
        processType: '',
        number: 1,
        tssSerial: tss.serial_number as string,
        counter: signature.counter,
        time: start.time_start as number,
      } as const;
      expectSignatureOver(facts, signature, tss.public_key as string);
    });

    it('finishes a receipt: schema echoed with defaults plus raw, time_end, and a Finish signature that verifies', async () => {
      const { start, finish } = await finishedReceipt();
      expect(finish).toMatchObject({
        number: 1,
        state: 'FINISHED',
        revision: 2,
        latest_revision: 2,
        time_start: start.time_start,
        schema: {
          standard_v1: {
            receipt: {
              receipt_type: 'RECEIPT',
              amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '21.42' }],
              amounts_per_payment_type: [{ payment_type: 'NON_CASH', amount: '21.42', currency_code: 'EUR' }],
            },
          },
          raw: { process_type: 'Kassenbeleg-V1', process_data: Buffer.from(RECEIPT_PROCESS_DATA).toString('base64') },
        },
        log: { operation: 'Finish', timestamp: finish.time_end, timestamp_format: 'unixTime' },
      });
      expect(finish.schema).toEqual({
        standard_v1: expect.any(Object),
        raw: { process_type: 'Kassenbeleg-V1', process_data: 'QmVsZWdeMjEuNDJfMC4wMF8wLjAwXzAuMDBfMC4wMF4yMS40MjpVbmJhcg==' },
      });
      const signature = finish.signature as Signature;
      expect(signature.counter).toBe((start.signature as Signature).counter + 1);
      expectSignatureOver(
        {
          operation: 'FinishTransaction',
          clientSerial,
          processData: Buffer.from(RECEIPT_PROCESS_DATA),
          processType: 'Kassenbeleg-V1',
          number: 1,
          tssSerial: tss.serial_number as string,
          counter: signature.counter,
          time: finish.time_end as number,
        },
        signature,
        tss.public_key as string,
      );
      expect((await tssNow()).number_active_transactions).toBe(0);
    });

    it('gives qr_code_data whose twelve fields are the response fields (DSFinV-K Annex I)', async () => {
      const { finish } = await finishedReceipt();
      const fields = (finish.qr_code_data as string).split(';');
      expect(fields).toHaveLength(12);
      const signature = finish.signature as Signature;
      const iso = (unix: unknown) => new Date((unix as number) * 1000).toISOString();
      expect(fields).toEqual([
        'V0',
        finish.client_serial_number,
        'Kassenbeleg-V1',
        RECEIPT_PROCESS_DATA,
        String(finish.number),
        String(signature.counter),
        iso(finish.time_start),
        iso(finish.time_end),
        'ecdsa-plain-SHA256',
        'unixTime',
        signature.value,
        signature.public_key,
      ]);
      expect(fields[6]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      // The QR alone is enough to check the receipt: SHA-256 of its public key is the TSS serial number.
      expect(createHash('sha256').update(Buffer.from(fields[11]!, 'base64')).digest('hex')).toBe(finish.tss_serial_number);
      expectSignatureOver(
        {
          operation: 'FinishTransaction',
          clientSerial: fields[1]!,
          processData: Buffer.from(fields[3]!),
          processType: fields[2]!,
          number: Number(fields[4]),
          tssSerial: finish.tss_serial_number as string,
          counter: Number(fields[5]),
          time: Date.parse(fields[7]!) / 1000,
        },
        { ...signature, value: fields[10]! },
        fields[11]!,
      );
    });

    it('signs every update; a finish without schema keeps the type and data of the last update', async () => {
      const tx = randomUUID();
      await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId });
      const update = (await upsert(tx, 2, { state: 'ACTIVE', client_id: clientId, schema: RECEIPT })).body;
      expect(update).toMatchObject({ state: 'ACTIVE', revision: 2, log: { operation: 'Update' } });
      expect(update).not.toHaveProperty('time_end');
      expect(update).not.toHaveProperty('qr_code_data');
      expectSignatureOver(
        {
          operation: 'UpdateTransaction',
          clientSerial,
          processData: Buffer.from(RECEIPT_PROCESS_DATA),
          processType: 'Kassenbeleg-V1',
          number: 1,
          tssSerial: tss.serial_number as string,
          counter: (update.signature as Signature).counter,
          time: (update.log as Body).timestamp as number,
        },
        update.signature as Signature,
        tss.public_key as string,
      );
      const finish = (await upsert(tx, 3, { state: 'FINISHED', client_id: clientId })).body;
      expect(finish).toMatchObject({ state: 'FINISHED', revision: 3, schema: update.schema });
      expect((finish.qr_code_data as string).split(';')[3]).toBe(RECEIPT_PROCESS_DATA);
    });

    it('cancels with a Finish log, time_end and qr_code_data; the type of an earlier update is kept', async () => {
      const tx = randomUUID();
      await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId });
      await upsert(tx, 2, { state: 'ACTIVE', client_id: clientId, schema: RECEIPT });
      const cancel = await upsert(tx, 3, { state: 'CANCELLED', client_id: clientId });
      expect(cancel.status).toBe(200);
      expect(cancel.body).toMatchObject({ state: 'CANCELLED', log: { operation: 'Finish' }, time_end: expect.any(Number) });
      expect((cancel.body.qr_code_data as string).split(';').slice(2, 4)).toEqual(['Kassenbeleg-V1', RECEIPT_PROCESS_DATA]);
      expectSignatureOver(
        {
          operation: 'FinishTransaction',
          clientSerial,
          processData: Buffer.from(RECEIPT_PROCESS_DATA),
          processType: 'Kassenbeleg-V1',
          number: 1,
          tssSerial: tss.serial_number as string,
          counter: (cancel.body.signature as Signature).counter,
          time: cancel.body.time_end as number,
        },
        cancel.body.signature as Signature,
        tss.public_key as string,
      );
    });

    it('refuses to cancel a transaction that never had a type (E_TX_NO_TYPE_DEFINED); a cancellation receipt cancels it', async () => {
      const tx = randomUUID();
      await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId });
      expectError(await upsert(tx, 2, { state: 'CANCELLED', client_id: clientId }), 409, 'E_TX_NO_TYPE_DEFINED', /CANCELLED without a type/);
      expect((await tssNow()).number_active_transactions).toBe(1);
      const cancel = await upsert(tx, 2, { state: 'CANCELLED', client_id: clientId, schema: CANCELLATION });
      expect(cancel.status).toBe(200);
      expect(cancel.body).toMatchObject({ state: 'CANCELLED', schema: { raw: { process_type: 'Kassenbeleg-V1' } }, time_end: expect.any(Number) });
      expect((await tssNow()).number_active_transactions).toBe(0);
    });

    it('signs raw process data as sent and echoes it', async () => {
      const tx = randomUUID();
      const data = Buffer.from([0x00, 0xff, 0x41, 0x5e]);
      await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId });
      const finish = (await upsert(tx, 2, { state: 'FINISHED', client_id: clientId, schema: { raw: { process_type: 'SonstigerVorgang', process_data: data.toString('base64') } } })).body;
      expect(finish.schema).toEqual({ raw: { process_type: 'SonstigerVorgang', process_data: data.toString('base64') } });
      expectSignatureOver(
        {
          operation: 'FinishTransaction',
          clientSerial,
          processData: data,
          processType: 'SonstigerVorgang',
          number: 1,
          tssSerial: tss.serial_number as string,
          counter: (finish.signature as Signature).counter,
          time: finish.time_end as number,
        },
        finish.signature as Signature,
        tss.public_key as string,
      );
    });

    it('signs an order as Bestellung-V1', async () => {
      const tx = randomUUID();
      await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId });
      const order = { standard_v1: { order: { line_items: [{ quantity: '2', text: 'Kaffee "gross"', price_per_unit: '3.50' }] } } };
      const update = (await upsert(tx, 2, { state: 'ACTIVE', client_id: clientId, schema: order })).body;
      expect((update.schema as { raw: Body }).raw).toEqual({
        process_type: 'Bestellung-V1',
        process_data: Buffer.from('2;"Kaffee ""gross""";3.50').toString('base64'),
      });
    });

    it('numbers transactions per TSS from 1 and accepts the number in place of the id', async () => {
      const first = await finishedReceipt();
      const tx = randomUUID();
      const second = (await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId })).body;
      expect([first.finish.number, second.number]).toEqual([1, 2]);
      const byNumber = await upsert(2, 2, { state: 'FINISHED', client_id: clientId, schema: RECEIPT });
      expect(byNumber.status).toBe(200);
      expect(byNumber.body).toMatchObject({ _id: tx, number: 2, revision: 2, state: 'FINISHED' });
      expect((await tssNow()).transaction_counter).toBe('2');
    });

    it('takes a call without tx_revision as the next revision', async () => {
      const tx = randomUUID();
      expect((await upsert(tx, null, { state: 'ACTIVE', client_id: clientId })).body.revision).toBe(1);
      expect((await upsert(tx, null, { state: 'FINISHED', client_id: clientId, schema: RECEIPT })).body.revision).toBe(2);
    });

    it('lets another client of the TSS continue the transaction; the signed log names that client', async () => {
      const other = await createClient(tssId, 'ERS kasse-2');
      const tx = randomUUID();
      await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId });
      const finish = (await upsert(tx, 2, { state: 'FINISHED', client_id: other, schema: RECEIPT })).body;
      expect(finish).toMatchObject({ client_id: other, client_serial_number: 'ERS kasse-2' });
      expect((finish.qr_code_data as string).split(';')[1]).toBe('ERS kasse-2');
    });
  });

  describe('replays and revision rules', () => {
    it('answers a repeated revision with an identical body exactly as the first time, signing nothing', async () => {
      const tx = randomUUID();
      const first = await upsert(tx, 1, { client_id: clientId, state: 'ACTIVE' });
      const again = await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId.toUpperCase() });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      const finish = await upsert(tx, 2, { state: 'FINISHED', client_id: clientId, schema: RECEIPT });
      const counter = (await tssNow()).signature_counter;
      const finishAgain = await upsert(tx, 2, { state: 'FINISHED', client_id: clientId, schema: RECEIPT });
      expect(finishAgain.body).toEqual(finish.body);
      expect((await tssNow()).signature_counter).toBe(counter);
      expect((await tssNow()).transaction_counter).toBe('1');
    });

    it('refuses a repeated revision with another body (E_TX_UPSERT), a skipped one, and a start with a used id (E_PENDING_TX_CONFLICT)', async () => {
      const tx = randomUUID();
      await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId });
      await upsert(tx, 2, { state: 'ACTIVE', client_id: clientId, schema: RECEIPT });
      expectError(await upsert(tx, 2, { state: 'ACTIVE', client_id: clientId, metadata: { a: 'b' } }), 400, 'E_TX_UPSERT', /Revision 2 .* already exists.*next revision is 3/);
      expectError(await upsert(tx, 5, { state: 'ACTIVE', client_id: clientId }), 400, 'E_TX_UPSERT', /tx_revision must be 3 .*not 5/);
      expectError(await upsert(tx, 1, { state: 'ACTIVE', client_id: await createClient(tssId, 'ERS other') }), 409, 'E_PENDING_TX_CONFLICT', /already exists/);
    });

    it('refuses to start at a revision other than 1, in a state other than ACTIVE, or with a schema', async () => {
      expectError(await upsert(randomUUID(), 2, { state: 'ACTIVE', client_id: clientId }), 400, 'E_TX_UPSERT', /start it with tx_revision=1/);
      expectError(await upsert(randomUUID(), 1, { state: 'FINISHED', client_id: clientId }), 400, 'E_TX_UPSERT', /starts in state ACTIVE/);
      expectError(await upsert(randomUUID(), 1, { state: 'ACTIVE', client_id: clientId, schema: RECEIPT }), 400, 'E_TX_UPSERT', /must be empty at its start/);
      expect((await tssNow()).transaction_counter).toBeUndefined();
    });

    it('refuses any change to a FINISHED or CANCELLED transaction', async () => {
      const { tx } = await finishedReceipt();
      expectError(await upsert(tx, 3, { state: 'ACTIVE', client_id: clientId }), 400, 'E_TX_UPSERT', /is FINISHED/);
      const cancelled = randomUUID();
      await upsert(cancelled, 1, { state: 'ACTIVE', client_id: clientId });
      await upsert(cancelled, 2, { state: 'CANCELLED', client_id: clientId, schema: CANCELLATION });
      expectError(await upsert(cancelled, 3, { state: 'FINISHED', client_id: clientId, schema: RECEIPT }), 400, 'E_TX_UPSERT', /is CANCELLED/);
    });

    it('refuses a type change (E_TX_ILLEGAL_TYPE_CHANGE) and a finish without any type (E_TX_NO_TYPE_DEFINED)', async () => {
      const tx = randomUUID();
      await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId });
      expectError(await upsert(tx, 2, { state: 'FINISHED', client_id: clientId }), 409, 'E_TX_NO_TYPE_DEFINED');
      await upsert(tx, 2, { state: 'ACTIVE', client_id: clientId, schema: RECEIPT });
      const order = { standard_v1: { order: { line_items: [{ quantity: '1', text: 'Tee', price_per_unit: '2.00' }] } } };
      expectError(await upsert(tx, 3, { state: 'FINISHED', client_id: clientId, schema: order }), 409, 'E_TX_ILLEGAL_TYPE_CHANGE', /Kassenbeleg-V1.*Bestellung-V1/);
      // The same type given as raw is no change.
      const raw = { raw: { process_type: 'Kassenbeleg-V1', process_data: Buffer.from('Beleg^1.00_0.00_0.00_0.00_0.00^1.00:Bar').toString('base64') } };
      expect((await upsert(tx, 3, { state: 'FINISHED', client_id: clientId, schema: raw })).status).toBe(200);
    });
  });

  describe('TSS, client and limits', () => {
    it('needs an INITIALIZED TSS (E_TSS_NOT_INITIALIZED, E_TSS_DISABLED) that exists (E_TSS_NOT_FOUND)', async () => {
      const uninitialized = randomUUID();
      await api.request('PUT', `/tss/${uninitialized}`, {});
      await api.request('PATCH', `/tss/${uninitialized}`, { state: 'UNINITIALIZED' });
      expectError(await upsert(randomUUID(), 1, { state: 'ACTIVE', client_id: clientId }, uninitialized), 400, 'E_TSS_NOT_INITIALIZED');

      const tx = randomUUID();
      await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId });
      expect((await api.request('PATCH', `/tss/${tssId}`, { state: 'DISABLED' })).status).toBe(200);
      expectError(await upsert(randomUUID(), 1, { state: 'ACTIVE', client_id: clientId }), 400, 'E_TSS_DISABLED');
      expectError(await upsert(tx, 2, { state: 'FINISHED', client_id: clientId, schema: RECEIPT }), 400, 'E_TSS_DISABLED');
      expectError(await upsert(randomUUID(), 1, { state: 'ACTIVE', client_id: clientId }, randomUUID()), 404, 'E_TSS_NOT_FOUND');
    });

    it('needs a client of this TSS (E_CLIENT_NOT_FOUND, a 400) that is REGISTERED (E_CLIENT_DEREGISTERED)', async () => {
      expectError(await upsert(randomUUID(), 1, { state: 'ACTIVE', client_id: randomUUID() }), 400, 'E_CLIENT_NOT_FOUND');
      const { tssId: otherTss } = await api.initializedTss();
      const foreign = await createClient(otherTss, 'ERS elsewhere');
      expectError(await upsert(randomUUID(), 1, { state: 'ACTIVE', client_id: foreign }), 400, 'E_CLIENT_NOT_FOUND');

      const tx = randomUUID();
      await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId });
      expect((await api.request('PATCH', `/tss/${tssId}/client/${clientId}`, { state: 'DEREGISTERED' })).status).toBe(200);
      expectError(await upsert(randomUUID(), 1, { state: 'ACTIVE', client_id: clientId }), 400, 'E_CLIENT_DEREGISTERED');
      expectError(await upsert(tx, 2, { state: 'CANCELLED', client_id: clientId }), 400, 'E_CLIENT_DEREGISTERED');
    });

    it('holds at most 2000 ACTIVE transactions per TSS (E_TX_LIMIT_REACHED); finishing one makes room', async () => {
      const ids = Array.from({ length: 2000 }, () => randomUUID());
      // fetch costs more than the sandbox here: 2000 starts go over a keep-alive pool.
      const { origin, pathname } = new URL(sandbox.url);
      const pool = new Pool(origin, { connections: 8 });
      const headers = { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' };
      const body = JSON.stringify({ state: 'ACTIVE', client_id: clientId });
      const start = async (tx: string) => {
        const response = await pool.request({ method: 'PUT', path: `${pathname}/tss/${tssId}/tx/${tx}?tx_revision=1`, headers, body });
        await response.body.dump();
        return response.statusCode;
      };
      for (let i = 0; i < ids.length; i += 100) expect(new Set(await Promise.all(ids.slice(i, i + 100).map(start)))).toEqual(new Set([200]));
      await pool.close();
      expect((await tssNow()).number_active_transactions).toBe(2000);
      expectError(await upsert(randomUUID(), 1, { state: 'ACTIVE', client_id: clientId }), 400, 'E_TX_LIMIT_REACHED', /2000/);
      await upsert(ids[0]!, 2, { state: 'CANCELLED', client_id: clientId, schema: CANCELLATION });
      expect((await upsert(randomUUID(), 1, { state: 'ACTIVE', client_id: clientId })).status).toBe(200);
    });
  });

  describe('request validation', () => {
    it('answers malformed ids with E_PARSER before looking at the body (middleware route)', async () => {
      expectError(await upsert(randomUUID(), 1, { state: 'nonsense' }, 'not-a-uuid'), 400, 'E_PARSER', /^can't parse TSS ID: invalid UUID length: 10 \(not-a-uuid\)$/);
      expectError(await upsert('tx-1', 1, { state: 'ACTIVE', client_id: clientId }), 400, 'E_PARSER', /^can't parse transaction ID: invalid UUID length: 4 \(tx-1\)$/);
    });

    it.each([
      [{ client_id: 'x' }, /^body should have required property 'state'$/],
      [{ state: 'ACTIVE' }, /^body should have required property 'client_id'$/],
      [{ state: 'OPEN', client_id: 'c' }, /^body\.state should be equal to one of the allowed values$/],
      [{ state: 'ACTIVE', client_id: 'c' }, /^body\.client_id should match format "uuid"$/],
      [{ state: 'ACTIVE', client_id: 'CID', schema: {} }, /^body\.schema should NOT have fewer than 1 properties$/],
      [{ state: 'ACTIVE', client_id: 'CID', schema: { standard_v1: {}, raw: {} } }, /^body\.schema should NOT have more than 1 properties$/],
      [{ state: 'ACTIVE', client_id: 'CID', schema: { standard_v1: { receipt: { receipt_type: 'BON', amounts_per_vat_rate: [] } } } }, /receipt_type should be equal to one of the allowed values$/],
      [
        { state: 'ACTIVE', client_id: 'CID', schema: { standard_v1: { receipt: { receipt_type: 'RECEIPT', amounts_per_vat_rate: [{ vat_rate: 'NORMAL', amount: '21.4' }] } } } },
        /amount should match pattern "\^-\?\\d\+\(\\\.\\d\{2,5\}\)\$"$/,
      ],
      [
        { state: 'ACTIVE', client_id: 'CID', schema: { standard_v1: { receipt: { receipt_type: 'RECEIPT', amounts_per_vat_rate: [{ vat_rate: '16', amount: '1.00' }] } } } },
        /vat_rate should be equal to one of the allowed values$/,
      ],
      [
        { state: 'ACTIVE', client_id: 'CID', schema: { standard_v1: { receipt: { receipt_type: 'RECEIPT', amounts_per_vat_rate: [], amounts_per_payment_type: [{ payment_type: 'CARD', amount: '1.00' }] } } } },
        /payment_type should be equal to one of the allowed values$/,
      ],
      [{ state: 'ACTIVE', client_id: 'CID', schema: { raw: { process_type: 'X' } } }, /^body\.schema\.raw should have required property 'process_data'$/],
    ])('rejects %j with E_FAILED_SCHEMA_VALIDATION', async (body, message) => {
      const sent = JSON.parse(JSON.stringify(body).replaceAll('CID', clientId)) as Body;
      const tx = randomUUID();
      await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId });
      expectError(await upsert(tx, 2, sent), 400, 'E_FAILED_SCHEMA_VALIDATION', message);
    });

    it('rejects raw data that is not base64, a raw type with ";", and taximeter schemas, as schema errors', async () => {
      const tx = randomUUID();
      await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId });
      const raw = (process_type: string, process_data: string) => ({ state: 'ACTIVE', client_id: clientId, schema: { raw: { process_type, process_data } } });
      expectError(await upsert(tx, 2, raw('X', 'not base64!')), 400, 'E_FAILED_SCHEMA_VALIDATION', /^body\.schema\.raw\.process_data not base64$/);
      expectError(await upsert(tx, 2, raw('', 'AA==')), 400, 'E_FAILED_SCHEMA_VALIDATION', /^body\.schema\.raw\.process_type empty$/);
      expectError(await upsert(tx, 2, raw('A;B', 'AA==')), 400, 'E_FAILED_SCHEMA_VALIDATION', /process_type should not contain ";"/);
      expectError(
        await upsert(tx, 2, { state: 'ACTIVE', client_id: clientId, schema: { dsfinvtw_v1: { other: 'x' } } }),
        400,
        'E_FAILED_SCHEMA_VALIDATION',
        /dsfinvtw_v1 is not supported/,
      );
      expectError(await upsert(tx, 0, { state: 'ACTIVE', client_id: clientId }), 400, 'E_FAILED_SCHEMA_VALIDATION', /^querystring\.tx_revision should be >= 1$/);
      expectError(await upsert(tx, 'x' as unknown as number, { state: 'ACTIVE', client_id: clientId }), 400, 'E_FAILED_SCHEMA_VALIDATION', /^querystring\.tx_revision should be integer$/);
    });
  });

  describe('retrieve, lists, metadata and log', () => {
    it('retrieves the latest revision or a given one, with the latest_revision and metadata of today', async () => {
      const tx = randomUUID();
      const start = (await upsert(tx, 1, { state: 'ACTIVE', client_id: clientId, metadata: { a: '1' } })).body;
      const finish = (await upsert(tx, 2, { state: 'FINISHED', client_id: clientId, schema: RECEIPT, metadata: { b: '2' } })).body;
      expect(finish.metadata).toEqual({ a: '1', b: '2' });
      expect((await api.request('GET', `/tss/${tssId}/tx/${tx}`)).body).toEqual(finish);
      expect((await api.request('GET', `/tss/${tssId}/tx/1`)).body).toEqual(finish);
      const first = (await api.request('GET', `/tss/${tssId}/tx/${tx}?tx_revision=1`)).body;
      expect(first).toEqual({ ...start, latest_revision: 2, metadata: { a: '1', b: '2' } });
    });

    it('answers E_TX_REVISION_NOT_FOUND, E_TX_NOT_FOUND, E_TSS_NOT_FOUND and schema errors on retrieve', async () => {
      const { tx } = await finishedReceipt();
      expectError(await api.request('GET', `/tss/${tssId}/tx/${tx}?tx_revision=3`), 400, 'E_TX_REVISION_NOT_FOUND', /latest_revision \(2\)/);
      expectError(await api.request('GET', `/tss/${tssId}/tx/${randomUUID()}`), 404, 'E_TX_NOT_FOUND');
      expectError(await api.request('GET', `/tss/${tssId}/tx/7`), 404, 'E_TX_NOT_FOUND');
      expectError(await api.request('GET', `/tss/${randomUUID()}/tx/${tx}`), 404, 'E_TSS_NOT_FOUND');
      expectError(await api.request('GET', `/tss/${tssId}/tx/nope`), 400, 'E_FAILED_SCHEMA_VALIDATION', /^params\.tx_id_or_number should match format "uuid"$/);
      expectError(await api.request('GET', `/tss/bad/tx/${tx}`), 400, 'E_FAILED_SCHEMA_VALIDATION', /^params\.tss_id should match format "uuid"$/);
      expectError(await upsert(99, 2, { state: 'FINISHED', client_id: clientId, schema: RECEIPT }), 404, 'E_TX_NOT_FOUND');
    });

    it('lists the transactions of a TSS, of the organization and of a client (by latest revision)', async () => {
      const other = await createClient(tssId, 'ERS kasse-2');
      const { tx: a } = await finishedReceipt();
      const b = randomUUID();
      await upsert(b, 1, { state: 'ACTIVE', client_id: clientId });
      const c = randomUUID();
      await upsert(c, 1, { state: 'ACTIVE', client_id: clientId });
      await upsert(c, 2, { state: 'ACTIVE', client_id: other });

      const all = (await api.request('GET', `/tss/${tssId}/tx`)).body;
      expect(all).toMatchObject({ count: 3, _type: 'TRANSACTION_LIST', _env: 'TEST', _version: '2.2.2' });
      expect((all.data as Body[]).map((t) => t._id)).toEqual([a, b, c]);
      expect((all.data as Body[])[0]).toEqual((await api.request('GET', `/tss/${tssId}/tx/${a}`)).body);

      const desc = (await api.request('GET', `/tss/${tssId}/tx?order=desc&limit=2`)).body;
      expect(desc.count).toBe(3);
      expect((desc.data as Body[]).map((t) => t.number)).toEqual([3, 2]);
      const active = (await api.request('GET', `/tss/${tssId}/tx?states[]=ACTIVE`)).body;
      expect((active.data as Body[]).map((t) => t._id)).toEqual([b, c]);
      expectError(await api.request('GET', `/tss/${tssId}/tx?states[]=OPEN`), 400, 'E_FAILED_SCHEMA_VALIDATION');
      expectError(await api.request('GET', `/tss/${tssId}/tx?order_by=amount`), 400, 'E_FAILED_SCHEMA_VALIDATION');

      const mine = (await api.request('GET', `/tss/${tssId}/client/${clientId}/tx`)).body;
      expect((mine.data as Body[]).map((t) => t._id)).toEqual([a, b]);
      const theirs = (await api.request('GET', `/tss/${tssId}/client/${other}/tx`)).body;
      expect((theirs.data as Body[]).map((t) => t._id)).toEqual([c]);
      expectError(await api.request('GET', `/tss/${tssId}/client/${randomUUID()}/tx`), 404, 'E_CLIENT_NOT_FOUND');

      const { tssId: second } = await api.initializedTss();
      const secondClient = await createClient(second, 'ERS second');
      await upsert(randomUUID(), 1, { state: 'ACTIVE', client_id: secondClient }, second);
      const everything = (await api.request('GET', '/tx')).body;
      expect(everything.count).toBe(4);
      expect((await api.request('GET', `/tss/${second}/tx`)).body.count).toBe(1);
    });

    it('merges transaction metadata on PATCH and shows it on retrieve', async () => {
      const { tx } = await finishedReceipt();
      expect((await api.request('PATCH', `/tss/${tssId}/tx/${tx}/metadata`, { receipt: 'B-7', till: '2' })).body).toEqual({ receipt: 'B-7', till: '2' });
      expect((await api.request('PATCH', `/tss/${tssId}/tx/1/metadata`, { till: null })).body).toEqual({ receipt: 'B-7' });
      expect((await api.request('GET', `/tss/${tssId}/tx/${tx}/metadata`)).body).toEqual({ receipt: 'B-7' });
      expect((await api.request('GET', `/tss/${tssId}/tx/${tx}`)).body.metadata).toEqual({ receipt: 'B-7' });
      expectError(await api.request('PATCH', `/tss/${tssId}/tx/${tx}/metadata`, { x: 5 }), 400, 'E_FAILED_SCHEMA_VALIDATION');
      expectError(await api.request('GET', `/tss/${tssId}/tx/${randomUUID()}/metadata`), 404, 'E_TX_NOT_FOUND');
    });

    it('serves the signed log of a revision as DER (deprecated endpoint)', async () => {
      const { tx, finish } = await finishedReceipt();
      const response = await fetch(`${sandbox.url}/tss/${tssId}/tx/${tx}/log`, { headers: { authorization: `Bearer ${api.token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      const file = Buffer.from(await response.arrayBuffer());
      const signature = finish.signature as Signature;
      const signed = transactionLogBytes({
        operation: 'FinishTransaction',
        clientSerial,
        processData: Buffer.from(RECEIPT_PROCESS_DATA),
        processType: 'Kassenbeleg-V1',
        number: 1,
        tssSerial: tss.serial_number as string,
        counter: signature.counter,
        time: finish.time_end as number,
      });
      // SEQUENCE { the signed fields, signatureValue OCTET STRING }
      expect(file).toEqual(tlv(0x30, Buffer.concat([signed, tlv(0x04, Buffer.from(signature.value, 'base64'))])));
      const start = await fetch(`${sandbox.url}/tss/${tssId}/tx/${tx}/log?tx_revision=1`, { headers: { authorization: `Bearer ${api.token}` } });
      expect(Buffer.from(await start.arrayBuffer()).subarray(0, 2)[0]).toBe(0x30);
      expectError(await api.request('GET', `/tss/${tssId}/tx/${tx}/log?tx_revision=9`), 400, 'E_TX_REVISION_NOT_FOUND');
    });
  });
});
