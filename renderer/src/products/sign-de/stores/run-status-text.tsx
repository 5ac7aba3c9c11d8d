import { useTranslation } from 'react-i18next';
import type { RunReport } from '../../../../../preload/contract/sign-de/runs';
import { useApp } from '../../../state/store-context';
import { isRunActive, journalPosition } from '../run/run-progress';

/**
 * A run's state in words, from its journal: "läuft gerade" for the run this window executes, else its
 * status; a run the journal has as running that runs nowhere was cut off ("unterbrochen"). With how many
 * of its steps are done.
 */
export function RunStatusText({ run }: { run: RunReport }) {
  const { t } = useTranslation('sign-de');
  const activeHere = useApp((state) => state.run.runId === run.runId && isRunActive(state.run.phase));
  const position = journalPosition(run);
  const status = activeHere
    ? t('unfinished.runningHere')
    : run.status === 'running' && run.busyElsewhere !== true
      ? t('unfinished.interrupted')
      : t(`stores.runStatus.${run.status}`);
  const showPosition = position.total > 0 && run.status !== 'done' && run.status !== 'abandoned';
  return (
    <>
      {status}
      {showPosition && ` · ${t('unfinished.position', { done: position.done.length, total: position.total })}`}
    </>
  );
}
