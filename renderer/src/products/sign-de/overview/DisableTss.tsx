import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TssOverview } from '../../../../../preload/contract/sign-de/tss';
import { PassphraseConfirmDialog } from '../../../ui/PassphraseConfirmDialog';
import { TypedConfirmation } from '../../../ui/TypedConfirmation';
import { DISABLE_KEYWORD, isTypedConfirmation } from '../../../state/confirmation';
import { useApp } from '../../../state/store-context';

/**
 * Disabling a TSS is final: it needs the store's name (or DISABLE) typed, then the vault passphrase that
 * main checks; LIVE says so loudly.
 */
export function DisableTss({ overview, storeName }: { overview: TssOverview; storeName: string | null }) {
  const { t } = useTranslation('sign-de');
  const disableTss = useApp((state) => state.disableTss);
  const busy = useApp((state) => state.busy.disableTss === true);
  const [typed, setTyped] = useState('');
  const [asking, setAsking] = useState(false);
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
    if (!confirmed || busy) return;
    setAsking(true);
  };

  const disableWith = async (passphrase: string) => {
    const disabled = await disableTss(typed, passphrase);
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
