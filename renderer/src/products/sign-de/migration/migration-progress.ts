import type { MigrationProgressEvent } from '../../../../../preload/contract/sign-de/events';
import type { MigrationInventory, MigrationRunReport, SerialFix, TssInventory } from '../../../../../preload/contract/sign-de/migration';
import { MIGRATION_STEP_NAMES, type MigrationPhase, type MigrationStepName } from '../../../../../preload/contract/sign-de/migration-steps';
import type { RunPhase, StepStatus } from '../run/run-progress';

/** The wizard's steps: the run's phases, then what the store gets. */
export const MIGRATION_WIZARD_STEPS = ['inventory', 'prepare', 'cut-over', 'decommission', 'result'] as const;
export type MigrationWizardStep = (typeof MIGRATION_WIZARD_STEPS)[number];

/** The migration run the wizard follows, as its events and its report tell it. */
export interface MigrationRunView {
  phase: RunPhase;
  runId: string | null;
  storeName: string;
  steps: Partial<Record<MigrationStepName, StepStatus>>;
  current: MigrationStepName | null;
  fraction: number;
  error: { code: string; message: string; step: MigrationStepName } | null;
}

export const idleMigrationRun: MigrationRunView = { phase: 'idle', runId: null, storeName: '', steps: {}, current: null, fraction: 0, error: null };

const isMigrationStep = (value: unknown): value is MigrationStepName => typeof value === 'string' && (MIGRATION_STEP_NAMES as readonly string[]).includes(value);

function belongs(run: MigrationRunView, runId: string, storeName: string): boolean {
  if (run.phase === 'idle') return false;
  if (run.runId !== null) return run.runId === runId;
  return run.phase === 'starting' && run.storeName === storeName;
}

export function applyMigrationProgress(run: MigrationRunView, event: MigrationProgressEvent): MigrationRunView {
  if (!belongs(run, event.runId, event.storeName) || !isMigrationStep(event.step)) return run;
  return {
    ...run,
    runId: event.runId,
    phase: run.phase === 'cancelling' ? 'cancelling' : 'running',
    steps: { ...run.steps, [event.step]: event.status },
    current: event.step,
    fraction: Number.isFinite(event.fraction) ? Math.min(1, Math.max(0, event.fraction)) : run.fraction,
  };
}

/** A run known from its report: its done steps done, the one it stopped at failed or cancelled. */
export function migrationRunOf(report: MigrationRunReport): MigrationRunView {
  const done = (report.done ?? []).filter(isMigrationStep);
  const steps: MigrationRunView['steps'] = Object.fromEntries(done.map((step) => [step, 'done' as const]));
  const error = report.error && isMigrationStep(report.error.step) ? { code: String(report.error.code), message: String(report.error.message), step: report.error.step } : null;
  if (error) steps[error.step] = report.status === 'cancelled' ? 'cancelled' : 'failed';
  const phase: RunPhase = report.status === 'done' || report.status === 'failed' || report.status === 'cancelled' ? report.status : report.status === 'running' ? 'running' : 'idle';
  return {
    phase,
    runId: report.runId,
    storeName: report.storeName,
    steps,
    current: error?.step ?? done.at(-1) ?? null,
    fraction: MIGRATION_STEP_NAMES.length > 0 ? done.length / MIGRATION_STEP_NAMES.length : 0,
    error: phase === 'done' ? null : error,
  };
}

/** The `migration:finished` report of the followed run (others are ignored). */
export function applyMigrationFinished(run: MigrationRunView, report: MigrationRunReport): MigrationRunView {
  if (!belongs(run, report.runId, report.storeName)) return run;
  const known = migrationRunOf(report);
  return { ...known, steps: { ...run.steps, ...known.steps } };
}

/** Whether the run has proven V2 and disabled V1: the result is there. */
export const isMigrated = (report: MigrationRunReport | null): boolean =>
  report !== null && report.status === 'done' && report.phase === 'decommission' && report.mapping !== null;

