import { createHash } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FiskalyError } from '../../../../../../main/products/sign-de/api/fiskaly-error';
import { type FakeRequest, KEY, SECRET, TSS_ID, error, fakeV1, v1Tss, v1Tx } from './fake-v1';

const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as FiskalyError);

describe('V1 client: authentication on its own session', () => {
  it('logs in once at {v1}/auth with key and secret as JSON, then sends the bearer token', async () => {
    const { client, requests } = fakeV1(() => ({ status: 200, json: v1Tss(TSS_ID) }));
    await client.getTss(TSS_ID);
    await client.getTss(TSS_ID);
    const auth = requests.filter((r) => r.path === '/auth');
    expect(auth).toHaveLength(1);
    expect(auth[0]!.body).toEqual({ api_key: KEY, api_secret: SECRET });
    expect(auth[0]!.headers['content-type']).toBe('application/json');
    expect(requests.filter((r) => r.path !== '/auth').map((r) => r.headers.authorization)).toEqual(['Bearer access-1', 'Bearer access-1']);
  });

  it('refreshes on a 401, and logs in again with key and secret when the refresh is refused too', async () => {
    let refused = new Set<string>();
    const route = (r: FakeRequest) => (refused.has(r.headers.authorization!) ? error(401, null, 'Unauthorized') : { status: 200, json: v1Tss(TSS_ID) });
    const auth = (r: FakeRequest) => ((r.body as { refresh_token?: string }).refresh_token === 'refresh-2' ? error(401, null, 'Invalid refresh token') : null);
    const { client, requests } = fakeV1(route, auth);
    await client.getTss(TSS_ID);
    refused = new Set(['Bearer access-1']);
    await client.getTss(TSS_ID);
    expect(requests.filter((r) => r.path === '/auth').map((r) => r.body)).toEqual([{ api_key: KEY, api_secret: SECRET }, { refresh_token: 'refresh-1' }]);
    refused = new Set(['Bearer access-1', 'Bearer access-2']);
    await client.getTss(TSS_ID);
    const authBodies = requests.filter((r) => r.path === '/auth').map((r) => r.body);
    expect(authBodies.slice(2)).toEqual([{ refresh_token: 'refresh-2' }, { api_key: KEY, api_secret: SECRET }]);
    expect(requests.at(-1)!.headers.authorization).toBe('Bearer access-3');
  });

  it('names refused credentials in plain language, with no code from fiskaly and never the secret', async () => {
    const { client } = fakeV1(() => ({ status: 200, json: {} }), () => error(401, null, 'Invalid credentials'));
    const failure = await errorOf(client.listTss());
    expect(failure).toBeInstanceOf(FiskalyError);
    expect(failure).toMatchObject({ status: 401, code: 'E_UNAUTHORIZED' });
    expect(failure!.explanation.de).toMatch(/API-Key und Secret/);
    for (const text of [failure!.message, inspect(failure), inspect(client.session), JSON.stringify(client.session)]) expect(text).not.toContain(SECRET);
  });
});

describe('V1 client: paging', () => {
  const tssList = (n: number) => Array.from({ length: n }, (_, i) => v1Tss(`tss-${String(i).padStart(3, '0')}`));

  it('reads pages of 100 until an empty one when V1 sends no count (a short page does not end the list)', async () => {
    const all = tssList(250);
    const { client, requests } = fakeV1((r) => {
      const offset = Number(r.query.get('offset'));
      return { status: 200, json: { _type: 'TSS_LIST', data: all.slice(offset, offset + Number(r.query.get('limit'))) } };
    });
    expect((await client.listTss()).map((t) => t.id)).toEqual(all.map((t) => t._id));
    expect(requests.filter((r) => r.path === '/tss').map((r) => r.query.get('offset'))).toEqual(['0', '100', '200', '250']);
  });

  it('stops at count where V1 sends one, and sends the state filter as states[]', async () => {
    const all = tssList(150);
    const { client, requests } = fakeV1((r) => {
      const offset = Number(r.query.get('offset'));
      return { status: 200, json: { data: all.slice(offset, offset + 100), count: 150 } };
    });
    expect(await client.listTss({ states: ['INITIALIZED'] })).toHaveLength(150);
    const lists = requests.filter((r) => r.path === '/tss');
    expect(lists).toHaveLength(2);
    expect(lists[0]!.query.getAll('states[]')).toEqual(['INITIALIZED']);
  });

  it('ends a list whose server ignores offset, without duplicates', async () => {
    const all = tssList(100);
    const { client, requests } = fakeV1(() => ({ status: 200, json: { data: all } }));
    expect(await client.listTss()).toHaveLength(100);
    expect(requests.filter((r) => r.path === '/tss')).toHaveLength(2);
  });

  it('pages the clients of a TSS', async () => {
    const clients = Array.from({ length: 3 }, (_, i) => ({ _id: `c${i}`, tss_id: TSS_ID, serial_number: `KASSE_0${i}` }));
    const { client, calls } = fakeV1((r) => ({ status: 200, json: { data: Number(r.query.get('offset')) === 0 ? clients : [] } }));
    expect((await client.listClients(TSS_ID)).map((c) => c.serialNumber)).toEqual(['KASSE_00', 'KASSE_01', 'KASSE_02']);
    expect(calls()).toEqual([`GET /tss/${TSS_ID}/client`, `GET /tss/${TSS_ID}/client`]);
  });

  it('refuses a page window outside 1..100 before sending anything', async () => {
    const { client, calls } = fakeV1(() => ({ status: 200, json: { data: [] } }));
    expect(await errorOf(client.listTransactionsPage(TSS_ID, { limit: 101 }))).toMatchObject({ code: 'E_FAILED_SCHEMA_VALIDATION' });
    expect(calls()).toEqual([]);
  });
});

