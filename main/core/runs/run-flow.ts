import type { RefusalWords } from './run-errors';
import type { JournalKind } from './run-journal';
import type { RecordChange, RunFailure, RunRecord } from './run-record';
import type { RunProgress } from '../../../preload/contract/core/runs';

export type StepOf<R extends RunRecord> = R['done'][number];
export type NextOf<R extends RunRecord> = Exclude<NonNullable<R['error']>['next'], undefined>;

/**
 * What a product's flow (a SIGN DE provisioning, a migration) tells the engine: which journals are its,
 * which steps a run has and in what order, and how a failure reads. The engine does the rest: the
 * journal, the run's lock, skipping done steps on a resume, cancel, progress, failpoints, passes.
 */
export interface RunFlow<R extends RunRecord> extends JournalKind<R> {
  /** The run's steps in order (its plan may leave some out). Each must be idempotent: a crash may repeat it. */
  steps(record: R): readonly StepOf<R>[];
  /** Steps whose result the next step does not need: each runs beside the next one and is awaited before the step after. */
  readonly runsBesideNext?: readonly StepOf<R>[];
  /** Whether a step the journal has as done is done again on this execution (a login that lives only as long as a session). */
  mustRepeat?(step: StepOf<R>, record: R): boolean;
  /** How often one execution goes through its steps while verify finds work missing (default 1). */
  readonly maxPasses?: number;
  /** The error a run stops with when verify still finds work missing after the last pass. */
  unverified?(missing: string[], passes: number, step: StepOf<R>): Error;
  /** Any error of a step (or of begin) as the run keeps it and the technician reads it. */
  failure(error: unknown, step: StepOf<R>): RunFailure<NextOf<R>>;
  /** The flow's words for the engine's refusals (default: neutral ones). */
  readonly refusals?: RefusalWords;
}

/** What a step may use of the engine while it runs. */
export interface StepContext {
  /** 0-based position of the step among the run's steps. */
  readonly index: number;
  /** Throws RunCancelled once the run is cancelled: a step of many parts asks between its parts. */
  throwIfCancelled(): void;
  /** A named crash point for tests (the engine has `before:<step>` and `after:<step>`; a step adds its own). */
  failpoint(name: string): Promise<void>;
  /** Progress within the step, as a `running` event with this detail. */
  progress(detail: { done: number; total: number }): void;
  /** The step's request failed on the network and is tried again: a `running` event that says so. */
  retrying(retry: { attempt: number; attempts: number }): void;
}

/**
 * One execution of a run: made afresh for every start or resume, so what it holds (a connection, a
 * secret between two steps) lives no longer than the process that made it.
 */
export interface StepExecutor<R extends RunRecord> {
  /** Before the first step (e.g. connect); a failure here is a failure of the run's first step. */
  begin?(): Promise<void>;
  /**
   * Does one step; what it learned comes back as a change, written together with the step's done mark.
   * An id the step's request uses must be in the journal before the request is sent.
   */
  run(step: StepOf<R>, context: StepContext): Promise<RecordChange<R> | void>;
  /**
   * After the steps: what the outside world does not show of the run's work (empty when it shows all).
   * When something is missing the steps go again, up to the flow's maxPasses; mark in the journal what to redo.
   */
  verify?(): Promise<string[]>;
}

export type { RunProgress };

/** What the caller of an execution hears and controls. */
export interface ExecutionHooks<R extends RunRecord> {
  /** Cancels the run: it stops between steps (or between a step's parts) and stays resumable. */
  signal?: AbortSignal;
  /** Crash injection for tests: called with the name of every failpoint passed. */
  failpoint?(name: string): void | Promise<void>;
  onProgress?(event: RunProgress<StepOf<R>>, record: R): void;
}
