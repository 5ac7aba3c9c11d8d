import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperWidth } from './receipt-slice';
import { useApp } from '../../../state/store-context';
import { ChoiceGroup } from '../../../ui/ChoiceGroup';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { PrintPanel } from './PrintPanel';
import { printerChoice } from './printer-prefs';
import { ReceiptPreview } from './ReceiptPreview';
import { VerificationBadge } from './VerificationBadge';

/** A run's test receipt: loaded and verified, previewed at 80 or 58 mm, and printed. */
export function ReceiptPanel({ runId }: { runId: string }) {
  const { t } = useTranslation('sign-de');
  const receiptRunId = useApp((state) => state.receiptRunId);
  const receipt = useApp((state) => state.receipt);
  const verification = useApp((state) => state.verification);
  const loadReceipt = useApp((state) => state.loadReceipt);
  const verifyReceipt = useApp((state) => state.verifyReceipt);
  const loading = useApp((state) => state.busy.loadReceipt === true);
  const verifying = useApp((state) => state.busy.verifyReceipt === true);
  const settings = useApp((state) => state.settings);
  const rememberPrinter = useApp((state) => state.rememberPrinter);
  // The paper width this laptop used last, until the technician picks one here.
  const remembered = useMemo(() => printerChoice(settings).paperWidth, [settings]);
  const [picked, setPicked] = useState<PaperWidth | null>(null);
  const width = picked ?? remembered;
  const shown = receiptRunId === runId ? receipt : null;

  useEffect(() => {
    if (receiptRunId !== runId) void loadReceipt(runId);
  }, [runId, receiptRunId, loadReceipt]);

  return (
    <div className="receipt-panel">
      <ErrorNotices areas={['receipt']} />
      {shown === null ? (
        <p className="muted" role="status">
          {loading ? t('receipt.loading') : t('receipt.notLoaded')}
        </p>
      ) : (
        <>
          <ChoiceGroup<'80' | '58'>
            compact
            legend={t('receipt.widthLegend')}
            value={String(width) as '80' | '58'}
            onChange={(value) => {
              const chosen = value === '58' ? 58 : 80;
              setPicked(chosen);
              void rememberPrinter({ paperWidth: chosen });
            }}
            choices={[
              { value: '80', label: t('receipt.width80') },
              { value: '58', label: t('receipt.width58') },
            ]}
          />
          <div className="receipt-panel__body">
            <ReceiptPreview model={shown} width={width} />
            <div className="receipt-panel__side">
              <VerificationBadge verification={verification} busy={verifying} onRecheck={() => void verifyReceipt()} />
              <PrintPanel width={width} />
            </div>
          </div>
        </>
      )}
      {shown === null && !loading && (
        <div className="actions">
          <button type="button" className="button" onClick={() => void loadReceipt(runId)}>
            {t('receipt.load')}
          </button>
        </div>
      )}
    </div>
  );
}
