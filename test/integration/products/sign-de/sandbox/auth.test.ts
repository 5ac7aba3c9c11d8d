import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';

describe('POST /auth', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  let nowMs = Date.UTC(2026, 10, 21, 9, 0, 0);
  beforeAll(async () => {
    ({ sandbox, api } = await startSandbox(
      { organizations: [{ apiKey: 'key-test', apiSecret: 'secret-test' }, { apiKey: 'key-live', apiSecret: 'secret-live', env: 'LIVE' }] },
      { now: () => nowMs },
    ));
  });
  afterAll(() => sandbox.close());

  it('answers with signed access and refresh tokens, 24 h and 48 h, carrying env and organization', async () => {
    const response = await api.login('key-test', 'secret-test');
    expect(response.status).toBe(200);
    const body = response.body as Record<string, unknown>;
    const now = Math.floor(nowMs / 1000);
    expect(body).toMatchObject({
      access_token_claims: { env: 'TEST', organization_id: sandbox.organizations[0]!.id },
      access_token_expires_in: 86_400,
      access_token_expires_at: now + 86_400,
      refresh_token_expires_in: 172_800,
      refresh_token_expires_at: now + 172_800,
    });
    const claims = decodeJwt(body.access_token as string);
    expect(claims).toMatchObject({ env: 'TEST', organization_id: sandbox.organizations[0]!.id, exp: now + 86_400 });
    expect(decodeJwt(body.refresh_token as string).exp).toBe(now + 172_800);
  });

  it('gives the same token again on a repeated login, with a shrinking expires_in', async () => {
    const first = await api.login('key-test', 'secret-test');
    nowMs += 3_600_000;
    const second = await api.login('key-test', 'secret-test');
    expect(second.body.access_token).toBe(first.body.access_token);
    expect(second.body.access_token_expires_in).toBe((first.body.access_token_expires_in as number) - 3600);
  });

  it('tells LIVE keys from TEST keys by the key, not the URL', async () => {
    const response = await api.login('key-live', 'secret-live');
    expect(response.body.access_token_claims).toEqual({ env: 'LIVE', organization_id: sandbox.organizations[1]!.id });
  });

  it('answers a wrong secret with the real 401 body, which has no code', async () => {
    const response = await api.request('POST', '/auth', { api_key: 'key-test', api_secret: 'nope' }, null);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ status_code: 401, error: 'Unauthorized', message: 'Unauthorized' });
  });

  it('refuses a body that is neither credentials nor a refresh token', async () => {
    const response = await api.request('POST', '/auth', { api_key: 'key-test' }, null);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status_code: 400, error: 'Bad Request', code: 'E_FAILED_SCHEMA_VALIDATION' });
  });

  it('refuses malformed JSON with E_PARSER and an oversized body with 413', async () => {
    const broken = await api.request('POST', '/auth', '{"api_key":', null);
    expect(broken).toMatchObject({ status: 400, body: { code: 'E_PARSER' } });
    const huge = await api.request('POST', '/auth', { api_key: 'x'.repeat(1_100_000), api_secret: 'y' }, null);
    expect(huge).toMatchObject({ status: 413, body: { status_code: 413, error: 'Payload Too Large' } });
  });

  it('swaps a refresh token for a new pair, and refuses a forged one with 401', async () => {
    const login = await api.login('key-test', 'secret-test');
    const refreshed = await api.request('POST', '/auth', { refresh_token: login.body.refresh_token }, null);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(login.body.access_token);
    const forged = await api.request('POST', '/auth', { refresh_token: `${String(login.body.refresh_token).slice(0, -4)}AAAA` }, null);
    expect(forged.status).toBe(401);
    const accessAsRefresh = await api.request('POST', '/auth', { refresh_token: login.body.access_token }, null);
    expect(accessAsRefresh.status).toBe(401);
  });

  it('refuses API calls with a missing, forged or expired token', async () => {
    const missing = await api.request('GET', '/tss', undefined, null);
    expect(missing).toMatchObject({ status: 401, body: { status_code: 401, error: 'Unauthorized', code: 'E_UNAUTHORIZED' } });
    const token = (await api.login('key-test', 'secret-test')).body.access_token as string;
    const [header, payload] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...decodeJwt(token), organization_id: sandbox.organizations[1]!.id })).toString('base64url');
    expect((await api.request('GET', '/tss', undefined, `${header}.${forgedPayload}.${token.split('.')[2]}`)).status).toBe(401);
    expect(payload).toBeTruthy();
    nowMs += 86_401_000;
    expect((await api.request('GET', '/tss', undefined, token)).status).toBe(401);
    const fresh = await api.login('key-test', 'secret-test');
    expect(fresh.body.access_token).not.toBe(token);
  });
});
