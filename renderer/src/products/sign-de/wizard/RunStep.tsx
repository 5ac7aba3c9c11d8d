import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CLIENTS } from '../../../../../preload/contract/sign-de/store-rules';
import { ActionError } from '../../../ui/ActionError';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { PassphraseConfirmDialog } from '../../../ui/PassphraseConfirmDialog';
import { ProgressBar } from '../../../ui/ProgressBar';
import { StepLog } from '../run/StepLog';
import { TypedConfirmation } from '../../../ui/TypedConfirmation';
import { explainCode } from '../../../ui/error-text';
import { LIVE_KEYWORD, isTypedConfirmation } from '../../../state/confirmation';
import { type RunState, focusRunStatus, isRunActive, needsPukRecovery, progressPercent, stepNames } from '../run/run-progress';
import { useFocusOnChange } from '../../../ui/use-focus-on-change';
import { startNeedsConfirmation, startNeedsPassphrase } from '../run/run-slice';
import { useApp } from '../../../state/store-context';
import { useShellParts } from '../../../ui/shell-parts';
import { vaultNeed } from '../../../state/vault-need';
import { PlanReview } from './PlanReview';

/**
 * Starts the plan (LIVE after a typed confirmation; LIVE and an own PIN with the vault passphrase), then
 * follows the run step by step. The passphrase dialog lives here, not in the start form, so it stays open
 * with main's answer while the run is briefly shown as starting.
 */
export function RunStep() {
  const run = useApp((state) => state.run);
  /** The typed confirmation of a start that waits for the passphrase; null while no dialog is open. */
  const [awaitingPassphrase, setAwaitingPassphrase] = useState<string | null>(null);
  return (
    <div className="step-body">
      <ErrorNotices areas={['run']} />
      {run.phase === 'idle' ? <StartRun onNeedPassphrase={setAwaitingPassphrase} asking={awaitingPassphrase !== null} /> : <RunProgress run={run} />}
      <StartConfirmDialog typed={awaitingPassphrase} onClose={() => setAwaitingPassphrase(null)} />
    </div>
  );
}

function StartConfirmDialog({ typed, onClose }: { typed: string | null; onClose(): void }) {
  const { t } = useTranslation('sign-de');
  const draft = useApp((state) => state.wizard.draft);
  const environment = useApp((state) => state.settings?.environment ?? null);
  const startRun = useApp((state) => state.startRun);
  const live = environment === 'live';
  const name = draft.storeName.trim();
  return (
    <PassphraseConfirmDialog
      open={typed !== null}
      title={live ? t('passphraseConfirm.startLiveTitle') : t('passphraseConfirm.startTitle')}
      body={
        <>
          {live && <p>{t('passphraseConfirm.startLiveBody', { name })}</p>}
          {draft.pinMode === 'own' && <p>{t('passphraseConfirm.startOwnPinBody', { name })}</p>}
        </>
      }
      confirmLabel={live ? t('wizard.run.startLive') : t('passphraseConfirm.startConfirm')}
      operation="startRun"
      onPassphrase={async (passphrase) => {
        const started = await startRun(typed ?? '', passphrase);
        if (started) onClose();
        return started;
      }}
      onCancel={onClose}
      danger={live}
    />
  );
}

function StartRun({ onNeedPassphrase, asking }: { onNeedPassphrase(typed: string): void; asking: boolean }) {
  const { t } = useTranslation('sign-de');
  const draft = useApp((state) => state.wizard.draft);
  const environment = useApp((state) => state.settings?.environment ?? null);
  const organization = useApp((state) => state.organizations?.find((entry) => entry.id === state.wizard.draft.organizationId) ?? null);
  const startRun = useApp((state) => state.startRun);
  const busy = useApp((state) => state.busy.startRun === true);
  const [typed, setTyped] = useState('');
  const live = startNeedsConfirmation(environment);
  const confirmed = !live || isTypedConfirmation(typed, LIVE_KEYWORD, draft.storeName);
  const needsPassphrase = startNeedsPassphrase(environment, draft.pinMode);

  return (
    <>
      <p>{t('wizard.run.intro')}</p>
      <dl className="facts">
        <dt>{t('settings.environmentLegend')}</dt>
        <dd>{environment ? t(`environment.names.${environment}`) : '—'}</dd>
        {environment !== 'sandbox' && (
          <>
            <dt>{t('wizard.connect.organizationLabel')}</dt>
            <dd>{organization?.label ?? '—'}</dd>
          </>
        )}
        <dt>{t('wizard.store.nameLabel')}</dt>
        <dd>{draft.storeName.trim()}</dd>
        <dt>{t('wizard.run.pin')}</dt>
        <dd>{draft.pinMode === 'generate' ? t('pin.generate') : t('pin.own')}</dd>
        <dt>{t('clients.title')}</dt>
        <dd>{t('clients.count', { count: draft.clients.length, max: MAX_CLIENTS })}</dd>
      </dl>
      <PlanReview />
      {live && (
        <div className="callout callout--danger">
          <p>
            <strong>{t('wizard.run.liveWarning')}</strong>
          </p>
          <TypedConfirmation storeName={draft.storeName.trim()} keyword={LIVE_KEYWORD} value={typed} onChange={setTyped} hint={t('wizard.run.liveHint')} />
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className={`button ${live ? 'button--danger' : 'button--primary'}`}
          aria-disabled={!confirmed || busy || undefined}
          onClick={() => {
            if (!confirmed || busy) return;
            if (needsPassphrase) onNeedPassphrase(typed);
            else void startRun(typed);
          }}
        >
          {busy ? t('common.working') : live ? t('wizard.run.startLive') : t('wizard.run.start')}
        </button>
      </div>
      {/* While the passphrase dialog is open it shows the error itself, where the passphrase was typed. */}
      <ActionError operations={['startRun']} hidden={asking} />
    </>
  );
}

function RunProgress({ run }: { run: RunState }) {
  const { t } = useTranslation('sign-de');
  const cancelRun = useApp((state) => state.cancelRun);
  const resumeRun = useApp((state) => state.resumeRun);
  const openRecovery = useApp((state) => state.openRecovery);
  const resetWizard = useApp((state) => state.resetWizard);
  const wizardNext = useApp((state) => state.wizardNext);
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
      <ActionError operations={['resumeRun', 'repairRun']} />
      {run.phase === 'done' && (
        <div className="callout callout--success">
          <p>{t('run.doneNotice')}</p>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={() => wizardNext()}>
              {t('run.toReceipt')}
            </button>
          </div>
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
