import type { FiskalyClient } from '../fiskaly/client';
import { FiskalyError } from '../fiskaly/fiskaly-error';
import { checkReceipt } from '../tse';
import type { Vault } from '../vault';
import { generateAdminPin } from './admin-pin';
import { EXPECTED_API_ENV, type Environment } from './environment';
import { Journal, type JournalData, STEP_NAMES, type StepName } from './journal';
import { ProvisioningError, RunCancelled, toProvisioningError } from './provisioning-error';
import type { StorePlan } from './store-plan';
import { testReceiptSchema } from './test-receipt';

/** Steps whose result the next step does not need. */
const RUNS_BESIDE_NEXT: readonly StepName[] = ['deploy', 'admin-logout'];

/** Clients registered at once: a store's whole till line in one or two rounds, never a flood. */
export const DEFAULT_CLIENT_CONCURRENCY = 20;

type JournalChange = (data: JournalData) => void;

export interface ProgressEvent {
  runId: string;
  storeName: string;
  step: StepName;
  /** 1-based position of the step among the run's steps. */
  index: number;
  total: number;
  status: 'running' | 'done' | 'skipped' | 'failed';
  /** Share of the run done, 0..1. */
  fraction: number;
  /** For the clients step: how many are registered so far. */
  detail?: { done: number; total: number };
}

export interface OrchestratorDeps {
  dataDir: string;
  vault: Vault;
  /** The fiskaly client of the plan's environment (one session per organization). */
  clientFor(environment: Environment): FiskalyClient | Promise<FiskalyClient>;
  onProgress?(event: ProgressEvent): void;
  /** Crash injection for tests: named points at every step boundary. */
  failpoint?(name: string): void | Promise<void>;
  /** How many clients register at once. */
  clientConcurrency?: number;
  signal?: AbortSignal;
}

export interface RunReport {
  runId: string;
  storeName: string;
  environment: Environment;
  status: JournalData['status'];
  tssId: string;
  tssSerialNumber?: string;
  bsiCertificationId?: string;
  timeInit?: number;
  clients: Array<{ serialNumber: string; clientId: string; registered: boolean }>;
  receipt: JournalData['receipt'];
  error?: JournalData['error'];
}

export const reportOf = (data: JournalData): RunReport => ({
  runId: data.runId,
  storeName: data.plan.storeName,
  environment: data.plan.environment,
  status: data.status,
  tssId: data.tssId,
  tssSerialNumber: data.tssSerialNumber,
  bsiCertificationId: data.bsiCertificationId,
  timeInit: data.timeInit,
  clients: data.clients.map((c) => ({ ...c })),
  receipt: data.receipt,
  error: data.error,
});

/**
 * Makes a store's run durable without starting it: its ids, the organization it runs for and the
 * technician's own PIN (if any) are written before the first request. Returns the run id.
 */
export async function prepareRun(plan: StorePlan, deps: Pick<OrchestratorDeps, 'dataDir' | 'vault'>, organizationId?: string): Promise<string> {
  const journal = await Journal.create(deps.dataDir, plan);
  if (organizationId) await journal.update((d) => void (d.organizationId = organizationId));
  if (plan.adminPin) await storePin(deps.vault, journal.data, plan.adminPin);
  return journal.data.runId;
}

/** Prepares and runs a store's run to its end. */
export async function startRun(plan: StorePlan, deps: OrchestratorDeps): Promise<RunReport> {
  return resumeRun(await prepareRun(plan, deps), deps);
}

/** Continues a run from its journal, after a crash, a lost network, a cancel or a fixed cause. */
export async function resumeRun(runId: string, deps: OrchestratorDeps): Promise<RunReport> {
  const journal = await Journal.load(deps.dataDir, runId);
  if (journal.data.status === 'done') return reportOf(journal.data);
  return new Run(journal, deps).execute();
}

function storePin(vault: Vault, data: JournalData, pin: string) {
  return vault.put({
    id: data.tssId,
    kind: 'admin-pin',
    labels: { environment: data.plan.environment, tssId: data.tssId, storeName: data.plan.storeName, organizationId: data.organizationId },
    secret: { pin },
  });
}

