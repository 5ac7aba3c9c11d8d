import type { StaleCloseResult, StalePreview } from '../../../../preload/contract/stale-transactions';
import type { SavedFile, TssOverview } from '../../../../preload/contract/workbench';
import { DISABLE_KEYWORD, isTypedConfirmation } from '../confirmation';
import type { AppState, SliceTools } from '../store-types';

export interface OverviewState {
  /** The TSS the store overview shows. */
  overviewTssId: string | null;
  overview: TssOverview | null;
}

export interface OverviewActions {
  openOverview(tssId: string): void;
  loadOverview(tssId: string): Promise<void>;
  setClientState(clientId: string, state: 'REGISTERED' | 'DEREGISTERED'): Promise<boolean>;
  /** The ACTIVE transactions open at least `olderThanHours`, per till; nothing changes. */
  previewStale(olderThanHours: number): Promise<StalePreview | null>;
  /** Closes what the confirmed preview listed (main checks each again); the result per till, or null. */
  closeStale(preview: StalePreview): Promise<StaleCloseResult | null>;
  exportTss(): Promise<SavedFile | null>;
  /** Needs the typed confirmation (the store's name or DISABLE): disabling a TSS is final. */
  disableTss(confirmation: string): Promise<boolean>;
}

export const initialOverviewState: OverviewState = { overviewTssId: null, overview: null };

/** The store name a TSS is known by: from its overview, the vault's labels or a run. */
export function storeNameOf(state: AppState, tssId: string | null): string | null {
  if (!tssId) return null;
  if (state.overview?.tssId === tssId && state.overview.storeName) return state.overview.storeName;
  const known = state.knownTss?.find((entry) => entry.tssId === tssId)?.storeName;
  if (known) return known;
  return state.runs?.find((run) => run.tssId === tssId)?.storeName ?? null;
}

export function createOverviewSlice({ bridge, set, get, call }: SliceTools): OverviewActions {
  const current = () => get().overviewTssId;
  const applyOverview = (overview: TssOverview) => {
    if (overview.tssId !== current()) return;
    set((state) => ({ overview, tssSummaries: { ...state.tssSummaries, [overview.tssId]: overview } }));
  };

  return {
    openOverview(tssId) {
      if (get().overviewTssId !== tssId) set({ overviewTssId: tssId, overview: null });
      get().navigate('overview');
      void get().loadOverview(tssId);
    },

    async loadOverview(tssId) {
      const overview = await call('loadOverview', () => bridge.tss.overview({ tssId }), { tssId });
      if (overview) applyOverview(overview);
    },

    async setClientState(clientId, state) {
      const tssId = current();
      if (!tssId) return false;
      const overview = await call('setClientState', () => bridge.tss['set-client-state']({ tssId, clientId, state }), { tssId });
      if (overview) applyOverview(overview);
      return overview !== null;
    },

    async previewStale(olderThanHours) {
      const tssId = current();
      if (!tssId) return null;
      return call('previewStale', () => bridge.tss['stale-preview']({ tssId, olderThanHours }), { tssId });
    },

    async closeStale(preview) {
      const tssId = current();
      if (!tssId || preview.tssId !== tssId) return null;
      const transactionIds = preview.tills.flatMap((till) => till.transactions.map((tx) => tx.id));
      if (transactionIds.length === 0) return null;
      const result = await call('closeStale', () => bridge.tss['close-stale']({ tssId, olderThanHours: preview.olderThanHours, transactionIds }), { tssId });
      if (result) void get().loadOverview(tssId);
      return result;
    },

    async exportTss() {
      const tssId = current();
      if (!tssId) return null;
      return call('exportTss', () => bridge.tss.export({ tssId }), { tssId });
    },

    async disableTss(confirmation) {
      const tssId = current();
      if (!tssId) return false;
      if (!isTypedConfirmation(confirmation, DISABLE_KEYWORD, storeNameOf(get(), tssId))) return false;
      const overview = await call('disableTss', () => bridge.tss.disable({ tssId, confirmation: confirmation.trim() }), { tssId });
      if (overview) applyOverview(overview);
      return overview !== null;
    },
  };
}
