import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiCallError, isUnauthorized } from '../../../../../main/core/session/api-call-error';
import { SessionHttp } from '../../../../../main/core/session/http';
import type { RawAnswer } from '../../../../../main/core/session/http-exchange';
import { Session } from '../../../../../main/core/session/session';
import type { SessionCall, SessionTransport } from '../../../../../main/core/session/transport';
import { DEFAULT_ORGANIZATION } from '../../../../../main/products/sign-de/sandbox/organizations';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { PRODUCTS, type ProductId, UNIFIED_API_VERSION, sandboxBaseUrl } from '../../../../../preload/contract/core/products';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';

const START = Date.UTC(2026, 0, 1);
const START_SECONDS = START / 1000;

interface Sent {
  path: string;
  body: unknown;
  headers: Record<string, string>;
  outcome: number;
}

/** The core's own HTTP call against the sandbox, with every request and its status recorded. */
function recordingHttp(baseUrl: string) {
  const http = new SessionHttp(baseUrl);
  const sent: Sent[] = [];
  const transport: SessionTransport<SessionCall, RawAnswer> = {
    async send(call) {
      const record = { path: call.path, body: call.body, headers: { ...call.headers }, outcome: 0 };
      sent.push(record);
      try {
        const answer = await http.send(call);
        record.outcome = answer.status;
        return answer;
      } catch (error) {
        record.outcome = (error as ApiCallError).status;
        throw error;
      }
    },
  };
  return { transport, sent, close: () => http.close() };
}

/** An authenticated call of each product in the sandbox: SIGN DE's real API, the others' sandbox-only whoami. */
const CALL_PATH: Record<ProductId, string> = { 'sign-de': '/tss', 'sign-at': '/_sandbox/whoami', 'sign-es': '/_sandbox/whoami', unified: '/_sandbox/whoami' };
const AUTH_PATH: Record<ProductId, string> = { 'sign-de': '/auth', 'sign-at': '/auth', 'sign-es': '/auth', unified: '/tokens' };
const credentials = { apiKey: DEFAULT_ORGANIZATION.apiKey, apiSecret: DEFAULT_ORGANIZATION.apiSecret };

describe.each(['sign-de', 'sign-at', 'sign-es', 'unified'] as const)('the core session for %s against the sandbox', (product) => {
  const pattern = PRODUCTS[product].auth;
  let sandbox: Sandbox;
  let api: SandboxApi;
  let close = async () => {};
  afterEach(async () => {
    await close();
    await sandbox?.close();
  });

  async function start(secret = credentials.apiSecret) {
    let nowMs = START;
    ({ sandbox, api } = await startSandbox({ accessTokenSeconds: 60, refreshTokenSeconds: 120 }, { now: () => nowMs }));
    const http = recordingHttp(sandboxBaseUrl(sandbox.url, product));
    close = http.close;
    // The session's own clock stands still, so it learns of an expiry only from the 401.
    const session = new Session(http.transport, pattern, { ...credentials, apiSecret: secret }, { now: () => START_SECONDS });
    return { session, sent: http.sent, advance: (ms: number) => (nowMs += ms) };
  }
  const call = (session: Session) => session.call({ method: 'GET', path: CALL_PATH[product], timeoutMs: 4000 });
  const steps = (sent: Sent[]) => sent.map((s) => [s.path === AUTH_PATH[product] ? (isRefresh(s.body) ? 'refresh' : 'login') : 'call', s.outcome]);

  it('logs in once, keeps the token for many calls, and says environment, organization and expiry', async () => {
    const { session, sent } = await start();
    expect(await session.login()).toEqual({ environment: 'TEST', organizationId: DEFAULT_ORGANIZATION.id, scope: null, accessExpiresAt: START_SECONDS + 60 });
    await Promise.all([call(session), call(session), call(session)]);
    expect(session.authCalls).toBe(1);
    expect(steps(sent)).toEqual([['login', 200], ['call', 200], ['call', 200], ['call', 200]]);
  });

  it(`answers a 401 with ${pattern === 'api-key-refresh' ? 'a refresh, then a new login once the refresh token has run out too' : 'a new login (no refresh is documented)'}`, async () => {
    const { session, sent, advance } = await start();
    await call(session);
    advance(61_000);
    await call(session);
    advance(200_000);
    await call(session);
    const renew = pattern === 'api-key-refresh' ? [['refresh', 200]] : [['login', 200]];
    const renewAgain = pattern === 'api-key-refresh' ? [['refresh', 401], ['login', 200]] : [['login', 200]];
    expect(steps(sent)).toEqual([['login', 200], ['call', 200], ['call', 401], ...renew, ['call', 200], ['call', 401], ...renewAgain, ['call', 200]]);
  });

  it('logs in again when the sandbox refuses every token it issued (PUT /_sandbox/tokens {revokeTokens})', async () => {
    const { session, sent } = await start();
    await call(session);
    expect((await api.control('PUT', '/tokens', { revokeTokens: true })).status).toBe(200);
    await call(session);
    const renew = pattern === 'api-key-refresh' ? [['refresh', 401], ['login', 200]] : [['login', 200]];
    expect(steps(sent)).toEqual([['login', 200], ['call', 200], ['call', 401], ...renew, ['call', 200]]);
  });

  it('surfaces a wrong secret as a 401 ApiCallError after one try, naming no secret', async () => {
    const { session, sent } = await start('very-secret-but-wrong');
    const error = await call(session).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(isUnauthorized(error)).toBe(true);
    expect((error as ApiCallError).code).toBe('E_UNAUTHORIZED');
    expect((error as Error).message).toMatch(/refused the login/);
    for (const shown of [(error as Error).message, inspect(session), JSON.stringify(session)]) expect(shown).not.toContain('very-secret-but-wrong');
    expect(steps(sent)).toEqual([['login', 401]]);
  });
});

describe('the Unified API’s headers', () => {
  let sandbox: Sandbox;
  afterEach(() => sandbox?.close());

  it('sends X-Api-Version on /tokens and every call, and X-Scope-Identifier on calls only', async () => {
    ({ sandbox } = await startSandbox());
    const http = recordingHttp(sandboxBaseUrl(sandbox.url, 'unified'));
    const session = new Session(http.transport, 'unified-tokens', credentials, { scope: 'unit-7' });
    expect((await session.login()).scope).toBe('unit-7');
    const answer = await session.call({ method: 'GET', path: '/_sandbox/whoami', timeoutMs: 4000 });
    expect(answer.json).toMatchObject({ product: 'unified', scope: 'unit-7', organization_id: DEFAULT_ORGANIZATION.id });
    expect(http.sent.map((s) => s.headers)).toEqual([
      { 'X-Api-Version': UNIFIED_API_VERSION },
      { 'X-Api-Version': UNIFIED_API_VERSION, 'X-Scope-Identifier': 'unit-7' },
    ]);
    expect(http.sent[0]!.body).toEqual({ content: { type: 'API_KEY', key: credentials.apiKey, secret: credentials.apiSecret } });
    await http.close();
  });

  it('takes the version from its setting: one the API does not know is refused with 400', async () => {
    ({ sandbox } = await startSandbox());
    const http = recordingHttp(sandboxBaseUrl(sandbox.url, 'unified'));
    const session = new Session(http.transport, 'unified-tokens', credentials, { apiVersion: '2099-01-01' });
    const error = await session.login().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'E_API_VERSION_UNKNOWN' });
    expect(isUnauthorized(error)).toBe(false);
    await http.close();
  });
});

const isRefresh = (body: unknown): boolean => typeof body === 'object' && body !== null && 'refresh_token' in body;
