import { Agent, type Dispatcher, request } from 'undici';
import { FiskalyError } from './fiskaly-error';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, backoffDelay, parseRetryAfter, pendingDelay } from './retry-policy';

export interface HttpCall {
  method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** Below the base URL, e.g. `/tss/{id}`, with its query string. */
  path: string;
  body?: unknown;
  token?: string;
  timeoutMs: number;
  /** Binary answers (export TAR, log files) come back as bytes. */
  binary?: boolean;
  /** One try only: the caller waits (Retry-After included) and tries again itself, e.g. an export poller. */
  once?: boolean;
}

export interface HttpAnswer {
  status: number;
  json: unknown;
  bytes: Buffer;
}

export interface HttpOptions {
  retry?: Partial<RetryPolicy>;
  dispatcher?: Dispatcher;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told about every try, for progress and tests. */
  onAttempt?: (call: HttpCall, attempt: number, outcome: number | 'network') => void;
}

/** One HTTP exchange with SIGN DE: keep-alive, a timeout per call, retries where fiskaly says they are safe. */
export class FiskalyHttp {
  private readonly policy: RetryPolicy;
  private readonly dispatcher: Dispatcher;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly baseUrl: string,
    private readonly options: HttpOptions = {},
  ) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: 32 });
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  /** Resolves with a 2xx answer or rejects with a FiskalyError after the retries it was worth. */
  async send(call: HttpCall): Promise<HttpAnswer> {
    for (let attempt = 1; ; attempt++) {
      let error: FiskalyError;
      try {
        const answer = await this.once(call);
        this.options.onAttempt?.(call, attempt, answer.status);
        if (answer.status < 300) return answer;
        error = toFiskalyError(answer);
      } catch (cause) {
        this.options.onAttempt?.(call, attempt, 'network');
        error = cause instanceof FiskalyError ? cause : networkError(cause);
      }
      if (!error.retryable || call.once || attempt >= this.policy.attempts) throw error;
      const retryAfterMs = error.retryAfterSeconds === null ? null : error.retryAfterSeconds * 1000;
      if (retryAfterMs !== null && retryAfterMs > this.policy.maxRetryAfterMs) throw error;
      const backoff = error.pending ? pendingDelay(this.policy, attempt, this.random) : backoffDelay(this.policy, attempt, this.random);
      await this.sleep(Math.max(retryAfterMs ?? 0, backoff));
    }
  }

  async close(): Promise<void> {
    if (!this.options.dispatcher) await this.dispatcher.close();
  }

  private async once(call: HttpCall): Promise<HttpAnswer> {
    const headers: Record<string, string> = { accept: call.binary ? 'application/octet-stream, application/x-tar, application/json' : 'application/json' };
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    let body: string | undefined;
    if (call.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.body);
    }
    const response = await request(`${this.baseUrl}${call.path}`, {
      method: call.method,
      headers,
      body,
      dispatcher: this.dispatcher,
      signal: AbortSignal.timeout(call.timeoutMs),
      headersTimeout: call.timeoutMs,
      bodyTimeout: call.timeoutMs,
    });
    const bytes = Buffer.from(await response.body.arrayBuffer());
    const type = String(response.headers['content-type'] ?? '');
    let json: unknown = null;
    if (type.includes('json') && bytes.length > 0) {
      try {
        json = JSON.parse(bytes.toString('utf8'));
      } catch {
        json = null;
      }
    }
    const retryAfter = response.headers['retry-after'];
    return Object.assign({ status: response.statusCode, json, bytes }, { retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
  }
}

const CODE_BY_STATUS: Record<number, string> = { 401: 'E_UNAUTHORIZED', 429: 'E_TOO_MANY_REQUESTS', 444: 'E_MIDDLEWARE_PENDING_REQUEST' };

function toFiskalyError(answer: HttpAnswer & { retryAfter?: string }): FiskalyError {
  const body = (answer.json ?? {}) as { code?: unknown; message?: unknown };
  // fiskaly's 401 for wrong credentials has no code at all; a 429 or 444 without one is named by its status.
  const code = typeof body.code === 'string' ? body.code : (CODE_BY_STATUS[answer.status] ?? `HTTP_${answer.status}`);
  const message = typeof body.message === 'string' ? body.message : '';
  return new FiskalyError(answer.status, code, message, parseRetryAfter(answer.retryAfter));
}

function networkError(cause: unknown): FiskalyError {
  const name = cause instanceof Error ? cause.name : '';
  const code = (cause as { code?: string })?.code ?? '';
  const timedOut = name === 'TimeoutError' || name === 'AbortError' || /TIMEOUT/.test(code);
  return new FiskalyError(0, timedOut ? 'E_TIMEOUT' : 'E_NETWORK', timedOut ? 'no answer in time' : code || name || 'connection failed');
}
