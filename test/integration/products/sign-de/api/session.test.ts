import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { FiskalyError } from '../../../../../main/products/sign-de/api/fiskaly-error';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { clientFor } from '../../../../support/fiskaly-client';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';

describe('fiskaly session against the sandbox', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  afterEach(() => sandbox?.close());

  it('authenticates once for many calls and reads TEST or LIVE from the token', async () => {
    ({ sandbox, api } = await startSandbox());
    const { client } = clientFor(sandbox);
    await Promise.all([client.listTss(), client.listTss(), client.listTss()]);
    expect(client.session.authCalls).toBe(1);
    expect(await client.session.environment()).toEqual({ env: 'TEST', organizationId: sandbox.organizations[0]!.id });
    await client.close();
  });

  it('refreshes an expired token with the refresh token, then logs in again when that has expired too', async () => {
    let nowMs = Date.UTC(2026, 0, 1);
    ({ sandbox, api } = await startSandbox({ accessTokenSeconds: 60, refreshTokenSeconds: 120 }, { now: () => nowMs }));
    // The client's own clock runs slow, so it only learns of the expiry from the 401.
    const { client, attempts } = clientFor(sandbox, { now: () => Math.floor(Date.UTC(2026, 0, 1) / 1000) });
    await client.listTss();
    nowMs += 61_000;
    await client.listTss();
    expect(attempts.filter((a) => a.path === '/auth')).toHaveLength(2);
    expect(attempts.map((a) => a.outcome)).toEqual([200, 200, 401, 200, 200]);
    nowMs += 200_000;
    await client.listTss();
    // The client's clock thinks the refresh token is still good, so it tries it first.
    expect(client.session.authCalls).toBe(4);
    expect(attempts.slice(-4).map((a) => [a.path, a.outcome])).toEqual([
      ['/tss', 401],
      ['/auth', 401],
      ['/auth', 200],
      ['/tss', 200],
    ]);
    await client.close();
  });

  it('surfaces wrong credentials as a plain-language 401 without the secret', async () => {
    ({ sandbox, api } = await startSandbox());
    const { client, attempts } = clientFor(sandbox, { apiSecret: 'very-secret-but-wrong' });
    const error = await client.listTss().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FiskalyError);
    expect((error as FiskalyError).status).toBe(401);
    expect((error as FiskalyError).explanation.de).toMatch(/API-Key und Secret/);
    expect(String((error as Error).message)).not.toContain('very-secret-but-wrong');
    expect(inspect(client.session)).not.toContain('very-secret-but-wrong');
    expect(JSON.stringify(client.session)).not.toContain('very-secret-but-wrong');
    expect(attempts).toHaveLength(1);
    await client.close();
  });

  it('retries 5xx, 429 (waiting out Retry-After) and dropped connections until the call gets through', async () => {
    ({ sandbox, api } = await startSandbox());
    const { client, attempts, waits } = clientFor(sandbox);
    await client.session.authenticate();
    await api.control('PUT', '/faults', { seed: 3, errorRate: 0.3, rateLimitRate: 0.2, retryAfterSeconds: 2, dropRate: 0.2 });
    for (let i = 0; i < 4; i++) await client.createTss(randomUUID());
    for (let i = 0; i < 6; i++) await client.listTss();
    const outcomes = attempts.map((a) => a.outcome);
    expect(outcomes).toContain(429);
    expect(outcomes).toContain('network');
    expect(outcomes.some((o) => typeof o === 'number' && o >= 500)).toBe(true);
    expect(waits).toContain(2000);
    expect((await api.control('GET', '/status')).body.tss).toBe(4);
    await client.close();
  });

  it('gives a hung request up after its timeout and tries again', async () => {
    ({ sandbox, api } = await startSandbox());
    const { client, attempts } = clientFor(sandbox, { timeouts: { deploy: 400, default: 400 } });
    await client.session.authenticate();
    await api.control('PUT', '/faults', { seed: 5, hangRate: 0.5 });
    for (let i = 0; i < 4; i++) expect((await client.createTss(randomUUID())).state).toBe('CREATED');
    expect(attempts.some((a) => a.outcome === 'network')).toBe(true);
    await client.close();
  });

  it('never sends a wrong admin PIN twice', async () => {
    ({ sandbox, api } = await startSandbox());
    await api.login();
    const { tssId } = await api.initializedTss('123456');
    const { client, attempts } = clientFor(sandbox);
    const error = await client.adminLogin(tssId, '999999').catch((e: unknown) => e);
    expect((error as FiskalyError).status).toBe(401);
    expect(attempts.filter((a) => a.path.endsWith('/admin/auth'))).toHaveLength(1);
    await client.close();
  });
});
