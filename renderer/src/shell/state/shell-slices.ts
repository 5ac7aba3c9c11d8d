import type { SliceTools } from '../../state/store-types';
import { type OrgsActions, type OrgsState, createOrgsSlice, initialOrgsState } from '../orgs/orgs-slice';
import { type VaultActions, type VaultSliceState, createVaultSlice, initialVaultState } from '../vault/vault-slice';
import { type FilesActions, type FilesState, createFilesSlice, initialFilesState } from './files-slice';
import { type FrameActions, type FrameState, createFrameSlice, initialFrameState } from './frame-slice';
import { type SupportActions, createSupportSlice } from '../settings/support-slice';

declare module '../../state/store-types' {
  interface AppState extends FrameState, VaultSliceState, OrgsState, FilesState {}
  interface AppActions extends FrameActions, VaultActions, OrgsActions, FilesActions, SupportActions {}
}

/** The shell's part of the store: the frame (info, settings, navigation, errors), the vault and organizations. */
export const initialShellState: FrameState & VaultSliceState & OrgsState & FilesState = {
  ...initialFrameState,
  ...initialVaultState,
  ...initialOrgsState,
  ...initialFilesState,
};

export const createShellSlices = (tools: SliceTools): FrameActions & VaultActions & OrgsActions & FilesActions & SupportActions => ({
  ...createFrameSlice(tools),
  ...createVaultSlice(tools),
  ...createOrgsSlice(tools),
  ...createFilesSlice(tools),
  ...createSupportSlice(tools),
});
