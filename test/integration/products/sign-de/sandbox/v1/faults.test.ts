import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../../../main/products/sign-de/sandbox/server';
import { startSandbox } from '../../../../../support/sandbox-api';
import { SandboxV1Api, receiptBody } from '../../../../../support/sandbox-v1-api';

describe('V1 fault switches (/_sandbox/v1)', () => {
  let sandbox: Sandbox;
  let v1: SandboxV1Api;
  beforeAll(async () => {
    ({ sandbox } = await startSandbox());
    v1 = new SandboxV1Api(sandbox);
    await v1.login();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await v1.switches({});
  });

  it('auth401: the next N V1 requests (login included) are 401 without a code, then all is well', async () => {
    expect((await v1.switches({ faults: { auth401: 2 } })).body).toMatchObject({ faults: { auth401: 2 } });
    const first = await v1.request('GET', '/tss');
    expect(first.status).toBe(401);
    expect(first.body).toEqual({ status_code: 401, error: 'Unauthorized', message: 'Invalid credentials (injected by the sandbox)' });
    expect((await v1.login()).status).toBe(401);
    expect((await v1.login()).status).toBe(200);
    expect((await v1.request('GET', '/tss')).status).toBe(200);
  });

  it('disable5xx: the disable is answered 502 and nothing changed; with disable5xxAfterChange the TSS is disabled all the same', async () => {
    const tssId = await v1.tss();
    await v1.switches({ faults: { disable5xx: 1 } });
    const refused = await v1.request('PUT', `/tss/${tssId}`, { state: 'DISABLED' });
    expect(refused.status).toBe(502);
    expect(refused.body).toMatchObject({ status_code: 502, error: 'Bad Gateway' });
    expect((await v1.request('GET', `/tss/${tssId}`)).body.state).toBe('INITIALIZED');
    // Other writes are not hit.
    expect((await v1.request('PUT', `/tss/${tssId}`, { state: 'INITIALIZED' })).status).toBe(200);
    expect((await v1.request('PUT', `/tss/${tssId}`, { state: 'DISABLED' })).status).toBe(200);

    const lost = await v1.tss();
    await v1.switches({ faults: { disable5xx: 1, disable5xxAfterChange: true } });
    expect((await v1.request('PUT', `/tss/${lost}`, { state: 'DISABLED' })).status).toBe(502);
    expect((await v1.request('GET', `/tss/${lost}`)).body).toMatchObject({ state: 'DISABLED', time_disable: expect.any(Number) });
    expect((await v1.request('PUT', `/tss/${lost}`, { state: 'DISABLED' })).status).toBe(200);
  });

  it('exportStuckPending: exports stay PENDING (file 404) until it is off, then complete at the next look', async () => {
    const tssId = await v1.tss();
    await v1.switches({ faults: { exportStuckPending: true } });
    const exportId = randomUUID();
    await v1.request('PUT', `/tss/${tssId}/export/${exportId}`, {});
    for (let i = 0; i < 3; i++) expect((await v1.request('GET', `/tss/${tssId}/export/${exportId}`)).body.state).toBe('PENDING');
    expect((await v1.request('GET', `/tss/${tssId}/export/${exportId}/file`)).body).toMatchObject({ status_code: 404, code: 'E_EXPORT_NOT_COMPLETED' });
    await v1.switches({});
    expect((await v1.request('GET', `/tss/${tssId}/export/${exportId}`)).body.state).toBe('COMPLETED');
    expect((await v1.request('GET', `/tss/${tssId}/export/${exportId}/file`)).status).toBe(200);
  });

  it('staleRevision: another writer moves the transaction on first, the caller gets 400 E_TX_UPSERT and succeeds after reading it again', async () => {
    const tssId = await v1.tss();
    const clientId = await v1.client(tssId);
    const txId = randomUUID();
    await v1.tx(tssId, txId, { state: 'ACTIVE', client_id: clientId });
    await v1.switches({ faults: { staleRevision: 1 } });
    const stale = await v1.tx(tssId, txId, receiptBody(clientId, 'CANCELLED'), 1);
    expect(stale.status).toBe(400);
    expect(stale.body).toMatchObject({ code: 'E_TX_UPSERT', message: expect.stringContaining('latest revision (2)') });
    const reread = await v1.request('GET', `/tss/${tssId}/tx/${txId}`);
    expect(reread.body).toMatchObject({ state: 'ACTIVE', revision: 2, latest_revision: 2 });
    expect((await v1.tx(tssId, txId, receiptBody(clientId, 'CANCELLED'), 2)).body).toMatchObject({ state: 'CANCELLED', revision: 3 });
  });

  it('network faults of /_sandbox/faults reach V1 too (pathPrefix /api/v1)', async () => {
    await v1.request('GET', '/tss');
    const set = await fetch(`${new URL(sandbox.url).origin}/_sandbox/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 1, pathPrefix: '/api/v1/' }),
    });
    expect(set.status).toBe(200);
    try {
      expect((await v1.request('GET', '/tss')).status).toBeGreaterThanOrEqual(500);
    } finally {
      await fetch(`${new URL(sandbox.url).origin}/_sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    }
    expect((await v1.request('GET', '/tss')).status).toBe(200);
  });

  it('refuses unknown switches and bad values 400', async () => {
    expect((await v1.switches({ faults: { authFail: 1 } })).status).toBe(400);
    expect((await v1.switches({ faults: { auth401: -1 } })).status).toBe(400);
    expect((await v1.switches({ strict: true })).status).toBe(400);
  });
});
