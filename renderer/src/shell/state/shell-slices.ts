import type { SliceTools } from '../../state/store-types';
import { type OrgsActions, type OrgsState, createOrgsSlice, initialOrgsState } from '../orgs/orgs-slice';
import { type VaultActions, type VaultSliceState, createVaultSlice, initialVaultState } from '../vault/vault-slice';
import { type FrameActions, type FrameState, createFrameSlice, initialFrameState } from './frame-slice';

declare module '../../state/store-types' {
  interface AppState extends FrameState, VaultSliceState, OrgsState {}
  interface AppActions extends FrameActions, VaultActions, OrgsActions {}
}

/** The shell's part of the store: the frame (info, settings, navigation, errors), the vault and organizations. */
export const initialShellState: FrameState & VaultSliceState & OrgsState = {
  ...initialFrameState,
  ...initialVaultState,
  ...initialOrgsState,
};

export const createShellSlices = (tools: SliceTools): FrameActions & VaultActions & OrgsActions => ({
  ...createFrameSlice(tools),
  ...createVaultSlice(tools),
  ...createOrgsSlice(tools),
});
