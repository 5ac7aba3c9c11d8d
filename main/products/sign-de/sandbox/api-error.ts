import { STATUS_CODES } from 'node:http';

/** fiskaly's non-standard statuses, with the reason phrases its error bodies carry. */
const EXTRA_REASONS: Record<number, string> = {
  423: 'Locked',
  432: 'Use Middleware',
  444: 'Middleware Pending Request',
  499: 'Client Closed Request',
};

export const reasonPhrase = (status: number): string => EXTRA_REASONS[status] ?? STATUS_CODES[status] ?? 'Error';

/** An error answered the way SIGN DE v2 answers: `{status_code, error, code, message}` (code absent where real). */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string | undefined,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(): ErrorBody {
    return errorBody(this.statusCode, this.code, this.message);
  }
}

export interface ErrorBody {
  status_code: number;
  error: string;
  code?: string;
  message: string;
}

export function errorBody(status: number, code: string | undefined, message: string): ErrorBody {
  return code === undefined
    ? { status_code: status, error: reasonPhrase(status), message }
    : { status_code: status, error: reasonPhrase(status), code, message };
}
