import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../../renderer/src/shell/state/app-store';
import { createFakeCompanion, fakeAppInfo, flush } from '../../fakes/fake-companion';
import { FAKE_PASSPHRASE } from '../../fakes/fake-main';

function setup(options: Parameters<typeof createFakeCompanion>[0] = {}) {
  const fake = createFakeCompanion(options);
  const store = createAppStore(fake.api);
  return { fake, store };
}

async function started(options: Parameters<typeof createFakeCompanion>[0] = {}) {
  const context = setup(options);
  const stop = context.store.getState().start();
  await flush();
  return { ...context, stop };
}

describe('app store: start', () => {
  it('loads app info, settings and the workbench with no payload and subscribes to main’s events', async () => {
    const { fake, store, stop } = await started({ settings: { language: 'en', environment: 'test' } });
    expect(fake.calls.map((call) => call.channel).sort()).toEqual([
      'app:info',
      'orgs:list',
      'recovery:list',
      'runs:list',
      'settings:get',
      'vault:status',
    ]);
    expect(fake.calls.every((call) => call.payload === undefined)).toBe(true);
    const state = store.getState();
    expect(state.appInfo).toEqual(fakeAppInfo);
    expect(state.settings).toEqual({ language: 'en', environment: 'test' });
    expect(state.loadingInfo).toBe(false);
    expect(state.loadingSettings).toBe(false);
    expect(state.errors).toEqual([]);
    expect(state.vault).toEqual(fake.main.vault);
    expect(state.organizations).toEqual([]);
    expect(state.runs).toEqual([]);
    expect(state.knownTss).toEqual([]);
    // settings:changed, provisioning:progress, provisioning:finished, migration:progress, migration:finished
    expect(fake.activeListeners()).toBe(5);
    stop();
  });

  it('shows loading flags while the calls are in flight', async () => {
    const { fake, store } = setup();
    fake.holdNext('app:info');
    fake.holdNext('settings:get');
    store.getState().start();
    expect(store.getState().loadingInfo).toBe(true);
    expect(store.getState().loadingSettings).toBe(true);
    await fake.release();
    expect(store.getState().loadingInfo).toBe(false);
    expect(store.getState().loadingSettings).toBe(false);
  });

  it('follows settings:changed events and stops following them after teardown', async () => {
    const { fake, store, stop } = await started();
    fake.emit('settings:changed', { language: 'en', environment: 'live' });
    expect(store.getState().settings).toEqual({ language: 'en', environment: 'live' });

    stop();
    expect(fake.activeListeners()).toBe(0);
    fake.emit('settings:changed', { language: 'de', environment: 'sandbox' });
    expect(store.getState().settings).toEqual({ language: 'en', environment: 'live' });
    stop(); // a second teardown is harmless
    expect(fake.activeListeners()).toBe(0);
  });

  it('ignores a malformed settings:changed payload', async () => {
    const { fake, store } = await started();
    fake.emit('settings:changed', { language: 'fr', environment: 'moon' } as never);
    expect(store.getState().settings).toEqual({ language: 'de', environment: 'sandbox' });
  });

  it('does not let a late settings:get answer overwrite newer settings from an event', async () => {
    const { fake, store } = setup();
    fake.holdNext('settings:get');
    store.getState().start();
    await flush();
    fake.emit('settings:changed', { language: 'en', environment: 'test' });
    await fake.release(); // settings:get now answers with main's (older) view
    expect(store.getState().settings).toEqual({ language: 'en', environment: 'test' });
  });
});

describe('app store: failures', () => {
  it('turns ok:false from app:info into an error and still loads settings', async () => {
    const { fake } = setup();
    fake.failNext('app:info', 'E_INTERNAL', 'TSS Companion hit an unexpected problem (TypeError).');
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    const state = store.getState();
    expect(state.appInfo).toBeNull();
    expect(state.settings).toEqual({ language: 'de', environment: 'sandbox' });
    expect(state.errors).toEqual([
      { operation: 'loadInfo', code: 'E_INTERNAL', message: 'TSS Companion hit an unexpected problem (TypeError).' },
    ]);
  });

  it('keeps one error per operation and clears it when a retry succeeds', async () => {
    const { fake, store } = setup();
    fake.failNext('app:info', 'E_INTERNAL', 'first');
    fake.failNext('settings:get', 'E_SOMETHING_NEW', 'Settings file is locked.');
    store.getState().start();
    await flush();
    expect(store.getState().errors.map((error) => error.operation).sort()).toEqual(['loadInfo', 'loadSettings']);

    await store.getState().load();
    expect(store.getState().errors).toEqual([]);
    expect(store.getState().appInfo).toEqual(fakeAppInfo);
    expect(store.getState().settings).not.toBeNull();
  });

  it('turns a rejected call into E_BRIDGE_CALL_FAILED without keeping the thrown message', async () => {
    const { fake, store } = setup();
    fake.throwNext('settings:get');
    store.getState().start();
    await flush();
    const [error] = store.getState().errors;
    expect(error?.operation).toBe('loadSettings');
    expect(error?.code).toBe('E_BRIDGE_CALL_FAILED');
    expect(error?.message).not.toContain('1234');
    expect(store.getState().loadingSettings).toBe(false);
  });

  it('turns an answer that is not a Result into E_BAD_RESPONSE', async () => {
    const { fake, store } = setup();
    fake.garbageNext('app:info', { hello: 'world' });
    store.getState().start();
    await flush();
    expect(store.getState().errors).toMatchObject([{ operation: 'loadInfo', code: 'E_BAD_RESPONSE' }]);
  });

  it('lets errors be dismissed', async () => {
    const { fake, store } = setup();
    fake.failNext('app:info', 'E_INTERNAL', 'boom');
    store.getState().start();
    await flush();
    store.getState().dismissError('loadInfo');
    expect(store.getState().errors).toEqual([]);
  });
});

