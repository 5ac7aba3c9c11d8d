import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedFile } from '../../../../../preload/contract/core/files';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { SaveFileButton } from '../../../ui/SaveFileButton';
import { SavedPath } from '../../../ui/SavedPath';
import { ReceiptPanel } from './ReceiptPanel';
import { useApp } from '../../../state/store-context';

/** A finished run's test receipt, opened from Home: preview, check, print, and its handover report. */
export function ReceiptScreen() {
  const { t } = useTranslation('sign-de');
  const runId = useApp((state) => state.receiptRunId);
  const storeName = useApp((state) => state.runs?.find((run) => run.runId === state.receiptRunId)?.storeName ?? null);
  const navigate = useApp((state) => state.navigate);
  const panelId = useId();

  return (
    <div className="screen">
      <h1 className="screen__title" tabIndex={-1}>
        {t('receipt.title')}
      </h1>
      {storeName && <p className="screen__subtitle">{storeName}</p>}
      <div className="actions actions--lead">
        <button type="button" className="button" onClick={() => navigate('home')}>
          {t('common.backHome')}
        </button>
      </div>
      {runId ? (
        <>
          <section className="card" aria-labelledby={panelId}>
            <h2 id={panelId} className="card__title">
              {t('receipt.panelTitle')}
            </h2>
            <ReceiptPanel runId={runId} />
          </section>
          <HandoverReport runId={runId} />
        </>
      ) : (
        <>
          <ErrorNotices areas={['receipt', 'handover']} />
          <p className="muted">{t('receipt.noneChosen')}</p>
        </>
      )}
    </div>
  );
}

/** report:handover: the store's handover report (ELSTER data, clients, TSS) saved as a file. */
export function HandoverReport({ runId, level = 2 }: { runId: string; level?: 2 | 3 }) {
  const { t } = useTranslation('sign-de');
  const handoverReport = useApp((state) => state.handoverReport);
  const busy = useApp((state) => state.busy.handoverReport === true);
  const storeName = useApp((state) => state.runs?.find((run) => run.runId === runId)?.storeName ?? state.run.storeName);
  const [saved, setSaved] = useState<SavedFile | null>(null);
  const titleId = useId();
  const Title = level === 2 ? 'h2' : 'h3';
  return (
    <section className="card" aria-labelledby={titleId}>
      <Title id={titleId} className="card__title">
        {t('handover.reportTitle')}
      </Title>
      <p>{t('handover.reportIntro')}</p>
      <ErrorNotices areas={['handover']} />
      <div className="actions">
        <SaveFileButton
          label={t('handover.reportButton')}
          busy={busy}
          operation="handoverReport"
          destination={{ mode: 'folder', store: storeName }}
          save={(destination) => handoverReport(runId, destination)}
          onSaved={setSaved}
          primary
        />
      </div>
      <SavedPath file={saved} />
    </section>
  );
}
