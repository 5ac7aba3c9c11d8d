import { ApiCallError } from '../../../core/session/api-call-error';
import { type Explanation, explain } from './explanations';

/** A SIGN DE answer that is not a success, or no answer at all (status 0), with SIGN DE's own explanation. */
export class FiskalyError extends ApiCallError {
  readonly explanation: Explanation;

  constructor(
    status: number,
    code: string,
    /** fiskaly's own message: it never echoes a PIN, PUK or secret we sent. */
    apiMessage: string,
    retryAfterSeconds: number | null = null,
  ) {
    const explanation = explain(code, status);
    super(status, code, `${explanation.en}${apiMessage ? ` (fiskaly: ${apiMessage})` : ''}`, apiMessage, retryAfterSeconds);
    this.name = 'FiskalyError';
    this.explanation = explanation;
  }

  /**
   * 5xx, 429, 444, 499 and no answer at all are worth another try; other 4xx never are. 444
   * (E_MIDDLEWARE_PENDING_REQUEST) says an earlier request on the same resource is still being worked on,
   * so this one was not carried out; the same request again, a little later, is safe (the API is idempotent).
   */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 444 || this.status === 499 || this.status >= 500;
  }

  /** 444: the resource is busy with an earlier request, so the next try waits at least a little. */
  get pending(): boolean {
    return this.status === 444;
  }
}
