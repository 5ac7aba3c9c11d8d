import { CLIENT_CONCURRENCY } from '../../../../preload/contract/core/settings';
import type { StepContext, StepExecutor } from '../../../core/runs/run-flow';
import type { RecordChange } from '../../../core/runs/run-record';
import type { FiskalyClient } from '../api/client';
import { FiskalyError } from '../api/fiskaly-error';
import { withRetryNotices } from '../api/http';
import { checkReceipt } from '../tse';
import type { Vault } from '../../../vault';
import { generateAdminPin, storePin } from './admin-pin';
import { EXPECTED_API_ENV, type Environment } from './environment';
import type { Journal, JournalData, StepName } from './journal';
import { ProvisioningError } from './provisioning-error';
import { type RunAtServer, reconcile, serverGaps } from './reconciliation';
import { testReceiptSchema } from './test-receipt';

/** Clients registered at once unless the settings or the CLI say otherwise (fiskaly answers crowds with 444). */
export const DEFAULT_CLIENT_CONCURRENCY = CLIENT_CONCURRENCY.default;

type JournalChange = RecordChange<JournalData>;

/** What the steps need from outside the journal. */
export interface StepDeps {
  vault: Vault;
  /** The fiskaly client of the plan's environment (one session per organization). */
  clientFor(environment: Environment): FiskalyClient | Promise<FiskalyClient>;
  /** How many clients register at once. */
  clientConcurrency?: number;
}

/**
 * One execution of a provisioning run's steps against fiskaly. Before it trusts its journal (on a resume,
 * a repair, and after fiskaly lost something it had confirmed) it asks the server what exists and does
 * again whatever the server lacks.
 */
export class ProvisioningSteps implements StepExecutor<JournalData> {
  private client!: FiskalyClient;
  /** The PUK lives here only between createTss's answer and the vault write. */
  private puk: string | null = null;
  /** One admin re-login shared by the client registrations that found their session gone. */
  private adminRelogin: Promise<void> | null = null;
  /** Compare with the server before trusting the journal (set on a resume, a repair, and after a gap). */
  private reconcileNext: boolean;
  /** The TSS was created again with the same id during this execution: its PUK replaces the old one. */
  private recreatedAt: string | null = null;

  constructor(
    private readonly journal: Journal,
    private readonly deps: StepDeps,
    private readonly options: { repair?: boolean },
  ) {
    const d = journal.data;
    this.reconcileNext = Boolean(options.repair) || d.done.some((s) => s !== 'auth' && s !== 'store-pin') || d.clients.some((c) => c.registered) || Boolean(d.receipt?.startSent);
  }

  private get data(): JournalData {
    return this.journal.data;
  }

  private get atServer(): RunAtServer {
    return { client: this.client, journal: this.journal, vault: this.deps.vault };
  }

  async begin(): Promise<void> {
    this.client = await this.deps.clientFor(this.data.plan.environment);
  }

  /**
   * Reads, all at once, what a done run must have at the server; what is missing is done again in another
   * pass, after comparing the journal with the server.
   */
  async verify(): Promise<string[]> {
    const gaps = await serverGaps(this.atServer);
    if (gaps.length > 0) this.reconcileNext = true;
    return gaps;
  }

  /** Does a step; what it learned comes back as a journal change, written with the step's "done" mark. */
  run(step: StepName, context: StepContext): Promise<JournalChange | void> {
    // A request of this step tried again (network, 5xx, 429) is a progress event: the run page says so.
    return withRetryNotices((notice) => context.retrying(notice), () => this.runStep(step, context));
  }

