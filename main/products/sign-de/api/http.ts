import { AsyncLocalStorage } from 'node:async_hooks';
import type { Dispatcher } from 'undici';
import { type Failure, type HttpExchange, type RawAnswer, failureOf, httpExchange, networkFailure, undiciExchange } from '../../../core/session/http-exchange';
import { nodeDispatcher } from '../../../core/session/http-proxy';
import type { SessionCall } from '../../../core/session/transport';
import { FiskalyError } from './fiskaly-error';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, backoffDelay, pendingDelay } from './retry-policy';

export interface HttpCall extends SessionCall {
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
  /** The one function that sends a request (the app's, over Electron's net.fetch); else undici with `dispatcher`. */
  exchange?: HttpExchange;
  /** undici's pool when no exchange is given; else one of our own, through the proxy variables unless `direct`. */
  dispatcher?: Dispatcher;
  /** Never through a proxy: the built-in sandbox on this laptop. */
  direct?: boolean;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told about every try, for progress and tests. */
  onAttempt?: (call: HttpCall, attempt: number, outcome: number | 'network') => void;
}

/** A call failed and is about to be tried again: try `attempt` of `attempts`. */
export interface RetryNotice {
  attempt: number;
  attempts: number;
}

const retryListeners = new AsyncLocalStorage<(notice: RetryNotice) => void>();

/**
 * Runs `work` with `listener` told of every retry a call made inside it waits for, whichever client makes
 * it: a run's step says "trying again" while the network fails, instead of seeming to hang.
 */
export function withRetryNotices<T>(listener: (notice: RetryNotice) => void, work: () => Promise<T>): Promise<T> {
  return retryListeners.run(listener, work);
}

/** One HTTP exchange with SIGN DE: keep-alive, a timeout per call, retries where fiskaly says they are safe. */
export class FiskalyHttp {
  private readonly policy: RetryPolicy;
  /** Our own pool (closed with this client), when neither an exchange nor a dispatcher was given. */
  private readonly ownDispatcher: Dispatcher | null;
  private readonly exchange: HttpExchange;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly baseUrl: string,
    private readonly options: HttpOptions = {},
  ) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.ownDispatcher = options.exchange || options.dispatcher ? null : nodeDispatcher({ keepAliveTimeout: 30_000, connections: 32, direct: options.direct });
    this.exchange = options.exchange ?? undiciExchange(options.dispatcher ?? this.ownDispatcher!);
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
        error = toFiskalyError(failureOf(answer));
      } catch (cause) {
        this.options.onAttempt?.(call, attempt, 'network');
        error = cause instanceof FiskalyError ? cause : toFiskalyError(networkFailure(cause));
      }
      if (!error.retryable || call.once || attempt >= this.policy.attempts) throw error;
      const retryAfterMs = error.retryAfterSeconds === null ? null : error.retryAfterSeconds * 1000;
      if (retryAfterMs !== null && retryAfterMs > this.policy.maxRetryAfterMs) throw error;
      const backoff = error.pending ? pendingDelay(this.policy, attempt, this.random) : backoffDelay(this.policy, attempt, this.random);
      retryListeners.getStore()?.({ attempt: attempt + 1, attempts: this.policy.attempts });
      await this.sleep(Math.max(retryAfterMs ?? 0, backoff));
    }
  }

  async close(): Promise<void> {
    await this.ownDispatcher?.close();
  }

  private once(call: HttpCall): Promise<RawAnswer> {
    return httpExchange(this.baseUrl, call, this.exchange);
  }
}

const toFiskalyError = (failure: Failure): FiskalyError => new FiskalyError(failure.status, failure.code, failure.apiMessage, failure.retryAfterSeconds);
