import fs from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';

/** proper-lockfile's file system, but its lock folder is made owner-only (it would take the umask's 0755 or 0777). */
const privateLockFs = {
  ...fs,
  mkdir: (path: fs.PathLike, callback: (error: NodeJS.ErrnoException | null) => void) => fs.mkdir(path, { mode: 0o700 }, callback),
};

/**
 * How long a lock may go without its holder refreshing it before another process may take it over. The
 * holder refreshes it every half of this, so only a killed (or frozen) process loses its lock.
 */
export const LOCK_STALE_MS = 5_000;

/**
 * What every proper-lockfile lock of ours shares: the lock folder owner-only, the target need not exist,
 * refreshed every half of the stale time. Callers add their own retries and onCompromised.
 */
export const sharedLockOptions = {
  realpath: false,
  fs: privateLockFs,
  stale: LOCK_STALE_MS,
  update: LOCK_STALE_MS / 2,
} as const;

export interface LockOptions {
  /** How long to wait for another process's lock before giving up (default 60 s). */
  waitMs?: number;
}

export class LockTimeoutError extends Error {
  constructor(readonly target: string) {
    super(`Another TSS Companion process has held ${target} for too long; close it or try again.`);
    this.name = 'LockTimeoutError';
  }
}

/**
 * Runs `work` while this process holds the cross-process lock of `target` (a `<target>.lock` folder made
 * by proper-lockfile; the target itself need not exist). A lock left by a killed process is taken over
 * once it is stale. Within one process, calls for the same target queue too.
 */
export async function withFileLock<T>(target: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const previous = queues.get(target) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  queues.set(target, tail);
  await previous;
  try {
    return await underProcessLock(target, work, options);
  } finally {
    release();
    if (queues.get(target) === tail) queues.delete(target);
  }
}

const queues = new Map<string, Promise<void>>();

async function underProcessLock<T>(target: string, work: () => Promise<T>, options: LockOptions): Promise<T> {
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  const waitMs = options.waitMs ?? 60_000;
  const deadline = Date.now() + waitMs;
  let unlock: () => Promise<void>;
  for (;;) {
    try {
      unlock = await lockfile.lock(target, {
        ...sharedLockOptions,
        retries: { retries: 20, minTimeout: 5, maxTimeout: 100, factor: 1.5 },
        onCompromised: () => {
          // Our lock was taken over (we were frozen past the stale time); the write itself is still
          // atomic, and the next writer re-reads and merges, so nothing is lost by going on.
        },
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() > deadline) throw new LockTimeoutError(target);
    }
  }
  try {
    return await work();
  } finally {
    await unlock().catch(() => {});
  }
}
