import type { z } from 'zod';
import { DEFAULT_TIMEOUTS, type OnceOption, type Timeouts } from '../api/client';
import { FiskalyError } from '../api/fiskaly-error';
import { FiskalyHttp, type HttpCall, type HttpOptions } from '../api/http';
import { type ApiCredentials, FiskalySession } from '../api/session';
import { type V1ExportArchive, exportArchive } from './export-archive';
import { type V1Page, checkPageWindow, collectPages } from './pages';
import {
  V1_EXPORT_FAILED_STATES,
  type V1Client,
  V1ClientSchema,
  type V1Export,
  V1ExportSchema,
  type V1Transaction,
  V1TransactionSchema,
  type V1Tss,
  V1TssSchema,
  v1ListOf,
} from './resources';
import { v1CancellationBody } from './transaction-bodies';

export interface FiskalyV1ClientOptions extends HttpOptions {
  /** The V1 base, e.g. `https://kassensichv.io/api/v1` (a wizard setting: the host may differ, VERIFY). */
  baseUrl: string;
  credentials: ApiCredentials;
  now?: () => number;
  timeouts?: Partial<Timeouts>;
}

export interface V1ListOptions {
  states?: string[];
}

export interface V1TransactionListOptions extends V1ListOptions {
  /** Only this till's transactions, picked on our side: V1 had no per-client transaction list that was seen. */
  clientId?: string;
}

/** What disabling came to: `disabledNow` false when the TSS was disabled already (nothing was sent). */
export interface V1DisableResult {
  tss: V1Tss;
  disabledNow: boolean;
}

/** What a cancel came to: `cancelledNow` false when the transaction was no longer ACTIVE (nothing was sent). */
export interface V1CancelResult {
  transaction: V1Transaction;
  cancelledNow: boolean;
}

