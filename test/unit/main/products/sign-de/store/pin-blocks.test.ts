import { afterEach, describe, expect, it } from 'vitest';
import { markPinBlocked, markPinWorks, pinBlockedSince } from '../../../../../../main/products/sign-de/store/pin-blocks';
import { makeTempDir } from '../../../../../support/temp-dir';

const TSS = '6b2bd0c4-1f4c-4c55-9b0e-7f3f5e2a9a01';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 8, minute));

describe('a blocked admin PIN as this laptop knows it', () => {
  const dirs: { remove(): void }[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) dir.remove();
  });
  const dataDir = () => {
    const dir = makeTempDir('tss-pin-block-');
    dirs.push(dir);
    return dir.path;
  };

  it('is blocked from the newest sign (a 423 here or a run that stopped on it) until the PIN works again', async () => {
    const dir = dataDir();
    expect(await pinBlockedSince(dir, TSS)).toBeNull();
    await markPinBlocked(dir, TSS, at(1));
    expect(await pinBlockedSince(dir, TSS)).toBe(at(1).toISOString());
    await markPinWorks(dir, TSS, { now: at(2) });
    expect(await pinBlockedSince(dir, TSS)).toBeNull();
    // A run's journal that stopped on the block before the new PIN no longer counts; one after it does.
    expect(await pinBlockedSince(dir, TSS, at(0).toISOString())).toBeNull();
    expect(await pinBlockedSince(dir, TSS, at(3).toISOString())).toBe(at(3).toISOString());
  });

  it('a run that stopped on the block counts with no 423 seen here, until a new PIN is set', async () => {
    const dir = dataDir();
    const runStopped = at(5).toISOString();
    expect(await pinBlockedSince(dir, TSS, runStopped)).toBe(runStopped);
    await markPinWorks(dir, TSS, { now: at(6) }); // only clears a 423 seen here: no file is made
    expect(await pinBlockedSince(dir, TSS, runStopped)).toBe(runStopped);
    await markPinWorks(dir, TSS, { always: true, now: at(7) }); // a new PIN set, or an admin login that worked
    expect(await pinBlockedSince(dir, TSS, runStopped)).toBeNull();
  });
});
