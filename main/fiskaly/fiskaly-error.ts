import { AppError } from '../errors';
import { type Explanation, explain } from './explanations';

/** A fiskaly answer that is not a success, or no answer at all (status 0). */
export class FiskalyError extends AppError {
  readonly explanation: Explanation;

  constructor(
    readonly status: number,
    code: string,
    /** fiskaly's own message: it never echoes a PIN, PUK or secret we sent. */
    readonly apiMessage: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    const explanation = explain(code, status);
    super(code, `${explanation.en}${apiMessage ? ` (fiskaly: ${apiMessage})` : ''}`);
    this.name = 'FiskalyError';
    this.explanation = explanation;
  }

  /** 5xx, 429, 499 and no answer at all are worth another try; other 4xx never are. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 499 || this.status >= 500;
  }
}
