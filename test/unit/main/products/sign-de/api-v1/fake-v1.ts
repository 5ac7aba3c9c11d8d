import type { ExchangeRequest, ExchangeResponse, HttpExchange } from '../../../../../../main/core/session/http-exchange';
import { FiskalyV1Client } from '../../../../../../main/products/sign-de/api-v1/client';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

export interface FakeAnswer {
  status: number;
  json?: unknown;
  bytes?: Buffer;
}

export const BASE = 'http://127.0.0.1:9/api/v1';
export const KEY = 'test_key_v1';
export const SECRET = 'v1-secret-never-shown';

/**
 * A V1 server in a function: `route` answers everything but POST /auth, which hands out numbered tokens
 * (`access-1`, …) for the key and secret or a refresh token, unless `auth` says otherwise.
 */
export function fakeV1(route: (request: FakeRequest) => FakeAnswer, auth?: (request: FakeRequest) => FakeAnswer | null) {
  const requests: FakeRequest[] = [];
  let issued = 0;
  const exchange: HttpExchange = async (request: ExchangeRequest): Promise<ExchangeResponse> => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith('/api/v1/')) throw new Error(`not a V1 path: ${url.pathname}`);
    const fake: FakeRequest = {
      method: request.method,
      path: url.pathname.slice('/api/v1'.length),
      query: url.searchParams,
      body: request.body === undefined ? undefined : JSON.parse(request.body),
      headers: request.headers,
    };
    requests.push(fake);
    let answer: FakeAnswer;
    if (fake.method === 'POST' && fake.path === '/auth') {
      answer = auth?.(fake) ?? tokens(++issued);
    } else {
      answer = route(fake);
    }
    const bytes = answer.bytes ?? Buffer.from(answer.json === undefined ? '' : JSON.stringify(answer.json));
    const type = answer.bytes ? 'application/x-tar' : 'application/json';
    return { status: answer.status, header: (name) => (name === 'content-type' ? type : undefined), bytes };
  };
  const client = new FiskalyV1Client({
    baseUrl: BASE,
    credentials: { apiKey: KEY, apiSecret: SECRET },
    exchange,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    sleep: async () => {},
  });
  const calls = () => requests.filter((r) => r.path !== '/auth').map((r) => `${r.method} ${r.path}`);
  return { client, requests, calls };
}

export function tokens(n: number): FakeAnswer {
  const now = Math.floor(Date.now() / 1000);
  return {
    status: 200,
    json: {
      access_token: `access-${n}`,
      access_token_expires_in: 3600,
      access_token_expires_at: now + 3600,
      refresh_token: `refresh-${n}`,
      refresh_token_expires_in: 7200,
      refresh_token_expires_at: now + 7200,
    },
  };
}

export const error = (status: number, code: string | null, message: string): FakeAnswer => ({
  status,
  json: { status_code: status, error: 'Error', ...(code ? { code } : {}), message },
});

export const TSS_ID = '812487af-04f7-489d-9fdd-cfdfbd4e0019';
export const v1Tss = (id: string, state = 'INITIALIZED', extra: Record<string, unknown> = {}) => ({
  _id: id,
  _type: 'TSS',
  _env: 'TEST',
  state,
  description: 'Filiale 12',
  time_creation: 1601280000,
  certificate_serial: 'abc',
  signature_counter: 5213,
  transaction_counter: 2590,
  ...extra,
});
export const v1Tx = (id: string, number: number, state: string, extra: Record<string, unknown> = {}) => ({
  _id: id,
  _type: 'TRANSACTION',
  tss_id: TSS_ID,
  client_id: 'c1',
  client_serial_number: 'KASSE-01',
  number,
  state,
  revision: 1,
  latest_revision: 1,
  time_start: 1614590000,
  ...extra,
});
