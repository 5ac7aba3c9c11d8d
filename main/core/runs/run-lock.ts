import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { LOCK_STALE_MS, sharedLockOptions } from '../durable/file-lock';
import { AppError } from '../errors';

/** Another process (or window, or service in this process) is executing this run right now. */
export class RunBusyError extends AppError {
  constructor(readonly runId: string) {
    super(
      'E_RUN_BUSY',
      `This run is going on in another window or process. Wait for it there; if that process was closed or crashed, try again in ${Math.ceil(LOCK_STALE_MS / 1000)} seconds.`,
    );
    this.name = 'RunBusyError';
  }
}

export interface HeldRunLock {
  /** Aborted when the lock was taken over (this process was frozen past the stale time): stop after the current step. */
  readonly lost: AbortSignal;
  release(): Promise<void>;
}


/**
 * Takes the cross-process lock that says "this run is executing here" (a `<target>.lock` folder, made by
 * proper-lockfile and refreshed while held), or fails at once with E_RUN_BUSY. Not a queue, unlike
 * withFileLock: a run waiting for itself would only do again what the holder is doing. A lock whose
 * holder was killed goes stale and is taken over.
 */
export async function takeRunLock(target: string, runId: string): Promise<HeldRunLock> {
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  const lost = new AbortController();
  try {
    const release = await lockfile.lock(target, {
      ...sharedLockOptions,
      retries: 0,
      onCompromised: () => lost.abort(),
    });
    let released: Promise<void> | null = null;
    return { lost: lost.signal, release: () => (released ??= release().catch(() => {})) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new RunBusyError(runId);
    throw error;
  }
}

/** Whether some process holds the run's lock now (a stale lock of a killed process does not count). */
export function isRunLocked(target: string): Promise<boolean> {
  return lockfile.check(target, sharedLockOptions).catch(() => false);
}
