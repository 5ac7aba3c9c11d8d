import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunReport } from '../../../../../preload/contract/sign-de/runs';
import { ActionError } from '../../../ui/ActionError';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { explainCode } from '../../../ui/error-text';
import { isRunActive, isStepName, journalPosition, needsPukRecovery } from '../run/run-progress';
import { unfinishedRunOperations, unfinishedRuns } from './home-row-actions';
import { RunStatusText } from './run-status-text';
import { useApp } from '../../../state/store-context';

/** Runs that stopped (failed, cancelled, or cut off while running): where and why, and a way on. */
export function UnfinishedRunsCard() {
  const { t } = useTranslation('sign-de');
  const runs = useApp((state) => state.runs);
  const titleId = useId();
  const unfinished = unfinishedRuns(runs);
  if (unfinished.length === 0) return null;

  return (
    <section className="card card--attention" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('unfinished.title')}
      </h2>
      <p className="muted">{t('unfinished.intro')}</p>
      <p className="muted">{t('unfinished.repairHint')}</p>
      <ul className="store-list" aria-labelledby={titleId}>
        {unfinished.map((run) => (
          <UnfinishedRun key={run.runId} run={run} />
        ))}
      </ul>
    </section>
  );
}

function UnfinishedRun({ run }: { run: RunReport }) {
  const { t } = useTranslation('sign-de');
  const followed = useApp((state) => state.run);
  const resumeRun = useApp((state) => state.resumeRun);
  const navigate = useApp((state) => state.navigate);
  const openRecovery = useApp((state) => state.openRecovery);
  const abandonRun = useApp((state) => state.abandonRun);
  const resuming = useApp((state) => state.busy.resumeRun === true || state.busy.repairRun === true);
  const abandoning = useApp((state) => state.busy.abandonRun === true);
  const [confirmingAbandon, setConfirmingAbandon] = useState(false);
  const activeHere = followed.runId === run.runId && isRunActive(followed.phase);
  const otherActive = isRunActive(followed.phase) && followed.runId !== run.runId;
  const elsewhere = run.busyElsewhere === true && !activeHere;
  const blocked = resuming || otherActive || elsewhere;
  const explanation = run.error ? explainCode(t, run.error) : null;
  // Its journal says where it is, without the vault: the step it stopped at and how many are done.
  const position = journalPosition(run);
  const interrupted = run.status === 'running' && !activeHere && !elsewhere;
  const named = (visible: string) => ({ 'aria-label': `${visible}: ${run.storeName}` });

  return (
    <li className="store-item">
      <h3 className="store-item__title">{run.storeName}</h3>
      <dl className="facts facts--compact">
        <dt>{t('settings.environmentLegend')}</dt>
        <dd>{t(`environment.names.${run.environment}`)}</dd>
        <dt>{t('stores.setup')}</dt>
        <dd>
          <RunStatusText run={run} />
        </dd>
        {interrupted && !run.error && position.step && (
          <>
            <dt>{t('unfinished.stoppedAt')}</dt>
            <dd>{t(`run.steps.${position.step}`)}</dd>
            <dt>{t('unfinished.why')}</dt>
            <dd>{t('unfinished.interruptedWhy')}</dd>
          </>
        )}
        {run.error && (
          <>
            <dt>{t('unfinished.stoppedAt')}</dt>
            <dd>{isStepName(run.error.step) ? t(`run.steps.${run.error.step}`) : run.error.step}</dd>
            <dt>{t('unfinished.why')}</dt>
            <dd>
              {explanation?.detail} {explanation?.next} <code className="notice__code">{run.error.code}</code>
            </dd>
          </>
        )}
      </dl>
      <div className="actions">
        {activeHere ? (
          <button type="button" className="button button--primary" {...named(t('unfinished.showProgress'))} onClick={() => navigate('wizard')}>
            {t('unfinished.showProgress')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button button--primary"
              {...named(t('unfinished.resume'))}
              aria-disabled={blocked || undefined}
              onClick={() => !blocked && void resumeRun(run.runId)}
            >
              {t('unfinished.resume')}
            </button>
            <button
              type="button"
              className="button"
              {...named(t('unfinished.repair'))}
              aria-disabled={blocked || undefined}
              onClick={() => !blocked && void resumeRun(run.runId, { repair: true })}
            >
              {t('unfinished.repair')}
            </button>
            <button
              type="button"
              className="button"
              {...named(t('unfinished.abandon'))}
              aria-disabled={abandoning || elsewhere || undefined}
              onClick={() => !abandoning && !elsewhere && setConfirmingAbandon(true)}
            >
              {t('unfinished.abandon')}
            </button>
          </>
        )}
        {needsPukRecovery(run.error) && (
          <button type="button" className="button" {...named(t('unfinished.openRecovery'))} onClick={() => openRecovery(run.tssId || null, 'blocked')}>
            {t('unfinished.openRecovery')}
          </button>
        )}
      </div>
      <ActionError operations={unfinishedRunOperations} subject={run.runId} />
      {otherActive && <p className="muted">{t('unfinished.otherActive')}</p>}
      {elsewhere && <p className="muted">{t('unfinished.busyElsewhere')}</p>}
      <ConfirmDialog
        open={confirmingAbandon}
        title={t('unfinished.abandonTitle')}
        body={<p>{t('unfinished.abandonBody')}</p>}
        confirmLabel={t('unfinished.abandonConfirm')}
        cancelLabel={t('unfinished.abandonCancel')}
        danger
        onCancel={() => setConfirmingAbandon(false)}
        onConfirm={() => {
          setConfirmingAbandon(false);
          void abandonRun(run.runId);
        }}
      />
    </li>
  );
}