export interface ExportWaitOptions {
  /** Between two looks; V2 allows 12 a minute per export, V1's limit is unknown, so no faster than V2's. */
  intervalMs?: number;
  /** Looks before giving up with E_EXPORT_NOT_COMPLETED (the export keeps running at fiskaly). */
  maxPolls?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const segment = (id: string) => encodeURIComponent(id);

/**
 * Typed SIGN DE V1 operations for one organization: what a V1 → V2 migration reads, closes, archives and
 * finally disables. It has its own session (POST {v1}/auth, refreshed, a new login on a 401): the wizard
 * holds one session per API version, since whether a V1 token works on V2 or the reverse is undocumented
 * (VERIFY). JSON bodies only: fiskaly's own guide disables with a form-encoded curl, but every SDK and
 * integration sends JSON, and whether V1 parsed forms at all is unknown (VERIFY).
 */
export class FiskalyV1Client {
  readonly session: FiskalySession;
  private readonly http: FiskalyHttp;
  private readonly timeout: Timeouts;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: FiskalyV1ClientOptions) {
    this.timeout = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.http = new FiskalyHttp(options.baseUrl.replace(/\/+$/, ''), options);
    // VERIFY: V1 token lifetimes are unknown; the fiskaly SDKs refreshed every refresh_token_expires_in/10,
    // this session refreshes when the token has run out by its answer or on a 401, then logs in again.
    this.session = new FiskalySession(this.http, options.credentials, options.now);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  close(): Promise<void> {
    return this.http.close();
  }

  // ── TSS ──────────────────────────────────────────────────────────────────────────────────────────────

  getTss(tssId: string): Promise<V1Tss> {
    return this.json(V1TssSchema, { method: 'GET', path: `/tss/${segment(tssId)}`, timeoutMs: this.timeout.default });
  }

  /** Every TSS of the organization, in `states` if given (sent as `states[]`, as SDK-V1 did, and checked here too). */
  async listTss(options: V1ListOptions = {}): Promise<V1Tss[]> {
    const all = await collectPages((limit, offset) => this.listTssPage({ ...options, limit, offset }));
    return inStates(all, options.states);
  }

  /** VERIFY: `limit`, `offset` and `states[]` on GET /tss (SDK-V1 saw 200 for the states). */
  listTssPage(page: V1ListOptions & { limit?: number; offset?: number } = {}): Promise<V1Page<V1Tss>> {
    return this.page(V1TssSchema, '/tss', page.states ?? [], page.limit ?? 100, page.offset ?? 0);
  }

  /**
   * Disables a V1 TSS, which is final: it can never sign again (its data and exports stay). Looked up first,
   * so an unknown id is never sent a DISABLED (VERIFY: V1 might *create* a disabled TSS) and one already
   * disabled gets nothing; then `PUT {"state":"DISABLED"}` (no admin authentication in V1) and read back.
   * Unknown → 404 E_TSS_NOT_FOUND as it came. VERIFY: whether UNINITIALIZED → DISABLED is allowed (sent as is).
   */
  async disableTss(tssId: string): Promise<V1DisableResult> {
    const before = await this.getTss(tssId);
    if (before.state === 'DISABLED') return { tss: before, disabledNow: false };
    try {
      await this.json(V1TssSchema, { method: 'PUT', path: `/tss/${segment(tssId)}`, body: { state: 'DISABLED' }, timeoutMs: this.timeout.default });
    } catch (error) {
      // A retried PUT after an answer that got lost may be refused (VERIFY: a re-PUT of DISABLED is taken to
      // answer 200, but 400 E_ILLEGAL_TSS_STATE_CHANGE is possible): what the TSS says now decides.
      const now = await this.getTss(tssId).catch(() => null);
      if (now?.state === 'DISABLED') return { tss: now, disabledNow: true };
      throw error;
    }
    const after = await this.getTss(tssId);
    if (after.state !== 'DISABLED') {
      throw new FiskalyError(502, 'E_V1_DISABLE_NOT_CONFIRMED', `fiskaly accepted the disable, but the TSS reads back as ${after.state}`);
    }
    return { tss: after, disabledNow: true };
  }

  // ── Clients (tills) ──────────────────────────────────────────────────────────────────────────────────

  getClient(tssId: string, clientId: string): Promise<V1Client> {
    return this.json(V1ClientSchema, { method: 'GET', path: `/tss/${segment(tssId)}/client/${segment(clientId)}`, timeoutMs: this.timeout.default });
  }

  listClients(tssId: string): Promise<V1Client[]> {
    return collectPages((limit, offset) => this.listClientsPage(tssId, { limit, offset }));
  }

  /** VERIFY: `limit`/`offset` on GET /tss/{id}/client. */
  listClientsPage(tssId: string, page: { limit?: number; offset?: number } = {}): Promise<V1Page<V1Client>> {
    return this.page(V1ClientSchema, `/tss/${segment(tssId)}/client`, [], page.limit ?? 100, page.offset ?? 0);
  }

  // ── Transactions ─────────────────────────────────────────────────────────────────────────────────────

  getTransaction(tssId: string, txId: string): Promise<V1Transaction> {
    return this.json(V1TransactionSchema, { method: 'GET', path: `/tss/${segment(tssId)}/tx/${segment(txId)}`, timeoutMs: this.timeout.default });
  }

  /**
   * The TSS's transactions, in `states` and of `clientId` if given. VERIFY: whether V1 filters by state at
   * all. The filter is sent (`states[]`, as on V2) to spare pages where it works, always applied again here,
   * and dropped when V1 refuses the request with a 400 for it; so the answer holds whatever V1 does.
   */
  async listTransactions(tssId: string, options: V1TransactionListOptions = {}): Promise<V1Transaction[]> {
    const states = options.states ?? [];
    const collect = (sent: string[]) => collectPages((limit, offset) => this.listTransactionsPage(tssId, { states: sent, limit, offset }));
    let all: V1Transaction[];
    try {
      all = await collect(states);
    } catch (error) {
      if (states.length === 0 || !(error instanceof FiskalyError) || error.status !== 400) throw error;
      all = await collect([]);
    }
    const ofClient = options.clientId ? all.filter((tx) => tx.clientId === options.clientId) : all;
    return inStates(ofClient, options.states).sort((a, b) => a.number - b.number);
  }

  /** The transactions still open: what a cut-over must cancel before V1 is disabled. */
  listActiveTransactions(tssId: string, clientId?: string): Promise<V1Transaction[]> {
    return this.listTransactions(tssId, { states: ['ACTIVE'], ...(clientId ? { clientId } : {}) });
  }

  /** One page as V1 sent it (the state filter unchecked). VERIFY: `limit` (default 100) and `offset` [XENTRAL]. */
  listTransactionsPage(tssId: string, page: V1ListOptions & { limit?: number; offset?: number } = {}): Promise<V1Page<V1Transaction>> {
    return this.page(V1TransactionSchema, `/tss/${segment(tssId)}/tx`, page.states ?? [], page.limit ?? 100, page.offset ?? 0);
  }

  /**
   * Closes an ACTIVE transaction with a proper cancellation, as ODOO did on V1: `PUT ?last_revision=<latest>`
   * with state CANCELLED, its client and a CANCELLATION receipt. Looked up first (the revision to send, and
   * one no longer ACTIVE is left as it is). A refused revision (VERIFY: V1's answer to a stale
   * `last_revision`; taken as 400 E_TX_UPSERT) is looked up again: cancelled by our own earlier try whose
   * answer got lost → done; moved on by a till → one more try with its new revision.
   */
  async cancelTransaction(tssId: string, txId: string): Promise<V1CancelResult> {
    let current = await this.getTransaction(tssId, txId);
    for (let attempt = 1; ; attempt++) {
      if (current.state !== 'ACTIVE') return { transaction: current, cancelledNow: false };
      try {
        const answer = await this.json(V1TransactionSchema, {
          method: 'PUT',
          path: `/tss/${segment(tssId)}/tx/${segment(txId)}?last_revision=${current.latestRevision}`,
          body: v1CancellationBody(current.clientId),
          timeoutMs: this.timeout.transaction,
        });
        if (answer.state !== 'CANCELLED') {
          throw new FiskalyError(502, 'E_V1_CANCEL_NOT_CONFIRMED', `fiskaly answered the cancellation with state ${answer.state}`);
        }
        return { transaction: answer, cancelledNow: true };
      } catch (error) {
        if (!(error instanceof FiskalyError) || error.code !== 'E_TX_UPSERT' || attempt >= 2) throw error;
        const again = await this.getTransaction(tssId, txId);
        if (again.state === 'CANCELLED') return { transaction: again, cancelledNow: true };
        current = again;
      }
    }
  }

  // ── Exports ──────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Starts an export under an id the caller made (and journaled) first, so a retry or a resume finds the
   * same export instead of starting a second: `PUT {}` with optional query filters (none = everything). An
   * id that V1 refuses as taken (VERIFY: V1's answer to a repeated PUT) is looked up and returned if there.
   */
  async triggerExport(tssId: string, exportId: string, filters: Record<string, string> = {}): Promise<V1Export> {
    if (!UUID.test(exportId)) throw new FiskalyError(400, 'E_FAILED_SCHEMA_VALIDATION', 'the export id must be a UUID');
    const query = new URLSearchParams(filters).toString();
    try {
      return await this.json(V1ExportSchema, {
        method: 'PUT',
        path: `/tss/${segment(tssId)}/export/${exportId}${query ? `?${query}` : ''}`,
        body: {},
        timeoutMs: this.timeout.default,
      });
    } catch (error) {
      if (!(error instanceof FiskalyError) || (error.status !== 400 && error.status !== 409)) throw error;
      const existing = await this.getExport(tssId, exportId).catch(() => null);
      if (existing) return existing;
      throw error;
    }
  }

  getExport(tssId: string, exportId: string, options: OnceOption = {}): Promise<V1Export> {
    return this.json(V1ExportSchema, { method: 'GET', path: `/tss/${segment(tssId)}/export/${segment(exportId)}`, timeoutMs: this.timeout.default, once: options.once });
  }

  /** The TSS's exports (to resume: is ours there already?). VERIFY: paging and `states[]` on V1's export list. */
  async listExports(tssId: string, options: V1ListOptions = {}): Promise<V1Export[]> {
    const all = await collectPages((limit, offset) => this.page(V1ExportSchema, `/tss/${segment(tssId)}/export`, options.states ?? [], limit, offset));
    return inStates(all, options.states);
  }

  /**
   * Looks at the export until it is COMPLETED; ERROR or CANCELLED → E_V1_EXPORT_FAILED, still running after
   * `maxPolls` looks → E_EXPORT_NOT_COMPLETED (it keeps running at fiskaly: wait again, never trigger anew).
   */
  async waitForExport(tssId: string, exportId: string, options: ExportWaitOptions = {}): Promise<V1Export> {
    const intervalMs = options.intervalMs ?? 5_000;
    const maxPolls = options.maxPolls ?? 120;
    for (let poll = 1; ; poll++) {
      const current = await this.getExport(tssId, exportId);
      if (current.state === 'COMPLETED') return current;
      if ((V1_EXPORT_FAILED_STATES as readonly string[]).includes(current.state)) {
        throw new FiskalyError(409, 'E_V1_EXPORT_FAILED', `the export ended as ${current.state}${current.exception ? ` (${current.exception})` : ''}`);
      }
      if (poll >= maxPolls) throw new FiskalyError(409, 'E_EXPORT_NOT_COMPLETED', `the export is still ${current.state}`);
      await this.sleep(intervalMs);
    }
  }

  /**
   * The export's file (a TAR) as bytes with its SHA-256. VERIFY: the path `/file` is V2's, never seen for V1.
   * An empty answer is refused: the store must keep a real archive.
   */
  async downloadExport(tssId: string, exportId: string, options: OnceOption = {}): Promise<V1ExportArchive> {
    const answer = await this.session.call({
      method: 'GET',
      path: `/tss/${segment(tssId)}/export/${segment(exportId)}/file`,
      timeoutMs: this.timeout.export,
      binary: true,
      once: options.once,
    });
    if (answer.bytes.length === 0) throw new FiskalyError(502, 'E_V1_EXPORT_EMPTY', 'the export file came back empty');
    return exportArchive(answer.bytes);
  }

  // ── Plumbing ─────────────────────────────────────────────────────────────────────────────────────────

  private async json<T extends z.ZodType>(schema: T, call: Omit<HttpCall, 'token'>): Promise<z.output<T>> {
    const answer = await this.session.call(call);
    const parsed = schema.safeParse(answer.json);
    if (!parsed.success) {
      throw new FiskalyError(502, 'E_UNEXPECTED_RESPONSE', `the answer to ${call.method} ${call.path.split('?')[0]} did not have the expected shape`);
    }
    return parsed.data;
  }

  private async page<T extends z.ZodType>(item: T, path: string, states: string[], limit: number, offset: number): Promise<V1Page<z.output<T>>> {
    checkPageWindow(limit, offset);
    const query = new URLSearchParams({ limit: String(limit), offset: String(offset) });
    states.forEach((state) => query.append('states[]', state));
    const page = await this.json(v1ListOf(item), { method: 'GET', path: `${path}?${query}`, timeoutMs: this.timeout.default });
    return { items: page.items as z.output<T>[], count: page.count };
  }
}

const inStates = <T extends { state: string }>(items: T[], states: string[] | undefined): T[] =>
  states && states.length > 0 ? items.filter((item) => states.includes(item.state)) : items;
