import { randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { StepName } from '../../../../preload/contract/sign-de/provisioning-steps';
import type { ReceiptRecord, RunError, RunRepair, RunStatus } from '../../../../preload/contract/sign-de/runs';
import { readIfExists, writeFileAtomic } from '../../../core/durable/atomic-file';
import { AppError } from '../../../core/errors';
import { withFileLock } from '../../../core/durable/file-lock';
import type { StorePlan } from './store-plan';

export { STEP_NAMES, type StepName } from '../../../../preload/contract/sign-de/provisioning-steps';

export interface JournalClient {
  serialNumber: string;
  clientId: string;
  registered: boolean;
}

/** The plan as the journal keeps it: never the technician's PIN. */
export type JournaledPlan = Omit<StorePlan, 'adminPin'>;

/**
 * One store's provisioning run, written ahead: every id is here before the request that uses it, and
 * every step is marked done only after its effect is durable. No PIN, PUK or secret is ever in it.
 */
export interface JournalData {
  v: 1;
  runId: string;
  createdAt: string;
  updatedAt: string;
  plan: JournaledPlan;
  status: RunStatus;
  tssId: string;
  clients: JournalClient[];
  receipt: ReceiptRecord | null;
  done: StepName[];
  organizationId?: string;
  apiEnv?: 'TEST' | 'LIVE';
  tssSerialNumber?: string;
  bsiCertificationId?: string;
  timeInit?: number;
  /** Why the run stopped, and where the technician goes next. */
  error?: RunError;
  /** What a resume found missing at the server and did again (no secrets). */
  repairs?: RunRepair[];
  abandonedAt?: string;
}

export const journalDir = (dataDir: string): string => join(dataDir, 'runs');

/** Another process wrote this run's journal meanwhile: this one stops and writes nothing more. */
export class JournalTakenOver extends AppError {
  constructor(runId: string) {
    super('E_RUN_BUSY', `Run ${runId} was taken over by another window or process; this one stopped. Follow the run there.`);
    this.name = 'JournalTakenOver';
  }
}

const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What the run lock locks (`<runId>.run.lock` beside the journal): held while the run executes. */
export const runLockTarget = (dataDir: string, runId: string): string => join(journalDir(dataDir), `${runId}.run`);

export class Journal {
  private inFlight: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;

  private constructor(
    private readonly file: string,
    readonly data: JournalData,
    /** The file's text as this object last read or wrote it (null: not on disk yet). */
    private onDisk: string | null,
  ) {}

  /** A new run with all its ids chosen up front. */
  static async create(dataDir: string, plan: StorePlan, now = new Date()): Promise<Journal> {
    const { adminPin: _pin, ...journaled } = plan;
    const runId = randomUUID();
    const data: JournalData = {
      v: 1,
      runId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      plan: journaled,
      status: 'running',
      tssId: randomUUID(),
      clients: plan.clients.map((c) => ({ serialNumber: c.serialNumber, clientId: randomUUID(), registered: false })),
      receipt: plan.testReceipt ? { txId: randomUUID() } : null,
      done: [],
    };
    const journal = new Journal(join(journalDir(dataDir), `${runId}.json`), data, null);
    await journal.save();
    return journal;
  }

  static async load(dataDir: string, runId: string): Promise<Journal> {
    if (!RUN_ID.test(runId)) throw new Error(`${runId} is not a run id`);
    const file = join(journalDir(dataDir), `${runId}.json`);
    const text = await readFile(file, 'utf8');
    const data = JSON.parse(text) as JournalData;
    if (data.v !== 1 || data.runId !== runId) throw new Error(`${file} is not a provisioning journal`);
    // Journals of older versions advised "fix-plan", which no screen or command does: a resume with the right key does.
    if (data.error && (data.error.next as string) === 'fix-plan') data.error.next = 'resume';
    return new Journal(file, data, text);
  }

  /** Every run on this laptop, newest first; unreadable files are skipped, not deleted. */
  static async list(dataDir: string): Promise<JournalData[]> {
    let names: string[];
    try {
      names = await readdir(journalDir(dataDir));
    } catch {
      return [];
    }
    const runs: JournalData[] = [];
    for (const name of names.filter((n) => /^[0-9a-f-]{36}\.json$/.test(n))) {
      try {
        runs.push((await Journal.load(dataDir, name.slice(0, -5))).data);
      } catch {
        // a damaged journal stays on disk for a human to look at
      }
    }
    return runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  isDone(step: StepName): boolean {
    return this.data.done.includes(step);
  }

  async update(change: (data: JournalData) => void): Promise<void> {
    change(this.data);
    await this.save();
  }

  async markDone(step: StepName, change: (data: JournalData) => void = () => {}): Promise<void> {
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
