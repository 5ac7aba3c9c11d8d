import { AppError } from '../errors';

/**
 * A fiskaly answer that is not a success, or no answer at all (status 0): the error the session layer and
 * its HTTP call raise, whatever the product. A wing may extend it with its own explanations (SIGN DE's
 * FiskalyError). A 401 to a login means the key and secret were refused.
 */
export class ApiCallError extends AppError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    /** fiskaly's own message: it never echoes a secret we sent. */
    readonly apiMessage: string = '',
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(code, message);
    this.name = 'ApiCallError';
  }
}

/** A 401: the token (or, for a login, the key and secret) was refused. */
export const isUnauthorized = (error: unknown): error is ApiCallError => error instanceof ApiCallError && error.status === 401;
