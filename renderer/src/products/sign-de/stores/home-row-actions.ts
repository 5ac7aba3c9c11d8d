import type { RunReport } from '../../../../../preload/contract/sign-de/runs';
import type { AppStoreState } from '../../../state/store-types';
import { type ActionOnView, type Operation, actionOnRow } from '../../../state/ui-error';
import { storeRows } from './store-rows';
import { unfinishedStatuses } from './stores-slice';

/** The actions of a row of the unfinished runs card, whose error it shows beside that row. */
export const unfinishedRunOperations: readonly Operation[] = ['resumeRun', 'repairRun', 'abandonRun'];

/** The runs the unfinished runs card lists, one row each. */
export const unfinishedRuns = (runs: RunReport[] | null): RunReport[] => (runs ?? []).filter((run) => unfinishedStatuses.includes(run.status));

/**
 * The row actions SIGN DE's Home cards show with their error beside the row: each unfinished run's, each
 * store's "load state". Mirrors UnfinishedRunsCard and StoresCard; a row's error whose row is gone shows in the frame.
 */
export function signDeHomeActions(state: AppStoreState): ActionOnView[] {
  const runActions = unfinishedRuns(state.runs).flatMap((run) => unfinishedRunOperations.map((operation) => actionOnRow(operation, run.runId)));
  const storeActions = storeRows(state.runs, state.knownTss, state.tssSummaries).map((row) => actionOnRow('loadTssSummary', row.tssId));
  return [...runActions, ...storeActions];
}
