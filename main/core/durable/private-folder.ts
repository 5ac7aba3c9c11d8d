import { chmod, lstat, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Owner-only, whatever the umask: mkdir's mode is masked by it, chmod is not. */
export async function ensurePrivateFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700).catch(() => {});
}

/** Temp files of writers that died mid-write are older than any write in progress takes. */
const ORPHAN_AGE_MS = 10 * 60_000;

/** Ours: `<file>.<pid>.<random>.tmp` (durable's writer), or `<file>.<pid>.tmp` (the sandbox's state file). */
const OWN_TEMP = /\.(\d+)(?:\.[0-9a-f]+)?\.tmp$/;
/** conf's and electron-store's writer (the `atomically` package): `<file>.tmp-<10 digits><6 hex>`, no pid. */
const ATOMICALLY_TEMP = /\.tmp-\d{10}[0-9a-f]{6}$/;

/**
 * Removes the temp files that crashed writers left in `dir` (not in sub-folders). One of ours names its
 * process: it is an orphan once that process is gone, or when it is old. A settings-store temp file names
 * no process and is an orphan only when old.
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
    const own = OWN_TEMP.exec(name);
    if (!own && !ATOMICALLY_TEMP.test(name)) continue;
    const path = join(dir, name);
    const info = await lstat(path).catch(() => null);
    if (!info?.isFile()) continue;
    const age = now - info.mtimeMs;
    const pid = own ? Number(own[1]) : null;
    const writerGone = pid !== null && pid !== process.pid && !processAlive(pid);
    if (writerGone || age > ORPHAN_AGE_MS) {
      await rm(path, { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/**
 * Makes a data folder owner-only again and tidies it, for a process starting on it: the folder and the
 * named sub-folders become 0700, every file directly in them 0600 (files an older version or another tool
 * wrote wider), and crashed writers' temp files go. Sub-folders not named (Chromium's caches in the
 * app's folder) are left alone: the folder's own 0700 already shuts others out of them.
 */
export async function securePrivateTree(dir: string, subfolders: readonly string[]): Promise<void> {
  await ensurePrivateFolder(dir);
  for (const folder of [dir, ...subfolders.map((name) => join(dir, name))]) {
    const info = await lstat(folder).catch(() => null);
    if (!info?.isDirectory()) continue;
    if (folder !== dir) await chmod(folder, 0o700).catch(() => {});
    await removeOrphanTempFiles(folder);
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      const path = join(folder, name);
      const entry = await lstat(path).catch(() => null);
      if (entry?.isFile() && (entry.mode & 0o077) !== 0) await chmod(path, 0o600).catch(() => {});
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a path is owner-only (no group or other bits); for checks and tests. */
export async function isOwnerOnly(path: string): Promise<boolean> {
  return ((await stat(path)).mode & 0o077) === 0;
}
