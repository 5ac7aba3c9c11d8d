import { CLIENT_CONCURRENCY } from '../../../../preload/contract/core/settings';
import type { MigrationInventory, MigrationPlan, MigrationRunReport, SerialFix } from '../../../../preload/contract/sign-de/migration';
import { AppError } from '../../../core/errors';
import type { EventHub } from '../../../core/events';
import { nothingToResume } from '../../../core/runs/run-errors';
import { RunManager as EngineRunManager } from '../../../core/runs/run-manager';
import type { Connections, EnvironmentId } from '../connections/connections';
import type { HandoverDocuments } from '../handover';
import type { SignDeVaultAccess } from '../vault-kinds';
import { type MigrationDocuments, saveMigrationDocuments } from './migration-documents';
import { migrationRuns } from './migration-flow';
import type { MigrationRecord } from './migration-journal';
import { prepareMigration, resumeMigration } from './migration-orchestrator';
import { migrationReportOf } from './migration-report';
import { allowedV1Url } from './migration-urls';
import { readTssInventory } from './read-inventory';

export interface MigrationOptions {
  confirmCutOver?: boolean;
  serialFixes?: SerialFix[];
}

/**
 * SIGN DE migrations in the background of the app (the core's run manager with the migration flow): a start
 * answers at once with the run id, progress and the end arrive as `migration:progress` and
 * `migration:finished`, a cancel stops after the current step. A prepared run (V2 ready, V1 untouched) is
 * done until the technician confirms the cut-over: a resume with the confirmation goes on from there.
 */
export class MigrationRunManager {
  private readonly runs: EngineRunManager<MigrationRecord, MigrationRunReport, MigrationOptions>;

  constructor(
    private readonly dataDir: string,
    private readonly vault: SignDeVaultAccess,
    private readonly connections: Connections,
    private readonly events: EventHub,
    private readonly handover: HandoverDocuments,
    clientConcurrency: () => number = () => CLIENT_CONCURRENCY.default,
  ) {
    this.runs = new EngineRunManager(dataDir, {
      engine: migrationRuns,
      report: migrationReportOf,
      // A prepared run is done; the confirmation takes it on to the cut-over (a migrated one is refused in resume).
      resumesDone: (options) => Boolean(options.confirmCutOver),
      ready: async () => void (await vault.unlocked()),
      open: async (record, options) => {
        const { environment } = record.plan;
        const v1 = await connections.v1ClientFor(environment, record.v2.organizationId, record.plan.baseUrlV1);
        const v2 = await connections.clientFor(environment, record.v2.organizationId);
        const unlocked = await vault.unlocked();
        return ({ signal, claimed }) =>
          resumeMigration(
            record.runId,
            {
              dataDir,
              vault: unlocked,
              v1: () => v1,
              v2: () => v2,
              signal,
              clientConcurrency: clientConcurrency(),
              onProgress: (event, data) => events.emit('migration:progress', { ...event, storeName: data.plan.storeName }),
            },
            { ...options, claimed },
          );
      },
      finished: (runId, report) => events.emit('migration:finished', report ?? ({ runId } as MigrationRunReport)),
    });
  }

  /** V1 read only: every V1 TSS of the organization (or the one named), with tills, ACTIVE transactions and problems. */
  async inventory(environment: EnvironmentId, organizationId?: string, v1TssId?: string): Promise<MigrationInventory> {
    const v1 = await this.connections.v1ClientFor(environment, organizationId);
    const v2 = await this.connections.clientFor(environment, organizationId);
    const found = v1TssId ? [await v1.getTss(v1TssId)] : await v1.listTss();
    const stores = [];
    // One TSS after the other: V1's rate limits are unknown (VERIFY), and a store has one or two.
    for (const tss of found) stores.push(await readTssInventory(v1, tss.id, tss));
    return {
      takenAt: new Date().toISOString(),
      environment,
      baseUrlV1: await this.connections.v1UrlFor(environment),
      baseUrlV2: await this.connections.v2UrlFor(environment),
      stores,
      v2TssIds: (await v2.listTss()).map((tss) => tss.id),
    };
  }

  list(): Promise<MigrationRunReport[]> {
    return this.runs.list();
  }

  get(runId: string): Promise<MigrationRunReport> {
    return this.runs.get(runId);
  }

  /** The record as the journal has it (the documents are made from it). */
  async record(runId: string): Promise<MigrationRecord> {
    await this.runs.get(runId);
    return (await migrationRuns.load(this.dataDir, runId)).data;
  }

  /**
   * Makes the run durable with main's own addresses (the sandbox's, or fiskaly's V2 and a V1 address it
   * allows: the organization's key goes there) and starts it.
   */
  async start(plan: MigrationPlan, organizationId: string | undefined, options: MigrationOptions): Promise<{ runId: string }> {
    if (plan.environment !== 'sandbox' && !organizationId) {
      throw new AppError('E_NO_ORGANIZATION', 'Choose the store’s fiskaly organization (API key) before starting.');
    }
    const baseUrlV2 = await this.connections.v2UrlFor(plan.environment);
    const baseUrlV1 = plan.environment === 'sandbox' ? await this.connections.v1UrlFor('sandbox') : allowedV1Url(plan.baseUrlV1, baseUrlV2);
    await this.vault.unlocked();
    // The organization's key is in the vault (else no run is made): both clients are made before the first step.
    await this.connections.clientFor(plan.environment, organizationId);
    return this.runs.start(() => prepareMigration({ ...plan, baseUrlV1, baseUrlV2 }, this.dataDir, organizationId), options);
  }

  /** Continues a stopped run, or takes a prepared one on to the cut-over (`confirmCutOver`); a migrated store has nothing left. */
  async resume(runId: string, options: MigrationOptions): Promise<{ runId: string }> {
    const record = await this.record(runId);
    if (record.status === 'done' && record.done.includes('store-record')) throw nothingToResume();
    return this.runs.resume(runId, options);
  }

  /** The POS mapping, the V1 export archive and the handover of a migrated store, into `folder` (null: the data folder's copies). */
  async saveDocuments(runId: string, folder: string | null): Promise<MigrationDocuments> {
    return saveMigrationDocuments(await this.record(runId), folder, this.dataDir, this.handover);
  }

  /**
   * Gives a run up (nothing deleted: the new TSS stays at fiskaly, its PIN and PUK in the vault). A prepared
   * run waiting for the cut-over counts as done to the engine, yet V1 is untouched: it may be given up too.
   */
  async abandon(runId: string): Promise<MigrationRunReport> {
    const record = await this.record(runId);
    if (record.status !== 'done' || record.done.includes('store-record')) return this.runs.abandon(runId);
    // Under the run's lock: a run going on here or in another process is refused with E_RUN_BUSY.
    const lock = await migrationRuns.claim(this.dataDir, runId);
    let report: MigrationRunReport;
    try {
      const journal = await migrationRuns.load(this.dataDir, runId);
      if (journal.data.status === 'done' && !journal.data.done.includes('store-record')) {
        await journal.update((d) => {
          d.status = 'abandoned';
          d.abandonedAt = new Date().toISOString();
        });
      }
      report = migrationReportOf(journal.data);
    } finally {
      await lock.release();
    }
    if (report.status !== 'abandoned') return this.runs.abandon(runId);
    this.events.emit('migration:finished', report);
    return report;
  }

  cancel(runId: string): Record<string, never> {
    return this.runs.cancel(runId);
  }

  settle(): Promise<void> {
    return this.runs.settle();
  }
}
