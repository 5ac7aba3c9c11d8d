import { type MigrationPlan, type MigrationRunReport, type SerialFix } from '../../../../preload/contract/sign-de/migration';
import type { ExecutionHooks } from '../../../core/runs/run-flow';
import type { HeldRunLock } from '../../../core/runs/run-lock';
import { migrationRuns } from './migration-flow';
import { createMigrationJournal, type MigrationRecord } from './migration-journal';
import { migrationReportOf } from './migration-report';
import { MigrationSteps, type MigrationStepDeps } from './migration-steps';

export interface MigrationDeps extends MigrationStepDeps, Pick<ExecutionHooks<MigrationRecord>, 'failpoint' | 'onProgress' | 'signal'> {}

export interface MigrationResumeOptions {
  /**
   * The technician confirmed the cut-over (typed, or `--yes`): the run goes on past the prepare phase and
   * writes to V1. Without it a run prepares V2 and stops, V1 untouched (a run confirmed before stays confirmed).
   */
  confirmCutOver?: boolean;
  /** Serial fixes confirmed after the inventory refused a serial (they replace the plan's, before V1 is read again). */
  serialFixes?: SerialFix[];
  claimed?: HeldRunLock;
}

/**
 * Makes a migration run durable without starting it (its V2 TSS id and export id chosen); returns its id.
 * `organizationId`: the fiskaly organization (TEST/LIVE) the new TSS is made for, kept with it.
 */
export async function prepareMigration(plan: MigrationPlan, dataDir: string, organizationId?: string): Promise<string> {
  const journal = await createMigrationJournal(dataDir, plan);
  await journal.update((d) => {
    d.v2.runId = d.runId;
    if (organizationId) d.v2.organizationId = organizationId;
  });
  return journal.data.runId;
}

export async function startMigration(plan: MigrationPlan, deps: MigrationDeps, options: MigrationResumeOptions = {}): Promise<MigrationRunReport> {
  return resumeMigration(await prepareMigration(plan, deps.dataDir), deps, options);
}

/**
 * Continues a migration from its journal (after a crash, a lost network, a cancel, a confirmation), in one
 * process at a time. What the journal says done is skipped; the new TSS is compared with fiskaly first.
 */
export async function resumeMigration(runId: string, deps: MigrationDeps, options: MigrationResumeOptions = {}): Promise<MigrationRunReport> {
  const claimed = options.claimed ?? (await migrationRuns.claim(deps.dataDir, runId));
  let record: MigrationRecord;
  try {
    const journal = await migrationRuns.load(deps.dataDir, runId);
    if (options.confirmCutOver || (options.serialFixes && !journal.data.done.includes('v1-read'))) {
      await journal.update((d) => {
        // A confirmation again before the quiet check passed (a till was still signing, and is switched now) counts from now.
        if (options.confirmCutOver && (!d.cutOverConfirmedAt || !d.done.includes('v1-quiet-check'))) d.cutOverConfirmedAt = new Date().toISOString();
        if (options.serialFixes && !d.done.includes('v1-read')) d.plan.serialFixes = options.serialFixes;
      });
    }
    record = await migrationRuns.execute(deps.dataDir, runId, (j) => new MigrationSteps(j, deps), { signal: deps.signal, failpoint: deps.failpoint, onProgress: deps.onProgress }, claimed);
  } catch (error) {
    await claimed.release();
    throw error;
  }
  return migrationReportOf(record);
}

export async function abandonMigration(runId: string, dataDir: string): Promise<MigrationRunReport> {
  return migrationReportOf(await migrationRuns.abandon(dataDir, runId));
}

export const listMigrations = async (dataDir: string): Promise<MigrationRunReport[]> => (await migrationRuns.list(dataDir)).map(migrationReportOf);