class Run {
  private client!: FiskalyClient;
  /** The PUK lives here only between createTss's answer and the vault write. */
  private puk: string | null = null;
  /** One admin re-login shared by the client registrations that found their session gone. */
  private adminRelogin: Promise<void> | null = null;
  private readonly steps: StepName[];

  constructor(
    private readonly journal: Journal,
    private readonly deps: OrchestratorDeps,
  ) {
    const receiptSteps: StepName[] = ['test-transaction', 'receipt-check'];
    this.steps = STEP_NAMES.filter((s) => journal.data.plan.testReceipt || !receiptSteps.includes(s));
  }

  private get data(): JournalData {
    return this.journal.data;
  }

  async execute(): Promise<RunReport> {
    await this.journal.update((d) => {
      d.status = 'running';
      delete d.error;
    });
    this.client = await this.deps.clientFor(this.data.plan.environment);
    let current: StepName = this.steps[0]!;
    // A step that nothing next needs runs beside that next step (the deployment beside storing the PIN,
    // the admin logout beside the test receipt); it is awaited before the step after.
    let beside: { step: StepName; done: Promise<void> } | null = null;
    const awaitBeside = async () => {
      if (!beside) return;
      current = beside.step;
      await beside.done;
      beside = null;
    };
    try {
      for (const [i, step] of this.steps.entries()) {
        current = step;
        if (this.deps.signal?.aborted) throw new RunCancelled(step);
        if (this.journal.isDone(step) && !this.mustRepeat(step)) {
          this.progress(step, i, 'skipped');
          await awaitBeside();
          continue;
        }
        this.progress(step, i, 'running');
        await this.deps.failpoint?.(`before:${step}`);
        const done = this.run(step, i).then(async (change) => {
          await this.journal.markDone(step, change ?? undefined);
          await this.deps.failpoint?.(`after:${step}`);
          this.progress(step, i, 'done');
        });
        if (RUNS_BESIDE_NEXT.includes(step) && i < this.steps.length - 1 && !beside) {
          beside = { step, done };
          done.catch(() => {});
          continue;
        }
        await done;
        await awaitBeside();
      }
      await awaitBeside();
      await this.journal.update((d) => {
        d.status = 'done';
      });
    } catch (error) {
      const failure = toProvisioningError(error, current);
      await this.journal.update((d) => {
        d.status = failure instanceof RunCancelled ? 'cancelled' : 'failed';
        d.error = { code: failure.code, message: failure.message, step: current, next: failure instanceof RunCancelled ? 'resume' : failure.next };
      });
      this.progress(current, this.steps.indexOf(current), 'failed');
      throw failure;
    }
    return reportOf(this.data);
  }

  /** An admin login lives only as long as its session: it is made again whenever admin work is left. */
  private mustRepeat(step: StepName): boolean {
    return step === 'admin-login' && (!this.journal.isDone('initialize') || !this.journal.isDone('clients'));
  }

  private progress(step: StepName, index: number, status: ProgressEvent['status'], detail?: ProgressEvent['detail']): void {
    const finished = status === 'done' || status === 'skipped' ? index + 1 : index;
    this.deps.onProgress?.({
      runId: this.data.runId,
      storeName: this.data.plan.storeName,
      step,
      index: index + 1,
      total: this.steps.length,
      status,
      fraction: finished / this.steps.length,
      detail,
    });
  }