  private async runStep(step: StepName, context: StepContext): Promise<JournalChange | void> {
    const tssId = this.data.tssId;
    switch (step) {
      case 'auth': {
        const { env, organizationId } = await this.client.session.environment();
        const expected = EXPECTED_API_ENV[this.data.plan.environment];
        if (env !== expected) {
          throw new ProvisioningError('E_WRONG_ENVIRONMENT', `These API credentials belong to fiskaly ${env}, but the run is for ${expected}. Resume the run with the store's ${expected} key.`, step);
        }
        if (organizationId && this.data.organizationId && organizationId !== this.data.organizationId) {
          // Another organization cannot see this run's TSS: it would look lost, and be made again in the wrong place.
          throw new ProvisioningError(
            'E_WRONG_ORGANIZATION',
            `These API credentials belong to another fiskaly organization than this run's (${this.data.organizationId}). Resume the run with that organization's key.`,
            step,
          );
        }
        if (this.reconcileNext) {
          this.recreatedAt = (await reconcile(this.atServer, Boolean(this.options.repair))).recreatedAt ?? this.recreatedAt;
          this.reconcileNext = false;
        }
        return (d) => {
          d.apiEnv = env;
          d.organizationId = organizationId || d.organizationId;
        };
      }
      case 'create-tss': {
        const tss = await this.createOrFindTss();
        await context.failpoint('after-request:create-tss');
        return (d) => {
          d.tssSerialNumber = tss.serialNumber;
        };
      }
      case 'store-puk': {
        // Resuming before the PUK was durable: createTss is idempotent while CREATED and gives it again.
        const puk = this.puk ?? (await this.createOrFindTss()).adminPuk;
        if (!puk) {
          throw new ProvisioningError(
            'E_PUK_LOST',
            'fiskaly no longer shows this TSS’s PUK and the vault has none. If another laptop’s recovery file holds it, import it and resume; otherwise abandon this run and set the store up again.',
            step,
            'abandon',
          );
        }
        const recreated = this.recreatedAt
          ? { description: `PUK of the TSS made again on ${this.recreatedAt} by run ${this.data.runId}: fiskaly had lost the first TSS with this id, and its PUK is void.` }
          : {};
        await this.deps.vault.put({
          id: tssId,
          kind: 'admin-puk',
          labels: { environment: this.data.plan.environment, tssId, storeName: this.data.plan.storeName, organizationId: this.data.organizationId, ...recreated },
          secret: { puk },
        });
        this.puk = null;
        return;
      }
      case 'deploy': {
        const tss = await this.client.updateTss(tssId, 'UNINITIALIZED').catch((error) => this.acceptState(error, ['UNINITIALIZED', 'INITIALIZED']));
        await context.failpoint('after-request:deploy');
        return (d) => {
          d.bsiCertificationId = tss.bsiCertificationId;
        };
      }
      case 'store-pin': {
        if (!(await this.deps.vault.get(tssId, 'admin-pin'))) await storePin(this.deps.vault, this.data, generateAdminPin());
        return;
      }
      case 'set-pin': {
        const pin = await this.secret('admin-pin', step);
        const puk = await this.secret('admin-puk', step);
        await this.client.changeAdminPin(tssId, (puk as { puk: string }).puk, (pin as { pin: string }).pin);
        await context.failpoint('after-request:set-pin');
        return;
      }
      case 'admin-login': {
        const pin = await this.secret('admin-pin', step);
        await this.client.adminLogin(tssId, (pin as { pin: string }).pin);
        return;
      }
      case 'initialize': {
        const extra = this.data.plan.tssDescription ? { description: this.data.plan.tssDescription } : {};
        const tss = await this.asAdmin(() => this.client.updateTss(tssId, 'INITIALIZED', extra)).catch((error) => this.acceptState(error, ['INITIALIZED']));
        await context.failpoint('after-request:initialize');
        return (d) => {
          d.timeInit = tss.timeInit;
          d.bsiCertificationId = tss.bsiCertificationId ?? d.bsiCertificationId;
        };
      }
      case 'clients':
        return this.registerClients(context);
      case 'admin-logout':
        await this.client.adminLogout(tssId);
        return;
      case 'test-transaction':
        return this.signTestTransaction(context);
      case 'receipt-check': {
        const receipt = this.data.receipt!;
        const result = checkReceipt(receipt.qrCodeData ?? '', { tssSerialNumber: this.data.tssSerialNumber, startTime: receipt.timeStart });
        await this.journal.update((d) => {
          d.receipt = { ...d.receipt!, valid: result.valid, checks: result.checks.map((c) => ({ name: c.name, ok: c.ok, detail: c.detail })) };
        });
        if (!result.valid) {
          const failed = result.checks.filter((c) => !c.ok).map((c) => c.name).join(', ');
          throw new ProvisioningError(
            'E_RECEIPT_INVALID',
            `The test receipt did not pass its check (${failed}). Resume the run to sign a new one; if that fails too, do not hand the store over and contact fiskaly support with the run report.`,
            step,
          );
        }
        return;
      }
    }
  }