describe('V1 client: transactions', () => {
  const mixed = [v1Tx('t3', 3, 'ACTIVE', { client_id: 'c2' }), v1Tx('t1', 1, 'FINISHED'), v1Tx('t2', 2, 'ACTIVE')];

  it('keeps only ACTIVE ones on its own side when V1 ignores the state filter, ordered by number', async () => {
    const { client, requests } = fakeV1((r) => ({ status: 200, json: { data: Number(r.query.get('offset')) === 0 ? mixed : [] } }));
    expect((await client.listActiveTransactions(TSS_ID)).map((t) => t.id)).toEqual(['t2', 't3']);
    expect(requests.find((r) => r.path.endsWith('/tx'))!.query.getAll('states[]')).toEqual(['ACTIVE']);
    expect((await client.listActiveTransactions(TSS_ID, 'c2')).map((t) => t.id)).toEqual(['t3']);
  });

  it('lists again without the filter when V1 refuses it with a 400', async () => {
    const { client, requests } = fakeV1((r) =>
      r.query.has('states[]') ? error(400, 'E_FAILED_SCHEMA_VALIDATION', 'querystring should NOT have additional properties') : { status: 200, json: { data: Number(r.query.get('offset')) === 0 ? mixed : [] } },
    );
    expect((await client.listActiveTransactions(TSS_ID)).map((t) => t.id)).toEqual(['t2', 't3']);
    expect(requests.filter((r) => r.path.endsWith('/tx')).map((r) => r.query.has('states[]'))).toEqual([true, false, false]);
  });

  it('cancels an ACTIVE one with its latest revision, its client and an empty CANCELLATION receipt', async () => {
    let stored = v1Tx('t9', 9, 'ACTIVE', { client_id: 'c7', revision: 3, latest_revision: 3 });
    const { client, requests, calls } = fakeV1((r) => {
      if (r.method === 'PUT') stored = { ...stored, state: 'CANCELLED', revision: 4, latest_revision: 4 };
      return { status: 200, json: stored };
    });
    const result = await client.cancelTransaction(TSS_ID, 't9');
    expect(result).toMatchObject({ cancelledNow: true, transaction: { state: 'CANCELLED', latestRevision: 4 } });
    expect(calls()).toEqual([`GET /tss/${TSS_ID}/tx/t9`, `PUT /tss/${TSS_ID}/tx/t9`]);
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.query.get('last_revision')).toBe('3');
    expect(put.headers['content-type']).toBe('application/json');
    expect(put.body).toEqual({
      state: 'CANCELLED',
      client_id: 'c7',
      schema: { standard_v1: { receipt: { receipt_type: 'CANCELLATION', amounts_per_vat_rate: [] } } },
    });
  });

  it('leaves one that is no longer ACTIVE as it is', async () => {
    const { client, calls } = fakeV1(() => ({ status: 200, json: v1Tx('t1', 1, 'FINISHED') }));
    expect(await client.cancelTransaction(TSS_ID, 't1')).toMatchObject({ cancelledNow: false, transaction: { state: 'FINISHED' } });
    expect(calls()).toEqual([`GET /tss/${TSS_ID}/tx/t1`]);
  });

  it('takes a refused revision after its own lost answer as done, by looking the transaction up again', async () => {
    let stored = v1Tx('t2', 2, 'ACTIVE');
    let puts = 0;
    const { client, calls } = fakeV1((r) => {
      if (r.method !== 'PUT') return { status: 200, json: stored };
      if (++puts === 1) {
        stored = { ...stored, state: 'CANCELLED', revision: 2, latest_revision: 2 };
        return error(503, null, 'Service Unavailable');
      }
      return error(400, 'E_TX_UPSERT', 'stale last_revision');
    });
    expect(await client.cancelTransaction(TSS_ID, 't2')).toMatchObject({ cancelledNow: true, transaction: { state: 'CANCELLED' } });
    expect(calls()).toEqual([`GET /tss/${TSS_ID}/tx/t2`, `PUT /tss/${TSS_ID}/tx/t2`, `PUT /tss/${TSS_ID}/tx/t2`, `GET /tss/${TSS_ID}/tx/t2`]);
  });

  it('tries once more with the newer revision a till moved it to, then gives the error up', async () => {
    let revision = 1;
    const sent: string[] = [];
    const { client } = fakeV1((r) => {
      if (r.method === 'PUT') {
        sent.push(r.query.get('last_revision')!);
        revision++;
        return error(400, 'E_TX_UPSERT', 'stale last_revision');
      }
      return { status: 200, json: v1Tx('t2', 2, 'ACTIVE', { revision, latest_revision: revision }) };
    });
    expect(await errorOf(client.cancelTransaction(TSS_ID, 't2'))).toMatchObject({ code: 'E_TX_UPSERT', status: 400 });
    expect(sent).toEqual(['1', '2']);
  });

  it('refuses an answer to the cancellation that is not CANCELLED', async () => {
    const { client } = fakeV1(() => ({ status: 200, json: v1Tx('t2', 2, 'ACTIVE') }));
    expect(await errorOf(client.cancelTransaction(TSS_ID, 't2'))).toMatchObject({ code: 'E_V1_CANCEL_NOT_CONFIRMED' });
  });
});

