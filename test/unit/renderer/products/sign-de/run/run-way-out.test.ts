import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../../../renderer/src/shell/state/app-store';
import { unfinishedStatuses } from '../../../../../../renderer/src/products/sign-de/stores/stores-slice';
import { createFakeCompanion, flush } from '../../../fakes/fake-companion';
import { runReport } from '../../../fakes/fake-main';

/** The run slice's ways out of a stuck run: abandon takes it off the unfinished list, repair asks main for a repair. */
describe('app store: a stuck run’s ways out', () => {
  async function started() {
    const stuck = runReport({ status: 'failed', error: { code: 'E_ADMIN_LOGIN_FAILED', message: 'refused', step: 'admin-login', next: 'repair' } });
    const fake = createFakeCompanion({ main: { runs: [stuck], vault: { initialized: true, unlocked: true, keychainProblem: null, entries: 2 } } });
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    return { fake, store, stuck };
  }
  const unfinished = (runs: { status: string }[] | null) => (runs ?? []).filter((r) => unfinishedStatuses.includes(r.status as never));

  it('abandons: main is asked, and the run leaves the unfinished list', async () => {
    const { fake, store, stuck } = await started();
    expect(unfinished(store.getState().runs)).toHaveLength(1);
    expect(await store.getState().abandonRun(stuck.runId)).toBe(true);
    expect(fake.calls.filter((c) => c.channel === 'provisioning:abandon')).toEqual([{ channel: 'provisioning:abandon', payload: { runId: stuck.runId } }]);
    expect(unfinished(store.getState().runs)).toEqual([]);
    expect(store.getState().runs?.[0]?.status).toBe('abandoned');
  });

  it('stops following a run main reports abandoned (another window gave it up)', async () => {
    const { fake, store, stuck } = await started();
    await store.getState().resumeRun(stuck.runId);
    fake.emit('provisioning:finished', { ...stuck, status: 'abandoned' });
    expect(store.getState().run.phase).toBe('idle');
    expect(unfinished(store.getState().runs)).toEqual([]);
  });

  it('repairs through its own channel, and follows the run in the wizard', async () => {
    const { fake, store, stuck } = await started();
    expect(await store.getState().resumeRun(stuck.runId, { repair: true })).toBe(true);
    expect(fake.calls.filter((c) => c.channel.startsWith('provisioning:')).map((c) => c.channel)).toEqual(['provisioning:repair']);
    expect(store.getState().run).toMatchObject({ runId: stuck.runId, phase: 'running' });
  });
});
