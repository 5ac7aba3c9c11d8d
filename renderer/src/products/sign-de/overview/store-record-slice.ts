import type { Decommissioning, StoreMasterData } from '../../../../../preload/contract/sign-de/master-data';
import type { ClientPlan } from '../../../../../preload/contract/sign-de/store-plan';
import type { HandoverFiles, StoreRecord } from '../../../../../preload/contract/sign-de/store-record';
import type { SaveTarget } from '../../../../../preload/contract/core/files';
import type { SliceTools } from '../../../state/store-types';

export interface StoreRecordState {
  /** What this laptop keeps of the shown TSS's store: master data, tills, changes. */
  storeRecord: StoreRecord | null;
  /** A notifiable change was made here (master data, tills, TSS disabled) and no handover saved since. */
  handoverDue: boolean;
  /** The last handover saved for the shown store, in its three forms. */
  handoverFiles: HandoverFiles | null;
}

export interface StoreRecordActions {
  loadStoreRecord(tssId: string): Promise<void>;
  /** A changed taxpayer or address: notifiable, so a new handover is due. */
  setMasterData(masterData: StoreMasterData): Promise<boolean>;
  /** Registers more tills on the shown TSS (main confirms with the vault passphrase); a new handover is due. */
  /** `passphrase`: only a LIVE store asks for it (main checks the same rule). */
  addTills(tills: ClientPlan[], passphrase?: string): Promise<boolean>;
  /** Deregisters a till at fiskaly and records when and why it was taken out of use. */
  deregisterTill(clientId: string, decommissioning: Decommissioning): Promise<boolean>;
  /** The handover as PDF, JSON and XML, saved together: the shown store's, or the given TSS's (the wizard's). */
  /** The handover's three files, into a chosen folder (or main's data folder without `destination`). */
  saveHandover(tssId?: string, destination?: SaveTarget): Promise<HandoverFiles | null>;
  /** After the TSS was disabled here: its decommissioning is notifiable too. */
  markHandoverDue(): void;
}

export const initialStoreRecordState: StoreRecordState = { storeRecord: null, handoverDue: false, handoverFiles: null };

export function createStoreRecordSlice({ bridge, set, get, call }: SliceTools): StoreRecordActions {
  const current = () => get().overviewTssId;
  /** Main's answer for the shown TSS; an answer for another one (the technician moved on) is dropped. */
  const apply = (record: StoreRecord | null, changed: boolean) => {
    if (!record || record.tssId !== current()) return false;
    set((state) => ({ storeRecord: record, handoverDue: state.handoverDue || changed }));
    return true;
  };

  return {
    async loadStoreRecord(tssId) {
      if (get().storeRecord?.tssId !== tssId) set(initialStoreRecordState);
      apply(await call('loadStoreRecord', () => bridge.store.get({ tssId }), { tssId }), false);
    },

    async setMasterData(masterData) {
      const tssId = current();
      if (!tssId) return false;
      return apply(await call('setMasterData', () => bridge.store['set-master-data']({ tssId, masterData }), { tssId }), true);
    },

    async addTills(tills, passphrase) {
      const tssId = current();
      if (!tssId) return false;
      const added = apply(await call('addTills', () => bridge.store['add-tills']({ tssId, tills, ...(passphrase === undefined ? {} : { passphrase }) }), { tssId }), true);
      if (added) void get().loadOverview(tssId);
      return added;
    },

    async deregisterTill(clientId, decommissioning) {
      const tssId = current();
      if (!tssId) return false;
      const done = apply(await call('deregisterTill', () => bridge.store['deregister-till']({ tssId, clientId, decommissioning }), { tssId }), true);
      if (done) void get().loadOverview(tssId);
      return done;
    },

    async saveHandover(forTss, destination) {
      const tssId = forTss ?? current();
      if (!tssId) return null;
      const files = await call('saveHandover', () => bridge.handover.save({ tssId, ...(destination ? { destination } : {}) }), { tssId });
      if (files && tssId === current()) set({ handoverFiles: files, handoverDue: false });
      return files;
    },

    markHandoverDue() {
      set({ handoverDue: true });
    },
  };
}
