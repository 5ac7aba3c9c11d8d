import type { RunEngine } from './run-engine';
import { nothingToResume, runAbandoned, runNotFound } from './run-errors';
import type { RunJournal } from './run-journal';
import { type HeldRunLock, RunBusyError } from './run-lock';
import type { RunRecord } from './run-record';

/** Executes a claimed run to its end; it writes its own failures to the journal and releases the lock. */
export type OpenedExecution = (control: { signal: AbortSignal; claimed: HeldRunLock }) => Promise<unknown>;

/** What the run manager needs of a product's flow beyond the engine: its reports, its checks, its outside world. */
export interface ManagedFlow<R extends RunRecord, Report extends object, Options> {
  readonly engine: RunEngine<R>;
  /** A run as the bridge shows it. */
  report(record: R): Report;
  /** Whether a resume with these options goes on with a done run too (a repair that compares it with the world again). */
  resumesDone?(options: Options): boolean;
  /** Refuses a resume the product cannot serve now (a locked vault), before the run's lock is taken. */
  ready?(): Promise<void>;
  /**
   * Gets what an execution needs from outside (a connection, the unlocked vault), still under the run's
   * lock; a failure here is written to the run as a failure of its first step.
   */
  open(record: R, options: Options): Promise<OpenedExecution>;
  /** A run stopped, however: its report, or null when its journal cannot be read. */
  finished(runId: string, report: Report | null): void;
}

/**
 * Runs a flow's runs in the background of the app: a start answers at once with the run id, progress
 * and the end arrive as the flow reports them, a cancel stops after the current step (or part of one)
 * and leaves the run resumable. A run executes in one process at a time: the run's lock is taken before
 * the answer, so a second window or process gets E_RUN_BUSY at once.
 */
export class RunManager<R extends RunRecord, Report extends object, Options> {
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(
    private readonly dataDir: string,
    private readonly flow: ManagedFlow<R, Report, Options>,
  ) {}

  private get engine(): RunEngine<R> {
    return this.flow.engine;
  }

  /** Every run of the flow, newest first; one executing in another window or process says so. */
  async list(): Promise<Array<Report & { busyElsewhere?: boolean }>> {
    const runs = await this.engine.list(this.dataDir);
    return Promise.all(
      runs.map(async (record) => {
        const report = this.flow.report(record);
        const elsewhere = record.status === 'running' && !this.active.has(record.runId) && (await this.engine.isLocked(this.dataDir, record.runId));
        return elsewhere ? { ...report, busyElsewhere: true } : report;
      }),
    );
  }

  async get(runId: string): Promise<Report> {
    return this.flow.report((await this.journal(runId)).data);
  }

  /** Starts a run `create` made durable (and returned the id of). */
  async start(create: () => Promise<string>, options: Options): Promise<{ runId: string }> {
    const runId = await create();
    this.launch(runId, options, await this.engine.claim(this.dataDir, runId));
    return { runId };
  }

  /** Continues a stopped run (a done one only where the flow says these options do). */
  async resume(runId: string, options: Options): Promise<{ runId: string }> {
    if (this.active.has(runId)) return { runId };
    const journal = await this.journal(runId);
    if (journal.data.status === 'done' && !this.flow.resumesDone?.(options)) throw nothingToResume();
    if (journal.data.status === 'abandoned') throw runAbandoned(this.engine.refusals);
    await this.flow.ready?.();
    // Taken before the answer: a run going on in another window or process is refused with E_RUN_BUSY.
    const lock = await this.engine.claim(this.dataDir, runId);
    if (this.active.has(runId)) {
      await lock.release();
      return { runId };
    }
    this.launch(runId, options, lock);
    return { runId };
  }

  /** Gives a stopped run up: it leaves the unfinished list; nothing is deleted. */
  async abandon(runId: string): Promise<Report> {
    if (this.active.has(runId)) throw new RunBusyError(runId);
    await this.journal(runId);
    const report = this.flow.report(await this.engine.abandon(this.dataDir, runId));
    this.flow.finished(runId, report);
    return report;
  }

  cancel(runId: string): Record<string, never> {
    this.active.get(runId)?.controller.abort();
    return {};
  }

  /** Waits for every run to stop (used on quit and in tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.active.values()].map((r) => r.done));
  }

  private launch(runId: string, options: Options, lock: HeldRunLock): void {
    const controller = new AbortController();
    const done = (async () => {
      let handedOver = false;
      try {
        const journal = await this.journal(runId);
        const execute = await this.flow.open(journal.data, options);
        handedOver = true;
        await execute({ signal: controller.signal, claimed: lock });
      } catch (error) {
        if (handedOver) return;
        // A failure before the run began is written here, still under the run's lock.
        try {
          await this.engine.recordFailure(this.dataDir, runId, error);
        } finally {
          await lock.release();
        }
      }
    })()
      .catch(() => {})
      .finally(async () => {
        this.active.delete(runId);
        this.flow.finished(runId, await this.get(runId).catch(() => null));
      });
    this.active.set(runId, { controller, done });
  }

  private async journal(runId: string): Promise<RunJournal<R>> {
    try {
      return await this.engine.load(this.dataDir, runId);
    } catch {
      throw runNotFound(this.engine.refusals);
    }
  }
}
