import type { AppInfo } from '../../../../preload/contract/core/app-info';
import type { EnvironmentId, Language, Settings, SettingsPatch } from '../../../../preload/contract/core/settings';
import { callBridge } from '../../bridge/call-bridge';
import { confirmedEnvironment, isSettings } from '../settings/settings-values';
import type { Screen, SliceTools } from '../../state/store-types';
import { type Operation, type UiError, errorsAfterNavigation, withError, withoutError } from '../../state/ui-error';

export interface FrameState {
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
  /** Operations with a call in flight (buttons show it and do not send twice). */
  busy: Partial<Record<Operation, boolean>>;
}

export interface FrameActions {
  /** Subscribes to main's events and loads everything; returns the teardown. */
  start(): () => void;
  /** (Re)loads app info and settings; resolves when both answered. */
  load(): Promise<void>;
  /** Loads what the screens list: vault state, organizations, runs, known TSS. */
  loadWorkbench(): Promise<void>;
  /** Switches screens; leaving a screen drops the secrets it showed or held. */
  navigate(screen: Screen): void;
  setLanguage(language: Language): Promise<void>;
  /** LIVE waits for `confirmEnvironment`; any other environment is saved at once. */
  requestEnvironment(environment: EnvironmentId): Promise<void>;
  /** Saves the pending environment with the vault passphrase main checks (an argument, never state); true once saved. */
  confirmEnvironment(passphrase: string): Promise<boolean>;
  cancelEnvironment(): void;
  dismissError(operation: Operation): void;
  /** Repeats a failed load (see retryableOperations). */
  retry(operation: Operation): Promise<void>;
}

export const initialFrameState: FrameState = {
  appInfo: null,
  settings: null,
  screen: 'home',
  loadingInfo: false,
  loadingSettings: false,
  saving: false,
  errors: [],
  pendingEnvironment: null,
  busy: {},
};

export function createFrameSlice({ bridge, set, get }: SliceTools): FrameActions {
  // Bumped whenever settings arrive from an event or a save, so an older `settings:get` answer that
  // lands later cannot overwrite them.
  let settingsRevision = 0;
  let savesInFlight = 0;

  const failed = (operation: Operation, error: UiError | Omit<UiError, 'operation'>) =>
    set((state) => ({ errors: withError(state.errors, { ...error, operation }) }));

  const applySettings = (settings: Settings) => {
    settingsRevision += 1;
    set({ settings });
  };

  const loadInfo = async () => {
    set((state) => ({ loadingInfo: true, errors: withoutError(state.errors, 'loadInfo') }));
    const result = await callBridge(() => bridge.app.info());
    set({ loadingInfo: false });
    if (result.ok) set({ appInfo: result.value });
    else failed('loadInfo', result.error);
  };

  const loadSettings = async () => {
    set((state) => ({ loadingSettings: true, errors: withoutError(state.errors, 'loadSettings') }));
    const revision = settingsRevision;
    const result = await callBridge(() => bridge.settings.get());
    set({ loadingSettings: false });
    if (!result.ok) failed('loadSettings', result.error);
    else if (revision === settingsRevision) applySettings(result.value);
  };

  const save = async (patch: SettingsPatch, passphrase?: string): Promise<boolean> => {
    savesInFlight += 1;
    set((state) => ({ saving: true, busy: { ...state.busy, saveSettings: true }, errors: withoutError(state.errors, 'saveSettings') }));
    const result = await callBridge(() => bridge.settings.set(passphrase === undefined ? patch : { ...patch, passphrase }));
    savesInFlight -= 1;
    set((state) => ({ saving: savesInFlight > 0, busy: { ...state.busy, saveSettings: savesInFlight > 0 } }));
    if (result.ok) applySettings(result.value);
    else failed('saveSettings', result.error);
    return result.ok;
  };

  /** Subscribes without letting a bridge that cannot subscribe break the start. */
  const subscribe = (subscribeTo: () => () => void): (() => void) => {
    try {
      return subscribeTo();
    } catch {
      // A bridge that cannot subscribe still serves calls; the screens then update on their own calls only.
      return () => {};
    }
  };

  return {
    start() {
      let offs: (() => void)[] = [
        subscribe(() =>
          bridge.on('settings:changed', (payload) => {
            if (isSettings(payload)) applySettings(payload);
          }),
        ),
        subscribe(() => bridge.on('provisioning:progress', (payload) => get().receiveProgress(payload))),
        subscribe(() => bridge.on('provisioning:finished', (payload) => get().receiveFinished(payload))),
        subscribe(() => bridge.on('migration:progress', (payload) => get().receiveMigrationProgress(payload))),
        subscribe(() => bridge.on('migration:finished', (payload) => get().receiveMigrationFinished(payload))),
      ];
      void get().load();
      void get().loadWorkbench();
      return () => {
        for (const off of offs) off();
        offs = [];
      };
    },

    async load() {
      await Promise.all([loadInfo(), loadSettings()]);
    },

    async loadWorkbench() {
      const state = get();
      await Promise.all([state.loadVault(), state.loadOrgs(), state.loadRuns(), state.loadKnownTss()]);
    },

    navigate(screen) {
      const current = get().screen;
      if (current === screen) return;
      if (current === 'recovery') get().dropPuk();
      if (current === 'wizard') get().leaveWizard();
      // An action's error belongs to the screen it was made on: it does not follow the technician.
      set((state) => ({ screen, errors: errorsAfterNavigation(state.errors) }));
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

    async confirmEnvironment(passphrase) {
      const environment = get().pendingEnvironment;
      if (!environment) return false;
      // The dialog stays open until main agreed, so a wrong passphrase is shown where it was typed.
      const saved = await save({ environment }, passphrase);
      if (saved && get().pendingEnvironment === environment) set({ pendingEnvironment: null });
      return saved;
    },

    cancelEnvironment() {
      set({ pendingEnvironment: null });
    },

    dismissError(operation) {
      set((state) => ({ errors: withoutError(state.errors, operation) }));
    },

    async retry(operation) {
      const state = get();
      switch (operation) {
        case 'loadInfo':
        case 'loadSettings':
          return state.load();
        case 'loadVault':
          return state.loadVault();
        case 'loadOrgs':
          return state.loadOrgs();
        case 'loadRuns':
          return state.loadRuns();
        case 'loadKnownTss':
          return state.loadKnownTss();
        case 'loadOverview':
          if (state.overviewTssId) await state.loadOverview(state.overviewTssId);
          return;
        case 'loadReceipt':
        case 'verifyReceipt':
          if (state.receiptRunId) await state.loadReceipt(state.receiptRunId);
          return;
        case 'loadPrinters':
          return state.loadPrinters();
        default:
          return;
      }
    },
  };
}
