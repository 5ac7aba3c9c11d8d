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

/** One HTTP request, as any HTTP stack can send it. */
export interface ExchangeRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** For the whole exchange, the answer's body included. */
  timeoutMs: number;
}

/** Its answer: the status, a header by its (lower-case) name, the body's bytes. */
export interface ExchangeResponse {
  status: number;
  header(name: string): string | undefined;
  bytes: Buffer;
}

/**
 * The one function that sends a request: undici in Node (the CLI, honouring the proxy variables), Electron's
 * net.fetch in the app (the system's proxy and certificate store). Rejects only when no answer came.
 */
export type HttpExchange = (request: ExchangeRequest) => Promise<ExchangeResponse>;

/** An exchange over undici's request with a dispatcher (an Agent, or an EnvHttpProxyAgent for the proxy variables). */
export function undiciExchange(dispatcher?: Dispatcher): HttpExchange {
  return async ({ url, method, headers, body, timeoutMs }) => {
    const response = await request(url, {
      method: method as Dispatcher.HttpMethod,
      headers,
      body,
      ...(dispatcher ? { dispatcher } : {}),
      signal: AbortSignal.timeout(timeoutMs),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const bytes = Buffer.from(await response.body.arrayBuffer());
    const header = (name: string) => {
      const value = response.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    return { status: response.statusCode, header, bytes };
  };
}

/** The part of the Fetch API an exchange needs: Node's global fetch, or Electron's net.fetch. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal; redirect: 'manual' },
) => Promise<{ status: number; headers: { get(name: string): string | null }; arrayBuffer(): Promise<ArrayBuffer> }>;

/** An exchange over a fetch-compatible function; the timeout covers the answer's body too. */
export function fetchExchange(fetchLike: FetchLike): HttpExchange {
  return async ({ url, method, headers, body, timeoutMs }) => {
    // undici's request follows no redirect either: a 3xx is an answer, never a silent second request.
    const response = await fetchLike(url, { method, headers, ...(body === undefined ? {} : { body }), signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, header: (name) => response.headers.get(name) ?? undefined, bytes };
  };
}

/** One try, no retry: the request, a timeout for the whole exchange, and the answer read as JSON when it is. */
export async function httpExchange(baseUrl: string, call: SessionCall & { binary?: boolean }, exchange: HttpExchange): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...call.headers, accept: call.binary ? 'application/octet-stream, application/x-tar, application/json' : 'application/json' };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let body: string | undefined;
  if (call.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.body);
  }
  const response = await exchange({ url: `${baseUrl}${call.path}`, method: call.method, headers, body, timeoutMs: call.timeoutMs });
  const { bytes } = response;
  const type = response.header('content-type') ?? '';
  let json: unknown = null;
  if (type.includes('json') && bytes.length > 0) {
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      json = null;
    }
  }
  return { status: response.status, json, bytes, retryAfter: response.header('retry-after') };
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
  // fetch wraps the system's error ("fetch failed", its cause ECONNREFUSED); undici's request throws it as is;
  // Electron's net.fetch rejects with the net error as its only message ("net::ERR_NAME_NOT_RESOLVED").
  const inner = (cause as { cause?: { code?: string; message?: string } })?.cause;
  const code = (cause as { code?: string })?.code ?? inner?.code ?? '';
  const own = cause instanceof Error ? cause.message : '';
  const timedOut = name === 'TimeoutError' || name === 'AbortError' || /TIMEOUT/.test(code) || /^net::ERR_(CONNECTION_)?TIMED_OUT$/.test(own);
  const reason = code || inner?.message || own || name || 'connection failed';
  return { status: 0, code: timedOut ? 'E_TIMEOUT' : 'E_NETWORK', apiMessage: timedOut ? 'no answer in time' : reason, retryAfterSeconds: null };
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, nowMs = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - nowMs) / 1000));
}
