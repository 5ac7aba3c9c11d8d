import { describe, expect, it } from 'vitest';
import { withStartupAnswers } from '../../../../renderer/src/bridge/startup-answers';
import { createAppStore } from '../../../../renderer/src/shell/state/app-store';
import { createFakeCompanion, fakeAppInfo, flush } from '../fakes/fake-companion';

describe('the first screen with its answers preloaded', () => {
  it('starts with one round trip (app:start) and shows the same state as six calls would', async () => {
    const fake = createFakeCompanion({ settings: { language: 'en', environment: 'test' } });
    const store = createAppStore(withStartupAnswers(fake.api));
    const stop = store.getState().start();
    await flush();
    expect(fake.calls.map((call) => call.channel)).toEqual(['app:start']);
    const state = store.getState();
    expect(state.appInfo).toEqual(fakeAppInfo);
    expect(state.settings).toEqual({ language: 'en', environment: 'test' });
    expect(state.vault).toEqual(fake.main.vault);
    expect(state.organizations).toEqual([]);
    expect(state.runs).toEqual([]);
    expect(state.knownTss).toEqual([]);
    expect(state.errors).toEqual([]);
    stop();
  });

  it('sends later reads (a reload, a retry) to main, and each read’s own failure stays its own', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(withStartupAnswers(fake.api));
    fake.main.vault = { ...fake.main.vault, entries: 3 };
    const stop = store.getState().start();
    await flush();
    await store.getState().loadVault();
    expect(fake.calls.map((call) => call.channel)).toEqual(['app:start', 'vault:status']);
    stop();
  });

  it('never serves a start-up answer to a read first made after start-up', async () => {
    const fake = createFakeCompanion();
    const bridge = withStartupAnswers(fake.api);
    await bridge.app.info();
    fake.main.known = [];
    await bridge.recovery.list();
    expect(fake.calls.map((call) => call.channel)).toEqual(['app:start', 'recovery:list']);
  });

  it('falls back to one call per read when app:start fails as a whole', async () => {
    const fake = createFakeCompanion();
    fake.failNext('app:start', 'E_UNKNOWN_CHANNEL', 'This action is not known to TSS Companion.');
    const store = createAppStore(withStartupAnswers(fake.api));
    const stop = store.getState().start();
    await flush();
    expect(fake.calls.map((call) => call.channel).sort()).toEqual(['app:info', 'app:start', 'orgs:list', 'recovery:list', 'runs:list', 'settings:get', 'vault:status']);
    expect(store.getState().appInfo).toEqual(fakeAppInfo);
    expect(store.getState().errors).toEqual([]);
    stop();
  });
});
