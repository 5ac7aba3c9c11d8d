/** `abandoned`: the technician gave the run up; nothing was deleted, its secrets stay in the vault. */
export type RunStatus = 'running' | 'cancelled' | 'failed' | 'done' | 'abandoned';

/** Every step of a run, whatever its product and flow, with the share done. */
export interface RunProgress<S extends string = string> {
  runId: string;
  step: S;
  /** 1-based position of the step among the run's steps. */
  index: number;
  total: number;
  /** `cancelled`: the step the technician's cancel stopped at (not a failure; a resume does it). */
  status: 'running' | 'done' | 'skipped' | 'failed' | 'cancelled';
  /** Share of the run done, 0..1. */
  fraction: number;
  /** For a step of many parts: how many are done so far. */
  detail?: { done: number; total: number };
  /** On a `running` event: the network failed and the step tries again (try `attempt` of `attempts`). */
  retry?: { attempt: number; attempts: number };
}
