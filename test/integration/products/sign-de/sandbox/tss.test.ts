import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { certificateSerialNumber } from '../../../../../main/products/sign-de/tse';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { type ApiResponse, SandboxApi, startSandbox } from '../../../../support/sandbox-api';

/** Every error the API gives has exactly these four keys. */
function expectError(response: ApiResponse, status: number, error: string, code: string, message: string | RegExp): void {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({ status_code: status, error, code, message: typeof message === 'string' ? message : expect.stringMatching(message) });
}

// Field sets per state, from the recorded createTss response and the spec's TSS schemas.
const ALWAYS = [
  'certificate',
  'serial_number',
  'public_key',
  'signature_algorithm',
  'signature_timestamp_format',
  'transaction_data_encoding',
  'max_number_registered_clients',
  'max_number_active_transactions',
  'supported_update_variants',
  // metadata only when not empty (as the live API answers)
  '_id',
  '_type',
  '_env',
  '_version',
  'time_creation',
  'state',
];
const DEPLOYED = ['bsi_certification_id', 'signature_counter', 'number_registered_clients', 'number_active_transactions', 'time_uninit'];
const sorted = (keys: string[]) => [...keys].sort();

describe('TSS resource', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  let live: SandboxApi;
  beforeAll(async () => {
    ({ sandbox, api } = await startSandbox({
      organizations: [
        { apiKey: 'key-test', apiSecret: 'secret-test' },
        { apiKey: 'key-live', apiSecret: 'secret-live', env: 'LIVE' },
      ],
    }));
    live = new SandboxApi(sandbox);
  });
  beforeEach(async () => {
    sandbox.reset();
    await api.login('key-test', 'secret-test');
    await live.login('key-live', 'secret-live');
  });
  afterAll(() => sandbox.close());

  /** Runs createTss → UNINITIALIZED → PIN → admin login, leaving the caller logged in as admin. */
  async function adminOnUninitialized(client = api): Promise<{ id: string; puk: string }> {
    const id = randomUUID();
    const puk = (await client.request('PUT', `/tss/${id}`, {})).body.admin_puk as string;
    await client.request('PATCH', `/tss/${id}`, { state: 'UNINITIALIZED' });
    await client.request('PATCH', `/tss/${id}/admin`, { admin_puk: puk, new_admin_pin: '123456' });
    expect((await client.request('POST', `/tss/${id}/admin/auth`, { admin_pin: '123456' })).status).toBe(200);
    return { id, puk };
  }

  describe('PUT /tss/{tss_id} (createTss)', () => {
    it('creates a CREATED TSS with key, certificate and a 10-digit PUK, and nothing that comes later', async () => {
      const id = randomUUID();
      const response = await api.request('PUT', `/tss/${id}`, { metadata: { store: 'Berlin 1' } });
      expect(response.status).toBe(200);
      const tss = response.body;
      expect(sorted(Object.keys(tss))).toEqual(sorted([...ALWAYS, 'metadata', 'admin_puk']));
      expect(tss).toMatchObject({
        _id: id,
        _type: 'TSS',
        _env: 'TEST',
        _version: '2.2.2',
        state: 'CREATED',
        signature_algorithm: 'ecdsa-plain-SHA256',
        signature_timestamp_format: 'unixTime',
        transaction_data_encoding: 'UTF-8',
        max_number_registered_clients: 199,
        max_number_active_transactions: 2000,
        supported_update_variants: 'SIGNED',
        metadata: { store: 'Berlin 1' },
      });
      expect(tss.admin_puk).toMatch(/^\d{10}$/);
      const point = Buffer.from(tss.public_key as string, 'base64');
      expect(point).toHaveLength(65);
      expect(point[0]).toBe(0x04);
      expect(tss.serial_number).toBe(createHash('sha256').update(point).digest('hex'));
      expect(certificateSerialNumber(Buffer.from(tss.certificate as string, 'base64'))).toBe(tss.serial_number);
      expect(typeof tss.time_creation).toBe('number');
    });

    it('ignores a description at creation (the createTss body knows only metadata)', async () => {
      const response = await api.request('PUT', `/tss/${randomUUID()}`, { description: 'My first TSS' });
      expect(response.status).toBe(200);
      expect(response.body).not.toHaveProperty('description');
    });

    it('accepts a bodiless PUT and lower-cases the id', async () => {
      const id = randomUUID().toUpperCase();
      const response = await api.request('PUT', `/tss/${id}`);
      expect(response).toMatchObject({ status: 200, body: { _id: id.toLowerCase() } });
    });

    it('is idempotent while CREATED: the same TSS and PUK again, metadata merged', async () => {
      const id = randomUUID();
      const first = await api.request('PUT', `/tss/${id}`, { metadata: { a: '1' } });
      const second = await api.request('PUT', `/tss/${id}`, { metadata: { b: '2' } });
      expect(second.status).toBe(200);
      expect(second.body).toEqual({ ...first.body, metadata: { a: '1', b: '2' } });
      const retrieved = await api.request('GET', `/tss/${id}`);
      expect(retrieved.body).not.toHaveProperty('admin_puk');
    });

    it('answers 409 E_TSS_CONFLICT once the TSS has left CREATED, without the PUK', async () => {
      const id = randomUUID();
      await api.request('PUT', `/tss/${id}`, {});
      await api.request('PATCH', `/tss/${id}`, { state: 'UNINITIALIZED' });
      expectError(await api.request('PUT', `/tss/${id}`, {}), 409, 'Conflict', 'E_TSS_CONFLICT', 'TSS already exists in a lifecycle state different from CREATED');
    });

    it('refuses a malformed id with the schema error, and bad metadata too', async () => {
      expectError(await api.request('PUT', '/tss/some_invalid_tss_id', {}), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', 'params.tss_id should match format "uuid"');
      const bad = await api.request('PUT', `/tss/${randomUUID()}`, { metadata: { a: 1 } });
      expectError(bad, 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', /^body\.metadata/);
    });

    it('limits a TEST organization to 5 TSS not DISABLED; disabling one frees a slot', async () => {
      const { id: first } = await adminOnUninitialized();
      for (let i = 0; i < 4; i++) expect((await api.request('PUT', `/tss/${randomUUID()}`, {})).status).toBe(200);
      const refused = await api.request('PUT', `/tss/${randomUUID()}`, {});
      expectError(
        refused,
        403,
        'Forbidden',
        'E_TSS_LIMIT_REACHED',
        'A TEST organization can have at most 5 TSS in state CREATED, UNINITIALIZED or INITIALIZED: disable one first',
      );
      expect((await api.request('PATCH', `/tss/${first}`, { state: 'DISABLED' })).status).toBe(200);
      expect((await api.request('PUT', `/tss/${randomUUID()}`, {})).status).toBe(200);
    });

    it('sets no limit for a LIVE organization', async () => {
      for (let i = 0; i < 6; i++) {
        const response = await live.request('PUT', `/tss/${randomUUID()}`, {});
        expect(response).toMatchObject({ status: 200, body: { _env: 'LIVE' } });
      }
    });
  });

  describe('GET /tss/{tss_id} and GET /tss', () => {
    it('retrieves a TSS, and answers 404 E_TSS_NOT_FOUND for an unknown one or a malformed id', async () => {
      const id = randomUUID();
      const created = await api.request('PUT', `/tss/${id}`, {});
      const retrieved = await api.request('GET', `/tss/${id}`);
      const { admin_puk: _puk, ...withoutPuk } = created.body;
      expect(retrieved).toMatchObject({ status: 200 });
      expect(retrieved.body).toEqual(withoutPuk);
      expectError(await api.request('GET', `/tss/${randomUUID()}`), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
      expectError(await api.request('GET', '/tss/nope'), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', 'params.tss_id should match format "uuid"');
    });

    it('lists the caller’s TSS with count, paging, ordering and state filters', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        ids.push(randomUUID());
        await api.request('PUT', `/tss/${ids[i]}`, {});
      }
      await api.request('PATCH', `/tss/${ids[1]}`, { state: 'UNINITIALIZED' });
      await live.request('PUT', `/tss/${randomUUID()}`, {});

      const all = await api.request<{ data: Record<string, unknown>[]; count: number }>('GET', '/tss');
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ count: 3, _type: 'TSS_LIST', _env: 'TEST', _version: '2.2.2' });
      expect(all.body.data.map((t) => t._id).sort()).toEqual([...ids].sort());
      expect(all.body.data.every((t) => !('admin_puk' in t))).toBe(true);

      const page = await api.request<{ data: unknown[]; count: number }>('GET', '/tss?limit=1&offset=1');
      expect(page.body.count).toBe(3);
      expect(page.body.data).toHaveLength(1);

      const uninit = await api.request<{ data: Record<string, unknown>[]; count: number }>('GET', '/tss?states[]=UNINITIALIZED');
      expect(uninit.body.count).toBe(1);
      expect(uninit.body.data[0]!._id).toBe(ids[1]);
      const both = await api.request<{ count: number }>('GET', '/tss?states%5B0%5D=CREATED&states%5B1%5D=UNINITIALIZED&order_by=state&order=desc');
      expect(both.body.count).toBe(3);

      expectError(await api.request('GET', '/tss?order_by=serial_number'), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', 'querystring.order_by should be equal to one of the allowed values');
      expectError(await api.request('GET', '/tss?states[]=ASLEEP'), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', 'querystring.states[0] should be equal to one of the allowed values');
      expectError(await api.request('GET', '/tss?limit=101'), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', 'querystring.limit should be an integer between 1 and 100');
    });
  });

  describe('GET/PATCH /tss/{tss_id}/metadata', () => {
    it('returns the metadata and merges a patch into it; null and "" remove a key', async () => {
      const id = randomUUID();
      await api.request('PUT', `/tss/${id}`, { metadata: { a: '1', b: '2', c: '3' } });
      const patched = await api.request('PATCH', `/tss/${id}/metadata`, { b: null, c: '', d: '4' });
      expect(patched).toMatchObject({ status: 200, body: { a: '1', d: '4' } });
      expect(Object.keys(patched.body)).toEqual(['a', 'd']);
      expect((await api.request('GET', `/tss/${id}/metadata`)).body).toEqual({ a: '1', d: '4' });
      expect((await api.request('GET', `/tss/${id}`)).body.metadata).toEqual({ a: '1', d: '4' });
    });

    it('refuses non-string values and unknown TSS', async () => {
      const id = randomUUID();
      await api.request('PUT', `/tss/${id}`, {});
      expectError(await api.request('PATCH', `/tss/${id}/metadata`, { a: 5 }), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', /^body\.a should be/);
      expectError(await api.request('GET', `/tss/${randomUUID()}/metadata`), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
    });
  });

  describe('PATCH /tss/{tss_id} (updateTss)', () => {
    it('deploys CREATED → UNINITIALIZED without admin: counter "24", BSI id, client and tx counts', async () => {
      const id = randomUUID();
      await api.request('PUT', `/tss/${id}`, {});
      const response = await api.request('PATCH', `/tss/${id}`, { state: 'UNINITIALIZED' });
      expect(response.status).toBe(200);
      expect(sorted(Object.keys(response.body))).toEqual(sorted([...ALWAYS, ...DEPLOYED]));
      expect(response.body).toMatchObject({
        state: 'UNINITIALIZED',
        bsi_certification_id: 'BSI-K-TR-0717-2025',
        signature_counter: '24',
        number_registered_clients: 0,
        number_active_transactions: 0,
      });
      expect(response.body.time_uninit).toBeGreaterThanOrEqual(response.body.time_creation as number);
    });

    it('waits out the configured deploy delay, as the real API takes seconds', async () => {
      const control = `http://127.0.0.1:${sandbox.port}/_sandbox/deploy-delay`;
      const put = (ms: number) => fetch(control, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deployDelayMs: ms }) });
      const id = randomUUID();
      await api.request('PUT', `/tss/${id}`, {});
      await put(300);
      try {
        const started = Date.now();
        const response = await api.request('PATCH', `/tss/${id}`, { state: 'UNINITIALIZED' });
        expect(response.body.state).toBe('UNINITIALIZED');
        expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      } finally {
        await put(0);
      }
    });

    it('initializes with admin: default description, time_init, counter +1', async () => {
      const { id } = await adminOnUninitialized();
      const before = (await api.request('GET', `/tss/${id}`)).body.signature_counter;
      const response = await api.request('PATCH', `/tss/${id}`, { state: 'INITIALIZED' });
      expect(response.status).toBe(200);
      expect(sorted(Object.keys(response.body))).toEqual(sorted([...ALWAYS, ...DEPLOYED, 'description', 'time_init']));
      expect(response.body).toMatchObject({ state: 'INITIALIZED', description: `fiskaly sign cloud-TSE (${id})` });
      expect(Number(response.body.signature_counter)).toBe(Number(before) + 1);
    });

    it('takes a description with INITIALIZED only, and checks its pattern', async () => {
      const { id } = await adminOnUninitialized();
      const early = await api.request('PATCH', `/tss/${id}`, { state: 'UNINITIALIZED', description: 'Kasse 1' });
      expectError(early, 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', 'body.state should be equal to constant');
      const bad = await api.request('PATCH', `/tss/${id}`, { state: 'INITIALIZED', description: 'Kasse_1' });
      expectError(bad, 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', /^body\.description should match pattern/);
      const good = await api.request('PATCH', `/tss/${id}`, { state: 'INITIALIZED', description: 'Kasse 1 (Berlin)' });
      expect(good.body.description).toBe('Kasse 1 (Berlin)');
    });

    it('refuses unknown keys and a missing state', async () => {
      const id = randomUUID();
      await api.request('PUT', `/tss/${id}`, {});
      expectError(await api.request('PATCH', `/tss/${id}`, { state: 'UNINITIALIZED', admin_pin: 'x' }), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', 'body should NOT have additional properties');
      expectError(await api.request('PATCH', `/tss/${id}`, { metadata: {} }), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', "body should have required property 'state'");
      expectError(await api.request('PATCH', `/tss/${id}`, { state: 'CREATED' }), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', 'body.state should be equal to one of the allowed values');
    });

    it('answers a malformed id with E_PARSER, as the middleware does', async () => {
      const response = await api.request('PATCH', '/tss/some_invalid_tss_id', { state: 'UNINITIALIZED' });
      expectError(response, 400, 'Bad Request', 'E_PARSER', "can't parse TSS ID: invalid UUID length: 19 (some_invalid_tss_id)");
      expectError(await api.request('PATCH', `/tss/${randomUUID()}`, { state: 'UNINITIALIZED' }), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
    });

    it('refuses every transition outside CREATED → UNINITIALIZED → INITIALIZED → DISABLED', async () => {
      const id = randomUUID();
      await api.request('PUT', `/tss/${id}`, {});
      const illegal = (body: Record<string, unknown>, message: string) =>
        api.request('PATCH', `/tss/${id}`, body).then((r) => expectError(r, 400, 'Bad Request', 'E_ILLEGAL_TSS_STATE_CHANGE', message));
      await illegal({ state: 'INITIALIZED' }, 'TSS must be in state UNINITIALIZED for a state transition to INITIALIZED');
      await illegal({ state: 'DISABLED' }, 'TSS must be in state UNINITIALIZED or INITIALIZED for a state transition to DISABLED');
      const { id: initialized } = await adminOnUninitialized();
      await api.request('PATCH', `/tss/${initialized}`, { state: 'INITIALIZED' });
      const back = await api.request('PATCH', `/tss/${initialized}`, { state: 'UNINITIALIZED' });
      expectError(back, 400, 'Bad Request', 'E_ILLEGAL_TSS_STATE_CHANGE', 'TSS must be in state CREATED for a state transition to UNINITIALIZED');
      await api.request('PATCH', `/tss/${initialized}`, { state: 'DISABLED' });
      const revive = await api.request('PATCH', `/tss/${initialized}`, { state: 'INITIALIZED' });
      expectError(revive, 400, 'Bad Request', 'E_ILLEGAL_TSS_STATE_CHANGE', 'TSS must be in state UNINITIALIZED for a state transition to INITIALIZED');
    });

    it('needs an admin login for INITIALIZED and DISABLED; a never-set PIN answers 423 first', async () => {
      const id = randomUUID();
      await api.request('PUT', `/tss/${id}`, {});
      await api.request('PATCH', `/tss/${id}`, { state: 'UNINITIALIZED' });
      const blocked = await api.request('PATCH', `/tss/${id}`, { state: 'INITIALIZED' });
      expectError(blocked, 423, 'Locked', 'E_ADMIN_PIN_BLOCKED', 'The admin PIN is blocked until it is set with the admin_puk (PATCH /tss/{tss_id}/admin)');
      const disable = await api.request('PATCH', `/tss/${id}`, { state: 'DISABLED' });
      expect(disable.body.code).toBe('E_ADMIN_PIN_BLOCKED');

      const { id: other } = await adminOnUninitialized();
      await api.request('POST', `/tss/${other}/admin/logout`);
      const noAdmin = await api.request('PATCH', `/tss/${other}`, { state: 'INITIALIZED' });
      expectError(noAdmin, 401, 'Unauthorized', 'E_UNAUTHORIZED', /admin/i);
      expect((await api.request('GET', `/tss/${other}`)).body.state).toBe('UNINITIALIZED');
    });

    it('accepts a same-state PATCH to merge metadata, without admin and without a signature', async () => {
      const { id } = await adminOnUninitialized();
      await api.request('POST', `/tss/${id}/admin/logout`);
      const before = await api.request('GET', `/tss/${id}`);
      const same = await api.request('PATCH', `/tss/${id}`, { state: 'UNINITIALIZED', metadata: { till: '3' } });
      expect(same.status).toBe(200);
      expect(same.body).toEqual({ ...before.body, metadata: { till: '3' } });
    });

    it('disables irreversibly: time_disable, counter +1, admin session ended', async () => {
      const { id } = await adminOnUninitialized();
      await api.request('PATCH', `/tss/${id}`, { state: 'INITIALIZED' });
      const initialized = await api.request('GET', `/tss/${id}`);
      const disabled = await api.request('PATCH', `/tss/${id}`, { state: 'DISABLED' });
      expect(disabled.status).toBe(200);
      expect(sorted(Object.keys(disabled.body))).toEqual(sorted([...ALWAYS, ...DEPLOYED, 'description', 'time_init', 'time_disable']));
      expect(Number(disabled.body.signature_counter)).toBe(Number(initialized.body.signature_counter) + 1);
      const again = await api.request('PATCH', `/tss/${id}`, { state: 'DISABLED', metadata: { note: 'closed' } });
      expect(again).toMatchObject({ status: 200, body: { state: 'DISABLED', signature_counter: disabled.body.signature_counter } });
      const logout = await api.request('POST', `/tss/${id}/admin/logout`);
      expect(logout).toMatchObject({ status: 200, body: {} });
      expect((await api.request('GET', `/tss/${id}`)).body.signature_counter).toBe(disabled.body.signature_counter);
    });
  });

  describe('organizations', () => {
    it('keeps each organization’s TSS invisible to the other', async () => {
      const id = randomUUID();
      await api.request('PUT', `/tss/${id}`, {});
      expectError(await live.request('GET', `/tss/${id}`), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
      expectError(await live.request('PATCH', `/tss/${id}`, { state: 'UNINITIALIZED' }), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
      expectError(await live.request('GET', `/tss/${id}/metadata`), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
      expect((await live.request('GET', '/tss')).body).toMatchObject({ count: 0, data: [] });
      // The id itself is taken system-wide, but the PUK stays with its owner.
      const taken = await live.request('PUT', `/tss/${id}`, {});
      expect(taken.status).toBe(409);
      expect(taken.body).not.toHaveProperty('admin_puk');
    });
  });
});
