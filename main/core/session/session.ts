import { inspect } from 'node:util';
import { type AuthPattern as AuthPatternId, UNIFIED_API_VERSION } from '../../../preload/contract/core/products';
import { ApiCallError, isUnauthorized } from './api-call-error';
import { AUTH_PATTERNS, type ApiCredentials, type AuthPattern, type AuthRequest, type PatternContext } from './auth-patterns';
import { type TokenState, readTokenAnswer } from './token-state';
import type { SessionAnswer, SessionCall, SessionTransport } from './transport';

/** fiskaly advises 3–4 s for auth calls. */
const AUTH_TIMEOUT_MS = 4000;

export interface SessionOptions {
  /** Unix seconds now. */
  now?: () => number;
  /** `X-Api-Version` for the Unified API (a setting; the documents' version by default). */
  apiVersion?: string;
  /** The organization unit scoped calls act for (Unified API's `X-Scope-Identifier`). */
  scope?: string | null;
  /** Where the token does not say TEST or LIVE, e.g. what the address says (`test.` hosts). */
  environmentFallback?: 'TEST' | 'LIVE' | null;
  /** The error for an auth answer without an access token; a wing may want its own error class. */
  badAnswer?: (message: string) => Error;
}

/** What a login found out: never a token. */
export interface SessionInfo {
  environment: 'TEST' | 'LIVE' | null;
  organizationId: string | null;
  scope: string | null;
  /** Unix seconds. */
  accessExpiresAt: number;
}

export interface CallOptions {
  /**
   * false: a 401 is the call's own answer (a wrong PIN or PUK) and it is not sent again, unless its token
   * had run out by then by this session's clock.
   */
  renewOn401?: boolean;
  /** The token must stay valid this many seconds more, else it is renewed before the call. */
  minValiditySeconds?: number;
}

/**
 * One organization's session with one fiskaly product, by its auth pattern: log in once, keep the tokens in
 * memory only, refresh them on a 401 where the pattern can, log in again when the refresh fails (or there
 * is none), and give up with the error when that fails too.
 */
export class Session<C extends SessionCall = SessionCall, A extends SessionAnswer = SessionAnswer> {
  /** Auth requests made, refreshes included. */
  authCalls = 0;
  private tokens: TokenState | null = null;
  private renewing: Promise<TokenState> | null = null;
  private readonly pattern: AuthPattern;
  private readonly context: PatternContext;
  private readonly now: () => number;

  constructor(
    private readonly transport: SessionTransport<C, A>,
    pattern: AuthPatternId,
    private readonly credentials: ApiCredentials,
    private readonly options: SessionOptions = {},
  ) {
    this.pattern = AUTH_PATTERNS[pattern];
    this.context = { apiVersion: options.apiVersion ?? UNIFIED_API_VERSION, scope: options.scope ?? null };
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
  }

  /** Holds a token (it may have run out since). */
  get loggedIn(): boolean {
    return this.tokens !== null;
  }

  /** Logs in now unless the token in memory is still good, and says what the token told. */
  async login(): Promise<SessionInfo> {
    const tokens = await this.validTokens(0);
    return {
      environment: tokens.env ?? this.options.environmentFallback ?? null,
      organizationId: tokens.organizationId,
      scope: this.context.scope,
      accessExpiresAt: tokens.accessExpiresAt,
    };
  }

  /** A call with the bearer token and the pattern's headers; a 401 renews the token and sends it once more. */
  async call(call: Omit<C, 'token'>, options: CallOptions = {}): Promise<A> {
    const renewOn401 = options.renewOn401 ?? true;
    const tokens = await this.validTokens(options.minValiditySeconds ?? 0);
    try {
      return await this.transport.send(this.withToken(call, tokens));
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      // A call whose 401 is an answer is sent again only when its token had run out by then: fiskaly checks
      // the token first, so an expired token means the call itself was never looked at.
      if (!renewOn401 && tokens.accessExpiresAt > this.now()) throw error;
      const renewed = await this.renew(tokens);
      return this.transport.send(this.withToken(call, renewed));
    }
  }

  private withToken(call: Omit<C, 'token'>, tokens: TokenState): C {
    const extra = this.pattern.callHeaders(this.context);
    const headers = extra ? { ...call.headers, ...extra } : call.headers;
    return { ...call, ...(headers ? { headers } : {}), token: tokens.access } as C;
  }

  private async validTokens(marginSeconds: number): Promise<TokenState> {
    if (this.tokens && this.tokens.accessExpiresAt - marginSeconds > this.now()) return this.tokens;
    return this.renew(this.tokens);
  }

  /** One renewal at a time; callers that saw the same stale token share it. */
  private renew(stale: TokenState | null): Promise<TokenState> {
    if (this.tokens && this.tokens !== stale) return Promise.resolve(this.tokens);
    this.renewing ??= this.refreshOrLogin(stale).finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  private async refreshOrLogin(stale: TokenState | null): Promise<TokenState> {
    if (this.pattern.refresh && stale?.refresh && stale.refreshExpiresAt > this.now()) {
      try {
        return (this.tokens = await this.requestTokens(this.pattern.refresh(stale.refresh, this.context)));
      } catch (error) {
        if (!isUnauthorized(error)) throw error;
      }
    }
    return (this.tokens = await this.requestTokens(this.pattern.login(this.credentials, this.context)));
  }

  private async requestTokens(request: AuthRequest): Promise<TokenState> {
    this.authCalls++;
    const call = { method: 'POST', path: request.path, body: request.body, timeoutMs: AUTH_TIMEOUT_MS, ...(request.headers ? { headers: request.headers } : {}) };
    const answer = await this.transport.send(call as C);
    const tokens = readTokenAnswer(answer.json, this.now());
    if (!tokens) {
      const message = 'the auth answer had no access_token';
      throw this.options.badAnswer?.(message) ?? new ApiCallError(502, 'E_BAD_AUTH_RESPONSE', `fiskaly sent an auth answer without a token (${message})`);
    }
    return tokens;
  }

  /** Never print the secret or the tokens. */
  [inspect.custom](): string {
    return `Session(${this.pattern.id}, ${this.credentials.apiKey.slice(0, 4)}…, ${this.loggedIn ? 'logged in' : 'not logged in'})`;
  }

  toJSON(): Record<string, unknown> {
    return { pattern: this.pattern.id, apiKey: `${this.credentials.apiKey.slice(0, 4)}…`, loggedIn: this.loggedIn };
  }
}
