import { DEFAULT_REFUSALS, nothingToAbandon, runAbandoned } from './run-errors';
import type { ExecutionHooks, RunFlow, StepExecutor } from './run-flow';
import { RunJournal, runLockTarget } from './run-journal';
import { type HeldRunLock, isRunLocked, takeRunLock } from './run-lock';
import type { EngineField, RunRecord } from './run-record';
import { executeRun } from './step-runner';

/**
 * One flow's runs in a data folder: made durable before they start, executed by one process at a time
 * (the run's lock), resumed from their journal, abandoned. Product-neutral: the flow brings the steps.
 */
export class RunEngine<R extends RunRecord> {
  constructor(readonly flow: RunFlow<R>) {}

  /** A new run, durable before anything is sent: the payload holds every id its steps will use. */
  create(dataDir: string, payload: Omit<R, EngineField>, now?: Date): Promise<RunJournal<R>> {
    return RunJournal.create(dataDir, this.flow, payload, now);
  }

  load(dataDir: string, runId: string): Promise<RunJournal<R>> {
    return RunJournal.load(dataDir, this.flow, runId);
  }

  list(dataDir: string): Promise<R[]> {
    return RunJournal.list(dataDir, this.flow);
  }

  /** Takes the run's cross-process lock, or fails at once with E_RUN_BUSY. */
  claim(dataDir: string, runId: string): Promise<HeldRunLock> {
    return takeRunLock(runLockTarget(dataDir, runId), runId);
  }

  /** Whether some process executes the run now. */
  isLocked(dataDir: string, runId: string): Promise<boolean> {
    return isRunLocked(runLockTarget(dataDir, runId));
  }

  /**
   * Executes a run from its journal (a start, or a resume after a crash, a cancel or a fixed cause), in
   * one process at a time: another one asking gets E_RUN_BUSY. `claimed`: the lock, taken beforehand to
   * answer E_RUN_BUSY at once; it is released at the end either way. The run stops too when its lock is lost.
   */
  async execute(dataDir: string, runId: string, executorFor: (journal: RunJournal<R>) => StepExecutor<R>, hooks: ExecutionHooks<R> = {}, claimed?: HeldRunLock): Promise<R> {
    const lock = claimed ?? (await this.claim(dataDir, runId));
    try {
      // Read under the lock: the process that held it may have moved the run on.
      const journal = await this.load(dataDir, runId);
      if (journal.data.status === 'abandoned') throw runAbandoned(this.refusals);
      const signal = hooks.signal ? AbortSignal.any([hooks.signal, lock.lost]) : lock.lost;
      return await executeRun(journal, this.flow, executorFor(journal), { ...hooks, signal });
    } finally {
      await lock.release();
    }
  }

  /**
   * Gives a run up: it leaves the unfinished list, nothing is deleted. Refused while the run executes
   * anywhere, and for a done run.
   */
  async abandon(dataDir: string, runId: string, now = new Date()): Promise<R> {
    const lock = await this.claim(dataDir, runId);
    try {
      const journal = await this.load(dataDir, runId);
      if (journal.data.status === 'done') throw nothingToAbandon();
      if (journal.data.status !== 'abandoned') {
        await journal.update((d) => {
          d.status = 'abandoned';
          d.abandonedAt = now.toISOString();
        });
      }
      return journal.data;
    } finally {
      await lock.release();
    }
  }

  /**
   * Writes a failure that came before the run's first step could begin (no connection, a locked vault),
   * as a failure of that step. The caller holds the run's lock. A done or abandoned run is left alone.
   */
  async recordFailure(dataDir: string, runId: string, error: unknown): Promise<void> {
    const journal = await this.load(dataDir, runId);
    if (journal.data.status === 'done' || journal.data.status === 'abandoned') return;
    const step = this.flow.steps(journal.data)[0]!;
    const failure = this.flow.failure(error, step);
    await journal.update((d) => {
      d.status = 'failed';
      d.error = { code: failure.code, message: failure.message, step, next: failure.next };
    });
  }

  get refusals() {
    return this.flow.refusals ?? DEFAULT_REFUSALS;
  }
}
