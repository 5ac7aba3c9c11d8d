import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../../../../preload/contract/core/result';
import { FailureDetail } from '../../../ui/FailureDetail';
import { useApp } from '../../../state/store-context';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';

/** Empties the built-in sandbox while the app runs, after a question; shown with the settings. */
export function SandboxResetCard() {
  const { t } = useTranslation('sign-de');
  const titleId = useId();
  const seedId = useId();
  const resetSandbox = useApp((state) => state.resetSandbox);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [withV1Store, setWithV1Store] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; error: BridgeError } | null>(null);

  const reset = async () => {
    setAsking(false);
    setBusy(true);
    setOutcome(null);
    const result = await resetSandbox(withV1Store ? 'v1-store' : undefined);
    setBusy(false);
    setOutcome(result.ok ? { ok: true } : { ok: false, error: result.error });
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('sandboxReset.title')}
      </h2>
      <p className="muted">{t('sandboxReset.hint')}</p>
      <div className="checkbox">
        <input id={seedId} type="checkbox" checked={withV1Store} disabled={busy} onChange={(event) => setWithV1Store(event.target.checked)} />
        <label htmlFor={seedId}>{t('sandboxReset.withV1Store')}</label>
      </div>
      <div className="actions">
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => !busy && setAsking(true)}>
          {busy ? t('common.working') : t('sandboxReset.button')}
        </button>
      </div>
      <p className="saved" role="status">
        {outcome?.ok ? t('sandboxReset.done') : ''}
      </p>
      {outcome && !outcome.ok && (
        <div className="notice notice--error" role="alert">
          <span className="notice__title">{t('sandboxReset.failed')}</span>
          <FailureDetail error={outcome.error} />
        </div>
      )}
      <ConfirmDialog
        open={asking}
        danger
        title={t('sandboxReset.confirmTitle')}
        body={<p>{t('sandboxReset.confirmBody')}</p>}
        confirmLabel={t('sandboxReset.confirm')}
        cancelLabel={t('sandboxReset.cancel')}
        onConfirm={() => void reset()}
        onCancel={() => setAsking(false)}
      />
    </section>
  );
}
