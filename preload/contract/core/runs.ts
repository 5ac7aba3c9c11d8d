/** `abandoned`: the technician gave the run up; nothing was deleted, its secrets stay in the vault. */
export type RunStatus = 'running' | 'cancelled' | 'failed' | 'done' | 'abandoned';

/** Every step of a run, whatever its product and flow, with the share done. */
export interface RunProgress<S extends string = string> {
  runId: string;
  step: S;
  /** 1-based position of the step among the run's steps. */
  index: number;
  total: number;
  status: 'running' | 'done' | 'skipped' | 'failed';
  /** Share of the run done, 0..1. */
  fraction: number;
  /** For a step of many parts: how many are done so far. */
  detail?: { done: number; total: number };
}
