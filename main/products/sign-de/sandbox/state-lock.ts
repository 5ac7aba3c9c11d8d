import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { readIfExists, writeFileAtomic } from '../../../core/durable/atomic-file';
import { sharedLockOptions } from '../../../core/durable/file-lock';

/** Another live sandbox process owns this state file. */
export class StateFileInUseError extends Error {
  constructor(readonly file: string) {
    super(`Another sandbox process is using the state file ${file}: stop it first, or give this one another state file.`);
    this.name = 'StateFileInUseError';
  }
}

/** How long a new owner waits after a takeover, so a write the frozen old owner had begun has landed before the state is read. */
const TAKEOVER_GRACE_MS = 1_000;

export interface StateFileLock {
  /** Throws unless this process still owns the state file (checked before and after every write). */
  assertOwner(): Promise<void>;
  release(): Promise<void>;
}

/**
 * Takes the cross-process lock of a sandbox state file (`<file>.lock`, proper-lockfile, the conventions of
 * main/core/durable/file-lock.ts) for as long as the sandbox runs: one state file, one owner. A lock left by a
 * killed process goes stale after LOCK_STALE_MS and is taken over. `onLost` is called if the lock is
 * taken from us (this process was frozen past the stale time): from then on we must not write.
 *
 * proper-lockfile notices a takeover only at its next refresh, so the owner also writes a random token
 * to `<file>.owner` and checks it before and after each state write: a write is confirmed only if the
 * token was still ours after it landed, and a new owner writes its token before it reads the state.
 */
export async function lockStateFile(file: string, onLost: (error: Error) => void, waitMs = 0): Promise<StateFileLock> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + waitMs;
  let unlock: () => Promise<void>;
  for (;;) {
    try {
      unlock = await lockfile.lock(file, {
        ...sharedLockOptions,
        retries: 0,
        onCompromised: onLost,
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() >= deadline) throw new StateFileInUseError(file);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const ownerFile = `${file}.owner`;
  const token = randomBytes(16).toString('hex');
  try {
    // A token left behind means its owner did not close cleanly: it may have been frozen mid-write.
    const previous = await readIfExists(ownerFile);
    await writeFileAtomic(ownerFile, token);
    if (previous) await new Promise((resolve) => setTimeout(resolve, TAKEOVER_GRACE_MS));
  } catch (error) {
    await unlock().catch(() => {});
    throw error;
  }
  let lost = false;
  return {
    assertOwner: async () => {
      const current = await readFile(ownerFile, 'utf8').catch(() => null);
      if (current === token) return;
      const error = new Error(`another sandbox process has taken over ${file}`);
      if (!lost) {
        lost = true;
        onLost(error);
      }
      throw error;
    },
    release: async () => {
      if (!lost && (await readFile(ownerFile, 'utf8').catch(() => null)) === token) await rm(ownerFile, { force: true });
      await unlock().catch(() => {});
    },
  };
}
