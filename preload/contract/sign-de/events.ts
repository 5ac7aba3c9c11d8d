import type { RunProgress } from '../core/runs';
import type { MigrationRunReport, MigrationStepName } from './migration';
import type { ProgressEvent, RunReport } from './runs';
import type { ExportProgress } from './tss';

/** SIGN DE's events: a provisioning run's progress and end, and a TAR export's progress. */
export interface SignDeEvents {
  /** Every step of a provisioning run, with the share done. */
  'provisioning:progress': ProgressEvent;
  /** A run ended: done, failed (with the error and what to do next) or cancelled. */
  'provisioning:finished': RunReport;
  /** A TAR export's progress (elapsed, fiskaly's estimate), then saved or failed. */
  'tss:export-progress': ExportProgress;
  /** Every step of a migration run (step names of MIGRATION_STEPS), with the share done. */
  'migration:progress': MigrationProgressEvent;
  /** A migration run ended or stopped (done, failed with what to do next, cancelled, or waiting for the cut-over). */
  'migration:finished': MigrationRunReport;
}

/** A migration's progress: the run engine's step progress, with the store's name. */
export interface MigrationProgressEvent extends RunProgress<MigrationStepName> {
  storeName: string;
}

export const signDeEvents = ['provisioning:progress', 'provisioning:finished', 'tss:export-progress', 'migration:progress', 'migration:finished'] as const satisfies readonly (keyof SignDeEvents)[];
