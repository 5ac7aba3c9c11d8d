import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ensurePrivateFolder } from './private-folder';

export const previousPath = (file: string): string => `${file}.prev`;

/** Temp files are named `<file>.<pid>.<random>.tmp`; readers never look at them. */
export const isTempFileOf = (file: string, name: string): boolean =>
  name.startsWith(`${basename(file)}.`) && name.endsWith('.tmp');

async function writeNewFile(path: string, data: Buffer | string, flag: 'wx' | 'w' = 'wx'): Promise<void> {
  const handle = await open(path, flag, 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** After a rename, the directory entry itself must reach the disk (POSIX); Windows cannot open folders. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort: not supported on every platform and file system
  } finally {
    await handle?.close();
  }
}

export async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export interface AtomicWriteOptions {
  /**
   * Keep the current file as `<file>.prev` before replacing it, but only if `isIntact` says it is;
   * a damaged current file is copied aside as `<file>.damaged-<time>` instead, so a good .prev is never
   * overwritten by a bad one.
   */
  keepPrevious?: { isIntact(bytes: Buffer): boolean };
  /** Fail with EEXIST instead of replacing an existing file (link instead of rename; still atomic). */
  exclusive?: boolean;
}

/**
 * Temp file (0600, written whole, fsynced), then rename over the target: a crash leaves the old file or
 * the new one, never half of one. At no moment is the target missing.
 */
export async function writeFileAtomic(file: string, data: Buffer | string, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeNewFile(temp, data);
    if (options.keepPrevious) {
      const current = await readIfExists(file);
      if (current && options.keepPrevious.isIntact(current)) {
        await writeFileAtomic(previousPath(file), current);
      } else if (current) {
        await keepAside(file, current);
      }
    }
    if (options.exclusive) {
      await link(temp, file);
      await rm(temp, { force: true });
    } else {
      await rename(temp, file);
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * The one way main writes a file into the data folder: its folder made owner-only (0700, also when it
 * already existed wider), the file 0600 whatever the umask, written atomically.
 */
export async function writePrivateFile(file: string, data: Buffer | string): Promise<void> {
  await ensurePrivateFolder(dirname(file));
  await writeFileAtomic(file, data);
}

/** Copies a file's bytes to `<file>.damaged-<time>` (never overwriting), so nothing is deleted. */
export async function keepAside(file: string, bytes: Buffer): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.damaged-${stamp}-${randomBytes(3).toString('hex')}`;
  await writeNewFile(aside, bytes);
  return aside;
}
