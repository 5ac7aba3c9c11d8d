import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../../../preload/contract/sign-de/runs';
import { createAppStore } from '../../../../../../renderer/src/shell/state/app-store';
import {
  applyFinished,
  applyProgress,
  idleRun,
  needsPukRecovery,
  progressPercent,
  runStarted,
  runStarting,
  stepLog,
  stepNames,
} from '../../../../../../renderer/src/products/sign-de/run/run-progress';
import { emptyDraft } from '../../../../../../renderer/src/products/sign-de/wizard/wizard-rules';
import { createFakeCompanion, flush } from '../../../fakes/fake-companion';
import { FAKE_PASSPHRASE, progressEvent, runReport } from '../../../fakes/fake-main';

const RUN = { runId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', storeName: 'Filiale Köln' };

describe('progress reducer', () => {
  it('adopts the run from its first event while the start is still answering', () => {
    const starting = runStarting('Filiale Köln', 'sandbox');
    const state = applyProgress(starting, progressEvent(RUN, 'auth', 'running', { index: 1, total: 12, fraction: 0 }));
    expect(state).toMatchObject({ runId: RUN.runId, phase: 'running', current: 'auth', total: 12, steps: { auth: 'running' } });
    expect(runStarted(state, RUN.runId)).toMatchObject({ runId: RUN.runId, phase: 'running' });
  });

  it('ignores events of other runs and of other stores before the id is known', () => {
    const starting = runStarting('Filiale Köln', 'sandbox');
    expect(applyProgress(starting, progressEvent({ ...RUN, storeName: 'Filiale Bonn' }, 'auth', 'running'))).toBe(starting);
    const running = runStarted(starting, RUN.runId);
    expect(applyProgress(running, progressEvent({ ...RUN, runId: 'another' }, 'auth', 'running'))).toBe(running);
    expect(applyProgress(idleRun, progressEvent(RUN, 'auth', 'running'))).toBe(idleRun);
  });

  it('tracks every step’s status, the share done and the clients count', () => {
    let state = runStarted(runStarting('Filiale Köln', 'sandbox'), RUN.runId);
    state = applyProgress(state, progressEvent(RUN, 'auth', 'running', { index: 1, fraction: 0 }));
    state = applyProgress(state, progressEvent(RUN, 'auth', 'done', { index: 1, fraction: 1 / 12 }));
    state = applyProgress(state, progressEvent(RUN, 'create-tss', 'skipped', { index: 2, fraction: 2 / 12 }));
    state = applyProgress(state, progressEvent(RUN, 'clients', 'running', { index: 9, fraction: 8 / 12, detail: { done: 3, total: 40 } }));
    expect(state.steps).toEqual({ auth: 'done', 'create-tss': 'skipped', clients: 'running' });
    expect(state.clients).toEqual({ done: 3, total: 40 });
    expect(state.current).toBe('clients');
    expect(progressPercent(state)).toBe(67);
    expect(stepLog(state).map((entry) => entry.status)).toEqual([
      'done', 'skipped', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending', 'running', 'pending', 'pending', 'pending',
    ]);
  });

  it('lists only the run’s steps: ten without a test receipt', () => {
    const state = applyProgress(runStarted(runStarting('Filiale Köln', 'sandbox'), RUN.runId), progressEvent(RUN, 'auth', 'running', { total: 10 }));
    expect(stepLog(state).map((entry) => entry.step)).toEqual(stepNames.slice(0, 10));
  });

  it('keeps a cancel asked for until the run reports it stopped', () => {
    const cancelling = { ...runStarted(runStarting('Filiale Köln', 'sandbox'), RUN.runId), phase: 'cancelling' as const };
    expect(applyProgress(cancelling, progressEvent(RUN, 'deploy', 'done')).phase).toBe('cancelling');
    const report = runReport({ ...RUN, status: 'cancelled', error: { code: 'E_RUN_CANCELLED', message: 'stopped', step: 'store-pin' } });
    expect(applyFinished(cancelling, report)).toMatchObject({ phase: 'cancelled', current: 'store-pin', error: { code: 'E_RUN_CANCELLED' } });
  });

  it('ends done at 100 %, or failed with the step and the error', () => {
    const running = runStarted(runStarting('Filiale Köln', 'sandbox'), RUN.runId);
    const done = applyFinished(running, runReport({ ...RUN, status: 'done' }));
    expect(done).toMatchObject({ phase: 'done', error: null });
    expect(progressPercent(done)).toBe(100);
    const failed = applyFinished(running, runReport({ ...RUN, status: 'failed', error: { code: 'E_NETWORK', message: 'offline', step: 'initialize' } }));
    expect(failed).toMatchObject({ phase: 'failed', current: 'initialize', error: { code: 'E_NETWORK', message: 'offline', step: 'initialize' } });
  });

  it('survives a malformed finished report', () => {
    const running = runStarted(runStarting('Filiale Köln', 'sandbox'), RUN.runId);
    const odd = { ...RUN, status: 'exploded', clients: undefined, error: { code: 'E_X', message: 'm', step: 'nowhere' } } as unknown as RunReport;
    expect(applyFinished(running, odd)).toMatchObject({ phase: 'running', error: null, clients: null });
  });

  it('clamps a malformed fraction', () => {
    const state = runStarted(runStarting('Filiale Köln', 'sandbox'), RUN.runId);
    expect(progressPercent(applyProgress(state, progressEvent(RUN, 'auth', 'running', { fraction: 7 })))).toBe(100);
    expect(progressPercent(applyProgress(state, progressEvent(RUN, 'auth', 'running', { fraction: Number.NaN })))).toBe(0);
  });

  it('knows when the PUK recovery is the way on', () => {
    expect(needsPukRecovery({ code: 'E_ADMIN_PIN_BLOCKED', message: '' })).toBe(true);
    expect(needsPukRecovery({ code: 'E_X', message: 'Open the PUK recovery to set a new PIN' })).toBe(true);
    expect(needsPukRecovery({ code: 'E_NETWORK', message: 'offline' })).toBe(false);
    expect(needsPukRecovery(null)).toBe(false);
  });
});

async function runningWizard() {
  const fake = createFakeCompanion();
  const store = createAppStore(fake.api);
  const stop = store.getState().start();
  await flush();
  store.getState().navigate('wizard');
  store.getState().updateDraft({ ...emptyDraft, storeName: 'Filiale Köln', pinMode: 'own', adminPin: '246810', adminPinRepeat: '246810', clients: ['KASSE-01', 'KASSE-02'] });
  store.getState().goToStep('run');
  // An own admin PIN: main wants the vault passphrase for it.
  await store.getState().startRun(undefined, FAKE_PASSPHRASE);
  const runId = store.getState().run.runId!;
  return { fake, store, stop, runId };
}

describe('a run in the store, fed by events', () => {
  it('sends the plan, follows the run, and keeps no copy of the PIN once it started', async () => {
    const { fake, store, runId } = await runningWizard();
    const start = fake.calls.find((call) => call.channel === 'provisioning:start');
    expect(start?.payload).toEqual({
      plan: { storeName: 'Filiale Köln', environment: 'sandbox', tssDescription: 'Filiale Koeln', clients: [{ serialNumber: 'KASSE-01' }, { serialNumber: 'KASSE-02' }], testReceipt: true, adminPin: '246810' },
      passphrase: FAKE_PASSPHRASE,
    });
    expect(fake.main.pinsReceived).toEqual(['246810']);
    expect(store.getState().wizard.draft.adminPin).toBe('');
    expect(JSON.stringify(store.getState())).not.toContain('246810');
    expect(JSON.stringify(store.getState())).not.toContain(FAKE_PASSPHRASE);
    // the event main pushed before it answered was kept
    expect(store.getState().run).toMatchObject({ runId, phase: 'running', steps: { auth: 'running' } });

    fake.progress(progressEvent({ runId, storeName: 'Filiale Köln' }, 'clients', 'running', { index: 9, fraction: 0.7, detail: { done: 1, total: 2 } }));
    expect(store.getState().run.clients).toEqual({ done: 1, total: 2 });
    fake.finish(runId, { status: 'done' });
    expect(store.getState().run.phase).toBe('done');
    expect(store.getState().runs?.[0]).toMatchObject({ runId, status: 'done' });
    store.getState().followRun();
    expect(store.getState().wizard.step).toBe('receipt');
  });

  it('keeps the PIN for a retry when main refused the start', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(fake.api);
    store.getState().updateDraft({ ...emptyDraft, storeName: 'Filiale Köln', pinMode: 'own', adminPin: '246810', adminPinRepeat: '246810', clients: ['K1'] });
    store.getState().load();
    await flush();
    fake.failNext('provisioning:start', 'E_VAULT_LOCKED', 'The vault is locked.');
    expect(await store.getState().startRun()).toBe(false);
    expect(store.getState().run.phase).toBe('idle');
    expect(store.getState().errors).toMatchObject([{ operation: 'startRun', code: 'E_VAULT_LOCKED' }]);
    expect(store.getState().wizard.draft.adminPin).toBe('246810');
  });

  it('cancels through provisioning:cancel and can resume', async () => {
    const { fake, store, runId } = await runningWizard();
    expect(await store.getState().cancelRun()).toBe(true);
    expect(fake.calls.at(-1)).toEqual({ channel: 'provisioning:cancel', payload: { runId } });
    expect(store.getState().run.phase).toBe('cancelling');
    fake.finish(runId, { status: 'cancelled', error: { code: 'E_RUN_CANCELLED', message: 'stopped', step: 'deploy' } });
    expect(store.getState().run).toMatchObject({ phase: 'cancelled', current: 'deploy' });

    expect(await store.getState().resumeRun(runId)).toBe(true);
    expect(fake.calls.at(-1)).toEqual({ channel: 'provisioning:resume', payload: { runId } });
    expect(store.getState().run).toMatchObject({ phase: 'running', error: null });
  });

  it('opens the PUK recovery by itself when the run stops on a blocked admin PIN', async () => {
    const { fake, store, runId } = await runningWizard();
    const tssId = fake.main.runs[0]!.tssId;
    fake.finish(runId, {
      status: 'failed',
      error: { code: 'E_ADMIN_PIN_BLOCKED', message: 'The admin PIN of this TSS is blocked. Open the PUK recovery to set a new PIN, then resume the run.', step: 'admin-login' },
    });
    expect(store.getState().screen).toBe('recovery');
    expect(store.getState().recovery).toMatchObject({ tssId, reason: 'blocked' });
    expect(store.getState().run.phase).toBe('failed');
  });

  it('resumes an unfinished run from Home and follows it in the wizard', async () => {
    const stopped: RunReport = runReport({ storeName: 'Filiale Bonn', status: 'failed', error: { code: 'E_NETWORK', message: 'offline', step: 'clients' } });
    const fake = createFakeCompanion({ main: { runs: [stopped] } });
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    expect(await store.getState().resumeRun(stopped.runId)).toBe(true);
    expect(store.getState().screen).toBe('wizard');
    expect(store.getState().wizard.step).toBe('run');
    expect(store.getState().run).toMatchObject({ runId: stopped.runId, storeName: 'Filiale Bonn', phase: 'running' });
    fake.progress(progressEvent(stopped, 'clients', 'running', { index: 9, fraction: 0.7 }));
    expect(store.getState().run.steps.clients).toBe('running');
  });

  it('shows a failed resume and goes back to where the run stood', async () => {
    const stopped = runReport({ status: 'failed', error: { code: 'E_NETWORK', message: 'offline', step: 'clients' } });
    const fake = createFakeCompanion({ main: { runs: [stopped] } });
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    fake.failNext('provisioning:resume', 'E_VAULT_LOCKED', 'The vault is locked.');
    expect(await store.getState().resumeRun(stopped.runId)).toBe(false);
    expect(store.getState().run).toMatchObject({ phase: 'failed', error: { code: 'E_NETWORK' } });
    expect(store.getState().errors).toMatchObject([{ operation: 'resumeRun', code: 'E_VAULT_LOCKED' }]);
  });

  it('stops listening on teardown', async () => {
    const { fake, store, stop, runId } = await runningWizard();
    stop();
    fake.progress(progressEvent({ runId, storeName: 'Filiale Köln' }, 'deploy', 'running'));
    expect(store.getState().run.steps.deploy).toBeUndefined();
  });
});