describe('app store: language', () => {
  it('calls settings:set with just the language and takes main’s answer', async () => {
    const { fake, store } = await started();
    await store.getState().setLanguage('en');
    expect(fake.calls.at(-1)).toEqual({ channel: 'settings:set', payload: { language: 'en' } });
    expect(store.getState().settings).toEqual({ language: 'en', environment: 'sandbox' });
    expect(fake.settings.language).toBe('en');
    expect(store.getState().saving).toBe(false);
  });

  it('does not call settings:set when the language is already chosen', async () => {
    const { fake, store } = await started();
    const before = fake.calls.length;
    await store.getState().setLanguage('de');
    expect(fake.calls.length).toBe(before);
  });

  it('keeps the old language and shows an error when saving fails', async () => {
    const { fake, store } = await started();
    fake.failNext('settings:set', 'E_INVALID_REQUEST', 'The request for settings:set was refused: language: Invalid option');
    await store.getState().setLanguage('en');
    expect(store.getState().settings?.language).toBe('de');
    expect(store.getState().saving).toBe(false);
    expect(store.getState().errors).toMatchObject([{ operation: 'saveSettings', code: 'E_INVALID_REQUEST' }]);

    await store.getState().setLanguage('en');
    expect(store.getState().settings?.language).toBe('en');
    expect(store.getState().errors).toEqual([]);
  });

  it('reports saving while settings:set is in flight', async () => {
    const { fake, store } = await started();
    fake.holdNext('settings:set');
    const pending = store.getState().setLanguage('en');
    await flush();
    expect(store.getState().saving).toBe(true);
    await fake.release();
    await pending;
    expect(store.getState().saving).toBe(false);
  });
});

describe('app store: environment', () => {
  it('saves sandbox and TEST at once', async () => {
    const { fake, store } = await started();
    await store.getState().requestEnvironment('test');
    expect(fake.calls.at(-1)).toEqual({ channel: 'settings:set', payload: { environment: 'test' } });
    expect(store.getState().settings?.environment).toBe('test');
    expect(store.getState().pendingEnvironment).toBeNull();
  });

  it('asks before LIVE: nothing is saved until confirmed', async () => {
    const { fake, store } = await started();
    const before = fake.calls.length;
    await store.getState().requestEnvironment('live');
    expect(store.getState().pendingEnvironment).toBe('live');
    expect(store.getState().settings?.environment).toBe('sandbox');
    expect(fake.calls.length).toBe(before);

    expect(await store.getState().confirmEnvironment(FAKE_PASSPHRASE)).toBe(true);
    expect(fake.calls.at(-1)).toEqual({ channel: 'settings:set', payload: { environment: 'live', passphrase: FAKE_PASSPHRASE } });
    expect(store.getState().pendingEnvironment).toBeNull();
    expect(store.getState().settings?.environment).toBe('live');
    expect(JSON.stringify(store.getState())).not.toContain(FAKE_PASSPHRASE);
  });

  it('keeps asking after a wrong passphrase: the dialog stays, the error is the passphrase’s, nothing saved', async () => {
    const { fake, store } = await started();
    await store.getState().requestEnvironment('live');
    expect(await store.getState().confirmEnvironment('wrong passphrase 123')).toBe(false);
    expect(store.getState().pendingEnvironment).toBe('live');
    expect(store.getState().settings?.environment).toBe('sandbox');
    expect(fake.settings.environment).toBe('sandbox');
    expect(store.getState().errors).toMatchObject([{ operation: 'saveSettings', code: 'E_CONFIRMATION_FAILED' }]);
    expect(JSON.stringify(store.getState())).not.toContain('wrong passphrase 123');
  });

  it('keeps the old environment when LIVE is cancelled', async () => {
    const { fake, store } = await started({ settings: { language: 'de', environment: 'test' } });
    const before = fake.calls.length;
    await store.getState().requestEnvironment('live');
    store.getState().cancelEnvironment();
    expect(store.getState().pendingEnvironment).toBeNull();
    expect(store.getState().settings?.environment).toBe('test');
    expect(fake.calls.length).toBe(before);
    expect(fake.settings.environment).toBe('test');
  });

  it('does not ask again when LIVE is already active', async () => {
    const { store } = await started({ settings: { language: 'de', environment: 'live' } });
    await store.getState().requestEnvironment('live');
    expect(store.getState().pendingEnvironment).toBeNull();
  });

  it('shows an error and keeps the old environment when confirming LIVE fails', async () => {
    const { fake, store } = await started();
    await store.getState().requestEnvironment('live');
    fake.failNext('settings:set', 'E_INTERNAL', 'TSS Companion hit an unexpected problem (Error).');
    await store.getState().confirmEnvironment(FAKE_PASSPHRASE);
    expect(store.getState().settings?.environment).toBe('sandbox');
    expect(store.getState().errors).toMatchObject([{ operation: 'saveSettings', code: 'E_INTERNAL' }]);
  });
});

describe('app store: navigation', () => {
  it('starts on home and switches screens', () => {
    const { store } = setup();
    expect(store.getState().screen).toBe('home');
    store.getState().navigate('settings');
    expect(store.getState().screen).toBe('settings');
  });
});
