import { CLIENT_CONCURRENCY } from '../../../../preload/contract/core/settings';
import { AppError } from '../../../core/errors';
import type { EventHub } from '../../../core/events';
import { Journal } from './journal';
import type { RunReport } from '../../../../preload/contract/sign-de/runs';
import { type ResumeOptions, abandonRun, claimRun, prepareRun, reportOf, resumeRun } from './orchestrator';
import { type HeldRunLock, RunBusyError, isRunLocked } from '../../../core/runs/run-lock';
import { runLockTarget } from './journal';
import { toProvisioningError } from './provisioning-error';
import type { StorePlan } from './store-plan';
import type { Connections } from '../connections/connections';
import type { VaultAccess } from '../../../vault/vault-access';

/**
 * Runs provisioning in the background of the app: a start answers at once with the run id, progress and
 * the end arrive as bridge events, a cancel stops after the current step and leaves the run resumable.
 * A run executes in one process at a time: the run's lock is taken before the answer, so a second window
 * or process gets E_RUN_BUSY at once.
 */
export class RunManager {
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(
    private readonly dataDir: string,
    private readonly vault: VaultAccess,
    private readonly connections: Connections,
    private readonly events: EventHub,
    private readonly clientConcurrency: () => number = () => CLIENT_CONCURRENCY.default,
  ) {}

  async list(): Promise<RunReport[]> {
    const runs = (await Journal.list(this.dataDir)).map(reportOf);
    return Promise.all(
      runs.map(async (run) =>
        run.status === 'running' && !this.active.has(run.runId) && (await isRunLocked(runLockTarget(this.dataDir, run.runId))) ? { ...run, busyElsewhere: true } : run,
      ),
    );
  }

  async get(runId: string): Promise<RunReport> {
    return reportOf((await this.journal(runId)).data);
  }

  async start(plan: StorePlan, organizationId?: string): Promise<{ runId: string }> {
    if (plan.environment !== 'sandbox' && !organizationId) {
      throw new AppError('E_NO_ORGANIZATION', 'Choose the store’s fiskaly organization (API key) before starting.');
    }
    const vault = await this.vault.unlocked();
    const runId = await prepareRun(plan, { dataDir: this.dataDir, vault }, organizationId);
    this.launch(runId, {}, await claimRun(this.dataDir, runId));
    return { runId };
  }

  /** Continues a stopped run; `repair` also compares a done run with the server and sets the vault's PIN again. */
  async resume(runId: string, options: Pick<ResumeOptions, 'repair'> = {}): Promise<{ runId: string }> {
    if (this.active.has(runId)) return { runId };
    const journal = await this.journal(runId);
    if (journal.data.status === 'done' && !options.repair) throw new AppError('E_RUN_DONE', 'This run is finished already; nothing to resume.');
    if (journal.data.status === 'abandoned') throw new AppError('E_RUN_ABANDONED', 'This run was abandoned and is not continued. Set the store up with a new run.');
    await this.vault.unlocked();
    // Taken before the answer: a run going on in another window or process is refused with E_RUN_BUSY.
    const lock = await claimRun(this.dataDir, runId);
    if (this.active.has(runId)) {
      await lock.release();
      return { runId };
    }
    this.launch(runId, options, lock);
    return { runId };
  }

  /** Gives a stopped run up: it leaves the unfinished list; nothing is deleted. */
  async abandon(runId: string): Promise<RunReport> {
    if (this.active.has(runId)) throw new RunBusyError(runId);
    await this.journal(runId);
    const report = await abandonRun(runId, this.dataDir);
    this.events.emit('provisioning:finished', report);
    return report;
  }

  cancel(runId: string): Record<string, never> {
    this.active.get(runId)?.controller.abort();
    return {};
  }

  /** Waits for every run to stop (used on quit and in tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.active.values()].map((r) => r.done));
  }

  private launch(runId: string, options: Pick<ResumeOptions, 'repair'>, lock: HeldRunLock): void {
    const controller = new AbortController();
    const done = (async () => {
      let handedOver = false;
      try {
        const journal = await this.journal(runId);
        const client = await this.connections.clientFor(journal.data.plan.environment, journal.data.organizationId);
        const vault = await this.vault.unlocked();
        handedOver = true;
        // resumeRun writes its own failures to the journal and releases the lock.
        await resumeRun(
          runId,
          {
            dataDir: this.dataDir,
            vault,
            clientFor: () => client,
            signal: controller.signal,
            clientConcurrency: this.clientConcurrency(),
            onProgress: (event) => this.events.emit('provisioning:progress', event),
          },
          { ...options, claimed: lock },
        );
      } catch (error) {
        if (handedOver) return;
        // A failure before the run began (no client, locked vault) is written here, still under the run's lock.
        try {
          await this.recordEarlyFailure(runId, error);
        } finally {
          await lock.release();
        }
      }
    })()
      .catch(() => {})
      .finally(async () => {
        this.active.delete(runId);
        this.events.emit('provisioning:finished', await this.get(runId).catch(() => ({ runId }) as RunReport));
      });
    this.active.set(runId, { controller, done });
  }

  private async recordEarlyFailure(runId: string, error: unknown): Promise<void> {
    const journal = await this.journal(runId);
    if (journal.data.status === 'done' || journal.data.status === 'abandoned') return;
    const failure = toProvisioningError(error, 'auth');
    await journal.update((d) => {
      d.status = 'failed';
      d.error = { code: failure.code, message: failure.message, step: 'auth', next: failure.next };
    });
  }

  private async journal(runId: string): Promise<Journal> {
    try {
      return await Journal.load(this.dataDir, runId);
    } catch {
      throw new AppError('E_RUN_NOT_FOUND', 'This provisioning run is not on this laptop.');
    }
  }
}
