import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { LOCK_STALE_MS } from '../durable/file-lock';

/** Another live sandbox process owns this state file. */
export class StateFileInUseError extends Error {
  constructor(readonly file: string) {
    super(`Another sandbox process is using the state file ${file}: stop it first, or give this one another state file.`);
    this.name = 'StateFileInUseError';
  }
}

/**
 * Takes the cross-process lock of a sandbox state file (`<file>.lock`, proper-lockfile, the conventions of
 * main/durable/file-lock.ts) for as long as the sandbox runs: one state file, one owner. A lock left by a
 * killed process goes stale after LOCK_STALE_MS and is taken over. `onLost` is called if the lock is
 * taken from us (this process was frozen past the stale time): from then on we must not write.
 */
export async function lockStateFile(file: string, onLost: (error: Error) => void, waitMs = 0): Promise<() => Promise<void>> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await lockfile.lock(file, {
        realpath: false,
        stale: LOCK_STALE_MS,
        update: LOCK_STALE_MS / 2,
        retries: 0,
        onCompromised: onLost,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() >= deadline) throw new StateFileInUseError(file);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
