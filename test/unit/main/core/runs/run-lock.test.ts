import { mkdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_STALE_MS } from '../../../../../main/core/durable/file-lock';
import { isRunLocked, takeRunLock } from '../../../../../main/core/runs/run-lock';
import { makeTempDir } from '../../../../support/temp-dir';

describe('the run lock', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let target: string;
  beforeEach(() => {
    dir = makeTempDir();
    target = join(dir.path, 'runs', 'a-run.run');
  });
  afterEach(() => dir.remove());

  it('is held by one at a time, refuses the second at once with E_RUN_BUSY, and is free again after release', async () => {
    const previousUmask = process.umask(0o000);
    const held = await takeRunLock(target, 'a-run').finally(() => process.umask(previousUmask));
    expect(await isRunLocked(target)).toBe(true);
    // The lock folder sits in the data folder: owner-only, whatever the umask.
    expect(statSync(`${target}.lock`).mode & 0o777).toBe(0o700);
    await expect(takeRunLock(target, 'a-run')).rejects.toMatchObject({ code: 'E_RUN_BUSY', message: expect.stringMatching(/another window or process/) });
    await held.release();
    await held.release(); // twice is harmless
    expect(await isRunLocked(target)).toBe(false);
    const again = await takeRunLock(target, 'a-run');
    await again.release();
  });

  it('takes over the lock a killed process left behind once it is stale, not before', async () => {
    // What a killed holder leaves: the lock folder, no longer refreshed.
    mkdirSync(join(dir.path, 'runs'), { recursive: true });
    mkdirSync(`${target}.lock`);
    await expect(takeRunLock(target, 'a-run')).rejects.toMatchObject({ code: 'E_RUN_BUSY' });
    const past = new Date(Date.now() - LOCK_STALE_MS - 2_000);
    utimesSync(`${target}.lock`, past, past);
    expect(await isRunLocked(target)).toBe(false);
    const taken = await takeRunLock(target, 'a-run');
    expect(await isRunLocked(target)).toBe(true);
    await taken.release();
  });
});
