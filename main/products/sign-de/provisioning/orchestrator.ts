import { randomUUID } from 'node:crypto';
import { CLIENT_CONCURRENCY } from '../../../../preload/contract/core/settings';
import type { ProgressEvent, RunReport } from '../../../../preload/contract/sign-de/runs';
import { AppError } from '../../../core/errors';
import type { FiskalyClient } from '../api/client';
import { FiskalyError } from '../api/fiskaly-error';
import { checkReceipt } from '../tse';
import type { Vault } from '../../../vault';
import { generateAdminPin } from './admin-pin';
import { EXPECTED_API_ENV, type Environment } from './environment';
import { Journal, type JournalData, STEP_NAMES, type StepName, runLockTarget } from './journal';
import { ProvisioningError, RunCancelled, toProvisioningError } from './provisioning-error';
import { type HeldRunLock, takeRunLock } from '../../../core/runs/run-lock';
import type { StorePlan } from './store-plan';
import { testReceiptSchema } from './test-receipt';

/** Steps whose result the next step does not need. */
const RUNS_BESIDE_NEXT: readonly StepName[] = ['deploy', 'admin-logout'];

/** Clients registered at once unless the settings or the CLI say otherwise (fiskaly answers crowds with 444). */
export const DEFAULT_CLIENT_CONCURRENCY = CLIENT_CONCURRENCY.default;

/** How often a run goes through its steps again when fiskaly no longer shows what it confirmed. */
const MAX_PASSES = 3;

/** Everything from the TSS's creation on: what a TSS the server lost or never deployed must do again. */
const FROM_CREATE_TSS: readonly StepName[] = STEP_NAMES.filter((s) => s !== 'auth' && s !== 'store-pin');
const AFTER_DEPLOY: readonly StepName[] = ['set-pin', 'admin-login', 'initialize', 'clients', 'admin-logout', 'test-transaction', 'receipt-check'];
const RECEIPT_STEPS: readonly StepName[] = ['test-transaction', 'receipt-check'];

export interface ResumeOptions {
  /**
   * Compare with the server even when the journal says nothing was done or the run is done, and set the
   * vault's admin PIN again with the vault's PUK (the way out of a PIN the TSS no longer takes).
   */
  repair?: boolean;
  /** The run's lock, taken beforehand with claimRun (to answer E_RUN_BUSY at once); released at the end. */
  claimed?: HeldRunLock;
}

/** Takes the run's cross-process lock, or fails at once with E_RUN_BUSY. */
export const claimRun = (dataDir: string, runId: string): Promise<HeldRunLock> => takeRunLock(runLockTarget(dataDir, runId), runId);

type JournalChange = (data: JournalData) => void;

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
  ...(data.repairs ? { repairs: data.repairs } : {}),
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

export { RunBusyError } from '../../../core/runs/run-lock';

/**
 * Continues a run from its journal, after a crash, a lost network, a cancel or a fixed cause. The run
 * executes in one process at a time: another one asking gets E_RUN_BUSY. Before it trusts its journal, it
 * asks the server what exists and does again whatever the server lacks.
 */
export async function resumeRun(runId: string, deps: OrchestratorDeps, options: ResumeOptions = {}): Promise<RunReport> {
  const lock = options.claimed ?? (await claimRun(deps.dataDir, runId));
  try {
    // Read under the lock: the process that held it may have moved the run on.
    const journal = await Journal.load(deps.dataDir, runId);
    if (journal.data.status === 'abandoned') throw runAbandoned();
    // A done run resumed is checked with the server too: done is only what the server shows now.
    const signal = deps.signal ? AbortSignal.any([deps.signal, lock.lost]) : lock.lost;
    return await new Run(journal, { ...deps, signal }, options).execute();
  } finally {
    await lock.release();
  }
}

/**
 * Gives a run up: it leaves the unfinished list, nothing is deleted (journal and vault entries stay, and a
 * TSS it made stays at fiskaly, to be seen in the store overview). Refused while the run executes anywhere.
 */
