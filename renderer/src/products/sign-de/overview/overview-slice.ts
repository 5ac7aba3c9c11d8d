import type { StaleCloseResult, StalePreview } from '../../../../../preload/contract/sign-de/stale-transactions';
import type { ExportProgress, TssOverview } from '../../../../../preload/contract/sign-de/tss';
import type { SaveTarget, SavedFile } from '../../../../../preload/contract/core/files';
import type { Decommissioning } from '../../../../../preload/contract/sign-de/master-data';
import { callBridge } from '../../../bridge/call-bridge';
import { DISABLE_KEYWORD, isTypedConfirmation } from '../../../state/confirmation';
import type { AppState, SliceTools } from '../../../state/store-types';

export interface OverviewState {
  /** The TSS the store overview shows. */
  overviewTssId: string | null;
  overview: TssOverview | null;
  /** The shown TSS's current or last TAR export: journaled in main, so a pending one survives restarts. */
  exportProgress: ExportProgress | null;
}

export interface OverviewActions {
  openOverview(tssId: string): void;
  loadOverview(tssId: string): Promise<void>;
  setClientState(clientId: string, state: 'REGISTERED' | 'DEREGISTERED'): Promise<boolean>;
  /** The ACTIVE transactions open at least `olderThanHours`, per till; nothing changes. */
  previewStale(olderThanHours: number): Promise<StalePreview | null>;
  /** Closes what the confirmed preview listed (main checks each again); the result per till, or null. */
  closeStale(preview: StalePreview): Promise<StaleCloseResult | null>;
  /** Resumes the TSS's pending export or starts one; resolves when the TAR is saved. */
  exportTss(destination?: SaveTarget): Promise<SavedFile | null>;
  /** Asks main for the shown TSS's export as journaled (a failure here leaves the last known one). */
  loadExportStatus(tssId: string): Promise<void>;
  /** One `tss:export-progress` event; events of other TSS are ignored. */
  receiveExportProgress(progress: ExportProgress): void;
  /** Listens to export progress while the overview is shown; returns the way to stop. */
  watchExports(): () => void;
  /**
   * Needs the typed confirmation (the store's name or DISABLE) and the vault passphrase, which main
   * checks (an argument, never state): disabling a TSS is final. The TSE's decommissioning (date and
   * reason) goes with it for the notification.
   */
  disableTss(confirmation: string, passphrase: string, decommissioning?: Decommissioning): Promise<boolean>;
}

export const initialOverviewState: OverviewState = { overviewTssId: null, overview: null, exportProgress: null };

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
      if (get().overviewTssId !== tssId) set({ overviewTssId: tssId, overview: null, exportProgress: null });
      get().navigate('overview');
      void get().loadOverview(tssId);
    },

    async loadOverview(tssId) {
      const [overview] = await Promise.all([call('loadOverview', () => bridge.tss.overview({ tssId }), { tssId }), get().loadExportStatus(tssId)]);
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

    async exportTss(destination) {
      const tssId = current();
      if (!tssId) return null;
      const saved = await call('exportTss', () => bridge.tss.export({ tssId, ...(destination ? { destination } : {}) }), { tssId });
      // Whatever happened (saved, failed, still pending after an hour), the journal says where it stands.
      await get().loadExportStatus(tssId);
      return saved;
    },

    async loadExportStatus(tssId) {
      const result = await callBridge(() => bridge.tss['export-status']({ tssId }));
      if (!result.ok || tssId !== current()) return;
      set({ exportProgress: result.value });
    },

    receiveExportProgress(progress) {
      if (!isExportProgress(progress) || progress.tssId !== current()) return;
      set({ exportProgress: progress });
    },

    watchExports() {
      try {
        return bridge.on('tss:export-progress', (progress) => get().receiveExportProgress(progress));
      } catch {
        // Without events the card still shows the journal's word after each export call.
        return () => {};
      }
    },

    async disableTss(confirmation, passphrase, decommissioning) {
      const tssId = current();
      if (!tssId) return false;
      if (!isTypedConfirmation(confirmation, DISABLE_KEYWORD, storeNameOf(get(), tssId))) return false;
      const request = { tssId, confirmation: confirmation.trim(), passphrase, ...(decommissioning ? { decommissioning } : {}) };
      const overview = await call('disableTss', () => bridge.tss.disable(request), { tssId });
      if (overview) {
        applyOverview(overview);
        get().markHandoverDue();
        if (get().storeRecord?.tssId === tssId) void get().loadStoreRecord(tssId);
      }
      return overview !== null;
    },
  };
}

const EXPORT_PHASES: readonly string[] = ['pending', 'triggering', 'waiting', 'downloading', 'saved', 'failed'];

function isExportProgress(value: unknown): value is ExportProgress {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ExportProgress>;
  return typeof candidate.tssId === 'string' && typeof candidate.elapsedMs === 'number' && EXPORT_PHASES.includes(candidate.phase as string);
}
