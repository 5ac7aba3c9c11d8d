import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../../../preload/contract/core/result';
import { FailureDetail } from '../../ui/FailureDetail';
import { type SaveTarget, type SavedFile, supportBundleName } from '../../../../preload/contract/core/files';
import { useApp } from '../../state/store-context';
import { SaveFileButton } from '../../ui/SaveFileButton';
import { SavedPath } from '../../ui/SavedPath';

/** The support bundle (one ZIP, no secret in it) and the way to the vault's activity log. */
export function SupportCard() {
  const { t } = useTranslation();
  const titleId = useId();
  const saveSupportBundle = useApp((state) => state.saveSupportBundle);
  const navigate = useApp((state) => state.navigate);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<SavedFile | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);

  const save = async (destination: SaveTarget): Promise<SavedFile | null> => {
    setBusy(true);
    setFailure(null);
    const result = await saveSupportBundle(destination);
    setBusy(false);
    if (result.ok) return result.value;
    setFailure(result.error);
    return null;
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('support.title')}
      </h2>
      <p className="muted">{t('support.hint')}</p>
      <div className="actions">
        <SaveFileButton
          label={t('support.bundle')}
          busy={busy}
          destination={() => ({ mode: 'file', name: supportBundleName(new Date()), filter: 'zip' })}
          operation="saveSupportBundle"
          save={save}
          onSaved={setSaved}
        />
        <button type="button" className="button" onClick={() => navigate('activity')}>
          {t('support.activity')}
        </button>
      </div>
      {failure && (
        <div className="notice notice--error" role="alert">
          <span className="notice__title">{t('support.failed')}</span>
          <FailureDetail error={failure} />
        </div>
      )}
      <SavedPath file={saved} label={t('support.saved')} />
    </section>
  );
}
