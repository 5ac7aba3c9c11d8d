import type { Dispatcher } from 'undici';
import { ApiCallError } from './api-call-error';
import { type Failure, type HttpExchange, type RawAnswer, failureOf, httpExchange, networkFailure, undiciExchange } from './http-exchange';
import { nodeDispatcher } from './http-proxy';
import type { SessionCall, SessionTransport } from './transport';

/** Product-neutral words for a failure; a wing with its own explanations uses its own error class instead. */
export function apiCallError(failure: Failure): ApiCallError {
  const what =
    failure.status === 401
      ? 'fiskaly refused the login (401): check the API key and secret, and that they belong to this product and to TEST or LIVE as intended'
      : failure.code === 'E_TIMEOUT'
        ? 'fiskaly did not answer in time'
        : failure.status === 0
          ? 'fiskaly cannot be reached: check the network and the address'
          : `fiskaly answered ${failure.status} ${failure.code}`;
  const message = `${what}${failure.apiMessage ? ` (fiskaly: ${failure.apiMessage})` : ''}`;
  return new ApiCallError(failure.status, failure.code, message, failure.apiMessage, failure.retryAfterSeconds);
}

/** How a transport sends: the caller's exchange, or its own undici pool (direct: never through a proxy). */
export interface SessionHttpOptions {
  exchange?: HttpExchange;
  direct?: boolean;
}

/**
 * The minimal transport a session needs: one try per call (no retries), keep-alive, a timeout per call.
 * Enough to log in and check credentials for any product; SIGN DE's client brings its own with retries.
 */
export class SessionHttp implements SessionTransport<SessionCall, RawAnswer> {
  /** Our own pool when no exchange was given (closed with this transport). */
  private readonly dispatcher: Dispatcher | null;
  private readonly exchange: HttpExchange;
  private readonly baseUrl: string;

  /** `exchange`: the caller's (the app's net.fetch); else undici, through the proxy variables unless `direct`. */
  constructor(baseUrl: string, options: SessionHttpOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.dispatcher = options.exchange ? null : nodeDispatcher({ keepAliveTimeout: 10_000, connections: 4, direct: options.direct });
    this.exchange = options.exchange ?? undiciExchange(this.dispatcher!);
  }

  async send(call: SessionCall): Promise<RawAnswer> {
    let answer: RawAnswer;
    try {
      answer = await httpExchange(this.baseUrl, call, this.exchange);
    } catch (cause) {
      throw apiCallError(networkFailure(cause));
    }
    if (answer.status < 300) return answer;
    throw apiCallError(failureOf(answer));
  }

  async close(): Promise<void> {
    await this.dispatcher?.close();
  }
}
