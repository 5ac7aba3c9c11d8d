import { CLIENT_CONCURRENCY } from '../../../../preload/contract/core/settings';
import { AppError } from '../../../core/errors';
import type { EventHub } from '../../../core/events';
import { RunManager as EngineRunManager } from '../../../core/runs/run-manager';
import type { VaultAccess } from '../../../vault/vault-access';
import type { Connections } from '../connections/connections';
import type { JournalData } from './journal';
import { type ResumeOptions, type RunReport, prepareRun, reportOf, resumeRun } from './orchestrator';
import { provisioningRuns } from './provisioning-flow';
import type { StorePlan } from './store-plan';

type Options = Pick<ResumeOptions, 'repair'>;

/**
 * SIGN DE provisioning runs in the background of the app (the core's run manager with this flow): a start
 * answers at once with the run id, progress and the end arrive as bridge events, a cancel stops after the
 * current step and leaves the run resumable; a run going on in another window or process is refused with E_RUN_BUSY.
 */
export class RunManager {
  private readonly runs: EngineRunManager<JournalData, RunReport, Options>;

  constructor(
    private readonly dataDir: string,
    private readonly vault: VaultAccess,
    connections: Connections,
    events: EventHub,
    clientConcurrency: () => number = () => CLIENT_CONCURRENCY.default,
  ) {
    this.runs = new EngineRunManager(dataDir, {
      engine: provisioningRuns,
      report: reportOf,
      resumesDone: (options) => Boolean(options.repair),
      ready: async () => void (await vault.unlocked()),
      open: async (record, options) => {
        const client = await connections.clientFor(record.plan.environment, record.organizationId);
        const unlocked = await vault.unlocked();
        return ({ signal, claimed }) =>
          resumeRun(
            record.runId,
            {
              dataDir,
              vault: unlocked,
              clientFor: () => client,
              signal,
              clientConcurrency: clientConcurrency(),
              onProgress: (event) => events.emit('provisioning:progress', event),
            },
            { ...options, claimed },
          );
      },
      finished: (runId, report) => events.emit('provisioning:finished', report ?? ({ runId } as RunReport)),
    });
  }

  list(): Promise<RunReport[]> {
    return this.runs.list();
  }

  get(runId: string): Promise<RunReport> {
    return this.runs.get(runId);
  }

  async start(plan: StorePlan, organizationId?: string): Promise<{ runId: string }> {
    if (plan.environment !== 'sandbox' && !organizationId) {
      throw new AppError('E_NO_ORGANIZATION', 'Choose the store’s fiskaly organization (API key) before starting.');
    }
    const vault = await this.vault.unlocked();
    return this.runs.start(() => prepareRun(plan, { dataDir: this.dataDir, vault }, organizationId), {});
  }

  /** Continues a stopped run; `repair` also compares a done run with the server and sets the vault's PIN again. */
  resume(runId: string, options: Options = {}): Promise<{ runId: string }> {
    return this.runs.resume(runId, options);
  }

  /** Gives a stopped run up: it leaves the unfinished list; nothing is deleted. */
  abandon(runId: string): Promise<RunReport> {
    return this.runs.abandon(runId);
  }

  cancel(runId: string): Record<string, never> {
    return this.runs.cancel(runId);
  }

  /** Waits for every run to stop (used on quit and in tests). */
  settle(): Promise<void> {
    return this.runs.settle();
  }
}