export async function abandonRun(runId: string, dataDir: string, now = new Date()): Promise<RunReport> {
  const lock = await claimRun(dataDir, runId);
  try {
    const journal = await Journal.load(dataDir, runId);
    if (journal.data.status === 'done') throw new AppError('E_RUN_DONE', 'This run is finished; there is nothing to abandon.');
    if (journal.data.status !== 'abandoned') {
      await journal.update((d) => {
        d.status = 'abandoned';
        d.abandonedAt = now.toISOString();
      });
    }
    return reportOf(journal.data);
  } finally {
    await lock.release();
  }
}

const runAbandoned = () => new AppError('E_RUN_ABANDONED', 'This run was abandoned and is not continued. Set the store up with a new run.');

function storePin(vault: Vault, data: JournalData, pin: string) {
  return vault.put({
    id: data.tssId,
    kind: 'admin-pin',
    labels: { environment: data.plan.environment, tssId: data.tssId, storeName: data.plan.storeName, organizationId: data.organizationId },
    secret: { pin },
  });
}

const isNotFound = (error: unknown): boolean => error instanceof FiskalyError && error.status === 404;
const orNullIfNotFound = <T>(promise: Promise<T>): Promise<T | null> =>
  promise.catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });

class Run {
  private client!: FiskalyClient;
  /** The PUK lives here only between createTss's answer and the vault write. */
  private puk: string | null = null;
  /** One admin re-login shared by the client registrations that found their session gone. */
  private adminRelogin: Promise<void> | null = null;
  private readonly steps: StepName[];
  private current: StepName;
  /** Compare with the server before trusting the journal (set on a resume, a repair, and after a gap). */
  private reconcileNext: boolean;
  /** The TSS was created again with the same id during this execution: its PUK replaces the old one. */
  private recreatedAt: string | null = null;

  constructor(
    private readonly journal: Journal,
    private readonly deps: OrchestratorDeps,
    private readonly options: ResumeOptions,
  ) {
    this.steps = STEP_NAMES.filter((s) => journal.data.plan.testReceipt || !RECEIPT_STEPS.includes(s));
    this.current = this.steps[0]!;
    const d = journal.data;
    this.reconcileNext = Boolean(options.repair) || d.done.some((s) => s !== 'auth' && s !== 'store-pin') || d.clients.some((c) => c.registered) || Boolean(d.receipt?.startSent);
  }

  private get data(): JournalData {
    return this.journal.data;
  }

  async execute(): Promise<RunReport> {
    await this.journal.update((d) => {
      d.status = 'running';
      delete d.error;
    });
    try {
      this.client = await this.deps.clientFor(this.data.plan.environment);
      for (let pass = 1; ; pass++) {
        await this.runSteps();
        const gaps = await this.serverGaps();
        if (gaps.length === 0) break;
        if (pass === MAX_PASSES) {
          throw new ProvisioningError(
            'E_SERVER_DID_NOT_KEEP',
            `fiskaly confirmed this run's work but does not show ${gaps.join(' and ')}, after ${MAX_PASSES} tries. Resume the run later; if it happens again, contact fiskaly support.`,
            this.current,
          );
        }
        this.reconcileNext = true;
      }
      await this.journal.update((d) => {
        d.status = 'done';
      });
    } catch (error) {
      const failure = toProvisioningError(error, this.current);
      const step = this.current;
      await this.journal.update((d) => {
        d.status = failure instanceof RunCancelled ? 'cancelled' : 'failed';
        d.error = { code: failure.code, message: failure.message, step, next: failure.next };
      });
      this.progress(step, this.steps.indexOf(step), 'failed');
      throw failure;
    }
    return reportOf(this.data);
  }

  private async runSteps(): Promise<void> {
    // A step that nothing next needs runs beside that next step (the deployment beside storing the PIN,
    // the admin logout beside the test receipt); it is awaited before the step after.
    const state: { beside: { step: StepName; done: Promise<void> } | null } = { beside: null };
    const awaitBeside = async () => {
      const { beside } = state;
      if (!beside) return;
      this.current = beside.step;
      await beside.done;
      state.beside = null;
    };
    try {
      for (const [i, step] of this.steps.entries()) {
        this.current = step;
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
        if (RUNS_BESIDE_NEXT.includes(step) && i < this.steps.length - 1 && !state.beside) {
          state.beside = { step, done };
          done.catch(() => {});
          continue;
        }
        await done;
        await awaitBeside();
      }
      await awaitBeside();
    } catch (error) {
      // Nothing of this execution may go on writing once it has stopped: a resume may follow at once.
      await state.beside?.done.catch(() => {});
      throw error;
    }
  }

