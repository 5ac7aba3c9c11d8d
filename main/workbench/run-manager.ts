import { AppError } from '../errors';
import type { EventHub } from '../events';
import { Journal } from '../provisioning/journal';
import { type RunReport, prepareRun, reportOf, resumeRun } from '../provisioning/orchestrator';
import { toProvisioningError } from '../provisioning/provisioning-error';
import type { StorePlan } from '../provisioning/store-plan';
import type { Connections } from './connections';
import type { VaultAccess } from './vault-access';

/**
 * Runs provisioning in the background of the app: a start answers at once with the run id, progress and
 * the end arrive as bridge events, a cancel stops after the current step and leaves the run resumable.
 */
export class RunManager {
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(
    private readonly dataDir: string,
    private readonly vault: VaultAccess,
    private readonly connections: Connections,
    private readonly events: EventHub,
  ) {}

  async list(): Promise<RunReport[]> {
    return (await Journal.list(this.dataDir)).map(reportOf);
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
    this.launch(runId);
    return { runId };
  }

  async resume(runId: string): Promise<{ runId: string }> {
    if (this.active.has(runId)) return { runId };
    const journal = await this.journal(runId);
    if (journal.data.status === 'done') throw new AppError('E_RUN_DONE', 'This run is finished already; nothing to resume.');
    await this.vault.unlocked();
    this.launch(runId);
    return { runId };
  }

  cancel(runId: string): Record<string, never> {
    this.active.get(runId)?.controller.abort();
    return {};
  }

  /** Waits for every run to stop (used on quit and in tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.active.values()].map((r) => r.done));
  }

  private launch(runId: string): void {
    const controller = new AbortController();
    const done = (async () => {
      const journal = await this.journal(runId);
      const client = await this.connections.clientFor(journal.data.plan.environment, journal.data.organizationId);
      await resumeRun(runId, {
        dataDir: this.dataDir,
        vault: await this.vault.unlocked(),
        clientFor: () => client,
        signal: controller.signal,
        onProgress: (event) => this.events.emit('provisioning:progress', event),
      });
    })()
      .catch(async (error: unknown) => {
        // The run writes its own failures to the journal; one before it began (no client, locked vault) is written here.
        const journal = await this.journal(runId);
        if (journal.data.status === 'running') {
          const failure = toProvisioningError(error, 'auth');
          await journal.update((d) => {
            d.status = 'failed';
            d.error = { code: failure.code, message: failure.message, step: 'auth' };
          });
        }
      })
      .finally(async () => {
        this.active.delete(runId);
        this.events.emit('provisioning:finished', await this.get(runId).catch(() => ({ runId }) as RunReport));
      });
    this.active.set(runId, { controller, done });
  }

  private async journal(runId: string): Promise<Journal> {
    try {
      return await Journal.load(this.dataDir, runId);
    } catch {
      throw new AppError('E_RUN_NOT_FOUND', 'This provisioning run is not on this laptop.');
    }
  }
}
