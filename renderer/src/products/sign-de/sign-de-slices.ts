import type { SliceTools } from '../../state/store-types';
import { type OverviewActions, type OverviewState, createOverviewSlice, initialOverviewState } from './overview/overview-slice';
import { type StoreRecordActions, type StoreRecordState, createStoreRecordSlice, initialStoreRecordState } from './overview/store-record-slice';
import { type ReceiptActions, type ReceiptState, createReceiptSlice, initialReceiptState } from './receipt/receipt-slice';
import { type RecoveryActions, type RecoveryState, createRecoverySlice, initialRecoveryState } from './recovery/recovery-slice';
import { type RunActions, type RunSliceState, createRunSlice, initialRunState } from './run/run-slice';
import { type StoresActions, type StoresState, createStoresSlice, initialStoresState } from './stores/stores-slice';
import { type WizardActions, type WizardSliceState, createWizardSlice, initialWizardState } from './wizard/wizard-slice';
import { type SandboxActions, createSandboxSlice } from './sandbox/sandbox-slice';
import { type MigrationActions, type MigrationState, createMigrationSlice, initialMigrationState } from './migration/migration-slice';

type SignDeState = StoresState & WizardSliceState & RunSliceState & RecoveryState & OverviewState & StoreRecordState & ReceiptState & MigrationState;
type SignDeActions = StoresActions & WizardActions & RunActions & RecoveryActions & OverviewActions & StoreRecordActions & ReceiptActions & SandboxActions & MigrationActions;

declare module '../../state/store-types' {
  interface AppState extends StoresState, WizardSliceState, RunSliceState, RecoveryState, OverviewState, StoreRecordState, ReceiptState, MigrationState {}
  interface AppActions extends StoresActions, WizardActions, RunActions, RecoveryActions, OverviewActions, StoreRecordActions, ReceiptActions, SandboxActions, MigrationActions {}
}

/** SIGN DE's part of the store: stores and runs, the wizard, the run, PUK recovery, the overview, the receipt. */
export const initialSignDeState: SignDeState = {
  ...initialStoresState,
  ...initialWizardState,
  ...initialRunState,
  ...initialRecoveryState,
  ...initialOverviewState,
  ...initialStoreRecordState,
  ...initialReceiptState,
  ...initialMigrationState,
};

export const createSignDeSlices = (tools: SliceTools): SignDeActions => ({
  ...createStoresSlice(tools),
  ...createWizardSlice(tools),
  ...createRunSlice(tools),
  ...createRecoverySlice(tools),
  ...createOverviewSlice(tools),
  ...createStoreRecordSlice(tools),
  ...createReceiptSlice(tools),
  ...createSandboxSlice(tools),
  ...createMigrationSlice(tools),
});
