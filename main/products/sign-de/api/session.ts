import { inspect } from 'node:util';
import { FiskalyError } from './fiskaly-error';
import type { FiskalyHttp, HttpAnswer, HttpCall } from './http';

export interface ApiCredentials {
  apiKey: string;
  apiSecret: string;
}

interface Tokens {
  access: string;
  accessExpiresAt: number;
  refresh: string | null;
  refreshExpiresAt: number;
  env: 'TEST' | 'LIVE';
  organizationId: string;
}

/** fiskaly advises 3–4 s for auth calls. */
const AUTH_TIMEOUT_MS = 4000;
/** A token this close to expiry is renewed before an admin call, whose 401 must mean a wrong PIN. */
const FRESH_MARGIN_SECONDS = 120;

/**
 * One organization's session: authenticate once, keep the token in memory, refresh it on a 401,
 * log in again when the refresh fails, and give up with the error when that fails too.
 */
export class FiskalySession {
  /** POST /auth calls made, refreshes included. */
  authCalls = 0;
  private tokens: Tokens | null = null;
  private renewing: Promise<Tokens> | null = null;

  constructor(
    private readonly http: FiskalyHttp,
    private readonly credentials: ApiCredentials,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  /** TEST or LIVE, as the API key decides (from the token's claims). */
  async environment(): Promise<{ env: 'TEST' | 'LIVE'; organizationId: string }> {
    const tokens = await this.validTokens(0);
    return { env: tokens.env, organizationId: tokens.organizationId };
  }

  /**
   * A call with the bearer token. `renewOn401: false` is for admin login and PIN change, where a 401
   * means a wrong PIN or PUK and must never be sent again.
   */
  async call(call: Omit<HttpCall, 'token'>, options: { renewOn401?: boolean } = {}): Promise<HttpAnswer> {
    const renewOn401 = options.renewOn401 ?? true;
    const tokens = await this.validTokens(renewOn401 ? 0 : FRESH_MARGIN_SECONDS);
    try {
      return await this.http.send({ ...call, token: tokens.access });
    } catch (error) {
      if (!(error instanceof FiskalyError) || error.status !== 401) throw error;
      // A PIN or PUK call is sent again only when its token had run out by then: fiskaly checks the token
      // before the PIN, so an expired token means the PIN was never looked at, let alone counted.
      if (!renewOn401 && tokens.accessExpiresAt > this.now()) throw error;
      const renewed = await this.renew(tokens);
      return this.http.send({ ...call, token: renewed.access });
    }
  }

  /** Logs in now (used to check credentials before anything else). */
  async authenticate(): Promise<void> {
    await this.validTokens(0);
  }

  private async validTokens(marginSeconds: number): Promise<Tokens> {
    if (this.tokens && this.tokens.accessExpiresAt - marginSeconds > this.now()) return this.tokens;
    return this.renew(this.tokens);
  }

  /** One renewal at a time; callers that saw the same stale token share it. */
  private renew(stale: Tokens | null): Promise<Tokens> {
    if (this.tokens && this.tokens !== stale) return Promise.resolve(this.tokens);
    this.renewing ??= this.refreshOrLogin(stale).finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  private async refreshOrLogin(stale: Tokens | null): Promise<Tokens> {
    if (stale?.refresh && stale.refreshExpiresAt > this.now()) {
      try {
        return (this.tokens = await this.requestTokens({ refresh_token: stale.refresh }));
      } catch (error) {
        if (!(error instanceof FiskalyError) || error.status !== 401) throw error;
      }
    }
    return (this.tokens = await this.requestTokens({ api_key: this.credentials.apiKey, api_secret: this.credentials.apiSecret }));
  }

  private async requestTokens(body: Record<string, string>): Promise<Tokens> {
    this.authCalls++;
    const answer = await this.http.send({ method: 'POST', path: '/auth', body, timeoutMs: AUTH_TIMEOUT_MS });
    const json = answer.json as Record<string, unknown>;
    const claims = (json.access_token_claims ?? {}) as Record<string, unknown>;
    const now = this.now();
    const expiresAt = (at: unknown, inSeconds: unknown, fallback: number) =>
      typeof at === 'number' ? at : typeof inSeconds === 'number' ? now + inSeconds : now + fallback;
    if (typeof json.access_token !== 'string') throw new FiskalyError(502, 'E_BAD_AUTH_RESPONSE', 'the auth answer had no access_token');
    return {
      access: json.access_token,
      accessExpiresAt: expiresAt(json.access_token_expires_at, json.access_token_expires_in, 600),
      refresh: typeof json.refresh_token === 'string' ? json.refresh_token : null,
      refreshExpiresAt: expiresAt(json.refresh_token_expires_at, json.refresh_token_expires_in, 0),
      env: claims.env === 'LIVE' ? 'LIVE' : 'TEST',
      organizationId: typeof claims.organization_id === 'string' ? claims.organization_id : '',
    };
  }

  /** Never print the secret or the tokens. */
  [inspect.custom](): string {
    return `FiskalySession(${this.credentials.apiKey.slice(0, 4)}…, ${this.tokens ? 'logged in' : 'not logged in'})`;
  }

  toJSON(): Record<string, unknown> {
    return { apiKey: `${this.credentials.apiKey.slice(0, 4)}…`, loggedIn: this.tokens !== null };
  }
}
