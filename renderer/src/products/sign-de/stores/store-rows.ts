import type { KnownTss } from '../../../../../preload/contract/sign-de/known-tss';
import type { RunReport } from '../../../../../preload/contract/sign-de/runs';
import type { TssOverview } from '../../../../../preload/contract/sign-de/tss';

/** One store/TSS on Home: what the runs and the vault know about it. */
export interface StoreRow {
  tssId: string;
  storeName: string;
  environment: RunReport['environment'];
  /** The newest run that made this TSS. */
  run: RunReport | null;
  known: KnownTss | null;
  summary: TssOverview | null;
}

/** Runs (newest first) and vault entries merged by TSS id, in the runs' order, then vault-only ones. */
export function storeRows(runs: RunReport[] | null, known: KnownTss[] | null, summaries: Record<string, TssOverview>): StoreRow[] {
  const rows = new Map<string, StoreRow>();
  for (const run of runs ?? []) {
    if (!run.tssId || rows.has(run.tssId)) continue;
    rows.set(run.tssId, { tssId: run.tssId, storeName: run.storeName, environment: run.environment, run, known: null, summary: summaries[run.tssId] ?? null });
  }
  for (const entry of known ?? []) {
    const row = rows.get(entry.tssId);
    if (row) row.known = entry;
    else
      rows.set(entry.tssId, {
        tssId: entry.tssId,
        storeName: entry.storeName ?? '',
        environment: entry.environment,
        run: null,
        known: entry,
        summary: summaries[entry.tssId] ?? null,
      });
  }
  return [...rows.values()];
}
