import { useId, useState } from 'react';
import type { HandoverFiles } from '../../../../../preload/contract/sign-de/store-record';
import { useTranslation } from 'react-i18next';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { SaveFileButton } from '../../../ui/SaveFileButton';
import { useApp } from '../../../state/store-context';
import { useShellParts } from '../../../ui/shell-parts';
import { HandoverFilesList } from '../overview/HandoverCard';

/** The § 146a(4) AO handover (PDF, JSON, XML) and the recovery file for the PINs and PUK. */
export function HandoverStep() {
  const { t } = useTranslation('sign-de');
  const { ExportRecoveryForm } = useShellParts();
  const tssId = useApp((state) => state.run.tssId);
  const backupId = useId();
  return (
    <div className="step-body">
      <p>{t('wizard.handover.intro')}</p>
      {tssId ? <HandoverFilesSection tssId={tssId} /> : <ErrorNotices areas={['store', 'handover']} />}
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

function HandoverFilesSection({ tssId }: { tssId: string }) {
  const { t } = useTranslation('sign-de');
  const saveHandover = useApp((state) => state.saveHandover);
  const busy = useApp((state) => state.busy.saveHandover === true);
  const storeName = useApp((state) => state.run.storeName);
  const [files, setFiles] = useState<HandoverFiles | null>(null);
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h3 id={titleId} className="card__title">
        {t('overview.handoverTitle')}
      </h3>
      <p className="muted">{t('overview.handoverIntro')}</p>
      <div className="actions">
        <SaveFileButton
          label={t('overview.handoverButton')}
          busy={busy}
          operation="saveHandover"
          destination={{ mode: 'folder', store: storeName }}
          save={(destination) => saveHandover(tssId, destination)}
          onSaved={setFiles}
          primary
        />
      </div>
      {/* The receipt screen's handover report fails into 'handover': shown here too, where its files are made. */}
      <ErrorNotices areas={['store', 'handover']} />
      <HandoverFilesList files={files} />
    </section>
  );
}
