import type { HeldRunLock } from '../../../core/runs/run-lock';
import { StoreRecords } from '../store/store-records';
import { storePin } from './admin-pin';
import { Journal } from './journal';
import { provisioningRuns } from './provisioning-flow';
import { DEFAULT_CLIENT_CONCURRENCY, ProvisioningSteps, type StepDeps } from './provisioning-steps';
import { type ProgressEvent, type RunReport, progressEventOf, reportOf } from './run-report';
import type { StorePlan } from './store-plan';

export { RunBusyError } from '../../../core/runs/run-lock';
export { DEFAULT_CLIENT_CONCURRENCY, reportOf, type ProgressEvent, type RunReport };

export interface ResumeOptions {
  /**
   * Compare with the server even when the journal says nothing was done or the run is done, and set the
   * vault's admin PIN again with the vault's PUK (the way out of a PIN the TSS no longer takes).
   */
  repair?: boolean;
  /** The run's lock, taken beforehand with claimRun (to answer E_RUN_BUSY at once); released at the end. */
  claimed?: HeldRunLock;
}

export interface OrchestratorDeps extends StepDeps {
  dataDir: string;
  onProgress?(event: ProgressEvent): void;
  /** Crash injection for tests: named points at every step boundary. */
  failpoint?(name: string): void | Promise<void>;
  signal?: AbortSignal;
}

/** Takes the run's cross-process lock, or fails at once with E_RUN_BUSY. */
export const claimRun = (dataDir: string, runId: string): Promise<HeldRunLock> => provisioningRuns.claim(dataDir, runId);

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

/**
 * Continues a run from its journal, after a crash, a lost network, a cancel or a fixed cause. The run
 * executes in one process at a time: another one asking gets E_RUN_BUSY. A done run resumed is checked
 * with the server too: done is only what the server shows now.
 */
export async function resumeRun(runId: string, deps: OrchestratorDeps, options: ResumeOptions = {}): Promise<RunReport> {
  const { onProgress } = deps;
  const record = await provisioningRuns.execute(
    deps.dataDir,
    runId,
    (journal) => new ProvisioningSteps(journal, deps, options),
    {
      signal: deps.signal,
      failpoint: deps.failpoint,
      onProgress: onProgress && ((event, data) => onProgress(progressEventOf(event, data))),
    },
    options.claimed,
  );
  if (record.status === 'done') {
    // Best effort: a store whose record is missing gets it from this journal when it is first asked for.
    await new StoreRecords(deps.dataDir).recordCommissioning(record).catch(() => {});
  }
  return reportOf(record);
}

/**
 * Gives a run up: it leaves the unfinished list, nothing is deleted (journal and vault entries stay, and a
 * TSS it made stays at fiskaly, to be seen in the store overview). Refused while the run executes anywhere.
 */
export async function abandonRun(runId: string, dataDir: string, now = new Date()): Promise<RunReport> {
  return reportOf(await provisioningRuns.abandon(dataDir, runId, now));
}
