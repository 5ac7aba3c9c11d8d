import { useTranslation } from 'react-i18next';
import { ActionError } from '../../../ui/ActionError';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { ProgressBar } from '../../../ui/ProgressBar';
import { StepLog } from '../run/StepLog';
import { explainCode } from '../../../ui/error-text';
import { type RunState, focusRunStatus, isRunActive, needsPukRecovery, progressPercent, stepNames } from '../run/run-progress';
import { useFocusOnChange } from '../../../ui/use-focus-on-change';
import { useApp } from '../../../state/store-context';
import { useShellParts } from '../../../ui/shell-parts';
import { vaultNeed } from '../../../state/vault-need';

/** Follows the run step by step; a stopped one can be resumed, repaired or given up here. */
export function RunStep() {
  const run = useApp((state) => state.run);
  return (
    <div className="step-body">
      <ErrorNotices areas={['run']} />
      <RunProgress run={run} />
    </div>
  );
}

function RunProgress({ run }: { run: RunState }) {
  const { t } = useTranslation('sign-de');
  const cancelRun = useApp((state) => state.cancelRun);
  const resumeRun = useApp((state) => state.resumeRun);
  const openRecovery = useApp((state) => state.openRecovery);
  const resetWizard = useApp((state) => state.resetWizard);
  const resuming = useApp((state) => state.busy.resumeRun === true || state.busy.repairRun === true);
  const locked = useApp((state) => vaultNeed(state.vault) === 'unlock');
  const { VaultCard } = useShellParts();
  const percent = progressPercent(run);
  const currentName = run.current ? t(`run.steps.${run.current}`) : t('run.waiting');
  const index = run.current ? stepNames.indexOf(run.current) + 1 : 0;
  const active = isRunActive(run.phase);
  const status = useFocusOnChange<RunState['phase'], HTMLParagraphElement>(run.phase, focusRunStatus);

  return (
    <>
      <p className="run__store">
        {run.storeName}
        {run.environment && <span className="tag">{t(`environment.names.${run.environment}`)}</span>}
      </p>
      <ProgressBar
        percent={percent}
        label={t('run.progressLabel')}
        valueText={t('run.progressValue', { percent, step: currentName, index, total: run.total || '…' })}
      />
      <p className="run__phase" role="status" ref={status} tabIndex={-1}>
        {t(`run.phase.${run.phase}`, { step: currentName })}
        {run.retry && active && ` ${t('run.retrying', { attempt: run.retry.attempt, attempts: run.retry.attempts })}`}
      </p>
      <StepLog run={run} />
      {active && (
        <div className="actions">
          <button type="button" className="button" aria-disabled={run.phase === 'cancelling' || !run.runId || undefined} onClick={() => run.phase !== 'cancelling' && void cancelRun()}>
            {run.phase === 'cancelling' ? t('run.cancelling') : t('run.cancel')}
          </button>
          <p className="muted">{t('run.cancelHint')}</p>
        </div>
      )}
      {active && <ActionError operations={['cancelRun']} />}
      {run.phase === 'failed' && run.error && <RunFailure run={run} onRecovery={() => openRecovery(run.tssId, 'blocked')} />}
      {run.phase === 'cancelled' && <p className="callout">{t('run.cancelledNotice', { step: currentName })}</p>}
      {/* A stopped run's PIN and PUK are in the vault: a locked one is unlocked here, before Resume. */}
      {(run.phase === 'failed' || run.phase === 'cancelled') && locked && <VaultCard showExport={false} level={3} errorAreas={[]} />}
      {(run.phase === 'failed' || run.phase === 'cancelled') && run.runId && (
        <div className="actions">
          <button type="button" className="button button--primary" aria-disabled={resuming || undefined} onClick={() => !resuming && void resumeRun(run.runId!)}>
            {t('run.resume')}
          </button>
          <button type="button" className="button" aria-disabled={resuming || undefined} onClick={() => !resuming && void resumeRun(run.runId!, { repair: true })}>
            {t('unfinished.repair')}
          </button>
          <button type="button" className="button" onClick={() => resetWizard()}>
            {t('run.startOver')}
          </button>
        </div>
      )}
      {(run.phase === 'failed' || run.phase === 'cancelled') && run.runId && <ActionError operations={['resumeRun', 'repairRun']} />}
      {/* A done run goes on to its receipt by itself (WizardScreen follows the run). */}
      {run.phase === 'done' && (
        <div className="callout callout--success">
          <p>{t('run.doneNotice')}</p>
        </div>
      )}
    </>
  );
}

function RunFailure({ run, onRecovery }: { run: RunState; onRecovery(): void }) {
  const { t } = useTranslation('sign-de');
  const error = run.error!;
  const text = explainCode(t, error);
  const blocked = needsPukRecovery(error);
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{t('run.failedTitle', { step: t(`run.steps.${error.step}`) })}</p>
      <p>{text.detail}</p>
      <p>{text.next || (blocked ? t('run.failedNextRecovery') : t('run.failedNextResume'))}</p>
      <p className="notice__code">
        {t('errors.codeLabel')} <code>{error.code}</code>
      </p>
      {blocked && (
        <div className="notice__actions">
          <button type="button" className="button button--primary" onClick={onRecovery}>
            {t('run.openRecovery')}
          </button>
        </div>
      )}
    </div>
  );
}
