import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../../../main/products/sign-de/sandbox/server';
import { startSandbox } from '../../../../../support/sandbox-api';
import { SandboxV1Api } from '../../../../../support/sandbox-v1-api';

const OTHER = { apiKey: 'test_other_key', apiSecret: 'test_other_secret' };

describe('V1 TSS (§4.1 states and transitions)', () => {
  let sandbox: Sandbox;
  let v1: SandboxV1Api;
  let other: SandboxV1Api;
  let now = 1_800_000_000;
  beforeAll(async () => {
    ({ sandbox } = await startSandbox(
      { organizations: [{ apiKey: 'test_sandbox_api_key', apiSecret: 'test_sandbox_api_secret' }, OTHER] },
      { now: () => now * 1000 },
    ));
    v1 = new SandboxV1Api(sandbox);
    other = new SandboxV1Api(sandbox);
    await v1.login();
    await other.login(OTHER.apiKey, OTHER.apiSecret);
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await v1.switches({});
  });

  it('creates a TSS straight INITIALIZED with the V1 fields; GET reads it back', async () => {
    const id = randomUUID();
    const created = await v1.request('PUT', `/tss/${id}`, { state: 'INITIALIZED', description: 'Filiale 1' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ _id: id, _type: 'TSS', _env: 'TEST', state: 'INITIALIZED', description: 'Filiale 1', time_creation: now, time_init: now, signature_counter: 0, transaction_counter: 0 });
    expect(created.body.certificate_serial).toMatch(/^[0-9a-f]{64}$/);
    for (const absent of ['admin_puk', 'serial_number', 'time_disable']) expect(created.body).not.toHaveProperty(absent);
    expect((await v1.request('GET', `/tss/${id}`)).body).toEqual(created.body);
  });

  it('UNINITIALIZED → INITIALIZED → DISABLED; re-PUT of the current state is 200; DISABLED is final', async () => {
    const id = await v1.tss('UNINITIALIZED');
    expect((await v1.request('GET', `/tss/${id}`)).body).not.toHaveProperty('time_init');
    expect((await v1.request('PUT', `/tss/${id}`, { state: 'UNINITIALIZED' })).status).toBe(200);
    now += 10;
    expect((await v1.request('PUT', `/tss/${id}`, { state: 'INITIALIZED' })).body).toMatchObject({ state: 'INITIALIZED', time_init: now });
    expect((await v1.request('PUT', `/tss/${id}`, { state: 'INITIALIZED' })).status).toBe(200);
    const back = await v1.request('PUT', `/tss/${id}`, { state: 'UNINITIALIZED' });
    expect(back.status).toBe(400);
    expect(back.body).toMatchObject({ code: 'E_ILLEGAL_TSS_STATE_CHANGE' });
    now += 10;
    const disabled = await v1.request('PUT', `/tss/${id}`, { state: 'DISABLED' });
    expect(disabled.body).toMatchObject({ state: 'DISABLED', time_disable: now });
    now += 10;
    // Disabling again (a retry) changes nothing, time_disable included.
    expect((await v1.request('PUT', `/tss/${id}`, { state: 'DISABLED' })).body).toMatchObject({ state: 'DISABLED', time_disable: now - 10 });
    for (const state of ['INITIALIZED', 'UNINITIALIZED']) {
      const refused = await v1.request('PUT', `/tss/${id}`, { state });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({ status_code: 400, error: 'Bad Request', code: 'E_ILLEGAL_TSS_STATE_CHANGE', message: expect.stringContaining('DISABLED is final') });
      expect(refused.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('allows UNINITIALIZED → DISABLED (VERIFY), and refuses PUT DISABLED on an unknown id 404', async () => {
    const id = await v1.tss('UNINITIALIZED');
    expect((await v1.request('PUT', `/tss/${id}`, { state: 'DISABLED' })).body).toMatchObject({ state: 'DISABLED' });
    const unknown = await v1.request('PUT', `/tss/${randomUUID()}`, { state: 'DISABLED' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'E_TSS_NOT_FOUND' });
  });

  it('disables with a form-encoded body (the guide’s curl) unless strictJson', async () => {
    const id = await v1.tss();
    await v1.switches({ strictJson: true });
    const refused = await v1.request('PUT', `/tss/${id}`, 'state=DISABLED', { contentType: 'application/x-www-form-urlencoded' });
    expect(refused.status).toBe(415);
    expect((await v1.request('GET', `/tss/${id}`)).body.state).toBe('INITIALIZED');
    await v1.switches({});
    const disabled = await v1.request('PUT', `/tss/${id}`, 'state=DISABLED', { contentType: 'application/x-www-form-urlencoded' });
    expect(disabled.status).toBe(200);
    expect(disabled.body.state).toBe('DISABLED');
  });

  it('refuses a bad body, a bad id and an unknown TSS', async () => {
    const id = await v1.tss();
    expect((await v1.request('PUT', `/tss/${id}`, { state: 'CREATED' })).body).toMatchObject({ status_code: 400, code: 'E_FAILED_SCHEMA_VALIDATION' });
    expect((await v1.request('PUT', `/tss/${id}`, { state: 'INITIALIZED', admin_pin: '1234' })).status).toBe(400);
    expect((await v1.request('GET', '/tss/not-a-uuid')).body).toMatchObject({ status_code: 400, code: 'E_FAILED_SCHEMA_VALIDATION' });
    expect((await v1.request('GET', `/tss/${randomUUID()}`)).body).toEqual({ status_code: 404, error: 'Not Found', code: 'E_TSS_NOT_FOUND', message: 'TSS not found' });
  });

  it('keeps organizations apart: another organization’s TSS is not found, not listed, not changed', async () => {
    const id = await v1.tss();
    expect((await other.request('GET', `/tss/${id}`)).status).toBe(404);
    expect((await other.request('PUT', `/tss/${id}`, { state: 'DISABLED' })).status).toBe(404);
    const listed = await other.request<{ data: { _id: string }[] }>('GET', '/tss');
    expect(listed.body.data.map((t) => t._id)).not.toContain(id);
  });

  it('lists with states[], limit and offset, in the V1 list envelope', async () => {
    const list = await v1.request<{ data: { state: string }[]; count: number; _type: string }>('GET', '/tss?states[]=DISABLED');
    expect(list.body._type).toBe('TSS_LIST');
    expect(list.body.data.length).toBeGreaterThan(0);
    expect(list.body.data.every((t) => t.state === 'DISABLED')).toBe(true);
    const all = await v1.request<{ data: { _id: string }[]; count: number }>('GET', '/tss');
    const page = await v1.request<{ data: { _id: string }[]; count: number }>('GET', '/tss?limit=2&offset=1');
    expect(page.body.count).toBe(all.body.count);
    expect(page.body.data.map((t) => t._id)).toEqual(all.body.data.slice(1, 3).map((t) => t._id));
    expect((await v1.request('GET', '/tss?states[]=CREATED')).status).toBe(400);
  });
});
