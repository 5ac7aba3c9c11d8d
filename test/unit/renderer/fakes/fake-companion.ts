import { createBridge } from '../../../../preload/bridge';
import type { CompanionApi } from '../../../../preload/contract/api';
import type { AppInfo } from '../../../../preload/contract/core/app-info';
import { type Channel, isChannel, startChannels } from '../../../../preload/contract/channels';
import type { BridgeEventName, BridgeEvents } from '../../../../preload/contract/events';
import { type BridgeError, type Result, fail, ok } from '../../../../preload/contract/core/result';
import { requestSchemas } from '../../../../preload/contract/schemas';
import { type Settings, Settings as SettingsSchema, defaultSettings } from '../../../../preload/contract/core/settings';
import type { ProgressEvent, RunReport } from '../../../../preload/contract/sign-de/runs';
import { type FakeMainState, handleWorkbench, initialFakeMain, needConfirmation } from './fake-main';

export const fakeAppInfo: AppInfo = {
  name: 'TSS Companion',
  version: '0.1.0-test',
  dataDir: '/home/tech/.config/TSS Companion',
  environments: [
    { id: 'sandbox', baseUrl: null, training: true },
    { id: 'test', baseUrl: 'https://kassensichv-middleware.fiskaly.com/api/v2', training: true },
    { id: 'live', baseUrl: 'https://kassensichv-middleware.fiskaly.com/api/v2', training: false },
  ],
};

type Outcome = { kind: 'fail'; error: BridgeError } | { kind: 'throw' } | { kind: 'garbage'; value: unknown } | { kind: 'hold' };

export interface FakeCompanion {
  /** What the renderer gets as `window.companion`: the real `createBridge` over an in-memory main. */
  api: CompanionApi;
  /** Every call main received, in order, with its payload as sent. */
  calls: { channel: Channel; payload: unknown }[];
  settings: Settings;
  appInfo: AppInfo;
  /** Main's vault, organizations, runs, TSS and printers; tests seed and inspect it. */
  main: FakeMainState;
  /** The next call on `channel` resolves to ok:false with this error (once). */
  failNext(channel: Channel, code: string, message: string): void;
  /** The next call on `channel` rejects, as a broken transport would (once). */
  throwNext(channel: Channel): void;
  /** The next call on `channel` resolves to something that is not a Result (once). */
  garbageNext(channel: Channel, value: unknown): void;
  /** The next call on `channel` waits until `release()` is called (once). */
  holdNext(channel: Channel): void;
  release(): Promise<void>;
  /** Pushes an event as main's EventHub would. */
  emit<E extends BridgeEventName>(event: E, payload: BridgeEvents[E]): void;
  /** Listeners the renderer currently holds through `api.on`. */
  activeListeners(): number;
  /** Pushes `provisioning:progress` for a run, as the orchestrator would. */
  progress(event: ProgressEvent): void;
  /** Ends a run: updates main's copy and pushes `provisioning:finished`. */
  finish(runId: string, changes: Partial<RunReport>): RunReport;
}

/**
 * An in-memory stand-in for main behind the real bridge: the same channels, the same request
 * schemas, the same Result shapes, and `settings:set` emits `settings:changed` before it answers,
 * like main's SettingsService.
 */