  /**
   * The credentials are checked on every execution (a resume may come with another key), and an admin
   * login lives only as long as its session: it is made again whenever admin work is left.
   */
  private mustRepeat(step: StepName): boolean {
    if (step === 'auth') return true;
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
          await this.reconcile();
          this.reconcileNext = false;
        }
        return (d) => {
          d.apiEnv = env;
          d.organizationId = organizationId || d.organizationId;
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

  private async registerClients(index: number): Promise<void> {
    const pending = this.data.clients.filter((c) => !c.registered);
    const total = this.data.clients.length;
    let next = 0;
    const worker = async () => {
      while (next < pending.length) {
        if (this.deps.signal?.aborted) throw new RunCancelled('clients');
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
        await this.deps.failpoint?.(`after-request:clients:${client.serialNumber}`);
        let done = 0;
        // The worker goes on to its next client while this is written: the mark is what a resume skips,
        // not a condition of the next registration. The step is done only once every mark is on disk.
        const written = this.journal
          .update((d) => {
            d.clients.find((c) => c.clientId === client.clientId)!.registered = true;
            done = d.clients.filter((c) => c.registered).length;
          })
          .then(() => this.progress('clients', index, 'running', { done, total }));
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

  /**
   * Compares the journal with what the server shows and rewrites the journal to match: a step the server
   * lacks is no longer "done" (and is done again by the steps that follow), one it shows is, whatever the
   * journal said. Ids stay the same (no twin TSS or client), except a test transaction that has to be
   * signed again, which gets a new id, written here before its start is sent.
   */
  private async reconcile(): Promise<void> {
    const { tssId } = this.data;
    const tss = await orNullIfNotFound(this.client.getTss(tssId));
    const repairs: string[] = [];
    const done = new Set(this.data.done);
    const markDone = (...steps: StepName[]) => steps.forEach((s) => done.add(s));
    const unmark = (steps: readonly StepName[]) => steps.forEach((s) => done.delete(s));
    let clients = this.data.clients.map((c) => ({ ...c }));
    let receipt = this.data.receipt && { ...this.data.receipt };
    // A transaction cannot outlive its TSS's deployment: one started before is to be signed anew.
    const freshReceipt = () => {
      if (!receipt?.startSent) return;
      receipt = { txId: randomUUID() };
      unmark(RECEIPT_STEPS);
    };
    const hasPuk = Boolean(await this.deps.vault.get(tssId, 'admin-puk'));

    if (!tss || tss.state === 'CREATED') {
      if (!tss && done.has('create-tss')) {
        repairs.push('fiskaly no longer had the TSS: it is created again with the same id, its new PUK stored and the vault’s PIN set on it');
        if (hasPuk) this.recreatedAt = new Date().toISOString();
      }
      // A TSS still CREATED gives its PUK again; storing it again costs nothing and may replace a void one.
      unmark(FROM_CREATE_TSS);
      if (clients.some((c) => c.registered)) repairs.push('the clients are registered again on the new TSS');
      clients = clients.map((c) => ({ ...c, registered: false }));
      freshReceipt();
    } else if (tss.state === 'UNINITIALIZED' || tss.state === 'INITIALIZED') {
      markDone('create-tss', 'deploy');
      if (hasPuk) markDone('store-puk');
      if (tss.state === 'UNINITIALIZED') {
        // Whether the PIN was set on this very TSS is not to be seen; setting it again with the PUK is harmless.
        unmark(AFTER_DEPLOY);
        clients = clients.map((c) => ({ ...c, registered: false }));
        freshReceipt();
      } else {
        markDone('set-pin', 'initialize');
        clients = await this.reconcileClients(clients, repairs);
        if (clients.some((c) => !c.registered)) unmark(['clients', 'admin-logout']);
        else markDone('clients');
        if (receipt) {
          const found = await this.reconcileReceipt(receipt);
          receipt = found.receipt;
          if (found.redo) unmark(RECEIPT_STEPS);
          if (found.why) repairs.push(found.why);
        }
      }
      if (this.options.repair) unmark(['set-pin']);
    } else {
      throw new ProvisioningError(
        'E_TSS_UNUSABLE',
        `fiskaly shows this run's TSS as ${tss.state}; it takes no more work. Abandon this run and set the store up again.`,
        'auth',
        'abandon',
      );
    }

    const order = (steps: Iterable<StepName>) => STEP_NAMES.filter((s) => [...steps].includes(s));
    await this.journal.update((d) => {
      d.done = order(done);
      d.clients = clients;
      d.receipt = receipt;
      if (tss) {
        d.tssSerialNumber = tss.serialNumber;
        d.bsiCertificationId = tss.bsiCertificationId ?? d.bsiCertificationId;
        if (tss.timeInit) d.timeInit = tss.timeInit;
      }
      if (repairs.length > 0) {
        const at = new Date().toISOString();
        d.repairs = [...(d.repairs ?? []), ...repairs.map((what) => ({ at, what }))];
      }
    });
  }

  /** Matches the planned clients with the server's, by id, else by serial number (adopting the server's id: no twins). */
  private async reconcileClients(clients: JournalData['clients'], repairs: string[]): Promise<JournalData['clients']> {
    const server = await this.client.listClients(this.data.tssId);
    const journalIds = new Set(clients.map((c) => c.clientId));
    return clients.map((planned) => {
      const found =
        server.find((s) => s.id === planned.clientId) ?? server.find((s) => s.serialNumber === planned.serialNumber && !journalIds.has(s.id));
      if (!found) {
        if (planned.registered) repairs.push(`fiskaly no longer had client ${planned.serialNumber}: it is registered again`);
        return { ...planned, registered: false };
      }
      return { ...planned, clientId: found.id, registered: found.state === 'REGISTERED' };
    });
  }

  /**
   * Reads the one test transaction (a retrieve, not a list: fiskaly allows few lists a minute) and says
   * whether the receipt steps are to be done again, and with which transaction: the same one when it is
   * ACTIVE or its journal copy differs from the server's, a new id when it is gone, cancelled or invalid.
   */
  private async reconcileReceipt(receipt: NonNullable<JournalData['receipt']>): Promise<{ receipt: NonNullable<JournalData['receipt']>; redo: boolean; why?: string }> {
    const fresh = (why?: string) => ({ receipt: { txId: randomUUID() }, redo: true, why });
    if (receipt.valid === false) return fresh('the test receipt had failed its check: a new test transaction is signed');
    if (!receipt.startSent) return { receipt, redo: true };
    const tx = await orNullIfNotFound(this.client.getTransaction(this.data.tssId, receipt.txId));
    if (tx?.state === 'FINISHED' && tx.qrCodeData) {
      return { receipt, redo: receipt.qrCodeData !== tx.qrCodeData };
    }
    if (tx?.state === 'ACTIVE') return { receipt, redo: true };
    return fresh(tx ? `the test transaction ended ${tx.state}: a new one is signed` : receipt.qrCodeData ? 'fiskaly no longer had the test transaction: a new one is signed' : undefined);
  }

  /**
   * Reads, all at once, what a done run must have at the server: the TSS INITIALIZED, every planned
   * client REGISTERED, the test receipt's transaction FINISHED with the journal's QR code. What is missing
   * is named; a run is reported done only when nothing is.
   */
  private async serverGaps(): Promise<string[]> {
    const { tssId, receipt } = this.data;
    const [tss, clients, tx] = await Promise.all([
      orNullIfNotFound(this.client.getTss(tssId)),
      orNullIfNotFound(this.client.listClients(tssId)),
      receipt ? orNullIfNotFound(this.client.getTransaction(tssId, receipt.txId)) : null,
    ]);
    if (tss?.state !== 'INITIALIZED') return [`the TSS as INITIALIZED (it shows ${tss?.state ?? 'no TSS with this id'})`];
    const gaps: string[] = [];
    const missing = this.data.clients.filter((c) => !clients?.some((s) => s.id === c.clientId && s.state === 'REGISTERED'));
    if (missing.length > 0) gaps.push(`client${missing.length > 1 ? 's' : ''} ${missing.map((c) => c.serialNumber).join(', ')} as REGISTERED`);
    if (receipt && (tx?.state !== 'FINISHED' || tx.qrCodeData !== receipt.qrCodeData)) gaps.push('the test receipt’s transaction as FINISHED');
    return gaps;
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
