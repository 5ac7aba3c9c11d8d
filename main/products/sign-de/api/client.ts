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

export interface Page<T> {
  items: T[];
  /** fiskaly's `count`: taken as the number of all matching items. */
  count: number;
}

/** `once`: no retries inside the client; the caller paces its own tries (see HttpCall.once). */
export interface OnceOption {
  once?: boolean;
}

export interface TransactionListOptions {
  /** Only this client's transactions (listClientTransactions). */
  clientId?: string;
  order?: 'asc' | 'desc';
  orderBy?: 'number' | 'state' | 'time_start' | 'time_end';
}

const transactionsPath = (tssId: string, clientId?: string) => (clientId ? `/tss/${tssId}/client/${clientId}/tx` : `/tss/${tssId}/tx`);

const listOrder = (options: TransactionListOptions): Record<string, string> => ({
  ...(options.order ? { order: options.order } : {}),
  ...(options.orderBy ? { order_by: options.orderBy } : {}),
});

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

  /**
   * Every transaction of the TSS (or of one client) in the given states. Each page is one request, and
   * fiskaly allows 20 a minute per TSS (429 with Retry-After above): for large lists prefer
   * `listTransactionsPage` and stop when you have what you need.
   */
  listTransactions(tssId: string, states: string[] = [], options: TransactionListOptions = {}): Promise<Transaction[]> {
    return this.all(TransactionSchema, transactionsPath(tssId, options.clientId), states, listOrder(options));
  }

  /** One page of transactions: `count` is the number of all that match (the real API does not say; VERIFY). */
  listTransactionsPage(tssId: string, page: TransactionListOptions & { states?: string[]; limit?: number; offset?: number } = {}): Promise<Page<Transaction>> {
    return this.page(TransactionSchema, transactionsPath(tssId, page.clientId), page.states ?? [], page.limit ?? 100, page.offset ?? 0, listOrder(page));
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

  /** The TSS's exports in the given states (e.g. PENDING and WORKING: fiskaly allows 10 at once per TSS). */
  listExports(tssId: string, states: string[] = []): Promise<Export[]> {
    return this.all(ExportSchema, `/tss/${tssId}/export`, states);
  }

  /** fiskaly allows 12 of these (this and the file together) a minute per export: poll no faster than every 5 s. */
  getExport(tssId: string, exportId: string, options: OnceOption = {}): Promise<Export> {
    return this.json(ExportSchema, { method: 'GET', path: `/tss/${tssId}/export/${exportId}`, timeoutMs: this.timeout.default, once: options.once });
  }

  cancelExport(tssId: string, exportId: string): Promise<Export> {
    return this.json(ExportSchema, { method: 'DELETE', path: `/tss/${tssId}/export/${exportId}`, timeoutMs: this.timeout.default });
  }

  /** Counts toward the same 12 a minute per export as `getExport`. */
  async exportFile(tssId: string, exportId: string, options: OnceOption = {}): Promise<Buffer> {
    const answer = await this.session.call({
      method: 'GET',
      path: `/tss/${tssId}/export/${exportId}/file`,
      timeoutMs: this.timeout.export,
      binary: true,
      once: options.once,
    });
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
  private async all<T extends z.ZodType>(item: T, path: string, states: string[], order: Record<string, string> = {}): Promise<z.output<T>[]> {
    const items: z.output<T>[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await this.page(item, path, states, 100, offset, order);
      items.push(...page.items);
      if (page.items.length < 100 || items.length >= page.count) return items;
    }
  }

  private async page<T extends z.ZodType>(item: T, path: string, states: string[], limit: number, offset: number, order: Record<string, string> = {}): Promise<Page<z.output<T>>> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 100 || !Number.isInteger(offset) || offset < 0) {
      throw new FiskalyError(400, 'E_FAILED_SCHEMA_VALIDATION', 'limit must be 1..100 and offset 0 or more');
    }
    const query = new URLSearchParams({ limit: String(limit), offset: String(offset), ...order });
    states.forEach((s) => query.append('states[]', s));
    const page = await this.json(listOf(item), { method: 'GET', path: `${path}?${query}`, timeoutMs: this.timeout.default });
    return { items: page.items as z.output<T>[], count: page.count };
  }
}