export function createFakeCompanion(initial: Partial<{ settings: Settings; appInfo: AppInfo; main: Partial<FakeMainState> }> = {}): FakeCompanion {
  const outcomes = new Map<Channel, Outcome>();
  const held: (() => void)[] = [];
  const transportListeners = new Set<(event: BridgeEventName, payload: unknown) => void>();
  let active = 0;

  const fake = {
    calls: [] as { channel: Channel; payload: unknown }[],
    settings: { ...defaultSettings, ...initial.settings },
    appInfo: initial.appInfo ?? fakeAppInfo,
    main: { ...initialFakeMain(), ...initial.main },
  };

  const emit = (event: BridgeEventName, payload: unknown) => {
    for (const listener of transportListeners) listener(event, payload);
  };

  const handle = (channel: Channel, payload: unknown): Result<unknown> => {
    const parsed = requestSchemas[channel].safeParse(payload);
    if (!parsed.success) return fail('E_INVALID_REQUEST', `The request for ${channel} was refused.`);
    switch (channel) {
      case 'app:info':
        return ok(structuredClone(fake.appInfo));
      case 'settings:get':
        return ok({ ...fake.settings });
      case 'settings:set': {
        const { passphrase, ...patch } = parsed.data as { passphrase?: string; environment?: string };
        if (patch.environment === 'live' && fake.settings.environment !== 'live') {
          const unconfirmed = needConfirmation(fake.main, passphrase);
          if (unconfirmed) return unconfirmed;
        }
        fake.settings = SettingsSchema.parse({ ...fake.settings, ...patch });
        emit('settings:changed', { ...fake.settings });
        return ok({ ...fake.settings });
      }
      case 'support:bundle':
        return ok({ path: '/home/tech/.config/TSS Companion/support/tss-companion-support.zip', bytes: 2048 });
      case 'activity:list':
        return ok({ entries: [], total: 0, offset: (parsed.data as { offset?: number } | undefined)?.offset ?? 0 });
      case 'sandbox:reset':
      case 'log:write':
        return ok({});
      case 'app:start':
        // As main answers it: each start-up read as if called alone.
        return ok(Object.fromEntries(startChannels.map((read) => [read, handle(read, undefined)])));
      default:
        return handleWorkbench(fake.main, channel, parsed.data, emit) ?? fail('E_UNKNOWN_CHANNEL', 'This action is not known to TSS Companion.');
    }
  };

  const invoke = async (channel: Channel, payload: unknown): Promise<Result<unknown>> => {
    if (!isChannel(channel)) return fail('E_UNKNOWN_CHANNEL', 'This action is not known to TSS Companion.');
    fake.calls.push({ channel, payload });
    const outcome = outcomes.get(channel);
    outcomes.delete(channel);
    if (outcome?.kind === 'hold') await new Promise<void>((resolve) => held.push(resolve));
    if (outcome?.kind === 'fail') return { ok: false, error: outcome.error };
    if (outcome?.kind === 'throw') throw new Error('transport closed (secret-looking detail 1234)');
    if (outcome?.kind === 'garbage') return outcome.value as Result<unknown>;
    return handle(channel, payload);
  };

  const bridge = createBridge({
    invoke,
    subscribe: (listener) => {
      transportListeners.add(listener);
      return () => transportListeners.delete(listener);
    },
  });

  const api = {
    ...bridge,
    on: <E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void) => {
      const off = bridge.on(event, listener);
      active += 1;
      let subscribed = true;
      return () => {
        if (subscribed) active -= 1;
        subscribed = false;
        off();
      };
    },
  } as CompanionApi;

  return {
    api,
    get calls() {
      return fake.calls;
    },
    get settings() {
      return fake.settings;
    },
    set settings(value: Settings) {
      fake.settings = value;
    },
    get appInfo() {
      return fake.appInfo;
    },
    set appInfo(value: AppInfo) {
      fake.appInfo = value;
    },
    failNext: (channel, code, message) => outcomes.set(channel, { kind: 'fail', error: { code, message } }),
    throwNext: (channel) => outcomes.set(channel, { kind: 'throw' }),
    garbageNext: (channel, value) => outcomes.set(channel, { kind: 'garbage', value }),
    holdNext: (channel) => outcomes.set(channel, { kind: 'hold' }),
    release: async () => {
      for (const resolve of held.splice(0)) resolve();
      await flush();
    },
    get main() {
      return fake.main;
    },
    emit: (event, payload) => emit(event, payload),
    activeListeners: () => active,
    progress: (event) => emit('provisioning:progress', event),
    finish: (runId, changes) => {
      const run = fake.main.runs.find((candidate) => candidate.runId === runId);
      if (!run) throw new Error(`no run ${runId}`);
      Object.assign(run, changes);
      const report = structuredClone(run);
      emit('provisioning:finished', report);
      return report;
    },
  };
}

/** Lets every pending promise callback run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}