  /** Does a step; what it learned comes back as a journal change, written with the step's "done" mark. */
  private async run(step: StepName, index: number): Promise<JournalChange | void> {
    const tssId = this.data.tssId;
    switch (step) {
      case 'auth': {
        const { env, organizationId } = await this.client.session.environment();
        const expected = EXPECTED_API_ENV[this.data.plan.environment];
        if (env !== expected) {
          throw new ProvisioningError('E_WRONG_ENVIRONMENT', `These API credentials belong to fiskaly ${env}, but the plan is for ${expected}. Use the store's ${expected} key.`, step, 'fix-plan');
        }
        return (d) => {
          d.apiEnv = env;
          d.organizationId = organizationId;
        };
      }
      case 'create-tss': {
        const tss = await this.createOrFindTss();
        await this.deps.failpoint?.('after-request:create-tss');
        return (d) => {
          d.tssSerialNumber = tss.serialNumber;
        };
      }
      case 'store-puk': {
        // Resuming before the PUK was durable: createTss is idempotent while CREATED and gives it again.
        const puk = this.puk ?? (await this.createOrFindTss()).adminPuk;
        if (!puk) throw new ProvisioningError('E_PUK_LOST', 'fiskaly no longer shows this TSS’s PUK and the vault has none. Do not use this TSS; start a new run.', step);
        await this.deps.vault.put({
          id: tssId,
          kind: 'admin-puk',
          labels: { environment: this.data.plan.environment, tssId, storeName: this.data.plan.storeName, organizationId: this.data.organizationId },
          secret: { puk },
        });
        this.puk = null;
        return;
      }
      case 'deploy': {
        const tss = await this.client.updateTss(tssId, 'UNINITIALIZED').catch((error) => this.acceptState(error, ['UNINITIALIZED', 'INITIALIZED']));
        await this.deps.failpoint?.('after-request:deploy');
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
        await this.deps.failpoint?.('after-request:set-pin');
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
        await this.deps.failpoint?.('after-request:initialize');
        return (d) => {
          d.timeInit = tss.timeInit;
          d.bsiCertificationId = tss.bsiCertificationId ?? d.bsiCertificationId;
        };
      }
      case 'clients':
        return this.registerClients(index);
      case 'admin-logout':
        await this.client.adminLogout(tssId);
        return;
      case 'test-transaction':
        return this.signTestTransaction();
      case 'receipt-check': {
        const receipt = this.data.receipt!;
        const result = checkReceipt(receipt.qrCodeData ?? '', { tssSerialNumber: this.data.tssSerialNumber, startTime: receipt.timeStart });
        await this.journal.update((d) => {
          d.receipt = { ...d.receipt!, valid: result.valid, checks: result.checks.map((c) => ({ name: c.name, ok: c.ok, detail: c.detail })) };
        });
        if (!result.valid) {
          const failed = result.checks.filter((c) => !c.ok).map((c) => c.name).join(', ');
          throw new ProvisioningError('E_RECEIPT_INVALID', `The test receipt did not pass its check (${failed}). Do not hand the store over; contact fiskaly support with the run report.`, step);
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

  private async registerClients(index: number): Promise<void> {
    const pending = this.data.clients.filter((c) => !c.registered);
    const total = this.data.clients.length;
    let next = 0;
    const worker = async () => {
      while (next < pending.length) {
        if (this.deps.signal?.aborted) throw new RunCancelled('clients');
        const client = pending[next++]!;
        try {
          await this.asAdmin(() => this.client.createClient(this.data.tssId, client.clientId, client.serialNumber));
        } catch (error) {
          // Older API versions answer a repeated create with 409; the same client on our TSS is success.
          if (!(error instanceof FiskalyError) || error.code !== 'E_CLIENT_CONFLICT') throw error;
          const existing = await this.client.getClient(this.data.tssId, client.clientId);
          if (existing.serialNumber !== client.serialNumber) throw error;
        }
        await this.deps.failpoint?.(`after-request:clients:${client.serialNumber}`);
        let done = 0;
        await this.journal.update((d) => {
          d.clients.find((c) => c.clientId === client.clientId)!.registered = true;
          done = d.clients.filter((c) => c.registered).length;
        });
        this.progress('clients', index, 'running', { done, total });
      }
    };
    const concurrency = Math.max(1, Math.min(this.deps.clientConcurrency ?? DEFAULT_CLIENT_CONCURRENCY, pending.length));
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  /** Start (revision 1) and finish (revision 2) with the journaled id; a resume reads where it got to. */
  private async signTestTransaction(): Promise<JournalChange> {
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
    await this.deps.failpoint?.('after-request:test-transaction:start');
    if (tx.state === 'ACTIVE') {
      tx = await this.client.upsertTransaction(this.data.tssId, txId, tx.latestRevision + 1, {
        state: 'FINISHED',
        client_id: clientId,
        schema: testReceiptSchema(this.data.plan.environment),
      });
    }
    await this.deps.failpoint?.('after-request:test-transaction:finish');
    if (tx.state !== 'FINISHED' || !tx.qrCodeData) {
      throw new ProvisioningError('E_TEST_TRANSACTION', `The test transaction ended as ${tx.state} without a QR code. Resume the run to sign a new one.`, 'test-transaction');
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
