import { dirname, join } from 'node:path';
import { z } from 'zod';
import { keepAside, readIfExists, writeFileAtomic } from '../../../core/durable/atomic-file';
import { withFileLock } from '../../../core/durable/file-lock';
import { ensurePrivateFolder, removeOrphanTempFiles } from '../../../core/durable/private-folder';
import { AppError } from '../../../core/errors';

/**
 * The export of one TSS, as this laptop knows it. Its fiskaly id is written here before the trigger is
 * sent, so a crash or a restart finds the export again instead of triggering a second one.
 */
export const ExportJob = z.object({
  version: z.literal(1),
  tssId: z.string(),
  exportId: z.uuid(),
  /** pending: id written (and maybe triggered) but no TAR saved yet; saved: done; failed: fiskaly gave up. */
  state: z.enum(['pending', 'saved', 'failed']),
  /** fiskaly has answered the trigger (before that, the trigger is sent again with the same id). */
  triggered: z.boolean(),
  /** When the id was written, ms since the epoch: elapsed time counts from here, across restarts. */
  requestedAt: z.number(),
  /** fiskaly's last word on the export: PENDING, WORKING, COMPLETED, ERROR, CANCELLED. */
  fiskalyState: z.string().max(40).optional(),
  /** fiskaly's estimate (`estimated_time_of_completion`), ms since the epoch. */
  estimatedCompletionAt: z.number().nullable().default(null),
  savedAt: z.number().optional(),
  file: z.object({ path: z.string(), bytes: z.number().int().min(0) }).optional(),
  /** Why it failed: fiskaly's state and exception, or an error code. */
  failure: z.string().max(200).optional(),
});
export type ExportJob = z.output<typeof ExportJob>;

const TSS_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `<dataDir>/exports/jobs/<tssId>.json`, one file per TSS, each write under the cross-process lock. */
export class ExportJournal {
  private prepared: Promise<void> | null = null;

  constructor(private readonly dataDir: string) {}

  fileOf(tssId: string): string {
    if (!TSS_ID.test(tssId)) throw new AppError('E_INVALID_REQUEST', 'A TSS id is a UUID.');
    return join(this.dataDir, 'exports', 'jobs', `${tssId.toLowerCase()}.json`);
  }

  /** The TSS's export job, or null (also for a damaged file, which the next write keeps aside). */
  async read(tssId: string): Promise<ExportJob | null> {
    return parseJob(await readIfExists(this.fileOf(tssId)));
  }

  /** Under the lock: reads the job, lets `change` decide (null keeps it as it is), writes what it returns. */
  update(tssId: string, change: (current: ExportJob | null) => ExportJob | null): Promise<ExportJob | null> {
    const file = this.fileOf(tssId);
    return withFileLock(file, async () => {
      await this.prepare(dirname(file));
      const bytes = await readIfExists(file);
      const current = parseJob(bytes);
      const next = change(current);
      if (next === null || next === current) return current;
      const valid = ExportJob.parse(next);
      // A damaged journal is copied aside before it is replaced: kept for support, never silently lost.
      if (bytes && !current) await keepAside(file, bytes);
      await writeFileAtomic(file, `${JSON.stringify(valid, null, 2)}\n`);
      return valid;
    });
  }

  /** Once per process: the folder owner-only, and temp files of writers that crashed removed. */
  private prepare(dir: string): Promise<void> {
    this.prepared ??= ensurePrivateFolder(dir).then(async () => {
      await removeOrphanTempFiles(dir);
    });
    return this.prepared;
  }
}

function parseJob(bytes: Buffer | null): ExportJob | null {
  if (!bytes) return null;
  try {
    const parsed = ExportJob.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
