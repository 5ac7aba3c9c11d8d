import { useTranslation } from 'react-i18next';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { ReceiptPanel } from '../receipt/ReceiptPanel';
import { useApp } from '../../../state/store-context';

/** The run's test receipt: preview, verification and printing. */
export function ReceiptStep() {
  const { t } = useTranslation('sign-de');
  const runId = useApp((state) => state.run.runId);
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
    </div>
  );
}
