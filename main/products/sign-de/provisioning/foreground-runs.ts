import type { FiskalyClient } from '../api/client';
import type { SignDeVaultAccess } from '../vault-kinds';
import { type OrchestratorDeps, type ProgressEvent, type ResumeOptions, type RunReport, resumeRun, startRun } from './orchestrator';
import type { StorePlan } from './store-plan';

/** How a caller that waits for its run wants it driven. */
export interface ForegroundDrive {
  /** Where the run talks to (the CLI's --sandbox or --base-url). */
  client: FiskalyClient;
  signal?: AbortSignal;
  /** How many clients register at once (the run's default when not given). */
  clientConcurrency?: number;
  onProgress?(event: ProgressEvent): void;
}

/**
 * Runs that execute in the caller and end with their report or their error: the CLI's. The app's runs go
 * through RunManager instead, in the background, answering at once and reporting by events.
 */
export class ForegroundRuns {
  constructor(
    private readonly dataDir: string,
    private readonly vault: SignDeVaultAccess,
  ) {}

  async start(plan: StorePlan, drive: ForegroundDrive): Promise<RunReport> {
    return startRun(plan, await this.deps(drive));
  }

  async resume(runId: string, drive: ForegroundDrive, options: Pick<ResumeOptions, 'repair'> = {}): Promise<RunReport> {
    return resumeRun(runId, await this.deps(drive), options);
  }

  private async deps(drive: ForegroundDrive): Promise<OrchestratorDeps> {
    return {
      dataDir: this.dataDir,
      vault: await this.vault.unlocked(),
      clientFor: () => drive.client,
      signal: drive.signal,
      clientConcurrency: drive.clientConcurrency,
      onProgress: drive.onProgress,
    };
  }
}
