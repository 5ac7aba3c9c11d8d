import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { type ApiResponse, SandboxApi, startSandbox } from '../../../../support/sandbox-api';

function expectError(response: ApiResponse, status: number, error: string, code: string, message: string | RegExp): void {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({ status_code: status, error, code, message: typeof message === 'string' ? message : expect.stringMatching(message) });
}

const PIN = '123456';
const WRONG_PUK = { code: 'E_ADMIN_LOGIN_FAILED', message: 'ERROR_AUTHENTICATION_FAILED (UNBLOCK_RESULT_FAILED)' };
const SHORT_PIN = { code: 'E_ADMIN_LOGIN_FAILED', message: 'ERROR_AUTHENTICATION_FAILED (UNBLOCK_RESULT_ERROR)' };

describe('TSS admin: PIN, PUK and admin sessions', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
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
  });
  afterAll(() => sandbox.close());

  async function uninitializedTss(): Promise<{ id: string; puk: string }> {
    const id = randomUUID();
    const puk = (await api.request('PUT', `/tss/${id}`, {})).body.admin_puk as string;
    expect((await api.request('PATCH', `/tss/${id}`, { state: 'UNINITIALIZED' })).status).toBe(200);
    return { id, puk };
  }
  const counter = async (id: string): Promise<number> => Number((await api.request('GET', `/tss/${id}`)).body.signature_counter);

  describe('PATCH /tss/{tss_id}/admin (change or unblock the PIN)', () => {
    it('answers exactly {} and counts an UnblockUser log', async () => {
      const { id, puk } = await uninitializedTss();
      const response = await api.request('PATCH', `/tss/${id}/admin`, { admin_puk: puk, new_admin_pin: PIN });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({});
      expect(response.headers.get('content-length')).toBe('2');
      expect(await counter(id)).toBe(25);
    });

    it('refuses a wrong PUK and a PIN under 6 characters the way the SMAERS does (401, not a schema error)', async () => {
      const { id, puk } = await uninitializedTss();
      expectError(await api.request('PATCH', `/tss/${id}/admin`, { admin_puk: '0000000000', new_admin_pin: PIN }), 401, 'Unauthorized', WRONG_PUK.code, WRONG_PUK.message);
      expectError(await api.request('PATCH', `/tss/${id}/admin`, { admin_puk: puk, new_admin_pin: '12345' }), 401, 'Unauthorized', SHORT_PIN.code, SHORT_PIN.message);
      expect(await counter(id)).toBe(24);
    });

    it('works only once the TSS is deployed (UNINITIALIZED or INITIALIZED)', async () => {
      const id = randomUUID();
      const puk = (await api.request('PUT', `/tss/${id}`, {})).body.admin_puk as string;
      expectError(
        await api.request('PATCH', `/tss/${id}/admin`, { admin_puk: puk, new_admin_pin: PIN }),
        400,
        'Bad Request',
        'E_CHANGE_ADMIN_PIN_FAILED',
        'TSS must be in state UNINITIALIZED or INITIALIZED to change the admin PIN (current state: CREATED)',
      );
    });

    it('needs both fields and answers a malformed id with E_PARSER', async () => {
      const { id } = await uninitializedTss();
      expectError(await api.request('PATCH', `/tss/${id}/admin`, { new_admin_pin: PIN }), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', "body should have required property 'admin_puk'");
      expectError(await api.request('PATCH', '/tss/not-a-uuid/admin', { admin_puk: 'x', new_admin_pin: PIN }), 400, 'Bad Request', 'E_PARSER', "can't parse TSS ID: invalid UUID length: 10 (not-a-uuid)");
      expectError(await api.request('PATCH', `/tss/${randomUUID()}/admin`, { admin_puk: 'x', new_admin_pin: PIN }), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
    });
  });

  describe('POST /tss/{tss_id}/admin/auth', () => {
    it('is blocked from creation until the PIN is set with the PUK', async () => {
      const id = randomUUID();
      await api.request('PUT', `/tss/${id}`, {});
      const message = 'The admin PIN is blocked until it is set with the admin_puk (PATCH /tss/{tss_id}/admin)';
      expectError(await api.request('POST', `/tss/${id}/admin/auth`, { admin_pin: PIN }), 423, 'Locked', 'E_ADMIN_PIN_BLOCKED', message);
      await api.request('PATCH', `/tss/${id}`, { state: 'UNINITIALIZED' });
      expectError(await api.request('POST', `/tss/${id}/admin/auth`, { admin_pin: PIN }), 423, 'Locked', 'E_ADMIN_PIN_BLOCKED', message);
    });

    it('logs in with the right PIN: exactly {}, one AuthenticateUser log', async () => {
      const { id, puk } = await uninitializedTss();
      await api.request('PATCH', `/tss/${id}/admin`, { admin_puk: puk, new_admin_pin: PIN });
      const response = await api.request('POST', `/tss/${id}/admin/auth`, { admin_pin: PIN });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({});
      expect(response.headers.get('content-length')).toBe('2');
      expect(await counter(id)).toBe(26);
    });

    it('blocks the PIN after five wrong PINs, even for the right one, until unblocked with the PUK', async () => {
      const { id, puk } = await uninitializedTss();
      await api.request('PATCH', `/tss/${id}/admin`, { admin_puk: puk, new_admin_pin: PIN });
      for (let i = 0; i < 5; i++) {
        expectError(await api.request('POST', `/tss/${id}/admin/auth`, { admin_pin: '654321' }), 401, 'Unauthorized', 'E_UNAUTHORIZED', 'Make sure that you are using the correct admin_pin');
      }
      const blocked = 'The admin PIN is blocked after too many failed logins: unblock it with the admin_puk (PATCH /tss/{tss_id}/admin)';
      expectError(await api.request('POST', `/tss/${id}/admin/auth`, { admin_pin: PIN }), 423, 'Locked', 'E_ADMIN_PIN_BLOCKED', blocked);
      expectError(await api.request('PATCH', `/tss/${id}`, { state: 'INITIALIZED' }), 423, 'Locked', 'E_ADMIN_PIN_BLOCKED', blocked);
      expect(await counter(id)).toBe(25);

      expect((await api.request('PATCH', `/tss/${id}/admin`, { admin_puk: puk, new_admin_pin: '7654321' })).status).toBe(200);
      expect((await api.request('POST', `/tss/${id}/admin/auth`, { admin_pin: '7654321' })).status).toBe(200);
      expect((await api.request('PATCH', `/tss/${id}`, { state: 'INITIALIZED' })).status).toBe(200);
    });

    it('resets the failure count on a successful login', async () => {
      const { id, puk } = await uninitializedTss();
      await api.request('PATCH', `/tss/${id}/admin`, { admin_puk: puk, new_admin_pin: PIN });
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 4; i++) expect((await api.request('POST', `/tss/${id}/admin/auth`, { admin_pin: 'nope!!' })).status).toBe(401);
        expect((await api.request('POST', `/tss/${id}/admin/auth`, { admin_pin: PIN })).status).toBe(200);
      }
    });

    it('refuses a missing PIN, a malformed id and a disabled TSS', async () => {
      const { id, puk } = await uninitializedTss();
      expectError(await api.request('POST', `/tss/${id}/admin/auth`, {}), 400, 'Bad Request', 'E_FAILED_SCHEMA_VALIDATION', "body should have required property 'admin_pin'");
      expectError(await api.request('POST', '/tss/some_invalid_tss_id/admin/auth', { admin_pin: PIN }), 400, 'Bad Request', 'E_PARSER', "can't parse TSS ID: invalid UUID length: 19 (some_invalid_tss_id)");
      await api.request('PATCH', `/tss/${id}/admin`, { admin_puk: puk, new_admin_pin: PIN });
      await api.request('POST', `/tss/${id}/admin/auth`, { admin_pin: PIN });
      await api.request('PATCH', `/tss/${id}`, { state: 'DISABLED' });
      expectError(await api.request('POST', `/tss/${id}/admin/auth`, { admin_pin: PIN }), 400, 'Bad Request', 'E_TSS_DISABLED', 'TSS is disabled: it cannot be changed any more');
      expectError(await api.request('PATCH', `/tss/${id}/admin`, { admin_puk: puk, new_admin_pin: PIN }), 400, 'Bad Request', 'E_CHANGE_ADMIN_PIN_FAILED', /current state: DISABLED/);
    });
  });

  describe('admin sessions', () => {
    it('binds the admin login to the access token: another token of the same organization logs in itself', async () => {
      const { id, puk } = await uninitializedTss();
      await api.request('PATCH', `/tss/${id}/admin`, { admin_puk: puk, new_admin_pin: PIN });
      await api.request('POST', `/tss/${id}/admin/auth`, { admin_pin: PIN });

      const second = new SandboxApi(sandbox);
      const login = await second.login('key-a', 'secret-a');
      const refreshed = await second.request('POST', '/auth', { refresh_token: login.body.refresh_token }, null);
      second.token = refreshed.body.access_token as string;
      expect(second.token).not.toBe(api.token);

      expectError(
        await second.request('PATCH', `/tss/${id}`, { state: 'INITIALIZED' }),
        401,
        'Unauthorized',
        'E_UNAUTHORIZED',
        'Admin authentication required: log in with the admin PIN first (POST /tss/{tss_id}/admin/auth)',
      );
      expect((await second.request('POST', `/tss/${id}/admin/auth`, { admin_pin: PIN })).status).toBe(200);
      expect((await second.request('PATCH', `/tss/${id}`, { state: 'INITIALIZED' })).status).toBe(200);
    });

    it('logs out with {} always; only a real logout signs a LogOut log and ends the session', async () => {
      const { id, puk } = await uninitializedTss();
      const idle = await api.request('POST', `/tss/${id}/admin/logout`);
      expect(idle.status).toBe(200);
      expect(idle.body).toEqual({});
      expect(await counter(id)).toBe(24);

      await api.request('PATCH', `/tss/${id}/admin`, { admin_puk: puk, new_admin_pin: PIN });
      await api.request('POST', `/tss/${id}/admin/auth`, { admin_pin: PIN });
      const out = await api.request('POST', `/tss/${id}/admin/logout`, {});
      expect(out).toMatchObject({ status: 200, body: {} });
      expect(await counter(id)).toBe(27);
      expect((await api.request('PATCH', `/tss/${id}`, { state: 'INITIALIZED' })).status).toBe(401);
      expect((await api.request('POST', `/tss/${id}/admin/logout`, {})).body).toEqual({});
      expect(await counter(id)).toBe(27);
    });

    it('answers logout for a malformed or unknown TSS like the other middleware routes', async () => {
      expectError(await api.request('POST', '/tss/some_invalid_tss_id/admin/logout', {}), 400, 'Bad Request', 'E_PARSER', "can't parse TSS ID: invalid UUID length: 19 (some_invalid_tss_id)");
      expectError(await api.request('POST', `/tss/${randomUUID()}/admin/logout`, {}), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
    });

    it('keeps another organization out of the TSS admin entirely', async () => {
      const { id, puk } = await uninitializedTss();
      const other = new SandboxApi(sandbox);
      await other.login('key-b', 'secret-b');
      for (const [method, path, body] of [
        ['PATCH', `/tss/${id}/admin`, { admin_puk: puk, new_admin_pin: PIN }],
        ['POST', `/tss/${id}/admin/auth`, { admin_pin: PIN }],
        ['POST', `/tss/${id}/admin/logout`, {}],
      ] as const) {
        expectError(await other.request(method, path, body), 404, 'Not Found', 'E_TSS_NOT_FOUND', 'TSS not found');
      }
      expect(await counter(id)).toBe(24);
    });
  });

  it('raises the one signature counter by exactly one per system event', async () => {
    const id = randomUUID();
    const created = await api.request('PUT', `/tss/${id}`, {});
    expect(created.body).not.toHaveProperty('signature_counter');
    const puk = created.body.admin_puk as string;
    const steps: [string, string, Record<string, unknown>, number][] = [
      ['PATCH', `/tss/${id}`, { state: 'UNINITIALIZED' }, 24],
      ['PATCH', `/tss/${id}/admin`, { admin_puk: puk, new_admin_pin: PIN }, 25],
      ['POST', `/tss/${id}/admin/auth`, { admin_pin: PIN }, 26],
      ['PATCH', `/tss/${id}`, { state: 'INITIALIZED' }, 27],
      ['PUT', `/tss/${id}/client/${randomUUID()}`, { serial_number: 'ERS 1' }, 28],
      ['PATCH', `/tss/${id}/metadata`, { note: 'no log' }, 28],
      ['POST', `/tss/${id}/admin/auth`, { admin_pin: 'wrong!' }, 28],
      ['POST', `/tss/${id}/admin/logout`, {}, 29],
      ['POST', `/tss/${id}/admin/logout`, {}, 29],
      ['POST', `/tss/${id}/admin/auth`, { admin_pin: PIN }, 30],
      ['PATCH', `/tss/${id}`, { state: 'DISABLED' }, 31],
    ];
    for (const [method, path, body, expected] of steps) {
      await api.request(method, path, body);
      expect({ step: `${method} ${path} ${JSON.stringify(body)}`, counter: await counter(id) }).toEqual({
        step: `${method} ${path} ${JSON.stringify(body)}`,
        counter: expected,
      });
    }
  });
});
