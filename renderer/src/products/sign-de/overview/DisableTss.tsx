import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TssOverview } from '../../../../../preload/contract/sign-de/tss';
import { PassphraseConfirmDialog } from '../../../ui/PassphraseConfirmDialog';
import { TypedConfirmation } from '../../../ui/TypedConfirmation';
import { DISABLE_KEYWORD, isTypedConfirmation } from '../../../state/confirmation';
import { useApp } from '../../../state/store-context';
import { DecommissionFields } from './DecommissionFields';
import { type DecommissionDraft, decommissionProblems, todayIso, toDecommissioning } from './decommission';

/**
 * Disabling a TSS is final: it needs the store's name (or DISABLE) typed, the date and reason the TSE is
 * taken out of use (for the notification), then the vault passphrase that main checks; LIVE says so loudly.
 */
export function DisableTss({ overview, storeName }: { overview: TssOverview; storeName: string | null }) {
  const { t } = useTranslation('sign-de');
  const disableTss = useApp((state) => state.disableTss);
  const busy = useApp((state) => state.busy.disableTss === true);
  const [typed, setTyped] = useState('');
  const [asking, setAsking] = useState(false);
  const [decommissioning, setDecommissioning] = useState<DecommissionDraft>({ date: todayIso(), reason: '' });
  const [tried, setTried] = useState(false);
  const titleId = useId();
  const live = overview.environment === 'live';
  const confirmed = isTypedConfirmation(typed, DISABLE_KEYWORD, storeName);

  if (overview.state === 'DISABLED') {
    return (
      <section className="card" aria-labelledby={titleId}>
        <h2 id={titleId} className="card__title">
          {t('overview.disableTitle')}
        </h2>
        <p>{t('overview.alreadyDisabled')}</p>
      </section>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!confirmed || busy || Object.keys(decommissionProblems(decommissioning)).length > 0) return;
    setAsking(true);
  };

  const disableWith = async (passphrase: string) => {
    const disabled = await disableTss(typed, passphrase, toDecommissioning(decommissioning));
    if (disabled) {
      setAsking(false);
      setTyped('');
    }
    return disabled;
  };

  return (
    <section className={`card card--danger${live ? ' card--live' : ''}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('overview.disableTitle')}
      </h2>
      {live ? (
        <p className="callout callout--danger">
          <strong>{t('overview.disableLiveWarning')}</strong>
        </p>
      ) : (
        <p>{t('overview.disableWarning')}</p>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <DecommissionFields
          value={decommissioning}
          onChange={setDecommissioning}
          showErrors={tried}
          dateLabel={t('overview.disableDateLabel')}
          reasonLabel={t('overview.disableReasonLabel')}
          reasonHint={t('overview.disableReasonHint')}
        />
        <TypedConfirmation storeName={storeName} keyword={DISABLE_KEYWORD} value={typed} onChange={setTyped} hint={t('overview.disableHint')} />
        <div className="form__actions">
          <button type="submit" className="button button--danger" aria-disabled={!confirmed || busy || undefined}>
            {busy ? t('common.working') : t('overview.disableButton')}
          </button>
        </div>
      </form>
      <PassphraseConfirmDialog
        open={asking}
        title={t('passphraseConfirm.disableTitle', { name: storeName ?? overview.tssId })}
        body={<p>{live ? t('overview.disableLiveWarning') : t('passphraseConfirm.disableBody')}</p>}
        confirmLabel={t('passphraseConfirm.disableConfirm')}
        operation="disableTss"
        onPassphrase={disableWith}
        onCancel={() => setAsking(false)}
        danger
      />
    </section>
  );
}
