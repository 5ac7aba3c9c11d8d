import type { KnownTss } from '../../../../../preload/contract/sign-de/known-tss';
import type { RunReport } from '../../../../../preload/contract/sign-de/runs';
import type { TssOverview } from '../../../../../preload/contract/sign-de/tss';
import type { SliceTools } from '../../../state/store-types';

export interface StoresState {
  /** Every provisioning run on this laptop, newest first; null until runs:list answered. */
  runs: RunReport[] | null;
  /** Every TSS the vault holds a PIN or PUK for (works offline); null until recovery:list answered. */
  knownTss: KnownTss[] | null;
  /** tss:overview answers asked for from Home, by TSS id. */
  tssSummaries: Record<string, TssOverview>;
}

export interface StoresActions {
  loadRuns(): Promise<void>;
  loadKnownTss(): Promise<void>;
  /** Fetches one TSS's state and counters on demand. */
  loadTssSummary(tssId: string): Promise<void>;
}

export const initialStoresState: StoresState = { runs: null, knownTss: null, tssSummaries: {} };

export const unfinishedStatuses: readonly RunReport['status'][] = ['running', 'failed', 'cancelled'];

export function createStoresSlice({ bridge, set, call }: SliceTools): StoresActions {
  return {
    async loadRuns() {
      const runs = await call('loadRuns', () => bridge.runs.list());
      if (runs) set({ runs });
    },

    async loadKnownTss() {
      const knownTss = await call('loadKnownTss', () => bridge.recovery.list());
      if (knownTss) set({ knownTss });
    },

    async loadTssSummary(tssId) {
      const summary = await call('loadTssSummary', () => bridge.tss.overview({ tssId }), { tssId, subject: tssId });
      if (summary) set((state) => ({ tssSummaries: { ...state.tssSummaries, [tssId]: summary } }));
    },
  };
}
