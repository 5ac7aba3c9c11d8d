/** One call through a session: below the API base, with the bearer token the session adds. */
export interface SessionCall {
  method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** Below the base URL, e.g. `/tss/{id}`, with its query string. */
  path: string;
  body?: unknown;
  token?: string;
  /** Headers an auth pattern adds (X-Api-Version, X-Scope-Identifier). */
  headers?: Record<string, string>;
  timeoutMs: number;
}

export interface SessionAnswer {
  status: number;
  json: unknown;
}

/**
 * What a session sends its calls through: resolves with a 2xx answer, or rejects with an ApiCallError
 * (a 401 as status 401). A wing may bring its own, with retries (SIGN DE's FiskalyHttp).
 */
export interface SessionTransport<C extends SessionCall = SessionCall, A extends SessionAnswer = SessionAnswer> {
  send(call: C): Promise<A>;
}
