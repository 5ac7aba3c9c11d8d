import type { StoreApi } from 'zustand/vanilla';
import type { CompanionApi } from '../../../preload/contract/api';
import type { Result } from '../../../preload/contract/core/result';
import type { FrameActions, FrameState } from '../shell/state/frame-slice';
import type { OrgsActions, OrgsState } from '../shell/orgs/orgs-slice';
import type { OverviewActions, OverviewState } from '../products/sign-de/overview/overview-slice';
import type { ReceiptActions, ReceiptState } from '../products/sign-de/receipt/receipt-slice';
import type { RecoveryActions, RecoveryState } from '../products/sign-de/recovery/recovery-slice';
import type { RunActions, RunSliceState } from '../products/sign-de/run/run-slice';
import type { StoresActions, StoresState } from '../products/sign-de/stores/stores-slice';
import type { VaultActions, VaultSliceState } from '../shell/vault/vault-slice';
import type { WizardActions, WizardSliceState } from '../products/sign-de/wizard/wizard-slice';
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
