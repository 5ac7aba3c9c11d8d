import type { z } from 'zod';
import { FiskalyError } from './fiskaly-error';
import { FiskalyHttp, type HttpOptions } from './http';
import { type Client, ClientSchema, type Export, ExportSchema, type Transaction, TransactionSchema, type Tss, TssSchema, listOf } from './resources';
import { type ApiCredentials, FiskalySession } from './session';

/** fiskaly's advice: at least 30 s for TSS creation and deployment, 3–5 s for transactions. */
export const DEFAULT_TIMEOUTS = { deploy: 45_000, transaction: 5_000, default: 10_000, export: 30_000 };
export type Timeouts = typeof DEFAULT_TIMEOUTS;

export interface FiskalyClientOptions extends HttpOptions {
  baseUrl: string;
  credentials: ApiCredentials;
  now?: () => number;
  timeouts?: Partial<Timeouts>;
}

export type TssStateTarget = 'UNINITIALIZED' | 'INITIALIZED' | 'DISABLED';

/** Typed SIGN DE v2 operations for one organization, over one session. */
export class FiskalyClient {
  readonly session: FiskalySession;
  private readonly http: FiskalyHttp;
  private readonly timeout: Timeouts;

  constructor(options: FiskalyClientOptions) {
    this.timeout = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.http = new FiskalyHttp(options.baseUrl.replace(/\/+$/, ''), options);
    this.session = new FiskalySession(this.http, options.credentials, options.now);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  createTss(tssId: string, metadata?: Record<string, string>): Promise<Tss> {
    return this.json(TssSchema, { method: 'PUT', path: `/tss/${tssId}`, body: metadata ? { metadata } : {}, timeoutMs: this.timeout.deploy });
  }

  getTss(tssId: string): Promise<Tss> {
    return this.json(TssSchema, { method: 'GET', path: `/tss/${tssId}`, timeoutMs: this.timeout.default });
  }

  listTss(states: string[] = []): Promise<Tss[]> {
    return this.all(TssSchema, '/tss', states);
  }

  updateTss(tssId: string, state: TssStateTarget, extra: { description?: string; metadata?: Record<string, string> } = {}): Promise<Tss> {
    return this.json(TssSchema, { method: 'PATCH', path: `/tss/${tssId}`, body: { state, ...extra }, timeoutMs: this.timeout.deploy });
  }

  /** Sets a new admin PIN with the PUK (also unblocks a blocked PIN). A 401 here is a wrong PUK: never retried. */
  async changeAdminPin(tssId: string, adminPuk: string, newAdminPin: string): Promise<void> {
    await this.session.call(
      { method: 'PATCH', path: `/tss/${tssId}/admin`, body: { admin_puk: adminPuk, new_admin_pin: newAdminPin }, timeoutMs: this.timeout.default },
      { renewOn401: false },
    );
  }

  /** A 401 here is a wrong PIN: never retried, so a mistake is never counted twice toward the block. */
  async adminLogin(tssId: string, adminPin: string): Promise<void> {
    await this.session.call(
      { method: 'POST', path: `/tss/${tssId}/admin/auth`, body: { admin_pin: adminPin }, timeoutMs: this.timeout.default },
      { renewOn401: false },
    );
  }

  async adminLogout(tssId: string): Promise<void> {
    await this.session.call({ method: 'POST', path: `/tss/${tssId}/admin/logout`, body: {}, timeoutMs: this.timeout.default });
  }

  createClient(tssId: string, clientId: string, serialNumber: string, metadata?: Record<string, string>): Promise<Client> {
    return this.json(ClientSchema, {
      method: 'PUT',
      path: `/tss/${tssId}/client/${clientId}`,
      body: metadata ? { serial_number: serialNumber, metadata } : { serial_number: serialNumber },
      timeoutMs: this.timeout.default,
    });
  }

  getClient(tssId: string, clientId: string): Promise<Client> {
    return this.json(ClientSchema, { method: 'GET', path: `/tss/${tssId}/client/${clientId}`, timeoutMs: this.timeout.default });
  }

  updateClient(tssId: string, clientId: string, state: 'REGISTERED' | 'DEREGISTERED'): Promise<Client> {
    return this.json(ClientSchema, { method: 'PATCH', path: `/tss/${tssId}/client/${clientId}`, body: { state }, timeoutMs: this.timeout.default });
  }

  listClients(tssId: string, states: string[] = []): Promise<Client[]> {
    return this.all(ClientSchema, `/tss/${tssId}/client`, states);
  }

  upsertTransaction(
    tssId: string,
    txId: string,
    revision: number,
    body: { state: 'ACTIVE' | 'FINISHED' | 'CANCELLED'; client_id: string; schema?: unknown; metadata?: Record<string, string> },
  ): Promise<Transaction> {
    return this.json(TransactionSchema, {
      method: 'PUT',
      path: `/tss/${tssId}/tx/${txId}?tx_revision=${revision}`,
      body,
      timeoutMs: this.timeout.transaction,
    });
  }

  getTransaction(tssId: string, txId: string): Promise<Transaction> {
    return this.json(TransactionSchema, { method: 'GET', path: `/tss/${tssId}/tx/${txId}`, timeoutMs: this.timeout.default });
  }

  listTransactions(tssId: string, states: string[] = []): Promise<Transaction[]> {
    return this.all(TransactionSchema, `/tss/${tssId}/tx`, states);
  }

  triggerExport(tssId: string, exportId: string, filters: Record<string, string> = {}): Promise<Export> {
    const query = new URLSearchParams(filters).toString();
    return this.json(ExportSchema, {
      method: 'PUT',
      path: `/tss/${tssId}/export/${exportId}${query ? `?${query}` : ''}`,
      body: {},
      timeoutMs: this.timeout.default,
    });
  }

  getExport(tssId: string, exportId: string): Promise<Export> {
    return this.json(ExportSchema, { method: 'GET', path: `/tss/${tssId}/export/${exportId}`, timeoutMs: this.timeout.default });
  }

  cancelExport(tssId: string, exportId: string): Promise<Export> {
    return this.json(ExportSchema, { method: 'DELETE', path: `/tss/${tssId}/export/${exportId}`, timeoutMs: this.timeout.default });
  }

  async exportFile(tssId: string, exportId: string): Promise<Buffer> {
    const answer = await this.session.call({ method: 'GET', path: `/tss/${tssId}/export/${exportId}/file`, timeoutMs: this.timeout.export, binary: true });
    return answer.bytes;
  }

  private async json<T extends z.ZodType>(schema: T, call: Parameters<FiskalySession['call']>[0]): Promise<z.output<T>> {
    const answer = await this.session.call(call);
    const parsed = schema.safeParse(answer.json);
    if (!parsed.success) {
      throw new FiskalyError(502, 'E_UNEXPECTED_RESPONSE', `the answer to ${call.method} ${call.path.split('?')[0]} did not have the expected shape`);
    }
    return parsed.data;
  }

  /** Every page of a list, 100 at a time. */
  private async all<T extends z.ZodType>(item: T, path: string, states: string[]): Promise<z.output<T>[]> {
    const items: z.output<T>[] = [];
    for (let offset = 0; ; offset += 100) {
      const query = new URLSearchParams({ limit: '100', offset: String(offset) });
      states.forEach((s) => query.append('states[]', s));
      const page = await this.json(listOf(item), { method: 'GET', path: `${path}?${query}`, timeoutMs: this.timeout.default });
      items.push(...(page.items as z.output<T>[]));
      if (page.items.length < 100 || items.length >= page.count) return items;
    }
  }
}