  /**
   * An admin login lives in the access token's session: when the token was renewed in between, fiskaly
   * answers 401 and the login is made once more with the stored PIN.
   */
  private async asAdmin<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof FiskalyError) || error.status !== 401) throw error;
      this.adminRelogin ??= this.secret('admin-pin', 'admin-login').then((pin) => this.client.adminLogin(this.data.tssId, (pin as { pin: string }).pin));
      try {
        await this.adminRelogin;
      } finally {
        this.adminRelogin = null;
      }
      return call();
    }
  }

  /** PUT createTss; if the TSS already left CREATED (a resume), read it instead. */
  private async createOrFindTss() {
    try {
      const tss = await this.client.createTss(this.data.tssId, { store: this.data.plan.storeName.slice(0, 500) });
      if (tss.adminPuk) this.puk = tss.adminPuk;
      return tss;
    } catch (error) {
      if (error instanceof FiskalyError && error.code === 'E_TSS_CONFLICT') return this.client.getTss(this.data.tssId);
      throw error;
    }
  }

  /** A repeated state change after a crash is fine when the TSS already is where we wanted it. */
  private async acceptState(error: unknown, states: string[]) {
    if (!(error instanceof FiskalyError) || error.code !== 'E_ILLEGAL_TSS_STATE_CHANGE') throw error;
    const tss = await this.client.getTss(this.data.tssId);
    if (!states.includes(tss.state)) throw error;
    return tss;
  }

  private async secret(kind: 'admin-pin' | 'admin-puk', step: StepName) {
    const secret = await this.deps.vault.get(this.data.tssId, kind);
    if (!secret) throw new ProvisioningError('E_SECRET_MISSING', `The vault has no ${kind === 'admin-pin' ? 'admin PIN' : 'PUK'} for this TSS. Import the recovery file that holds it, then resume.`, step);
    return secret;
  }

  private async registerClients(context: StepContext): Promise<void> {
    const pending = this.data.clients.filter((c) => !c.registered);
    const total = this.data.clients.length;
    let next = 0;
    const worker = async () => {
      while (next < pending.length) {
        context.throwIfCancelled();
        const client = pending[next++]!;
        let answer;
        try {
          answer = await this.asAdmin(() => this.client.createClient(this.data.tssId, client.clientId, client.serialNumber));
        } catch (error) {
          // Older API versions answer a repeated create with 409; the same client on our TSS is success.
          if (!(error instanceof FiskalyError) || error.code !== 'E_CLIENT_CONFLICT') throw error;
          answer = await this.client.getClient(this.data.tssId, client.clientId);
          if (answer.serialNumber !== client.serialNumber) throw error;
        }
        // A planned till someone deregistered meanwhile is registered again: the plan says it takes sales.
        if (answer.state === 'DEREGISTERED') answer = await this.asAdmin(() => this.client.updateClient(this.data.tssId, client.clientId, 'REGISTERED'));
        await context.failpoint(`after-request:clients:${client.serialNumber}`);
        let done = 0;
        // The worker goes on to its next client while this is written: the mark is what a resume skips,
        // not a condition of the next registration. The step is done only once every mark is on disk.
        const written = this.journal
          .update((d) => {
            d.clients.find((c) => c.clientId === client.clientId)!.registered = true;
            done = d.clients.filter((c) => c.registered).length;
          })
          .then(() => context.progress({ done, total }));
        written.catch(() => {});
        writes.push(written);
      }
    };
    const writes: Promise<void>[] = [];
    const concurrency = Math.max(1, Math.min(this.deps.clientConcurrency ?? DEFAULT_CLIENT_CONCURRENCY, CLIENT_CONCURRENCY.max, pending.length));
    // Once one worker fails the others take no new client, and the step ends only when all have stopped.
    const results = await Promise.allSettled(
      Array.from({ length: concurrency }, () =>
        worker().catch((error: unknown) => {
          next = pending.length;
          throw error;
        }),
      ),
    );
    const written = await Promise.allSettled(writes);
    const failure = [...results, ...written].find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
  }

  /** Start (revision 1) and finish (revision 2) with the journaled id; a resume reads where it got to. */
  private async signTestTransaction(context: StepContext): Promise<JournalChange> {
    const { txId, startSent } = this.data.receipt!;
    const clientId = this.data.clients[0]!.clientId;
    // Only a start that may have been sent can have left a transaction behind to read back.
    let tx = startSent
      ? await this.client.getTransaction(this.data.tssId, txId).catch((error) => {
          if (error instanceof FiskalyError && error.status === 404) return null;
          throw error;
        })
      : null;
    if (!tx) {
      if (!startSent) await this.journal.update((d) => void (d.receipt!.startSent = true));
      tx = await this.client.upsertTransaction(this.data.tssId, txId, 1, { state: 'ACTIVE', client_id: clientId });
    }
    await context.failpoint('after-request:test-transaction:start');
    if (tx.state === 'ACTIVE') {
      tx = await this.client.upsertTransaction(this.data.tssId, txId, tx.latestRevision + 1, {
        state: 'FINISHED',
        client_id: clientId,
        schema: testReceiptSchema(this.data.plan.environment),
      });
    }
    await context.failpoint('after-request:test-transaction:finish');
    if (tx.state !== 'FINISHED' || !tx.qrCodeData) {
      throw new ProvisioningError('E_TEST_TRANSACTION', `The test transaction ended as ${tx.state} without a QR code. Resume the run: it signs a new one with a new id.`, 'test-transaction');
    }
    const finished = tx;
    return (d: JournalData) => {
      d.receipt = {
        txId,
        startSent: true,
        number: finished.number,
        qrCodeData: finished.qrCodeData,
        timeStart: finished.timeStart,
        timeEnd: finished.timeEnd,
        signatureCounter: finished.signature?.counter,
        receiptType: this.data.plan.environment === 'live' ? 'TRAINING' : 'RECEIPT',
      };
    };
  }
}
