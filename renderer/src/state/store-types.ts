import type { StoreApi } from 'zustand/vanilla';
import type { CompanionApi } from '../../../preload/contract/api';
import type { Result } from '../../../preload/contract/core/result';
import type { Operation } from './ui-error';

/** Every screen by name; the shell's and the products' screens (the shell composes their components). */
export type Screen = 'home' | 'wizard' | 'recovery' | 'overview' | 'receipt' | 'settings' | 'activity' | 'migration';

/**
 * The renderer's one store: its state and actions. Empty here on purpose: the shell and each product wing
 * add their slices by declaration merging (`declare module` in shell/state/shell-slices.ts and in
 * products/<wing>/<wing>-slices.ts), so this neutral file names none of them and every part sees the whole store.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface AppState {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface AppActions {}

export type AppStoreState = AppState & AppActions;
export type AppStore = StoreApi<AppStoreState>;

/** What every slice gets: the bridge, the store, and one way to call main. */
export interface SliceTools {
  bridge: CompanionApi;
  set: AppStore['setState'];
  get: AppStore['getState'];
  /**
   * Calls main for `operation`: marks it busy, clears its old error, and resolves to the value or to
   * null after recording the failure. A blocked admin PIN opens the PUK recovery (for `tssId` if known).
   * `subject` is the row the action was for, where a screen lists several (see `UiError.subject`).
   */
  call<T>(operation: Operation, call: () => Promise<Result<T>>, context?: { tssId?: string | null; subject?: string }): Promise<T | null>;
}
