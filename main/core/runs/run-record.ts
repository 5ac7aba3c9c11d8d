import type { RunStatus } from '../../../preload/contract/core/runs';

export type { RunStatus };

/** The ways out every flow has: go on with the run, or give it up. A flow may name more of its own. */
export type CommonNextAction = 'resume' | 'abandon';

/**
 * What the engine keeps of every run, whatever its flow: written ahead (every id a step will use is here
 * before the request that uses it), every step marked done only after its effect is durable. A flow's own
 * payload (its plan, the ids it chose up front, what its steps learned) sits beside these fields in the
 * same object, so a journal is one flat JSON file. No secret is ever in it.
 */
export interface RunRecord<S extends string = string, N extends string = string> {
  v: 1;
  /** The flow that owns the run; journals written before flows had kinds carry none (see RunFlow.ownsUnmarked). */
  kind?: string;
  runId: string;
  createdAt: string;
  updatedAt: string;
  status: RunStatus;
  /** The steps whose effect is durable, in the flow's order. */
  done: S[];
  /** Why the run stopped, at which step, and where the technician goes next. */
  error?: { code: string; message: string; step: S; next?: N };
  /** What a resume found missing in the outside world and did again (no secrets). */
  repairs?: Array<{ at: string; what: string }>;
  abandonedAt?: string;
}

/** A record's own fields: what a flow may not choose when it creates a run. */
export type EngineField = keyof RunRecord;

/** A change to a run's record, applied in memory and then written. */
export type RecordChange<R> = (record: R) => void;

/** An error as a run keeps it: a stable code, a plain message and, where it helps, the way out. */
export interface RunFailure<N extends string = string> extends Error {
  readonly code: string;
  readonly next?: N;
}
