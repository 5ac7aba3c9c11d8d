import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { useApp } from '../../../state/store-context';
import { useShellParts } from '../../../ui/shell-parts';
import { HandoverReport } from '../receipt/ReceiptScreen';

/** The handover report for the store, and the recovery file for the PINs and PUK. */
export function HandoverStep() {
  const { t } = useTranslation('sign-de');
  const { ExportRecoveryForm } = useShellParts();
  const runId = useApp((state) => state.run.runId);
  const backupId = useId();
  return (
    <div className="step-body">
      <p>{t('wizard.handover.intro')}</p>
      {runId ? <HandoverReport runId={runId} level={3} /> : <ErrorNotices areas={['handover']} />}
      <section className="card" aria-labelledby={backupId}>
        <h3 id={backupId} className="card__title">
          {t('backup.exportTitle')}
        </h3>
        <ErrorNotices areas={['backup']} />
        <ExportRecoveryForm />
      </section>
    </div>
  );
}
