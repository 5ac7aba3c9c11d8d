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
}

export const signDeEvents = ['provisioning:progress', 'provisioning:finished', 'tss:export-progress'] as const satisfies readonly (keyof SignDeEvents)[];