/** Whether a run stopped after preparing V2 and waits for the cut-over. */
export const waitsForCutOver = (report: MigrationRunReport | null): boolean =>
  report !== null && report.status === 'done' && report.phase === 'prepare';

/** The wizard step that shows where a run is. */
export function wizardStepOf(report: MigrationRunReport): MigrationWizardStep {
  if (isMigrated(report)) return 'result';
  if (waitsForCutOver(report)) return 'cut-over';
  const phase: MigrationPhase = report.error ? (MIGRATION_STEP_NAMES.includes(report.error.step) ? phaseOfStep(report.error.step) : report.phase) : report.phase;
  return phase === 'inventory' ? 'prepare' : phase;
}

function phaseOfStep(step: MigrationStepName): MigrationPhase {
  const index = MIGRATION_STEP_NAMES.indexOf(step);
  const prepareAt = MIGRATION_STEP_NAMES.indexOf('auth');
  const cutOverAt = MIGRATION_STEP_NAMES.indexOf('v1-quiet-check');
  const decommissionAt = MIGRATION_STEP_NAMES.indexOf('v1-disable');
  if (index >= decommissionAt) return 'decommission';
  if (index >= cutOverAt) return 'cut-over';
  if (index >= prepareAt) return 'prepare';
  return 'inventory';
}

export const isMigrationRunActive = (phase: RunPhase): boolean => phase === 'starting' || phase === 'running' || phase === 'cancelling';

/** The inventory of the picked V1 TSS. */
export const pickedTss = (inventory: MigrationInventory | null, v1TssId: string | null): TssInventory | null =>
  inventory?.stores.find((store) => store.tss.id === v1TssId) ?? null;

/** A till's serial fix as the technician has it: the suggestion (or their own), confirmed or not. */
export interface FixDraft {
  to: string;
  confirmed: boolean;
}

/** The serial problems of a TSS: each needs a confirmed fix before V2 is prepared. */
export function serialProblems(tss: TssInventory | null) {
  return (tss?.problems ?? []).flatMap((problem) => (problem.code === 'serial-invalid' || problem.code === 'serial-twin' ? [problem] : []));
}

/** Why the picked TSS cannot be migrated now (null when it can): disabled, too many tills, unconfirmed fixes, no name. */
export function inventoryBlocker(
  tss: TssInventory | null,
  fixes: Record<string, FixDraft>,
  storeName: string,
  masterDataMissing = false,
): 'none-picked' | 'tss-disabled' | 'too-many-tills' | 'fix-unconfirmed' | 'store-name' | 'master-data' | null {
  if (!tss) return 'none-picked';
  if (tss.tss.state === 'DISABLED' || tss.problems.some((problem) => problem.code === 'tss-disabled')) return 'tss-disabled';
  if (tss.problems.some((problem) => problem.code === 'too-many-tills')) return 'too-many-tills';
  if (serialProblems(tss).some((problem) => !fixes[problem.v1ClientId]?.confirmed || fixes[problem.v1ClientId]!.to.trim() === '')) return 'fix-unconfirmed';
  if (storeName.trim() === '') return 'store-name';
  if (masterDataMissing) return 'master-data';
  return null;
}

/** The confirmed fixes as the plan takes them. */
export function confirmedFixes(tss: TssInventory | null, fixes: Record<string, FixDraft>): SerialFix[] {
  return serialProblems(tss).flatMap((problem) => {
    const fix = fixes[problem.v1ClientId];
    return fix?.confirmed ? [{ v1ClientId: problem.v1ClientId, from: problem.serialNumber, to: fix.to.trim() }] : [];
  });
}

/**
 * The V2 base URL beside a V1 one: the environment's own where the app knows it, else the V1 address with
 * its API version swapped (the built-in sandbox serves /api/v1 beside /api/v2). VERIFY for fiskaly's hosts.
 */
export function v2BaseUrlFor(baseUrlV1: string, environmentBaseUrl: string | null | undefined): string {
  if (environmentBaseUrl) return environmentBaseUrl;
  return baseUrlV1.replace(/\/api\/v1\/?$/u, '/api/v2');
}
