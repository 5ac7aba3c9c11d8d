import type { SavedFile, SaveTarget } from '../../../../../preload/contract/core/files';
import type { HandoverFiles } from '../../../../../preload/contract/sign-de/store-record';
import type { Operation } from '../../../state/ui-error';
import type { DestinationRequest } from '../../../ui/save/destination-request';
import { KEEP_PASSPHRASE } from '../../../ui/send-passphrase';

export interface StoreDocumentsActions {
  choose(request: DestinationRequest, operation: Operation): Promise<SaveTarget | null>;
  saveHandover(tssId: string, destination: SaveTarget): Promise<HandoverFiles | null>;
  exportRecovery(passphrase: string, destination: SaveTarget, only: { tssId: string; store: string }): Promise<SavedFile | null>;
  shown(handover: HandoverFiles | null, recovery: SavedFile | null): void;
}

/**
 * The store's documents into one folder, the store's under Documents (proposed by the dialog): the
 * handover, then the recovery file of this store's TSS only. Each on its own: a handover that failed does
 * not keep the recovery file from being saved. A cancelled dialog keeps the typed passphrase.
 */
export async function saveStoreDocuments(actions: StoreDocumentsActions, store: { tssId: string; storeName: string }, passphrase: string) {
  const folder = await actions.choose({ mode: 'folder', store: store.storeName }, 'saveHandover');
  if (!folder) return KEEP_PASSPHRASE;
  actions.shown(null, null);
  const handover = await actions.saveHandover(store.tssId, folder);
  actions.shown(handover, null);
  actions.shown(handover, await actions.exportRecovery(passphrase, folder, { tssId: store.tssId, store: store.storeName }));
  return undefined;
}
