import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunEngine } from '../../../../../main/core/runs/run-engine';
import type { RunJournal } from '../../../../../main/core/runs/run-journal';
import { makeTempDir } from '../../../../support/temp-dir';
import { type FakeRecord, FakeShop, FakeSteps, fakeEngine, fakeFlow, newParcel } from './fake-flow';

describe('the run engine', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let shop: FakeShop;
  beforeEach(() => {
    dir = makeTempDir();
    shop = new FakeShop();
  });
  afterEach(() => dir.remove());

  const steps = (journal: RunJournal<FakeRecord>) => new FakeSteps(journal, shop);

  it('executes a run in one place at a time: a second execution gets E_RUN_BUSY at once, and the lock is free after', async () => {
    const { data } = await newParcel(dir.path);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = fakeEngine.execute(dir.path, data.runId, steps, { failpoint: (name) => (name === 'before:pack' ? held : undefined) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await fakeEngine.isLocked(dir.path, data.runId)).toBe(true);
    await expect(fakeEngine.execute(dir.path, data.runId, steps)).rejects.toMatchObject({ code: 'E_RUN_BUSY' });
    release();
    expect(await first).toMatchObject({ status: 'done' });
    expect(await fakeEngine.isLocked(dir.path, data.runId)).toBe(false);
    expect(shop.parcels().size).toBe(1);
  });

  it('takes a lock claimed beforehand and releases it at the end, failed or not', async () => {
    const { data } = await newParcel(dir.path);
    const claimed = await fakeEngine.claim(dir.path, data.runId);
    await expect(fakeEngine.claim(dir.path, data.runId)).rejects.toMatchObject({ code: 'E_RUN_BUSY' });
    await expect(fakeEngine.execute(dir.path, data.runId, steps, { failpoint: () => Promise.reject(new Error('crash')) }, claimed)).rejects.toBeTruthy();
    expect(await fakeEngine.isLocked(dir.path, data.runId)).toBe(false);
  });

  it('abandons a stopped run (nothing deleted), refuses to resume it in the flow’s words, and refuses to abandon a done run', async () => {
    const engine = new RunEngine<FakeRecord>({ ...fakeFlow, refusals: { abandoned: 'Parcel given up.', notFound: 'No such parcel.' } });
    const { data } = await newParcel(dir.path);
    await engine.execute(dir.path, data.runId, steps);
    const stopped = await newParcel(dir.path);
    const abandoned = await engine.abandon(dir.path, stopped.data.runId, new Date('2026-01-02T03:04:05Z'));
    expect(abandoned).toMatchObject({ status: 'abandoned', abandonedAt: '2026-01-02T03:04:05.000Z', parcelId: stopped.data.parcelId });
    await expect(engine.execute(dir.path, stopped.data.runId, steps)).rejects.toMatchObject({ code: 'E_RUN_ABANDONED', message: 'Parcel given up.' });
    // Abandoning twice is harmless; a done run has nothing to abandon.
    expect((await engine.abandon(dir.path, stopped.data.runId)).abandonedAt).toBe('2026-01-02T03:04:05.000Z');
    await expect(engine.abandon(dir.path, data.runId)).rejects.toMatchObject({ code: 'E_RUN_DONE' });
  });

  it('writes a failure before the first step (no connection) as a failure of that step, and leaves a done run alone', async () => {
    const { data } = await newParcel(dir.path);
    await fakeEngine.recordFailure(dir.path, data.runId, new Error('no network'));
    expect((await fakeEngine.load(dir.path, data.runId)).data).toMatchObject({ status: 'failed', error: { code: 'E_PARCEL', message: 'no network', step: 'reserve', next: 'resume' } });
    await fakeEngine.execute(dir.path, data.runId, steps);
    await fakeEngine.recordFailure(dir.path, data.runId, new Error('late'));
    expect((await fakeEngine.load(dir.path, data.runId)).data).toMatchObject({ status: 'done' });
  });

  it('fails a run at its first step when the execution cannot begin', async () => {
    const { data } = await newParcel(dir.path);
    const failing = await fakeEngine
      .execute(dir.path, data.runId, (journal) => Object.assign(new FakeSteps(journal, shop), { begin: () => Promise.reject(new Error('refused')) }))
      .catch((error: unknown) => error);
    expect(failing).toMatchObject({ code: 'E_PARCEL', message: 'refused' });
    expect((await fakeEngine.load(dir.path, data.runId)).data).toMatchObject({ status: 'failed', done: [], error: { step: 'reserve' } });
    expect(shop.calls).toEqual([]);
  });
});
