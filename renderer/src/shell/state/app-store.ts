import { createStore } from 'zustand/vanilla';
import type { CompanionApi } from '../../../../preload/contract/api';
import { callBridge } from '../../bridge/call-bridge';
import { createProductSlices, initialProductState } from '../../products';
import type { AppState, AppStore, AppStoreState, Screen, SliceTools } from '../../state/store-types';
import { withError, withoutError } from '../../state/ui-error';
import { createShellSlices, initialShellState } from './shell-slices';

export type { AppActions, AppState, AppStore, AppStoreState, Screen } from '../../state/store-types';

/** Every screen; `navScreens` are the ones the main navigation offers (the others need a TSS or run). */
export const screens: readonly Screen[] = ['home', 'wizard', 'recovery', 'overview', 'receipt', 'settings', 'activity'];
export const navScreens: readonly Screen[] = ['home', 'wizard', 'recovery', 'settings'];

export const initialAppState: AppState = { ...initialShellState, ...initialProductState };

/**
 * The renderer's one store, made of the shell's slices and each product wing's. The bridge is a parameter
 * so tests pass an in-memory fake.
 */
export function createAppStore(bridge: CompanionApi, initial: Partial<AppState> = {}): AppStore {
  return createStore<AppStoreState>()((set, get) => {
    const tools: SliceTools = {
      bridge,
      set,
      get,
      async call(operation, run, context) {
        set((state) => ({ busy: { ...state.busy, [operation]: true }, errors: withoutError(state.errors, operation) }));
        const result = await callBridge(run);
        set((state) => ({ busy: { ...state.busy, [operation]: false } }));
        if (result.ok) return result.value;
        // The recovery opens first: its navigation drops old errors, not this one, which says why it opened.
        if (result.error.code === 'E_ADMIN_PIN_BLOCKED') get().openRecovery(context?.tssId ?? null, 'blocked');
        const subject = context?.subject;
        set((state) => ({ errors: withError(state.errors, { operation, ...result.error, ...(subject === undefined ? {} : { subject }) }) }));
        return null;
      },
    };

    return {
      ...initialAppState,
      ...initial,
      ...createShellSlices(tools),
      ...createProductSlices(tools),
    };
  });
}
