import type { ActivityPage } from '../../../../preload/contract/core/activity';
import type { SaveTarget, SavedFile } from '../../../../preload/contract/core/files';
import type { Result } from '../../../../preload/contract/core/result';
import { callBridge } from '../../bridge/call-bridge';
import type { SliceTools } from '../../state/store-types';

/**
 * Support: the bundle and the vault's activity log. Their outcomes go to the caller (the card shows a
 * failure beside its button), not to the app's error notices; nothing of them is kept in the store.
 */
export interface SupportActions {
  saveSupportBundle(destination: SaveTarget): Promise<Result<SavedFile>>;
  loadActivity(page: { offset: number; limit: number }): Promise<Result<ActivityPage>>;
}

export function createSupportSlice({ bridge }: SliceTools): SupportActions {
  return {
    saveSupportBundle: (destination) => callBridge(() => bridge.support.bundle({ destination })),
    loadActivity: (page) => callBridge(() => bridge.activity.list({ ...page })),
  };
}
