import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../../../main/products/sign-de/sandbox/server';
import { startSandbox } from '../../../../../support/sandbox-api';
import { SandboxV1Api } from '../../../../../support/sandbox-v1-api';

describe('V1 clients (no state)', () => {
  let sandbox: Sandbox;
  let v1: SandboxV1Api;
  beforeAll(async () => {
    ({ sandbox } = await startSandbox());
    v1 = new SandboxV1Api(sandbox);
    await v1.login();
  });
  afterAll(() => sandbox.close());

  it('creates a till with a serial V2 would refuse, reads it, lists it per TSS and overall', async () => {
    const tssId = await v1.tss();
    const id = randomUUID();
    const created = await v1.request('PUT', `/tss/${tssId}/client/${id}`, { serial_number: 'KASSE_03' });
    expect(created.status).toBe(200);
    expect(Object.keys(created.body).sort()).toEqual(['_env', '_id', '_type', '_version', 'serial_number', 'time_creation', 'time_update', 'tss_id']);
    expect(created.body).toMatchObject({ _id: id, _type: 'CLIENT', tss_id: tssId, serial_number: 'KASSE_03' });
    expect((await v1.request('GET', `/tss/${tssId}/client/${id}`)).body).toEqual(created.body);
    const second = await v1.client(tssId, 'KASSE-02');
    const perTss = await v1.request<{ data: { _id: string }[]; _type: string; count: number }>('GET', `/tss/${tssId}/client`);
    expect(perTss.body).toMatchObject({ _type: 'CLIENT_LIST', count: 2 });
    expect(perTss.body.data.map((c) => c._id).sort()).toEqual([id, second].sort());
    const page = await v1.request<{ data: unknown[] }>('GET', `/tss/${tssId}/client?limit=1&offset=1`);
    expect(page.body.data).toHaveLength(1);
    const all = await v1.request<{ data: { _id: string }[] }>('GET', '/client?limit=100');
    expect(all.body.data.map((c) => c._id)).toEqual(expect.arrayContaining([id, second]));
  });

  it('re-PUT is an upsert (same serial: unchanged; VERIFY: a new serial is taken)', async () => {
    const tssId = await v1.tss();
    const id = await v1.client(tssId, 'KASSE-01');
    expect((await v1.request('PUT', `/tss/${tssId}/client/${id}`, { serial_number: 'KASSE-01' })).body.serial_number).toBe('KASSE-01');
    expect((await v1.request('PUT', `/tss/${tssId}/client/${id}`, 'serial_number=KASSE-1A', { contentType: 'application/x-www-form-urlencoded' })).body.serial_number).toBe('KASSE-1A');
  });

  it('refuses a client on a DISABLED TSS (E_TSS_DISABLED), an unknown client 400 E_CLIENT_NOT_FOUND, an unknown TSS 404, a bad body', async () => {
    const tssId = await v1.tss();
    await v1.request('PUT', `/tss/${tssId}`, { state: 'DISABLED' });
    expect((await v1.request('PUT', `/tss/${tssId}/client/${randomUUID()}`, { serial_number: 'X' })).body).toMatchObject({ status_code: 400, code: 'E_TSS_DISABLED' });
    expect((await v1.request('GET', `/tss/${tssId}/client/${randomUUID()}`)).body).toMatchObject({ status_code: 400, code: 'E_CLIENT_NOT_FOUND' });
    expect((await v1.request('GET', `/tss/${randomUUID()}/client`)).body).toMatchObject({ status_code: 404, code: 'E_TSS_NOT_FOUND' });
    const live = await v1.tss();
    expect((await v1.request('PUT', `/tss/${live}/client/${randomUUID()}`, { serial_number: '' })).body).toMatchObject({ status_code: 400, code: 'E_FAILED_SCHEMA_VALIDATION' });
    expect((await v1.request('PUT', `/tss/${live}/client/${randomUUID()}`, { serial_number: 'A', state: 'REGISTERED' })).status).toBe(400);
  });
});
