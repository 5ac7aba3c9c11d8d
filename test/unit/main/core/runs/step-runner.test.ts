import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunEngine } from '../../../../../main/core/runs/run-engine';
import type { RunProgress, StepExecutor } from '../../../../../main/core/runs/run-flow';
import type { RunJournal } from '../../../../../main/core/runs/run-journal';
import { makeTempDir } from '../../../../support/temp-dir';
import { type FakeRecord, FakeShop, FakeSteps, type FakeStep, fakeEngine, fakeFlow, newParcel } from './fake-flow';

class Crash extends Error {}

describe('the step runner, with a tiny fake flow', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let shop: FakeShop;
  beforeEach(() => {
    dir = makeTempDir();
    shop = new FakeShop();
  });
  afterEach(() => dir.remove());

  const execute = (runId: string, hooks: Parameters<typeof fakeEngine.execute>[3] = {}, beforeItem?: (name: string) => void) =>
    fakeEngine.execute(dir.path, runId, (journal) => new FakeSteps(journal, shop, beforeItem), hooks);
  const crashAt = (point: string) => ({
    failpoint: (name: string) => {
      if (name === point) throw new Crash(point);
    },
  });

  it('runs the steps in order and reports each with its index, the total and the share done', async () => {
    const { data } = await newParcel(dir.path);
    const events: RunProgress<FakeStep>[] = [];
    const record = await execute(data.runId, { onProgress: (e) => events.push(e) });
    expect(record).toMatchObject({ status: 'done', done: ['reserve', 'pack', 'confirm'], confirmation: `C-${data.parcelId.slice(0, 8)}` });
    expect(record.error).toBeUndefined();
    expect(shop.calls).toEqual(['reserve', 'pack', 'confirm']);
    expect(events.map((e) => [e.step, e.index, e.total, e.status, Number(e.fraction.toFixed(2)), e.detail?.done])).toEqual([
      ['reserve', 1, 3, 'running', 0, undefined],
      ['reserve', 1, 3, 'done', 0.33, undefined],
      ['pack', 2, 3, 'running', 0.33, undefined],
      ['pack', 2, 3, 'running', 0.33, 1],
      ['pack', 2, 3, 'running', 0.33, 2],
      ['pack', 2, 3, 'running', 0.33, 3],
      ['pack', 2, 3, 'done', 0.67, undefined],
      ['confirm', 3, 3, 'running', 0.67, undefined],
      ['confirm', 3, 3, 'done', 1, undefined],
    ]);
    expect(events.every((e) => e.runId === data.runId)).toBe(true);
    // What the journal holds on disk is what the run ended with.
    expect((await fakeEngine.load(dir.path, data.runId)).data).toMatchObject({ kind: 'test/parcel', status: 'done', done: ['reserve', 'pack', 'confirm'] });
  });

  it('passes every failpoint by name: before and after each step, and those a step names itself', async () => {
    const { data } = await newParcel(dir.path);
    const points: string[] = [];
    await execute(data.runId, { failpoint: (name) => void points.push(name) });
    expect(points).toEqual(['before:reserve', 'after-request:reserve', 'after:reserve', 'before:pack', 'after:pack', 'before:confirm', 'after:confirm']);
  });

  it('reuses the id written ahead when a crash came after the request: one parcel at the shop, not two', async () => {
    const { data } = await newParcel(dir.path);
    await expect(execute(data.runId, crashAt('after-request:reserve'))).rejects.toMatchObject({ code: 'E_PARCEL', message: 'after-request:reserve', next: 'resume' });
    const crashed = (await fakeEngine.load(dir.path, data.runId)).data;
    expect(crashed).toMatchObject({ status: 'failed', done: [], parcelId: data.parcelId, error: { code: 'E_PARCEL', step: 'reserve', next: 'resume' } });
    expect(await execute(data.runId)).toMatchObject({ status: 'done' });
    expect(shop.reservations).toEqual([data.parcelId, data.parcelId]);
    expect(shop.parcels().size).toBe(1);
  });

  it('skips the steps a crashed run had done when it resumes, and reports them as skipped', async () => {
    const { data } = await newParcel(dir.path);
    await expect(execute(data.runId, crashAt('before:confirm'))).rejects.toBeInstanceOf(Error);
    expect((await fakeEngine.load(dir.path, data.runId)).data).toMatchObject({ status: 'failed', done: ['reserve', 'pack'], error: { step: 'confirm' } });
    shop.calls.length = 0;
    const events: RunProgress<FakeStep>[] = [];
    expect(await execute(data.runId, { onProgress: (e) => events.push(e) })).toMatchObject({ status: 'done', done: ['reserve', 'pack', 'confirm'] });
    expect(shop.calls).toEqual(['confirm']);
    expect(events.filter((e) => e.status === 'skipped').map((e) => [e.step, e.fraction])).toEqual([
      ['reserve', 1 / 3],
      ['pack', 2 / 3],
    ]);
  });

  it('stops between steps when cancelled, leaves the run resumable at the next step, and the resume ends it', async () => {
    const { data } = await newParcel(dir.path);
    const controller = new AbortController();
    const events: RunProgress<FakeStep>[] = [];
    const cancelled = execute(data.runId, {
      signal: controller.signal,
      onProgress: (e) => {
        events.push(e);
        if (e.step === 'reserve' && e.status === 'done') controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'E_RUN_CANCELLED', next: 'resume', message: expect.stringContaining('"pack"') });
    expect((await fakeEngine.load(dir.path, data.runId)).data).toMatchObject({ status: 'cancelled', done: ['reserve'], error: { code: 'E_RUN_CANCELLED', step: 'pack', next: 'resume' } });
    expect(events.at(-1)).toMatchObject({ step: 'pack', status: 'cancelled' });
    expect(shop.calls).toEqual(['reserve']);
    expect(await execute(data.runId)).toMatchObject({ status: 'done' });
  });

  it('stops within a step of many parts when cancelled, keeping the parts done', async () => {
    const { data } = await newParcel(dir.path);
    const controller = new AbortController();
    const run = execute(data.runId, { signal: controller.signal }, (item) => {
      if (item === 'plate') controller.abort();
    });
    await expect(run).rejects.toMatchObject({ code: 'E_RUN_CANCELLED' });
    const stopped = (await fakeEngine.load(dir.path, data.runId)).data;
    expect(stopped).toMatchObject({ status: 'cancelled', done: ['reserve'], error: { step: 'pack' } });
    expect(stopped.items.map((i) => i.packed)).toEqual([true, false, false]);
    shop.calls.length = 0;
    await execute(data.runId);
    expect(shop.calls).toEqual(['pack', 'confirm']);
    expect([...shop.packed].map((p) => p.split('/')[1])).toEqual(['cup', 'plate', 'bowl']);
  });

  it('repeats a done step the flow repeats on every execution, and runs a step beside the next when the flow says so', async () => {
    const { data } = await newParcel(dir.path);
    const engine = new RunEngine<FakeRecord>({ ...fakeFlow, mustRepeat: (step) => step === 'reserve', runsBesideNext: ['pack'] });
    let packing = false;
    let confirmedWhilePacking = false;
    const slowPacking = (journal: RunJournal<FakeRecord>): StepExecutor<FakeRecord> => {
      const steps = new FakeSteps(journal, shop);
      return {
        async run(step, context) {
          if (step === 'confirm') confirmedWhilePacking = packing;
          if (step !== 'pack') return steps.run(step, context);
          packing = true;
          await new Promise((resolve) => setTimeout(resolve, 20));
          return steps.run(step, context).finally(() => (packing = false));
        },
      };
    };
    await expect(engine.execute(dir.path, data.runId, slowPacking, crashAt('after:confirm'))).rejects.toBeInstanceOf(Error);
    expect(confirmedWhilePacking).toBe(true);
    // The step beside was awaited before the run stopped: its mark is on disk.
    expect((await engine.load(dir.path, data.runId)).data.done).toEqual(expect.arrayContaining(['reserve', 'pack', 'confirm']));
    shop.calls.length = 0;
    expect(await engine.execute(dir.path, data.runId, slowPacking)).toMatchObject({ status: 'done' });
    expect(shop.calls).toEqual(['reserve']);
  });

  it('goes through the steps again while verify finds work missing, and stops with a failure after the last pass', async () => {
    const lost = (journal: RunJournal<FakeRecord>, times: number): StepExecutor<FakeRecord> => {
      const steps = new FakeSteps(journal, shop);
      let losses = 0;
      return {
        run: (step, context) => steps.run(step, context),
        // The shop forgets the confirmation `times` times: what it lacks is done again.
        async verify() {
          if (losses++ >= times) return [];
          shop.confirmed.clear();
          await journal.update((d) => void (d.done = d.done.filter((s) => s !== 'confirm')));
          return ['the confirmation'];
        },
      };
    };
    const engine = new RunEngine<FakeRecord>({ ...fakeFlow, maxPasses: 2 });
    const first = await newParcel(dir.path);
    expect(await engine.execute(dir.path, first.data.runId, (j) => lost(j, 1))).toMatchObject({ status: 'done' });
    expect(shop.calls).toEqual(['reserve', 'pack', 'confirm', 'confirm']);

    const second = await newParcel(dir.path);
    await expect(engine.execute(dir.path, second.data.runId, (j) => lost(j, 2))).rejects.toMatchObject({ code: 'E_PARCEL', message: expect.stringContaining('the confirmation') });
    expect((await engine.load(dir.path, second.data.runId)).data).toMatchObject({ status: 'failed', error: { step: 'confirm' } });
  });
});
