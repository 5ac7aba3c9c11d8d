import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNIFIED_API_VERSION, sandboxBaseUrl } from '../../../../../preload/contract/core/products';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';

const KEY = 'key-test';
const SECRET = 'secret-test';

describe('the other products’ auth endpoints (SIGN AT, SIGN ES, Unified API)', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  let nowMs = Date.UTC(2026, 10, 21, 9, 0, 0);
  beforeAll(async () => {
    ({ sandbox, api } = await startSandbox(
      { organizations: [{ apiKey: KEY, apiSecret: SECRET }, { apiKey: 'key-live', apiSecret: 'secret-live', env: 'LIVE' }], accessTokenSeconds: 600, refreshTokenSeconds: 1200 },
      { now: () => nowMs },
    ));
  });
  afterAll(() => sandbox.close());

  const send = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
  };
  const at = (path: string) => `${sandboxBaseUrl(sandbox.url, 'sign-at')}${path}`;
  const es = (path: string) => `${sandboxBaseUrl(sandbox.url, 'sign-es')}${path}`;
  const unified = (path: string) => `${sandboxBaseUrl(sandbox.url, 'unified')}${path}`;
  const version = { 'x-api-version': UNIFIED_API_VERSION };
  const bearer = (token: unknown, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${String(token)}`, ...extra });
  const unauthorized = { status_code: 401, error: 'Unauthorized', message: 'Unauthorized' };

  it('serves each product below its own prefix', () => {
    const origin = new URL(sandbox.url).origin;
    expect([at('/auth'), es('/auth'), unified('/tokens')]).toEqual([`${origin}/sign-at/api/v1/auth`, `${origin}/sign-es/api/v1/auth`, `${origin}/unified/tokens`]);
  });

  describe('SIGN AT: /auth with api_key and api_secret, renewed with the refresh token', () => {
    it('answers like SIGN DE, and the refresh token buys a new pair', async () => {
      const login = await send('POST', at('/auth'), { api_key: KEY, api_secret: SECRET });
      expect(login.status).toBe(200);
      expect(login.body).toMatchObject({ access_token_expires_in: 600, refresh_token_expires_in: 1200, access_token_claims: { env: 'TEST' } });
      expect(decodeJwt(login.body.access_token as string)).toMatchObject({ product: 'sign-at', env: 'TEST' });
      const refreshed = await send('POST', at('/auth'), { refresh_token: login.body.refresh_token });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.access_token).not.toBe(login.body.access_token);
      const whoami = await send('GET', at('/_sandbox/whoami'), undefined, bearer(refreshed.body.access_token));
      expect(whoami).toMatchObject({ status: 200, body: { product: 'sign-at', organization_id: sandbox.organizations[0]!.id, env: 'TEST', scope: null } });
    });

    it('refuses a wrong secret with SIGN DE’s 401 body, and a bad body with 400', async () => {
      expect(await send('POST', at('/auth'), { api_key: KEY, api_secret: 'nope' })).toEqual({ status: 401, body: unauthorized });
      for (const body of [{ api_key: KEY }, { api_key: KEY, api_secret: SECRET, extra: 1 }, { api_key: KEY, api_secret: SECRET, refresh_token: 'x' }, { content: { api_key: KEY, api_secret: SECRET } }]) {
        expect(await send('POST', at('/auth'), body)).toMatchObject({ status: 400, body: { status_code: 400, error: 'Bad Request', code: 'E_FAILED_SCHEMA_VALIDATION' } });
      }
      expect(await send('POST', at('/auth'), '{"api_key":')).toMatchObject({ status: 400, body: { code: 'E_PARSER' } });
    });

    it('keeps products apart: a SIGN AT token opens nothing of SIGN DE, a SIGN DE refresh token renews no SIGN AT session', async () => {
      const atLogin = await send('POST', at('/auth'), { api_key: KEY, api_secret: SECRET });
      expect((await api.request('GET', '/tss', undefined, atLogin.body.access_token as string)).status).toBe(401);
      const deLogin = await api.login(KEY, SECRET);
      expect((await send('GET', at('/_sandbox/whoami'), undefined, bearer(deLogin.body.access_token))).status).toBe(401);
      expect(await send('POST', at('/auth'), { refresh_token: deLogin.body.refresh_token })).toEqual({ status: 401, body: unauthorized });
    });
  });

  describe('SIGN ES: /auth with a content envelope', () => {
    it('answers an access token (no refresh token) that names the organization', async () => {
      const login = await send('POST', es('/auth'), { content: { api_key: 'key-live', api_secret: 'secret-live' } });
      expect(login.status).toBe(200);
      expect(Object.keys(login.body).sort()).toEqual(['access_token', 'access_token_expires_in']);
      expect(decodeJwt(login.body.access_token as string)).toMatchObject({ product: 'sign-es', env: 'LIVE', organization_id: sandbox.organizations[1]!.id });
      expect((await send('GET', es('/_sandbox/whoami'), undefined, bearer(login.body.access_token))).body).toMatchObject({ product: 'sign-es', env: 'LIVE' });
    });

    it('refuses a wrong secret with 401, and SIGN DE’s flat body or an unknown key with 400', async () => {
      expect(await send('POST', es('/auth'), { content: { api_key: KEY, api_secret: 'nope' } })).toEqual({ status: 401, body: unauthorized });
      expect(await send('POST', es('/auth'), { content: { api_key: 'unknown', api_secret: SECRET } })).toEqual({ status: 401, body: unauthorized });
      for (const body of [{ api_key: KEY, api_secret: SECRET }, { content: { api_key: KEY, api_secret: SECRET, more: true } }, { content: { api_key: KEY } }, { content: 'x' }]) {
        expect(await send('POST', es('/auth'), body)).toMatchObject({ status: 400, body: { code: 'E_FAILED_SCHEMA_VALIDATION' } });
      }
    });
  });

  describe('Unified API: /tokens with a typed content and X-Api-Version', () => {
    const credentials = { content: { type: 'API_KEY', key: KEY, secret: SECRET } };

    it('answers an access token; scoped calls name their organization unit', async () => {
      const login = await send('POST', unified('/tokens'), credentials, version);
      expect(login.status).toBe(200);
      expect(login.body.access_token_expires_in).toBe(600);
      const scoped = await send('GET', unified('/_sandbox/whoami'), undefined, bearer(login.body.access_token, { ...version, 'x-scope-identifier': 'unit-42' }));
      expect(scoped).toMatchObject({ status: 200, body: { product: 'unified', organization_id: sandbox.organizations[0]!.id, scope: 'unit-42' } });
    });

    it('refuses a missing or unknown X-Api-Version, before anything else', async () => {
      expect(await send('POST', unified('/tokens'), credentials)).toMatchObject({ status: 400, body: { status_code: 400, error: 'Bad Request', code: 'E_API_VERSION_MISSING' } });
      expect(await send('POST', unified('/tokens'), credentials, { 'x-api-version': '2020-01-01' })).toMatchObject({ status: 400, body: { code: 'E_API_VERSION_UNKNOWN' } });
      expect(await send('POST', unified('/tokens'), { nonsense: true })).toMatchObject({ status: 400, body: { code: 'E_API_VERSION_MISSING' } });
      const token = (await send('POST', unified('/tokens'), credentials, version)).body.access_token;
      expect(await send('GET', unified('/_sandbox/whoami'), undefined, bearer(token))).toMatchObject({ status: 400, body: { code: 'E_API_VERSION_MISSING' } });
    });

    it('refuses a wrong secret with 401 and a bad body with 400', async () => {
      expect(await send('POST', unified('/tokens'), { content: { type: 'API_KEY', key: KEY, secret: 'nope' } }, version)).toEqual({ status: 401, body: unauthorized });
      for (const body of [{ content: { type: 'PASSWORD', key: KEY, secret: SECRET } }, { content: { key: KEY, secret: SECRET } }, { ...credentials, extra: 1 }, { api_key: KEY, api_secret: SECRET }]) {
        expect(await send('POST', unified('/tokens'), body, version)).toMatchObject({ status: 400, body: { code: 'E_FAILED_SCHEMA_VALIDATION' } });
      }
      const token = (await send('POST', unified('/tokens'), credentials, version)).body.access_token;
      expect((await send('GET', unified('/_sandbox/whoami'), undefined, bearer(token, { ...version, 'x-scope-identifier': 'bad scope!' }))).status).toBe(400);
    });
  });

  it('lets tokens of every product run out on the sandbox’s clock (accessTokenSeconds, the now hook)', async () => {
    const tokens = {
      at: (await send('POST', at('/auth'), { api_key: KEY, api_secret: SECRET })).body.access_token,
      es: (await send('POST', es('/auth'), { content: { api_key: KEY, api_secret: SECRET } })).body.access_token,
      unified: (await send('POST', unified('/tokens'), { content: { type: 'API_KEY', key: KEY, secret: SECRET } }, version)).body.access_token,
    };
    nowMs += 601_000;
    expect((await send('GET', at('/_sandbox/whoami'), undefined, bearer(tokens.at))).status).toBe(401);
    expect((await send('GET', es('/_sandbox/whoami'), undefined, bearer(tokens.es))).status).toBe(401);
    const expired = await send('GET', unified('/_sandbox/whoami'), undefined, bearer(tokens.unified, version));
    expect(expired).toMatchObject({ status: 401, body: { status_code: 401, error: 'Unauthorized', code: 'E_UNAUTHORIZED' } });
    const fresh = await send('POST', es('/auth'), { content: { api_key: KEY, api_secret: SECRET } });
    expect(fresh.body.access_token).not.toBe(tokens.es);
  });

  it('shortens every product’s token lifetimes and refuses every token issued so far on request (PUT /_sandbox/tokens)', async () => {
    expect((await api.control('PUT', '/tokens', { accessTokenSeconds: 30 })).status).toBe(200);
    const es1 = await send('POST', es('/auth'), { content: { api_key: KEY, api_secret: SECRET } });
    expect(es1.body.access_token_expires_in).toBe(30);
    const at1 = (await send('POST', at('/auth'), { api_key: KEY, api_secret: SECRET })).body;
    expect((await api.control('PUT', '/tokens', { revokeTokens: true })).status).toBe(200);
    expect((await send('GET', es('/_sandbox/whoami'), undefined, bearer(es1.body.access_token))).status).toBe(401);
    expect((await send('GET', at('/_sandbox/whoami'), undefined, bearer(at1.access_token))).status).toBe(401);
    expect(await send('POST', at('/auth'), { refresh_token: at1.refresh_token })).toEqual({ status: 401, body: unauthorized });
    const at2 = await send('POST', at('/auth'), { api_key: KEY, api_secret: SECRET });
    expect((await send('GET', at('/_sandbox/whoami'), undefined, bearer(at2.body.access_token))).status).toBe(200);
    expect((await api.control('PUT', '/tokens', { revokeTokens: false })).status).toBe(400);
    await api.control('PUT', '/tokens', { accessTokenSeconds: 600 });
  });
});
