import { Agent } from 'undici';
import { ApiCallError } from './api-call-error';
import { type Failure, type RawAnswer, failureOf, httpExchange, networkFailure } from './http-exchange';
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

/**
 * The minimal transport a session needs: one try per call (no retries), keep-alive, a timeout per call.
 * Enough to log in and check credentials for any product; SIGN DE's client brings its own with retries.
 */
export class SessionHttp implements SessionTransport<SessionCall, RawAnswer> {
  private readonly dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: 4 });
  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async send(call: SessionCall): Promise<RawAnswer> {
    let answer: RawAnswer;
    try {
      answer = await httpExchange(this.baseUrl, call, this.dispatcher);
    } catch (cause) {
      throw apiCallError(networkFailure(cause));
    }
    if (answer.status < 300) return answer;
    throw apiCallError(failureOf(answer));
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}
