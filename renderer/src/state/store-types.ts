import type { StoreApi } from 'zustand/vanilla';
import type { CompanionApi } from '../../../preload/contract/api';
import type { Result } from '../../../preload/contract/core/result';
import type { FrameActions, FrameState } from './slices/frame-slice';
import type { OrgsActions, OrgsState } from './slices/orgs-slice';
import type { OverviewActions, OverviewState } from './slices/overview-slice';
import type { ReceiptActions, ReceiptState } from './slices/receipt-slice';
import type { RecoveryActions, RecoveryState } from './slices/recovery-slice';
import type { RunActions, RunSliceState } from './slices/run-slice';
import type { StoresActions, StoresState } from './slices/stores-slice';
import type { VaultActions, VaultSliceState } from './slices/vault-slice';
import type { WizardActions, WizardSliceState } from './slices/wizard-slice';
import type { Operation } from './ui-error';

export type Screen = 'home' | 'wizard' | 'recovery' | 'overview' | 'receipt' | 'settings';

export type AppState = FrameState &
  VaultSliceState &
  OrgsState &
  StoresState &
  WizardSliceState &
  RunSliceState &
  RecoveryState &
  OverviewState &
  ReceiptState;

export type AppActions = FrameActions &
  VaultActions &
  OrgsActions &
  StoresActions &
  WizardActions &
  RunActions &
  RecoveryActions &
  OverviewActions &
  ReceiptActions;

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
   */
  call<T>(operation: Operation, call: () => Promise<Result<T>>, context?: { tssId?: string | null }): Promise<T | null>;
}
