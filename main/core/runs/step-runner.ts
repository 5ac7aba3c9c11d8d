import { AppError } from '../errors';
import type { ExecutionHooks, RunFlow, RunProgress, StepContext, StepExecutor, StepOf } from './run-flow';
import { RunCancelled } from './run-errors';
import type { RunJournal } from './run-journal';
import type { RunRecord } from './run-record';

const defaultUnverified = (missing: string[], passes: number) =>
  new AppError('E_RUN_UNVERIFIED', `The run's work is not all to be seen (${missing.join(' and ')}) after ${passes} tries. Resume the run later.`);

/**
 * Executes a run from its journal to its end: the steps in the flow's order, a done one skipped unless
 * the flow repeats it, each marked done only once its effect is durable. A failure (or a cancel) is
 * written to the journal with the step it happened in, and thrown as the flow words it.
 */
export function executeRun<R extends RunRecord>(journal: RunJournal<R>, flow: RunFlow<R>, executor: StepExecutor<R>, hooks: ExecutionHooks<R> = {}): Promise<R> {
  return new StepRunner(journal, flow, executor, hooks).execute();
}

class StepRunner<R extends RunRecord> {
  private readonly steps: readonly StepOf<R>[];
  private current: StepOf<R>;

  constructor(
    private readonly journal: RunJournal<R>,
    private readonly flow: RunFlow<R>,
    private readonly executor: StepExecutor<R>,
    private readonly hooks: ExecutionHooks<R>,
  ) {
    this.steps = flow.steps(journal.data);
    this.current = this.steps[0]!;
  }

  async execute(): Promise<R> {
    await this.journal.update((d) => {
      d.status = 'running';
      delete d.error;
    });
    try {
      await this.executor.begin?.();
      const passes = this.flow.maxPasses ?? 1;
      for (let pass = 1; ; pass++) {
        await this.runSteps();
        const missing = (await this.executor.verify?.()) ?? [];
        if (missing.length === 0) break;
        if (pass >= passes) throw (this.flow.unverified ?? defaultUnverified)(missing, pass, this.current);
      }
      await this.journal.update((d) => {
        d.status = 'done';
      });
    } catch (error) {
      const step = this.current;
      const failure = error instanceof RunCancelled ? error : this.flow.failure(error, step);
      await this.journal.update((d) => {
        d.status = failure instanceof RunCancelled ? 'cancelled' : 'failed';
        d.error = { code: failure.code, message: failure.message, step, next: failure.next };
      });
      this.progress(step, this.steps.indexOf(step), failure instanceof RunCancelled ? 'cancelled' : 'failed');
      throw failure;
    }
    return this.journal.data;
  }

  private async runSteps(): Promise<void> {
    // A step that nothing next needs runs beside that next step; it is awaited before the step after.
    const state: { beside: { step: StepOf<R>; done: Promise<void> } | null } = { beside: null };
    const awaitBeside = async () => {
      const { beside } = state;
      if (!beside) return;
      this.current = beside.step;
      await beside.done;
      state.beside = null;
    };
    try {
      for (const [i, step] of this.steps.entries()) {
        this.current = step;
        if (this.hooks.signal?.aborted) throw new RunCancelled(step);
        if (this.journal.isDone(step) && !this.flow.mustRepeat?.(step, this.journal.data)) {
          this.progress(step, i, 'skipped');
          await awaitBeside();
          continue;
        }
        this.progress(step, i, 'running');
        await this.failpoint(`before:${step}`);
        const done = this.executor.run(step, this.context(step, i)).then(async (change) => {
          await this.journal.markDone(step, change ?? undefined);
          await this.failpoint(`after:${step}`);
          this.progress(step, i, 'done');
        });
        if (this.flow.runsBesideNext?.includes(step) && i < this.steps.length - 1 && !state.beside) {
          state.beside = { step, done };
          done.catch(() => {});
          continue;
        }
        await done;
        await awaitBeside();
      }
      await awaitBeside();
    } catch (error) {
      // Nothing of this execution may go on writing once it has stopped: a resume may follow at once.
      await state.beside?.done.catch(() => {});
      throw error;
    }
  }

  private context(step: StepOf<R>, index: number): StepContext {
    return {
      index,
      throwIfCancelled: () => {
        if (this.hooks.signal?.aborted) throw new RunCancelled(step);
      },
      failpoint: (name: string) => this.failpoint(name),
      progress: (detail: { done: number; total: number }) => this.progress(step, index, 'running', detail),
      retrying: (retry: { attempt: number; attempts: number }) => this.progress(step, index, 'running', undefined, retry),
    };
  }

  private async failpoint(name: string): Promise<void> {
    await this.hooks.failpoint?.(name);
  }

  private progress(step: StepOf<R>, index: number, status: RunProgress['status'], detail?: RunProgress['detail'], retry?: RunProgress['retry']): void {
    const finished = status === 'done' || status === 'skipped' ? index + 1 : index;
    this.hooks.onProgress?.(
      { runId: this.journal.data.runId, step, index: index + 1, total: this.steps.length, status, fraction: finished / this.steps.length, detail, ...(retry ? { retry } : {}) },
      this.journal.data,
    );
  }
}
