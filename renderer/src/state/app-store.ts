import { type StoreApi, createStore } from 'zustand/vanilla';
import type { CompanionApi } from '../../../preload/contract/api';
import type { AppInfo } from '../../../preload/contract/app-info';
import type { Result } from '../../../preload/contract/result';
import type { EnvironmentId, Language, Settings, SettingsPatch } from '../../../preload/contract/settings';
import { callBridge } from '../bridge/call-bridge';
import { confirmedEnvironment, isSettings } from './settings-values';
import { type Operation, type UiError, withError, withoutError } from './ui-error';

export type Screen = 'home' | 'settings';
export const screens: readonly Screen[] = ['home', 'settings'];

export interface AppState {
  appInfo: AppInfo | null;
  /** What main has stored; null until `settings:get` answered. Never changed before main agreed. */
  settings: Settings | null;
  screen: Screen;
  loadingInfo: boolean;
  loadingSettings: boolean;
  /** A `settings:set` is in flight. */
  saving: boolean;
  errors: UiError[];
  /** An environment chosen but waiting for the technician's confirmation (LIVE). */
  pendingEnvironment: EnvironmentId | null;
}

export interface AppActions {
  /** Subscribes to `settings:changed` and loads everything; returns the teardown. */
  start(): () => void;
  /** (Re)loads app info and settings; resolves when both answered. */
  load(): Promise<void>;
  navigate(screen: Screen): void;
  setLanguage(language: Language): Promise<void>;
  /** LIVE waits for `confirmEnvironment`; any other environment is saved at once. */
  requestEnvironment(environment: EnvironmentId): Promise<void>;
  confirmEnvironment(): Promise<void>;
  cancelEnvironment(): void;
  dismissError(operation: Operation): void;
}

export type AppStoreState = AppState & AppActions;
export type AppStore = StoreApi<AppStoreState>;

export const initialAppState: AppState = {
  appInfo: null,
  settings: null,
  screen: 'home',
  loadingInfo: false,
  loadingSettings: false,
  saving: false,
  errors: [],
  pendingEnvironment: null,
};

/** The renderer's one store. The bridge is a parameter so tests pass an in-memory fake. */
export function createAppStore(bridge: CompanionApi, initial: Partial<AppState> = {}): AppStore {
  // Bumped whenever settings arrive from an event or a save, so an older `settings:get` answer that
  // lands later cannot overwrite them.
  let settingsRevision = 0;
  let savesInFlight = 0;

  return createStore<AppStoreState>()((set, get) => {
    const failed = (operation: Operation, result: Result<unknown> & { ok: false }) =>
      set((state) => ({ errors: withError(state.errors, { operation, ...result.error }) }));

    const applySettings = (settings: Settings) => {
      settingsRevision += 1;
      set({ settings });
    };

    const loadInfo = async () => {
      set((state) => ({ loadingInfo: true, errors: withoutError(state.errors, 'loadInfo') }));
      const result = await callBridge(() => bridge.app.info());
      set({ loadingInfo: false });
      if (result.ok) set({ appInfo: result.value });
      else failed('loadInfo', result);
    };

    const loadSettings = async () => {
      set((state) => ({ loadingSettings: true, errors: withoutError(state.errors, 'loadSettings') }));
      const revision = settingsRevision;
      const result = await callBridge(() => bridge.settings.get());
      set({ loadingSettings: false });
      if (!result.ok) failed('loadSettings', result);
      else if (revision === settingsRevision) applySettings(result.value);
    };

    const save = async (patch: SettingsPatch) => {
      savesInFlight += 1;
      set((state) => ({ saving: true, errors: withoutError(state.errors, 'saveSettings') }));
      const result = await callBridge(() => bridge.settings.set(patch));
      savesInFlight -= 1;
      set({ saving: savesInFlight > 0 });
      if (result.ok) applySettings(result.value);
      else failed('saveSettings', result);
    };

    return {
      ...initialAppState,
      ...initial,

      start() {
        let off: (() => void) | undefined;
        try {
          off = bridge.on('settings:changed', (payload) => {
            if (isSettings(payload)) applySettings(payload);
          });
        } catch {
          // A bridge that cannot subscribe still serves calls; the settings then update on save only.
        }
        void get().load();
        return () => {
          off?.();
          off = undefined;
        };
      },

      async load() {
        await Promise.all([loadInfo(), loadSettings()]);
      },

      navigate(screen) {
        if (get().screen !== screen) set({ screen });
      },

      async setLanguage(language) {
        if (get().settings?.language === language) return;
        await save({ language });
      },

      async requestEnvironment(environment) {
        if (get().settings?.environment === environment) {
          set({ pendingEnvironment: null });
          return;
        }
        if (environment === confirmedEnvironment) {
          set({ pendingEnvironment: environment });
          return;
        }
        set({ pendingEnvironment: null });
        await save({ environment });
      },

      async confirmEnvironment() {
        const environment = get().pendingEnvironment;
        if (!environment) return;
        set({ pendingEnvironment: null });
        await save({ environment });
      },

      cancelEnvironment() {
        set({ pendingEnvironment: null });
      },

      dismissError(operation) {
        set((state) => ({ errors: withoutError(state.errors, operation) }));
      },
    };
  });
}
