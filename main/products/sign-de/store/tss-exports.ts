import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { exportTarName } from '../../../../preload/contract/sign-de/file-names';
import type { ExportProgress } from '../../../../preload/contract/sign-de/tss';
import { writeFileAtomic } from '../../../core/durable/atomic-file';
import { ensurePrivateFolder, removeOrphanTempFiles } from '../../../core/durable/private-folder';
import { AppError } from '../../../core/errors';
import type { FiskalyClient } from '../api/client';
import { FiskalyError } from '../api/fiskaly-error';
import type { Export } from '../api/resources';
import { type ExportJob, ExportJournal } from './export-journal';

export interface ExportEngineOptions {
  onProgress?: (progress: ExportProgress) => void;
  /** ms since the epoch; tests pass a clock their `sleep` advances. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Between two requests about one export; never below MIN_POLL_INTERVAL_MS. */
  pollIntervalMs?: number;
  /** How long one export call waits for fiskaly before it gives up (the export stays journaled). */
  maxWaitMs?: number;
}

/**
 * fiskaly allows 12 requests a minute per export, status and file together (429 above). Every 6 s
 * leaves room for the file download within the same minute; never faster than every 5 s.
 */
export const MIN_POLL_INTERVAL_MS = 5_000;
export const DEFAULT_POLL_INTERVAL_MS = 6_000;
export const DEFAULT_MAX_WAIT_MS = 60 * 60_000;

const RUNNING_STATES = ['PENDING', 'WORKING'];

export type ResolveTss = (tssId: string) => Promise<{ client: FiskalyClient; storeName?: string }>;

/**
 * TAR exports, the way fiskaly wants them: the export id journaled before the trigger (so a crash or a
 * retry never triggers a second export), polled at most every 5 s, not before fiskaly's own estimate or
 * its Retry-After, picked up again after a restart, and the TAR saved owner-only in the data folder.
 */
export class TssExports {
  private readonly journal: ExportJournal;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly pollIntervalMs: number;
  private readonly maxWaitMs: number;
  /** One export per TSS at a time in this process; a second call joins the first. */
  private readonly running = new Map<string, Promise<{ path: string; bytes: number }>>();
  private stopped = false;
  private wakeUp: () => void = () => {};
  private readonly stopping = new Promise<void>((resolve) => (this.wakeUp = resolve));

