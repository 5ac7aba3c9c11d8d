import { inspect } from 'node:util';
import type { ApiCredentials } from '../../../core/session/auth-patterns';
import { Session } from '../../../core/session/session';
import { FiskalyError } from './fiskaly-error';
import type { FiskalyHttp, HttpAnswer, HttpCall } from './http';

export type { ApiCredentials };

/** A token this close to expiry is renewed before an admin call, whose 401 must mean a wrong PIN. */
const FRESH_MARGIN_SECONDS = 120;

/**
 * One organization's SIGN DE session, on the core's `api-key-refresh` pattern: authenticate once, keep the
 * token in memory, refresh it on a 401, log in again when the refresh fails, and give up with the error
 * when that fails too. Every failure is a FiskalyError with SIGN DE's explanation.
 */
export class FiskalySession {
  private readonly session: Session<HttpCall, HttpAnswer>;

  constructor(
    http: FiskalyHttp,
    private readonly credentials: ApiCredentials,
    now?: () => number,
  ) {
    this.session = new Session(http, 'api-key-refresh', credentials, {
      now,
      badAnswer: (message) => new FiskalyError(502, 'E_BAD_AUTH_RESPONSE', message),
    });
  }

  /** POST /auth calls made, refreshes included. */
  get authCalls(): number {
    return this.session.authCalls;
  }

  /** TEST or LIVE, as the API key decides (from the token's claims). */
  async environment(): Promise<{ env: 'TEST' | 'LIVE'; organizationId: string }> {
    const info = await this.session.login();
    return { env: info.environment ?? 'TEST', organizationId: info.organizationId ?? '' };
  }

  /**
   * A call with the bearer token. `renewOn401: false` is for admin login and PIN change, where a 401
   * means a wrong PIN or PUK and must never be sent again.
   */
  call(call: Omit<HttpCall, 'token'>, options: { renewOn401?: boolean } = {}): Promise<HttpAnswer> {
    const renewOn401 = options.renewOn401 ?? true;
    return this.session.call(call, { renewOn401, minValiditySeconds: renewOn401 ? 0 : FRESH_MARGIN_SECONDS });
  }

  /** Logs in now (used to check credentials before anything else). */
  async authenticate(): Promise<void> {
    await this.session.login();
  }

  /** Never print the secret or the tokens. */
  [inspect.custom](): string {
    return `FiskalySession(${this.credentials.apiKey.slice(0, 4)}…, ${this.session.loggedIn ? 'logged in' : 'not logged in'})`;
  }

  toJSON(): Record<string, unknown> {
    return { apiKey: `${this.credentials.apiKey.slice(0, 4)}…`, loggedIn: this.session.loggedIn };
  }
}