describe('V1 client: disabling a TSS', () => {
  it('looks it up, sends only {"state":"DISABLED"} as JSON, and reads it back', async () => {
    let state = 'INITIALIZED';
    const { client, requests, calls } = fakeV1((r) => {
      if (r.method === 'PUT') state = 'DISABLED';
      return { status: 200, json: v1Tss(TSS_ID, state, state === 'DISABLED' ? { time_disable: 1700000000 } : {}) };
    });
    const result = await client.disableTss(TSS_ID);
    expect(result).toMatchObject({ disabledNow: true, tss: { state: 'DISABLED', timeDisable: 1700000000 } });
    expect(calls()).toEqual([`GET /tss/${TSS_ID}`, `PUT /tss/${TSS_ID}`, `GET /tss/${TSS_ID}`]);
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.body).toEqual({ state: 'DISABLED' });
    expect(put.headers['content-type']).toBe('application/json');
  });

  it('sends nothing to a TSS that is disabled already', async () => {
    const { client, calls } = fakeV1(() => ({ status: 200, json: v1Tss(TSS_ID, 'DISABLED') }));
    expect(await client.disableTss(TSS_ID)).toMatchObject({ disabledNow: false, tss: { state: 'DISABLED' } });
    expect(calls()).toEqual([`GET /tss/${TSS_ID}`]);
  });

  it('never sends DISABLED to a TSS fiskaly does not know', async () => {
    const { client, calls } = fakeV1(() => error(404, 'E_TSS_NOT_FOUND', 'TSS not found'));
    const failure = await errorOf(client.disableTss(TSS_ID));
    expect(failure).toMatchObject({ status: 404, code: 'E_TSS_NOT_FOUND' });
    expect(failure!.explanation.en).toMatch(/does not know this TSS/);
    expect(calls()).toEqual([`GET /tss/${TSS_ID}`]);
  });

  it('decides by what the TSS says after a PUT whose answers all failed', async () => {
    let state = 'INITIALIZED';
    const { client } = fakeV1((r) => {
      if (r.method === 'PUT') {
        state = 'DISABLED';
        return error(502, null, 'Bad Gateway');
      }
      return { status: 200, json: v1Tss(TSS_ID, state) };
    });
    expect(await client.disableTss(TSS_ID)).toMatchObject({ disabledNow: true, tss: { state: 'DISABLED' } });
  });

  it('gives the error up when the failed PUT left the TSS enabled', async () => {
    const { client } = fakeV1((r) => (r.method === 'PUT' ? error(500, null, 'Internal Server Error') : { status: 200, json: v1Tss(TSS_ID) }));
    expect(await errorOf(client.disableTss(TSS_ID))).toMatchObject({ status: 500 });
  });

  it('refuses a disable that fiskaly accepted but that does not read back', async () => {
    const { client } = fakeV1(() => ({ status: 200, json: v1Tss(TSS_ID) }));
    expect(await errorOf(client.disableTss(TSS_ID))).toMatchObject({ code: 'E_V1_DISABLE_NOT_CONFIRMED' });
  });
});