  constructor(
    private readonly dataDir: string,
    private readonly resolve: ResolveTss,
    private readonly options: ExportEngineOptions = {},
  ) {
    this.journal = new ExportJournal(dataDir);
    this.now = options.now ?? Date.now;
    // Unref'd: a waiting export never keeps a closing process alive (stop() ends the wait anyway).
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms).unref()));
    this.pollIntervalMs = Math.max(MIN_POLL_INTERVAL_MS, options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
    this.maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  }

  /** The TSS's current or last export as journaled (null when it never had one on this laptop). */
  async status(tssId: string): Promise<ExportProgress | null> {
    const job = await this.journal.read(tssId);
    if (!job) return null;
    const phase = job.state === 'pending' ? (this.running.has(key(tssId)) ? 'waiting' : 'pending') : job.state;
    return this.progressOf(job, phase);
  }

  /**
   * Ends every wait at once (the app or services are closing): a waiting export rejects with
   * E_EXPORT_INTERRUPTED and stays pending in the journal, for the next export to pick up.
   */
  stop(): void {
    this.stopped = true;
    this.wakeUp();
  }

  /** Resumes the TSS's pending export, or starts one; resolves when the TAR is saved. */
  exportTar(tssId: string): Promise<{ path: string; bytes: number }> {
    const known = this.running.get(key(tssId));
    if (known) return known;
    const work = this.run(tssId).finally(() => this.running.delete(key(tssId)));
    this.running.set(key(tssId), work);
    return work;
  }

  private async run(tssId: string): Promise<{ path: string; bytes: number }> {
    if (this.stopped) throw new AppError('E_EXPORT_INTERRUPTED', 'The app is closing. Export again after it has started.');
    const { client, storeName } = await this.resolve(tssId);
    let job = await this.claim(tssId);
    this.report(job, 'triggering');
    try {
      const first = await this.trigger(client, job);
      job = await this.record(tssId, job, first, { triggered: true });
      const tar = await this.waitAndDownload(client, job, first);
      const dir = join(this.dataDir, 'exports');
      await ensurePrivateFolder(dir);
      await removeOrphanTempFiles(dir);
      const path = join(dir, exportTarName(storeName ?? null, tssId, new Date(this.now())));
      await writeFileAtomic(path, tar);
      const file = { path, bytes: tar.length };
      job = await this.change(tssId, job, { state: 'saved', fiskalyState: 'COMPLETED', savedAt: this.now(), file });
      this.report(job, 'saved');
      return file;
    } catch (error) {
      if (error instanceof ExportFailed) {
        job = await this.change(tssId, job, { state: 'failed', failure: error.failure });
        this.report(job, 'failed');
      }
      throw error;
    }
  }

  /** Under the journal's lock: the pending export if there is one, else a new id, written before any trigger. */
  private async claim(tssId: string): Promise<ExportJob> {
    const job = await this.journal.update(tssId, (current) =>
      current?.state === 'pending'
        ? null
        : {
            version: 1,
            tssId,
            exportId: randomUUID(),
            state: 'pending',
            triggered: false,
            requestedAt: this.now(),
            estimatedCompletionAt: null,
          },
    );
    if (!job) throw new Error('the export journal kept nothing');
    return job;
  }

  /**
   * Sends the trigger with the journaled id, again if need be: that is how to learn whether a crash came
   * before or after fiskaly got it. The sandbox answers a repeated trigger with the export itself; fiskaly's
   * list of errors has 400 E_DUPLICATE_EXPORT for an id that exists (VERIFY which the real API sends), so
   * that answer means "it is ours, already there" too.
   */
  private async trigger(client: FiskalyClient, job: ExportJob): Promise<Export> {
    if (job.triggered) return this.lookUp(client, job);
    try {
      return await client.triggerExport(job.tssId, job.exportId);
    } catch (error) {
      if (!(error instanceof FiskalyError)) throw error;
      if (error.code === 'E_DUPLICATE_EXPORT') return this.lookUp(client, job);
      if (error.code === 'E_EXPORT_DUPLICATE_RATE_LIMITED') return this.adopt(client, job, error);
      throw error;
    }
  }

  private async lookUp(client: FiskalyClient, job: ExportJob): Promise<Export> {
    try {
      return await client.getExport(job.tssId, job.exportId);
    } catch (error) {
      if (error instanceof FiskalyError && error.code === 'E_EXPORT_NOT_FOUND') {
        throw new ExportFailed('E_EXPORT_NOT_FOUND', 'fiskaly no longer knows this export (it may have expired). Export again to start a new one.');
      }
      throw error;
    }
  }

  /**
   * fiskaly refuses an identical export while one runs (409 E_EXPORT_DUPLICATE_RATE_LIMITED): that one was
   * started from a journal this laptop has lost (damaged, or another laptop). It is waited for instead.
   */
  private async adopt(client: FiskalyClient, job: ExportJob, refusal: FiskalyError): Promise<Export> {
    const running = (await client.listExports(job.tssId, RUNNING_STATES)).sort((a, b) => (b.timeRequest ?? 0) - (a.timeRequest ?? 0));
    const latest = running[0];
    if (!latest) throw refusal;
    await this.journal.update(job.tssId, (current) => (current?.exportId === job.exportId ? { ...current, exportId: latest.id } : null));
    job.exportId = latest.id;
    return latest;
  }

  private async waitAndDownload(client: FiskalyClient, job: ExportJob, first: Export): Promise<Buffer> {
    // Each call waits its own span; elapsed time still counts from the request (across restarts).
    const deadline = this.now() + this.maxWaitMs;
    let answer: Export | null = first;
    let lastRequestAt = this.now();
    let notBefore = 0;
    let completed: Export | null = null;
    for (;;) {
      if (answer) {
        job = await this.record(job.tssId, job, answer, {});
        if (answer.state === 'COMPLETED') {
          this.report(job, 'downloading');
          try {
            return await client.exportFile(job.tssId, job.exportId, { once: true });
          } catch (error) {
            if (error instanceof FiskalyError && error.code === 'E_EXPORT_NOT_FOUND') {
              throw new ExportFailed('E_EXPORT_NOT_FOUND', 'fiskaly no longer has this export’s file (it may have expired). Export again to start a new one.');
            }
            // 404 E_EXPORT_NOT_COMPLETED comes with Retry-After: 60; 429 and 5xx with their own.
            if (!(error instanceof FiskalyError) || (!error.retryable && error.code !== 'E_EXPORT_NOT_COMPLETED')) throw error;
            lastRequestAt = this.now();
            notBefore = this.now() + (error.retryAfterSeconds ?? 0) * 1000;
            // Known to be done: the next try is the file again, so status polls do not use up the budget.
            if (error.code !== 'E_EXPORT_NOT_COMPLETED') completed = answer;
          }
        } else if (!RUNNING_STATES.includes(answer.state)) {
          const why = (answer.exception ? `${answer.state} (${answer.exception})` : answer.state).slice(0, 200);
          throw new ExportFailed(why, `fiskaly could not make the export: ${why}. Export again later.`);
        }
      }
      this.report(job, 'waiting');
      if (this.now() >= deadline) {
        throw new AppError(
          'E_EXPORT_SLOW',
          'fiskaly is still making the export. Export again later: the same export is picked up, not started a second time.',
        );
      }
      const pollAt = Math.max(lastRequestAt + this.pollIntervalMs, notBefore, job.estimatedCompletionAt ?? 0);
      // Wake up at least every poll interval, to tell the screen how long it has been.
      const wakeAt = Math.min(pollAt, deadline, this.now() + this.pollIntervalMs);
      await Promise.race([this.sleep(Math.max(0, wakeAt - this.now())), this.stopping]);
      if (this.stopped) {
        throw new AppError('E_EXPORT_INTERRUPTED', 'The app was closed while the export was being made. Export again: the same export is picked up, not started a second time.');
      }
      answer = null;
      if (this.now() < pollAt) continue;
      if (completed) {
        answer = completed;
        completed = null;
        continue;
      }
      lastRequestAt = this.now();
      try {
        answer = await client.getExport(job.tssId, job.exportId, { once: true });
      } catch (error) {
        if (error instanceof FiskalyError && error.code === 'E_EXPORT_NOT_FOUND') {
          throw new ExportFailed('E_EXPORT_NOT_FOUND', 'fiskaly no longer knows this export. Export again to start a new one.');
        }
        if (!(error instanceof FiskalyError) || !error.retryable) throw error;
        notBefore = this.now() + (error.retryAfterSeconds ?? 0) * 1000;
      }
    }
  }

  /**
   * Keeps fiskaly's state and estimate in the journal (written only when they change). The estimate is on
   * fiskaly's clock; as the time it needs after the request, added to when this laptop asked, it does not
   * depend on the laptop's clock being right.
   */
  private record(tssId: string, job: ExportJob, answer: Export, extra: Partial<ExportJob>): Promise<ExportJob> {
    const eta = answer.estimatedCompletion;
    const estimatedCompletionAt =
      eta === undefined ? null : answer.timeRequest === undefined ? eta * 1000 : job.requestedAt + Math.max(0, eta - answer.timeRequest) * 1000;
    return this.change(tssId, job, { ...extra, fiskalyState: answer.state.slice(0, 40), estimatedCompletionAt });
  }

  private async change(tssId: string, job: ExportJob, patch: Partial<ExportJob>): Promise<ExportJob> {
    const next = { ...job, ...patch };
    if (JSON.stringify(next) === JSON.stringify(job)) return job;
    const written = await this.journal.update(tssId, (current) => {
      if (!current) return next;
      // Another process's word stands: a newer export of the TSS, or this one already finished there.
      if (current.exportId !== job.exportId) return null;
      return current.state !== 'pending' && next.state === 'pending' ? null : next;
    });
    return written && written.exportId === job.exportId ? written : next;
  }

  private report(job: ExportJob, phase: ExportProgress['phase']): void {
    this.options.onProgress?.(this.progressOf(job, phase));
  }

  private progressOf(job: ExportJob, phase: ExportProgress['phase']): ExportProgress {
    const end = job.state === 'saved' && job.savedAt !== undefined ? job.savedAt : this.now();
    return {
      tssId: job.tssId,
      exportId: job.exportId,
      phase,
      fiskalyState: job.fiskalyState ?? null,
      requestedAt: job.requestedAt,
      elapsedMs: Math.max(0, end - job.requestedAt),
      estimatedCompletionAt: job.estimatedCompletionAt,
      file: job.file ?? null,
      failure: job.failure ?? null,
    };
  }
}

const key = (tssId: string) => tssId.toLowerCase();

/** fiskaly gave the export up for good: the journal marks it failed, and the next export starts afresh. */
class ExportFailed extends AppError {
  constructor(
    readonly failure: string,
    message: string,
  ) {
    super('E_EXPORT_FAILED', message);
  }
}
