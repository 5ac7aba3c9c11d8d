import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ManagedFlow, RunManager } from '../../../../../main/core/runs/run-manager';
import { makeTempDir } from '../../../../support/temp-dir';
import { type FakeRecord, FakeShop, FakeSteps, fakeEngine, newParcel } from './fake-flow';

interface ParcelReport {
  runId: string;
  status: FakeRecord['status'];
  packed: number;
}

type Options = { again?: boolean };

describe('the run manager, with a tiny fake flow', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let shop: FakeShop;
  let finished: Array<ParcelReport | string>;
  let opening: () => Promise<void>;
  let beforeItem: (name: string) => void;
  let manager: RunManager<FakeRecord, ParcelReport, Options>;

  beforeEach(() => {
    dir = makeTempDir();
    shop = new FakeShop();
    finished = [];
    opening = async () => {};
    beforeItem = () => {};
    const flow: ManagedFlow<FakeRecord, ParcelReport, Options> = {
      engine: fakeEngine,
      report: (r) => ({ runId: r.runId, status: r.status, packed: r.items.filter((i) => i.packed).length }),
      resumesDone: (options) => Boolean(options.again),
      open: async (record) => {
        await opening();
        return ({ signal, claimed }) => fakeEngine.execute(dir.path, record.runId, (j) => new FakeSteps(j, shop, beforeItem), { signal }, claimed);
      },
      finished: (runId, report) => void finished.push(report ?? runId),
    };
    manager = new RunManager(dir.path, flow);
  });
  afterEach(async () => {
    await manager.settle();
    dir.remove();
  });

  const newRun = async () => (await newParcel(dir.path)).data.runId;

  it('starts a run in the background, answers with its id at once, and reports its end', async () => {
    const { runId } = await manager.start(newRun, {});
    await manager.settle();
    expect(finished).toEqual([{ runId, status: 'done', packed: 3 }]);
    expect(await manager.get(runId)).toEqual({ runId, status: 'done', packed: 3 });
    expect(await manager.list()).toEqual([{ runId, status: 'done', packed: 3 }]);
  });

  it('cancels a run within its step; the run resumes where it stopped; a done run resumes only where the flow says', async () => {
    const runId = await newRun();
    beforeItem = (name) => void (name === 'plate' && manager.cancel(runId));
    await manager.start(async () => runId, {});
    await manager.settle();
    expect(finished).toEqual([{ runId, status: 'cancelled', packed: 1 }]);
    beforeItem = () => {};
    await manager.resume(runId, {});
    await manager.settle();
    expect(await manager.get(runId)).toMatchObject({ status: 'done', packed: 3 });
    await expect(manager.resume(runId, {})).rejects.toMatchObject({ code: 'E_RUN_DONE' });
    await manager.resume(runId, { again: true });
    await manager.settle();
    expect(finished.at(-1)).toMatchObject({ runId, status: 'done' });
  });

  it('writes a failure before the run began (the outside world refused) to the run’s first step, and frees the run', async () => {
    opening = () => Promise.reject(new Error('no connection'));
    const { runId } = await manager.start(newRun, {});
    await manager.settle();
    expect((await fakeEngine.load(dir.path, runId)).data).toMatchObject({ status: 'failed', error: { step: 'reserve', message: 'no connection' } });
    expect(finished).toEqual([{ runId, status: 'failed', packed: 0 }]);
    expect(await fakeEngine.isLocked(dir.path, runId)).toBe(false);
  });

  it('lists a run executing in another process as busy there, refuses to resume it there, and abandons only stopped runs', async () => {
    const runId = await newRun();
    const elsewhere = await fakeEngine.claim(dir.path, runId);
    try {
      expect(await manager.list()).toEqual([{ runId, status: 'running', packed: 0, busyElsewhere: true }]);
      await expect(manager.resume(runId, {})).rejects.toMatchObject({ code: 'E_RUN_BUSY' });
      await expect(manager.abandon(runId)).rejects.toMatchObject({ code: 'E_RUN_BUSY' });
    } finally {
      await elsewhere.release();
    }
    expect(await manager.abandon(runId)).toEqual({ runId, status: 'abandoned', packed: 0 });
    expect(finished).toEqual([{ runId, status: 'abandoned', packed: 0 }]);
    await expect(manager.resume(runId, {})).rejects.toMatchObject({ code: 'E_RUN_ABANDONED' });
    await expect(manager.get('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'E_RUN_NOT_FOUND' });
  });
});
