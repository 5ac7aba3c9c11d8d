import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';

describe('faults on demand', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  afterEach(() => sandbox?.close());

  const setFaults = (body: unknown) => api.control('PUT', '/faults', body);

  async function statuses(n: number): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await api.request('GET', '/tss')).status);
    return out;
  }

  it('delays every request by the configured latency', async () => {
    ({ sandbox, api } = await startSandbox({ faults: { latencyMs: 150 } }));
    await api.login();
    const started = performance.now();
    await api.request('GET', '/tss');
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(sandbox.faults.counts.delayed).toBe(2);
  });

  it('answers 5xx with a fiskaly error body and Retry-After', async () => {
    ({ sandbox, api } = await startSandbox());
    await api.login();
    await setFaults({ errorRate: 1 });
    const response = await api.request('GET', '/tss');
    expect([500, 502, 503]).toContain(response.status);
    expect(response.body).toMatchObject({ status_code: response.status, code: expect.any(String), message: expect.any(String) });
    expect(response.headers.get('retry-after')).toBe('1');
  });

  it('answers 429 with the configured Retry-After', async () => {
    ({ sandbox, api } = await startSandbox());
    await api.login();
    await setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const response = await api.request('GET', '/tss');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.body).toMatchObject({ status_code: 429, error: 'Too Many Requests' });
  });

  it('drops the connection without an answer', async () => {
    ({ sandbox, api } = await startSandbox());
    await api.login();
    await setFaults({ dropRate: 1 });
    await expect(api.request('GET', '/tss')).rejects.toThrow(/fetch failed/);
    expect(sandbox.faults.counts.dropped).toBe(1);
  });

  it('hangs a request until the client gives up, and still closes promptly', async () => {
    ({ sandbox, api } = await startSandbox());
    await api.login();
    await setFaults({ hangRate: 1 });
    const hung = fetch(`${sandbox.url}/tss`, { headers: { authorization: `Bearer ${api.token}` }, signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toThrow(/aborted|timeout/i);
    expect(sandbox.faults.counts.hung).toBe(1);
    const closing = performance.now();
    await sandbox.close();
    expect(performance.now() - closing).toBeLessThan(2000);
  });

  it('fails the same requests for the same seed, and other ones for another seed', async () => {
    ({ sandbox, api } = await startSandbox());
    await api.login();
    await setFaults({ seed: 42, errorRate: 0.5 });
    const first = await statuses(30);
    await setFaults({ seed: 42, errorRate: 0.5 });
    const again = await statuses(30);
    await setFaults({ seed: 7, errorRate: 0.5 });
    const other = await statuses(30);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(first.filter((s) => s >= 500).length).toBeGreaterThan(5);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(5);
  });

  it('faults only the paths that start with pathPrefix (a literal prefix, never a regular expression)', async () => {
    ({ sandbox, api } = await startSandbox());
    await api.login();
    await setFaults({ errorRate: 1, pathPrefix: '/api/v2/export' });
    expect((await api.request('GET', '/tss')).status).toBe(200);
    expect((await api.request('GET', '/export')).status).toBeGreaterThanOrEqual(500);
  });

  it('refuses a fault setting out of range and keeps the old one', async () => {
    ({ sandbox, api } = await startSandbox());
    const response = await setFaults({ errorRate: 2 });
    expect(response).toMatchObject({ status: 400, body: { code: 'E_FAILED_SCHEMA_VALIDATION' } });
    expect(await setFaults({ pathPattern: '(a+)+$' })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/pathPattern.*use pathPrefix/) } });
    expect((await setFaults({ pathPrefix: 'no-slash' })).status).toBe(400);
    expect((await setFaults({ pathPrefix: '/' + 'a'.repeat(300) })).status).toBe(400);
    expect(sandbox.faults.current.errorRate).toBe(0);
  });

  it('shortens token lifetimes at run time', async () => {
    let nowMs = Date.UTC(2026, 0, 1);
    ({ sandbox, api } = await startSandbox({}, { now: () => nowMs }));
    const set = await api.control('PUT', '/tokens', { accessTokenSeconds: 5, refreshTokenSeconds: 10 });
    expect(set.body).toEqual({ accessTokenSeconds: 5, refreshTokenSeconds: 10 });
    const login = await api.login();
    expect(login.body).toMatchObject({ access_token_expires_in: 5, refresh_token_expires_in: 10 });
    expect((await api.request('GET', '/tss')).status).toBe(200);
    nowMs += 6000;
    expect((await api.request('GET', '/tss')).status).toBe(401);
    const refreshed = await api.request('POST', '/auth', { refresh_token: login.body.refresh_token }, null);
    expect(refreshed.status).toBe(200);
    nowMs += 11_000;
    expect((await api.request('POST', '/auth', { refresh_token: login.body.refresh_token }, null)).status).toBe(401);
  });

  it('takes the configured time to deploy a TSS (CREATED → UNINITIALIZED)', async () => {
    ({ sandbox, api } = await startSandbox());
    await api.login();
    expect((await api.control('PUT', '/deploy-delay', { deployDelayMs: 400 })).status).toBe(200);
    const id = randomUUID();
    await api.request('PUT', `/tss/${id}`, {});
    const started = performance.now();
    const response = await api.request('PATCH', `/tss/${id}`, { state: 'UNINITIALIZED' });
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(395);
  });
});
