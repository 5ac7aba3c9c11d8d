import type { Sandbox } from '../../main/products/sign-de/sandbox/server';
import { DEFAULT_ORGANIZATION } from '../../main/products/sign-de/sandbox/organizations';
import type { ApiResponse } from './sandbox-api';

/** A plain HTTP client for the sandbox's /api/v1: the real wire, nothing of the app's own client. */
export class SandboxV1Api {
  token: string | null = null;

  constructor(readonly sandbox: Sandbox) {}

  get base(): string {
    return `${new URL(this.sandbox.url).origin}/api/v1`;
  }

  /** `body` as a string is sent as given with `contentType` (e.g. a form-encoded body). */
  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, options: { token?: string | null; contentType?: string } = {}): Promise<ApiResponse<T>> {
    const token = options.token === undefined ? this.token : options.token;
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('x-tar')) return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) as T };
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (type.includes('json') && text ? JSON.parse(text) : text) as T };
  }

  async login(apiKey = DEFAULT_ORGANIZATION.apiKey, apiSecret = DEFAULT_ORGANIZATION.apiSecret): Promise<ApiResponse> {
    const response = await this.request('POST', '/auth', { api_key: apiKey, api_secret: apiSecret }, { token: null });
    if (response.status === 200) this.token = response.body.access_token as string;
    return response;
  }

  /** PUT /_sandbox/v1: V1's switches (all replaced). */
  async switches(body: unknown): Promise<ApiResponse> {
    const response = await fetch(`${new URL(this.sandbox.url).origin}/_sandbox/v1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  }
}
