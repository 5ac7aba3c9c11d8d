import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CLIENTS } from '../../../../../preload/contract/sign-de/store-rules';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { ActionError } from '../../../ui/ActionError';
import { PassphraseConfirmDialog } from '../../../ui/PassphraseConfirmDialog';
import { TypedConfirmation } from '../../../ui/TypedConfirmation';
import { LIVE_KEYWORD, isTypedConfirmation } from '../../../state/confirmation';
import { startNeedsConfirmation, startNeedsPassphrase } from '../run/run-slice';
import { useApp } from '../../../state/store-context';
import { PlanReview } from './PlanReview';
import { type StepProblems, tssDescriptionOf } from './wizard-rules';
import { problemText } from './problem-text';

/**
 * The plan page's end: what will be set up, and the start (LIVE after a typed confirmation; LIVE and an own
 * PIN with the vault passphrase). While the plan is incomplete, the button says beside it what is missing.
 */
export function StartPlan({ problems, onBlocked }: { problems: StepProblems; onBlocked(): void }) {
  const { t } = useTranslation('sign-de');
  const draft = useApp((state) => state.wizard.draft);
  const environment = useApp((state) => state.settings?.environment ?? null);
  const startRun = useApp((state) => state.startRun);
  const busy = useApp((state) => state.busy.startRun === true);
  const [typed, setTyped] = useState('');
  /** The typed confirmation of a start that waits for the passphrase; null while no dialog is open. */
  const [awaitingPassphrase, setAwaitingPassphrase] = useState<string | null>(null);
  const titleId = useId();
  const missingId = useId();
  const live = startNeedsConfirmation(environment);
  const reasons = [...new Set(Object.values(problems))];
  const confirmed = !live || isTypedConfirmation(typed, LIVE_KEYWORD, draft.storeName);
  const ready = reasons.length === 0 && confirmed;

  const start = () => {
    if (busy) return;
    if (!ready) {
      onBlocked();
      return;
    }
    if (startNeedsPassphrase(environment, draft.pinMode)) setAwaitingPassphrase(typed);
    else void startRun(typed);
  };

  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h3 id={titleId} className="subsection__title">
        {t('wizard.sections.review')}
      </h3>
      <p className="muted">{t('wizard.run.intro')}</p>
      <PlanFacts />
      <PlanReview />
      {live && (
        <div className="callout callout--danger">
          <p>
            <strong>{t('wizard.run.liveWarning')}</strong>
          </p>
          <TypedConfirmation storeName={draft.storeName.trim()} keyword={LIVE_KEYWORD} value={typed} onChange={setTyped} hint={t('wizard.run.liveHint')} />
        </div>
      )}
      <ErrorNotices areas={['run']} />
      <div className="actions">
        <button
          type="button"
          className={`button ${live ? 'button--danger' : 'button--primary'}`}
          aria-disabled={!ready || busy || undefined}
          aria-describedby={ready ? undefined : missingId}
          onClick={start}
        >
          {busy ? t('common.working') : live ? t('wizard.run.startLive') : t('wizard.run.start')}
        </button>
        {!ready && (
          <div id={missingId} className="muted" role="status">
            <p>{t('wizard.notYet')}</p>
            <ul>
              {reasons.map((reason) => (
                <li key={reason}>{problemText(t, reason)}</li>
              ))}
              {reasons.length === 0 && <li>{t('wizard.run.confirmMissing')}</li>}
            </ul>
          </div>
        )}
      </div>
      {/* While the passphrase dialog is open it shows the error itself, where the passphrase was typed. */}
      <ActionError operations={['startRun']} hidden={awaitingPassphrase !== null} />
      <StartConfirmDialog typed={awaitingPassphrase} onClose={() => setAwaitingPassphrase(null)} />
    </section>
  );
}

/** Environment, organization, name, TSS description, PIN and the tills' serials, as they will be set up. */
function PlanFacts() {
  const { t } = useTranslation('sign-de');
  const draft = useApp((state) => state.wizard.draft);
  const environment = useApp((state) => state.settings?.environment ?? null);
  const organization = useApp((state) => state.organizations?.find((entry) => entry.id === state.wizard.draft.organizationId) ?? null);
  const description = tssDescriptionOf(draft);
  return (
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
      <dd>{draft.storeName.trim() || '—'}</dd>
      <dt>{t('wizard.run.tssDescription')}</dt>
      <dd>{description || '—'}</dd>
      <dt>{t('wizard.run.pin')}</dt>
      <dd>{draft.pinMode === 'generate' ? t('pin.generate') : t('pin.own')}</dd>
      <dt>{t('clients.title')}</dt>
      <dd>
        {t('wizard.run.tillCount', { count: draft.clients.length, max: MAX_CLIENTS })}
        {draft.clients.length > 0 && (
          <>
            {': '}
            {draft.clients.map((serial, index) => (
              <span key={`${serial}-${index}`}>
                {index > 0 && ', '}
                <code>{serial}</code>
              </span>
            ))}
          </>
        )}
      </dd>
    </dl>
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
