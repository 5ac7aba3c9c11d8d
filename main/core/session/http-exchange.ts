import { type Dispatcher, request } from 'undici';
import type { SessionCall } from './transport';

/** One HTTP answer as it came, whatever its status. */
export interface RawAnswer {
  status: number;
  json: unknown;
  bytes: Buffer;
  /** The Retry-After header, unread. */
  retryAfter?: string;
}

/** What a failed exchange comes to: the parts of an ApiCallError (or a wing's subclass). */
export interface Failure {
  status: number;
  code: string;
  apiMessage: string;
  retryAfterSeconds: number | null;
}

/** One try, no retry: the request, a timeout for the whole exchange, and the answer read as JSON when it is. */
export async function httpExchange(baseUrl: string, call: SessionCall & { binary?: boolean }, dispatcher?: Dispatcher): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...call.headers, accept: call.binary ? 'application/octet-stream, application/x-tar, application/json' : 'application/json' };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let body: string | undefined;
  if (call.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.body);
  }
  const response = await request(`${baseUrl}${call.path}`, {
    method: call.method,
    headers,
    body,
    ...(dispatcher ? { dispatcher } : {}),
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
  return { status: response.statusCode, json, bytes, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter };
}

const CODE_BY_STATUS: Record<number, string> = { 401: 'E_UNAUTHORIZED', 429: 'E_TOO_MANY_REQUESTS', 444: 'E_MIDDLEWARE_PENDING_REQUEST' };

/** A non-2xx answer's code and message, from fiskaly's `{status_code, error, code, message}` body. */
export function failureOf(answer: RawAnswer): Failure {
  // VERIFY: the Unified API's and SIGN ES's error bodies are taken to have the same top-level code and message.
  const body = (answer.json ?? {}) as { code?: unknown; message?: unknown };
  // fiskaly's 401 for wrong credentials has no code at all; a 429 or 444 without one is named by its status.
  const code = typeof body.code === 'string' ? body.code : (CODE_BY_STATUS[answer.status] ?? `HTTP_${answer.status}`);
  const apiMessage = typeof body.message === 'string' ? body.message : '';
  return { status: answer.status, code, apiMessage, retryAfterSeconds: parseRetryAfter(answer.retryAfter) };
}

/** No answer at all: timed out, or the connection failed. */
export function networkFailure(cause: unknown): Failure {
  const name = cause instanceof Error ? cause.name : '';
  const code = (cause as { code?: string })?.code ?? '';
  const timedOut = name === 'TimeoutError' || name === 'AbortError' || /TIMEOUT/.test(code);
  return { status: 0, code: timedOut ? 'E_TIMEOUT' : 'E_NETWORK', apiMessage: timedOut ? 'no answer in time' : code || name || 'connection failed', retryAfterSeconds: null };
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, nowMs = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - nowMs) / 1000));
}
