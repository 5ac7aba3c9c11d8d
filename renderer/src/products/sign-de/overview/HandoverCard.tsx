import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dueDate } from '../../../../../preload/contract/sign-de/master-data-rules';
import type { HandoverFiles, StoreRecord } from '../../../../../preload/contract/sign-de/store-record';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { SaveFileButton } from '../../../ui/SaveFileButton';
import { ShowInFolderButton } from '../../../ui/ShowInFolderButton';
import { useApp } from '../../../state/store-context';
import { shownDate, todayIso } from './decommission';

/** When the notification of the latest change is due: a month after it. */
export function changeDueDate(record: StoreRecord | null): string {
  const last = record?.changes.at(-1)?.at.slice(0, 10);
  return dueDate(last ?? todayIso());
}

/** The § 146a(4) AO handover in three files (PDF, JSON, experimental XML), due anew after every change. */
export function HandoverCard() {
  const { t, i18n } = useTranslation('sign-de');
  const record = useApp((state) => state.storeRecord);
  const due = useApp((state) => state.handoverDue);
  const files = useApp((state) => state.handoverFiles);
  const busy = useApp((state) => state.busy.saveHandover === true);
  const saveHandover = useApp((state) => state.saveHandover);
  const titleId = useId();

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('overview.handoverTitle')}
      </h2>
      <p className="muted">{t('overview.handoverIntro')}</p>
      {due && (
        <p className="callout callout--warning" role="status" data-testid="handover-due">
          {t('overview.handoverDue', { date: shownDate(changeDueDate(record), i18n.language) })}
        </p>
      )}
      <div className="actions">
        <SaveFileButton
          label={t('overview.handoverButton')}
          busy={busy}
          operation="saveHandover"
          destination={{ mode: 'folder', ...(record ? { store: record.storeName } : {}) }}
          save={(destination) => saveHandover(record?.tssId, destination)}
          onSaved={() => {}}
          primary={due}
        />
      </div>
      <ErrorNotices operations={['saveHandover']} />
      <HandoverFilesList files={files} />
    </section>
  );
}

/** Where the handover's three files were saved, announced politely, with "In Ordner zeigen" (they share one folder). */
export function HandoverFilesList({ files }: { files: HandoverFiles | null }) {
  const { t } = useTranslation('sign-de');
  return (
    <div className="saved-file">
      <div className="saved" role="status">
        {files && (
          <>
            <p className="saved__label">{t('overview.handoverSaved')}</p>
            <dl className="facts">
              <dt>{t('overview.handoverPdf')}</dt>
              <dd>
                <code className="path">{files.pdf.path}</code>
              </dd>
              <dt>{t('overview.handoverJson')}</dt>
              <dd>
                <code className="path">{files.json.path}</code>
              </dd>
              <dt>{t('overview.handoverXml')}</dt>
              <dd>
                <code className="path">{files.xml.path}</code>
              </dd>
            </dl>
          </>
        )}
      </div>
      {files && <ShowInFolderButton path={files.pdf.path} />}
    </div>
  );
}
