import { randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readIfExists, writeFileAtomic } from '../durable/atomic-file';
import { withFileLock } from '../durable/file-lock';
import { AppError } from '../errors';
import type { EngineField, RecordChange, RunRecord } from './run-record';

/** The folder of every run's journal (`<runId>.json`) and run lock, whatever its flow. */
export const runsFolder = (dataDir: string): string => join(dataDir, 'runs');

/** What the run lock locks (`<runId>.run.lock` beside the journal): held while the run executes. */
export const runLockTarget = (dataDir: string, runId: string): string => join(runsFolder(dataDir), `${runId}.run`);

/** Which journals are a flow's, and how it reads those of its older versions. */
export interface JournalKind<R extends RunRecord> {
  /** Written into every journal the flow creates, e.g. `sign-de/provisioning`. */
  readonly kind: string;
  /** Journals written before runs had kinds carry none: the one flow that wrote them says so here. */
  readonly ownsUnmarked?: boolean;
  /** Brings a journal an older version wrote up to date as it is read (in memory; written with the next change). */
  upgrade?(record: R): void;
}

/** Another process wrote this run's journal meanwhile: this one stops and writes nothing more. */
export class JournalTakenOver extends AppError {
  constructor(runId: string) {
    super('E_RUN_BUSY', `Run ${runId} was taken over by another window or process; this one stopped. Follow the run there.`);
    this.name = 'JournalTakenOver';
  }
}

const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const JOURNAL_FILE = /^[0-9a-f-]{36}\.json$/;

/** One run's write-ahead journal file: every change is on disk (atomically, under the file's lock) before its promise resolves. */
export class RunJournal<R extends RunRecord> {
  private inFlight: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;

  private constructor(
    private readonly file: string,
    readonly data: R,
    /** The file's text as this object last read or wrote it (null: not on disk yet). */
    private onDisk: string | null,
  ) {}

  /** A new run of the kind, durable before it returns: the payload holds every id its steps will use. */
  static async create<R extends RunRecord>(dataDir: string, kind: JournalKind<R>, payload: Omit<R, EngineField>, now = new Date()): Promise<RunJournal<R>> {
    const runId = randomUUID();
    const data = { v: 1, kind: kind.kind, runId, createdAt: now.toISOString(), updatedAt: now.toISOString(), status: 'running', ...payload, done: [] } as unknown as R;
    const journal = new RunJournal(join(runsFolder(dataDir), `${runId}.json`), data, null);
    await journal.save();
    return journal;
  }

  static async load<R extends RunRecord>(dataDir: string, kind: JournalKind<R>, runId: string): Promise<RunJournal<R>> {
    if (!RUN_ID.test(runId)) throw new Error(`${runId} is not a run id`);
    const file = join(runsFolder(dataDir), `${runId}.json`);
    const text = await readFile(file, 'utf8');
    const data = JSON.parse(text) as R;
    const owner = data.kind ?? (kind.ownsUnmarked ? kind.kind : undefined);
    if (data.v !== 1 || data.runId !== runId || owner !== kind.kind) throw new Error(`${file} is not a ${kind.kind} journal`);
    kind.upgrade?.(data);
    return new RunJournal(file, data, text);
  }

  /** Every run of the kind on this laptop, newest first; unreadable files (and other kinds) are skipped, not deleted. */
  static async list<R extends RunRecord>(dataDir: string, kind: JournalKind<R>): Promise<R[]> {
    let names: string[];
    try {
      names = await readdir(runsFolder(dataDir));
    } catch {
      return [];
    }
    const runs: R[] = [];
    for (const name of names.filter((n) => JOURNAL_FILE.test(n))) {
      try {
        runs.push((await RunJournal.load(dataDir, kind, name.slice(0, -5))).data);
      } catch {
        // a damaged journal stays on disk for a human to look at
      }
    }
    return runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  isDone(step: R['done'][number]): boolean {
    return this.data.done.includes(step);
  }

  async update(change: RecordChange<R>): Promise<void> {
    change(this.data);
    await this.save();
  }

  async markDone(step: R['done'][number], change: RecordChange<R> = () => {}): Promise<void> {
    await this.update((data) => {
      change(data);
      if (!data.done.includes(step)) data.done.push(step);
    });
  }

  /**
   * Resolves once a write that includes every change made so far is on disk. Writes never overlap, and
   * changes made while one is under way share the next write (twenty client registrations, two or three writes).
   */
  private save(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.inFlight.catch(() => {}).then(() => {
      this.queued = null;
      this.data.updatedAt = new Date().toISOString();
      const text = JSON.stringify(this.data, null, 2);
      // Other processes read journals (lists) and may write one (abandon, or a resume that took over the
      // run's lock from a process frozen past its stale time): under the lock, a journal someone else
      // wrote since is never overwritten.
      return withFileLock(this.file, async () => {
        const current = (await readIfExists(this.file))?.toString('utf8') ?? null;
        if (current !== this.onDisk) throw new JournalTakenOver(this.data.runId);
        await writeFileAtomic(this.file, text);
        this.onDisk = text;
      });
    });
    this.queued = next;
    this.inFlight = next;
    return next;
  }
}