describe('V1 client: exports', () => {
  const EXPORT_ID = '0b6d5c43-3c57-4d52-9ec3-2b35f8bb1f55';
  const v1Export = (state: string, extra: Record<string, unknown> = {}) => ({ _id: EXPORT_ID, _type: 'EXPORT', tss_id: TSS_ID, state, time_request: 1700000000, ...extra });

  it('triggers under the id the caller made, with an empty JSON body', async () => {
    const { client, requests } = fakeV1(() => ({ status: 200, json: v1Export('PENDING') }));
    expect(await client.triggerExport(TSS_ID, EXPORT_ID)).toMatchObject({ id: EXPORT_ID, state: 'PENDING' });
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/tss/${TSS_ID}/export/${EXPORT_ID}`);
    expect(put.body).toEqual({});
    expect(await errorOf(client.triggerExport(TSS_ID, 'not-a-uuid'))).toMatchObject({ code: 'E_FAILED_SCHEMA_VALIDATION' });
  });

  it('finds its own export when V1 refuses the id as taken, instead of starting a second', async () => {
    const { client, calls } = fakeV1((r) => (r.method === 'PUT' ? error(409, 'E_EXPORT_CONFLICT', 'exists') : { status: 200, json: v1Export('WORKING') }));
    expect(await client.triggerExport(TSS_ID, EXPORT_ID)).toMatchObject({ state: 'WORKING' });
    expect(calls()).toEqual([`PUT /tss/${TSS_ID}/export/${EXPORT_ID}`, `GET /tss/${TSS_ID}/export/${EXPORT_ID}`]);
  });

  it('waits for COMPLETED, pausing between looks', async () => {
    const states = ['PENDING', 'WORKING', 'COMPLETED'];
    const { client, calls } = fakeV1(() => ({ status: 200, json: v1Export(states.shift() ?? 'COMPLETED') }));
    expect(await client.waitForExport(TSS_ID, EXPORT_ID, { intervalMs: 1 })).toMatchObject({ state: 'COMPLETED' });
    expect(calls()).toHaveLength(3);
  });

  it('says when the export failed, and when it is still running after the last look', async () => {
    const failed = fakeV1(() => ({ status: 200, json: v1Export('ERROR', { exception: 'E_INTERNAL' }) }));
    expect(await errorOf(failed.client.waitForExport(TSS_ID, EXPORT_ID, { intervalMs: 1 }))).toMatchObject({ code: 'E_V1_EXPORT_FAILED' });
    const stuck = fakeV1(() => ({ status: 200, json: v1Export('PENDING') }));
    expect(await errorOf(stuck.client.waitForExport(TSS_ID, EXPORT_ID, { intervalMs: 1, maxPolls: 4 }))).toMatchObject({ code: 'E_EXPORT_NOT_COMPLETED' });
    expect(stuck.calls()).toHaveLength(4);
  });

  it('downloads the file as bytes and hashes them', async () => {
    const tar = Buffer.alloc(1024);
    tar.write('info.csv', 0);
    tar.write('ustar', 257, 'latin1');
    const { client, requests } = fakeV1(() => ({ status: 200, bytes: tar }));
    const archive = await client.downloadExport(TSS_ID, EXPORT_ID);
    expect(archive.bytes.equals(tar)).toBe(true);
    expect(archive).toMatchObject({ size: 1024, looksLikeTar: true, sha256: createHash('sha256').update(tar).digest('hex') });
    expect(requests.at(-1)!.path).toBe(`/tss/${TSS_ID}/export/${EXPORT_ID}/file`);
  });

  it('refuses an empty file', async () => {
    const { client } = fakeV1(() => ({ status: 200, bytes: Buffer.alloc(0) }));
    expect(await errorOf(client.downloadExport(TSS_ID, EXPORT_ID))).toMatchObject({ code: 'E_V1_EXPORT_EMPTY' });
  });
});

describe('V1 client: answers it cannot read', () => {
  it('names an answer of the wrong shape instead of passing it on', async () => {
    const { client } = fakeV1(() => ({ status: 200, json: { data: 'nope' } }));
    expect(await errorOf(client.getTss(TSS_ID))).toMatchObject({ status: 502, code: 'E_UNEXPECTED_RESPONSE' });
  });

  it('passes a refusal on with fiskaly’s code and message, never retried', async () => {
    const { client, calls } = fakeV1(() => error(400, 'E_TSS_DISABLED', 'TSS is disabled'));
    const failure = await errorOf(client.cancelTransaction(TSS_ID, 't1'));
    expect(failure).toMatchObject({ status: 400, code: 'E_TSS_DISABLED', apiMessage: 'TSS is disabled' });
    expect(failure!.message).toContain('(fiskaly: TSS is disabled)');
    expect(calls()).toHaveLength(1);
  });
});
