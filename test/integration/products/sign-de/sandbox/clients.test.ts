import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { type ApiResponse, SandboxApi, startSandbox } from '../../../../support/sandbox-api';

function expectError(response: ApiResponse, status: number, error: string, code: string, message: string | RegExp): void {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({ status_code: status, error, code, message: typeof message === 'string' ? message : expect.stringMatching(message) });
}

// metadata is left out while empty (as the live API answers).
const CREATED_KEYS = ['serial_number', 'state', 'tss_id', '_id', '_type', '_env', '_version', 'time_creation'].sort();
const CLIENT_KEYS = [...CREATED_KEYS, 'time_update'].sort();
type List = { data: Record<string, unknown>[]; count: number; _type: string; _env: string; _version: string };

describe('clients', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  let tssId: string;
  let pin: string;
  beforeAll(async () => {
    ({ sandbox, api } = await startSandbox({
      organizations: [
        { apiKey: 'key-a', apiSecret: 'secret-a' },
        { apiKey: 'key-b', apiSecret: 'secret-b' },
      ],
    }));
  });
  beforeEach(async () => {
    sandbox.reset();
    await api.login('key-a', 'secret-a');
    ({ tssId, pin } = await api.initializedTss());
  });
  afterAll(() => sandbox.close());

  const createClient = (serial: string, id: string = randomUUID(), tss = tssId) => api.request('PUT', `/tss/${tss}/client/${id}`, { serial_number: serial });
  const counter = async (tss = tssId) => Number((await api.request('GET', `/tss/${tss}`)).body.signature_counter);

  describe('PUT /tss/{tss_id}/client/{client_id}', () => {
    it('registers a client: no time_update yet, one RegisterClient log, counted on the TSS', async () => {
      const id = randomUUID();
      const before = await counter();
      const response = await api.request('PUT', `/tss/${tssId}/client/${id}`, { serial_number: 'ERS 1', metadata: { till: '1' } });
      expect(response.status).toBe(200);
      expect(Object.keys(response.body).sort()).toEqual([...CREATED_KEYS, 'metadata'].sort());
      expect(response.body).toMatchObject({
        _id: id,
        _type: 'CLIENT',
        _env: 'TEST',
        _version: '2.2.2',
        serial_number: 'ERS 1',
        state: 'REGISTERED',
        tss_id: tssId,
        metadata: { till: '1' },
      });
      expect(await counter()).toBe(before + 1);
      expect((await api.request('GET', `/tss/${tssId}`)).body.number_registered_clients).toBe(1);
    });

    it('follows the real serial_number pattern: no edge whitespace, no "_", max 70; "/" passes as the regex lets it', async () => {
      for (const serial of [' ERS', 'ERS ', 'ERS_1', '', 'x'.repeat(71), 'Kasse\n1']) {
        const response = await createClient(serial);
        expectError(response, 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', /^body\.serial_number should/);
      }
      for (const serial of ['ERS/1', "POS-001 (Bar) A+B, 'x'.y:z=?", 'x'.repeat(70)]) {
        expect((await createClient(serial)).status).toBe(200);
      }
      expectError(await api.request('PUT', `/tss/${tssId}/client/${randomUUID()}`, {}), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', "body should have required property 'serial_number'");
    });

    it('keeps serial numbers unique per TSS (400) and client ids unique system-wide (409)', async () => {
      const id = randomUUID();
      await createClient('POS-001', id);
      expectError(await createClient('POS-001'), 400, 'Bad Request', 'E_ILLEGAL_CLIENT_SERIAL', 'A client with serial_number "POS-001" already exists in this TSS: serial numbers must be unique per TSS');
      const conflict = 'Client or pending request for this client_id already exists in the system (client_id must be unique system-wide)';
      expectError(await createClient('POS-002', id), 409, 'Conflict', 'E_CLIENT_CONFLICT', conflict);
      const { tssId: other } = await api.initializedTss();
      expectError(await createClient('POS-001', id, other), 409, 'Conflict', 'E_CLIENT_CONFLICT', conflict);
      expect((await createClient('POS-001', randomUUID(), other)).status).toBe(200);
    });

    it('answers an identical repeat with the same client and no new log (idempotent since v2.0.33)', async () => {
      const id = randomUUID();
      const first = await createClient('POS-001', id);
      const before = await counter();
      const second = await createClient('POS-001', id);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(await counter()).toBe(before);
    });

    it('needs the admin login, and answers 423 while the PIN is blocked', async () => {
      await api.request('POST', `/tss/${tssId}/admin/logout`);
      expectError(await createClient('POS-001'), 401, 'Unauthorized', 'E_UNAUTHORIZED', /^Admin authentication required/);
      for (let i = 0; i < 5; i++) await api.request('POST', `/tss/${tssId}/admin/auth`, { admin_pin: 'wrong!' });
      expectError(await createClient('POS-001'), 423, 'Locked', 'E_ADMIN_PIN_BLOCKED', /blocked after too many failed logins/);
    });

    it('needs an INITIALIZED TSS: E_TSS_NOT_INITIALIZED before, E_TSS_DISABLED after', async () => {
      const fresh = randomUUID();
      await api.request('PUT', `/tss/${fresh}`, {});
      expectError(await createClient('POS-001', randomUUID(), fresh), 400, 'Bad Request', 'E_TSS_NOT_INITIALIZED', 'TSS must be in state INITIALIZED to register clients (current state: CREATED)');
      await api.request('PATCH', `/tss/${fresh}`, { state: 'UNINITIALIZED' });
      expectError(await createClient('POS-001', randomUUID(), fresh), 400, 'Bad Request', 'E_TSS_NOT_INITIALIZED', /current state: UNINITIALIZED/);
      await api.request('PATCH', `/tss/${tssId}`, { state: 'DISABLED' });
      expectError(await createClient('POS-001'), 400, 'Bad Request', 'E_TSS_DISABLED', 'TSS is disabled: it cannot be changed any more');
    });

    it('answers malformed ids with E_PARSER and an unknown TSS with 404', async () => {
      expectError(await api.request('PUT', `/tss/${tssId}/client/pos-1`, { serial_number: 'x' }), 400, 'Bad Request', 'E_PARSER', "can't parse client ID: invalid UUID length: 5 (pos-1)");
      expectError(await createClient('x', randomUUID(), randomUUID()), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
    });

    it('stops at 199 registered clients, on create and on re-register', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 199; i++) {
        ids.push(randomUUID());
        expect((await createClient(`ERS ${i}`, ids[i])).status).toBe(200);
      }
      const limit = 'The TSS already has 199 registered clients, its maximum: deregister a client first';
      expectError(await createClient('ERS 199'), 403, 'Forbidden', 'E_CLIENT_LIMIT_REACHED', limit);
      expect((await api.request('PATCH', `/tss/${tssId}/client/${ids[0]}`, { state: 'DEREGISTERED' })).status).toBe(200);
      const spare = randomUUID();
      expect((await createClient('ERS 199', spare)).status).toBe(200);
      expectError(await api.request('PATCH', `/tss/${tssId}/client/${ids[0]}`, { state: 'REGISTERED' }), 403, 'Forbidden', 'E_CLIENT_LIMIT_REACHED', limit);
      expect((await api.request('GET', `/tss/${tssId}`)).body.number_registered_clients).toBe(199);
    });
  });

  describe('PATCH /tss/{tss_id}/client/{client_id}', () => {
    it('deregisters and registers again, each a signed log, with time_update and merged metadata', async () => {
      const id = randomUUID();
      await api.request('PUT', `/tss/${tssId}/client/${id}`, { serial_number: 'POS-001', metadata: { a: '1' } });
      const before = await counter();
      const off = await api.request('PATCH', `/tss/${tssId}/client/${id}`, { state: 'DEREGISTERED', metadata: { b: '2' } });
      expect(off.status).toBe(200);
      expect(Object.keys(off.body).sort()).toEqual([...CLIENT_KEYS, 'metadata'].sort());
      expect(off.body).toMatchObject({ state: 'DEREGISTERED', metadata: { a: '1', b: '2' } });
      expect(typeof off.body.time_update).toBe('number');
      expect(await counter()).toBe(before + 1);
      const same = await api.request('PATCH', `/tss/${tssId}/client/${id}`, { state: 'DEREGISTERED' });
      expect(same.status).toBe(200);
      expect(await counter()).toBe(before + 1);
      const on = await api.request('PATCH', `/tss/${tssId}/client/${id}`, { state: 'REGISTERED' });
      expect(on.body.state).toBe('REGISTERED');
      expect(await counter()).toBe(before + 2);
    });

    it('needs admin, a known client and a TSS that is not disabled', async () => {
      const id = randomUUID();
      await createClient('POS-001', id);
      expectError(await api.request('PATCH', `/tss/${tssId}/client/${id}`, { state: 'ACTIVE' }), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', 'body.state should be equal to one of the allowed values');
      expectError(await api.request('PATCH', `/tss/${tssId}/client/${randomUUID()}`, { state: 'DEREGISTERED' }), 404, 'Not Found', 'E_CLIENT_NOT_FOUND', 'Client not found');
      expectError(await api.request('PATCH', `/tss/${tssId}/client/pos-1`, { state: 'DEREGISTERED' }), 400, 'Bad Request', 'E_PARSER', "can't parse client ID: invalid UUID length: 5 (pos-1)");
      await api.request('POST', `/tss/${tssId}/admin/logout`);
      expectError(await api.request('PATCH', `/tss/${tssId}/client/${id}`, { state: 'DEREGISTERED' }), 401, 'Unauthorized', 'E_UNAUTHORIZED', /^Admin authentication required/);
      await api.request('POST', `/tss/${tssId}/admin/auth`, { admin_pin: pin });
      await api.request('PATCH', `/tss/${tssId}`, { state: 'DISABLED' });
      expectError(await api.request('PATCH', `/tss/${tssId}/client/${id}`, { state: 'DEREGISTERED' }), 400, 'Bad Request', 'E_TSS_DISABLED', 'TSS is disabled: it cannot be changed any more');
    });
  });

  describe('reading clients', () => {
    it('retrieves a client with time_update, only under its own TSS', async () => {
      const id = randomUUID();
      const created = await createClient('POS-001', id);
      const retrieved = await api.request('GET', `/tss/${tssId}/client/${id}`);
      expect(retrieved.status).toBe(200);
      expect(retrieved.body).toEqual({ ...created.body, time_update: created.body.time_creation });
      const { tssId: other } = await api.initializedTss();
      expectError(await api.request('GET', `/tss/${other}/client/${id}`), 404, 'Not Found', 'E_CLIENT_NOT_FOUND', 'Client not found');
      expectError(await api.request('GET', `/tss/${tssId}/client/nope`), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', 'params.client_id should match format "uuid"');
    });

    it('lists the clients of a TSS and of the whole organization, with filters and ordering', async () => {
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      await createClient('POS-B', a);
      await createClient('POS-A', b);
      const { tssId: other } = await api.initializedTss();
      await createClient('POS-C', c, other);
      await api.request('PATCH', `/tss/${tssId}/client/${a}`, { state: 'DEREGISTERED' });

      const ofTss = await api.request<List>('GET', `/tss/${tssId}/client?order_by=serial_number`);
      expect(ofTss.body).toMatchObject({ count: 2, _type: 'CLIENT_LIST', _env: 'TEST', _version: '2.2.2' });
      expect(ofTss.body.data.map((x) => x.serial_number)).toEqual(['POS-A', 'POS-B']);
      expect(Object.keys(ofTss.body.data[0]!).sort()).toEqual(CLIENT_KEYS);

      const all = await api.request<List>('GET', '/client?order_by=serial_number&order=desc');
      expect(all.body.data.map((x) => x.serial_number)).toEqual(['POS-C', 'POS-B', 'POS-A']);
      expect((await api.request<List>('GET', '/client?state=DEREGISTERED')).body.data.map((x) => x._id)).toEqual([a]);
      expect((await api.request<List>('GET', '/client?states[]=REGISTERED')).body.count).toBe(2);
      expect((await api.request<List>('GET', '/client?serial_number=POS-C')).body.data.map((x) => x._id)).toEqual([c]);
      expect((await api.request<List>('GET', '/client?limit=1&offset=2')).body).toMatchObject({ count: 3 });
      expectError(await api.request('GET', '/client?state=GONE'), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', 'querystring.state should be equal to one of the allowed values');
      expectError(await api.request('GET', '/client?order_by=state'), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', 'querystring.order_by should be equal to one of the allowed values');
      expectError(await api.request('GET', `/tss/${randomUUID()}/client`), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
    });

    it('reads and merges client metadata', async () => {
      const id = randomUUID();
      await api.request('PUT', `/tss/${tssId}/client/${id}`, { serial_number: 'POS-001', metadata: { a: '1' } });
      const merged = await api.request('PATCH', `/tss/${tssId}/client/${id}/metadata`, { a: null, b: '2' });
      expect(merged).toMatchObject({ status: 200, body: { b: '2' } });
      expect(Object.keys(merged.body)).toEqual(['b']);
      expect((await api.request('GET', `/tss/${tssId}/client/${id}/metadata`)).body).toEqual({ b: '2' });
      expectError(await api.request('GET', `/tss/${tssId}/client/${randomUUID()}/metadata`), 404, 'Not Found', 'E_CLIENT_NOT_FOUND', 'Client not found');
      expectError(await api.request('PATCH', `/tss/${tssId}/client/${id}/metadata`, { b: 2 }), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', /^body\.b should be/);
    });

    it('shows nothing of one organization’s clients to another', async () => {
      const id = randomUUID();
      await createClient('POS-001', id);
      const other = new SandboxApi(sandbox);
      await other.login('key-b', 'secret-b');
      expect((await other.request<List>('GET', '/client')).body).toMatchObject({ count: 0, data: [] });
      expectError(await other.request('GET', `/tss/${tssId}/client/${id}`), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
      expectError(await other.request('GET', `/tss/${tssId}/client`), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
      expectError(await other.request('PUT', `/tss/${tssId}/client/${randomUUID()}`, { serial_number: 'x' }), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
      expectError(await other.request('PATCH', `/tss/${tssId}/client/${id}/metadata`, { x: '1' }), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
    });
  });
});
