import { randomUUID } from 'node:crypto';
import { type Sandbox, type SandboxHooks, createSandbox } from '../../main/products/sign-de/sandbox/server';
import type { SandboxOptionsInput } from '../../main/products/sign-de/sandbox/options';
import { DEFAULT_ORGANIZATION } from '../../main/products/sign-de/sandbox/organizations';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** A plain HTTP client for sandbox tests: the real wire, nothing of the app's own client. */
export class SandboxApi {
  token: string | null = null;

  constructor(readonly sandbox: Sandbox) {}

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, token = this.token): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${this.sandbox.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, body: (type.includes('json') && text ? JSON.parse(text) : text) as T };
  }

  /** The sandbox's own knobs under /_sandbox/ (not part of the fiskaly API). */
  async control<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const response = await fetch(`${new URL(this.sandbox.url).origin}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as T };
  }

  /** Logs in with the default TEST organization (or the given credentials) and keeps the token. */
  async login(apiKey = DEFAULT_ORGANIZATION.apiKey, apiSecret = DEFAULT_ORGANIZATION.apiSecret): Promise<ApiResponse> {
    const response = await this.request('POST', '/auth', { api_key: apiKey, api_secret: apiSecret }, null);
    if (response.status === 200) this.token = response.body.access_token as string;
    return response;
  }

  /** createTss → UNINITIALIZED → PIN set with the PUK → admin login → INITIALIZED; returns ids and secrets. */
  async initializedTss(pin = '123456'): Promise<{ tssId: string; puk: string; pin: string; tss: Record<string, unknown> }> {
    const tssId = randomUUID();
    const created = await this.request('PUT', `/tss/${tssId}`, {});
    const puk = created.body.admin_puk as string;
    await this.request('PATCH', `/tss/${tssId}`, { state: 'UNINITIALIZED' });
    await this.request('PATCH', `/tss/${tssId}/admin`, { admin_puk: puk, new_admin_pin: pin });
    await this.request('POST', `/tss/${tssId}/admin/auth`, { admin_pin: pin });
    const tss = await this.request('PATCH', `/tss/${tssId}`, { state: 'INITIALIZED' });
    if (tss.status !== 200) throw new Error(`could not initialize the TSS: ${JSON.stringify(tss.body)}`);
    return { tssId, puk, pin, tss: tss.body };
  }
}

/** Starts an in-memory sandbox for one test file. */
export async function startSandbox(options: SandboxOptionsInput = {}, hooks: SandboxHooks = {}): Promise<{ sandbox: Sandbox; api: SandboxApi }> {
  const sandbox = await createSandbox(options, hooks);
  return { sandbox, api: new SandboxApi(sandbox) };
}
