import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../../../../main/products/sign-de/sandbox/server';
import { DEFAULT_ORGANIZATION } from '../../../../../../main/products/sign-de/sandbox/organizations';
import { type SandboxApi, startSandbox } from '../../../../../support/sandbox-api';
import { SandboxV1Api } from '../../../../../support/sandbox-v1-api';

describe('V1 auth (/api/v1/auth, its own token family)', () => {
  let sandbox: Sandbox;
  let v1: SandboxV1Api;
  let v2: SandboxApi;
  beforeAll(async () => {
    ({ sandbox, api: v2 } = await startSandbox());
    v1 = new SandboxV1Api(sandbox);
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await v1.switches({});
  });

  it('logs in with the V2 keys and answers the six V1 fields (no access_token_claims), with an x-request-id', async () => {
    const response = await v1.login();
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(
      ['access_token', 'access_token_expires_at', 'access_token_expires_in', 'refresh_token', 'refresh_token_expires_at', 'refresh_token_expires_in'].sort(),
    );
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a wrong secret 401 without a code', async () => {
    const response = await v1.login(DEFAULT_ORGANIZATION.apiKey, 'wrong');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ status_code: 401, error: 'Unauthorized', message: 'Invalid credentials' });
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('refreshes with the refresh token; a V2 refresh token is refused', async () => {
    const login = await v1.login();
    const refreshed = await v1.request('POST', '/auth', { refresh_token: login.body.refresh_token }, { token: null });
    expect(refreshed.status).toBe(200);
    const v2Login = await v2.login();
    const foreign = await v1.request('POST', '/auth', { refresh_token: v2Login.body.refresh_token }, { token: null });
    expect(foreign.status).toBe(401);
    expect(foreign.body).not.toHaveProperty('code');
  });

  it('takes a form-encoded login unless strictJson, then 415', async () => {
    const form = `api_key=${DEFAULT_ORGANIZATION.apiKey}&api_secret=${DEFAULT_ORGANIZATION.apiSecret}`;
    const ok = await v1.request('POST', '/auth', form, { token: null, contentType: 'application/x-www-form-urlencoded' });
    expect(ok.status).toBe(200);
    await v1.switches({ strictJson: true });
    const refused = await v1.request('POST', '/auth', form, { token: null, contentType: 'application/x-www-form-urlencoded' });
    expect(refused.status).toBe(415);
    expect(refused.body).toMatchObject({ status_code: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
  });

  it('issues tokens apart from V2 and accepts both families on both APIs unless strictTokens', async () => {
    await v1.login();
    await v2.login();
    expect(v1.token).not.toBe(v2.token);
    expect((await v1.request('GET', '/tss')).status).toBe(200);
    expect((await v1.request('GET', '/tss', undefined, { token: v2.token })).status).toBe(200);
    expect((await v2.request('GET', '/tss', undefined, v1.token)).status).toBe(200);

    await v1.switches({ strictTokens: true });
    const v2OnV1 = await v1.request('GET', '/tss', undefined, { token: v2.token });
    expect(v2OnV1.status).toBe(401);
    expect(v2OnV1.body).toEqual({ status_code: 401, error: 'Unauthorized', message: 'Unauthorized' });
    expect((await v2.request('GET', '/tss', undefined, v1.token)).status).toBe(401);
    expect((await v1.request('GET', '/tss')).status).toBe(200);
  });

  it('answers an unknown V1 route 404 with an x-request-id too', async () => {
    const response = await v1.request('GET', '/tss/x/log', undefined, { token: null });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a call without a bearer token 401 without a code', async () => {
    const response = await v1.request('GET', '/tss', undefined, { token: null });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ status_code: 401, error: 'Unauthorized', message: 'Unauthorized' });
  });
});
