import { useTranslation } from 'react-i18next';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { ReceiptPanel } from '../receipt/ReceiptPanel';
import { useApp } from '../../../state/store-context';
import { StoreDocuments } from './StoreDocuments';

/** The run's test receipt (preview, verification, printing) and the store's documents, on one page. */
export function ReceiptStep() {
  const { t } = useTranslation('sign-de');
  const runId = useApp((state) => state.run.runId);
  const tssId = useApp((state) => state.run.tssId);
  return (
    <div className="step-body">
      <p>{t('wizard.receipt.intro')}</p>
      {runId ? (
        <ReceiptPanel runId={runId} />
      ) : (
        <>
          <ErrorNotices areas={['receipt']} />
          <p className="muted">{t('receipt.noneChosen')}</p>
        </>
      )}
      {tssId ? <StoreDocuments tssId={tssId} /> : <ErrorNotices areas={['store', 'handover', 'backup']} />}
    </div>
  );
}
