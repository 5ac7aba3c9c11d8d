import { chmod, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Owner-only, whatever the umask: mkdir's mode is masked by it, chmod is not. */
export async function ensurePrivateFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700).catch(() => {});
}

/** Temp files of writers that died mid-write are older than any write in progress takes. */
const ORPHAN_AGE_MS = 10 * 60_000;

/**
 * Removes `*.tmp` files that crashed writers left in `dir` (not in sub-folders). A temp file is named
 * `<file>.<pid>.<random>.tmp`; one whose process is gone, or that is old, is an orphan.
 */
export async function removeOrphanTempFiles(dir: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = /\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name);
    if (!match) continue;
    const path = join(dir, name);
    const pid = Number(match[1]);
    const age = await stat(path).then((s) => now - s.mtimeMs, () => null);
    if (age === null) continue;
    if ((pid !== process.pid && !processAlive(pid)) || age > ORPHAN_AGE_MS) {
      await rm(path, { force: true });
      removed.push(name);
    }
  }
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
