import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TssOverview } from '../../../../preload/contract/workbench';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useApp } from '../../state/store-context';

/** ACTIVE transactions n/2000 and closing the stale ones, after a confirmation. */
export function StaleTransactions({ overview }: { overview: TssOverview }) {
  const { t } = useTranslation();
  const closeStale = useApp((state) => state.closeStale);
  const busy = useApp((state) => state.busy.closeStale === true);
  const [asking, setAsking] = useState(false);
  const [closed, setClosed] = useState<number | null>(null);
  const titleId = useId();
  const none = overview.activeTransactions === 0;

  const confirm = async () => {
    setAsking(false);
    setClosed(null);
    setClosed(await closeStale());
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('overview.activeTitle')}
      </h2>
      <p>{t('overview.activeCount', { count: overview.activeTransactions, max: overview.maxActiveTransactions })}</p>
      <p className="muted">{t('overview.activeHint')}</p>
      <div className="actions">
        <button type="button" className="button" aria-disabled={busy || none || undefined} onClick={() => !busy && !none && setAsking(true)}>
          {busy ? t('common.working') : t('overview.closeStale')}
        </button>
      </div>
      <p className="saved" role="status">
        {closed !== null && t('overview.closedStale', { count: closed })}
      </p>
      <ConfirmDialog
        open={asking}
        title={t('overview.closeStaleTitle')}
        body={<p>{t('overview.closeStaleBody', { count: overview.activeTransactions })}</p>}
        confirmLabel={t('overview.closeStaleConfirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      />
    </section>
  );
}
