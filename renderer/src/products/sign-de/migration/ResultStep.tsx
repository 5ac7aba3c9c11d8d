import { useId } from 'react';
import { unixDateTimeIn } from '../../../../../preload/contract/core/date-time';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../../ui/ActionError';
import { SavedPath } from '../../../ui/SavedPath';
import { useApp } from '../../../state/store-context';
import { useChooseDestination } from '../../../ui/save/useChooseDestination';
import { HandoverFilesList } from '../overview/HandoverCard';

/** What the store gets: the POS mapping per till, and its documents saved into one folder. */
export function ResultStep() {
  const { t, i18n } = useTranslation('sign-de');
  const report = useApp((state) => state.migration.report);
  const documents = useApp((state) => state.migration.documents);
  const save = useApp((state) => state.saveMigrationDocuments);
  const busy = useApp((state) => state.busy.saveMigrationDocuments === true);
  const choose = useChooseDestination();
  const titleId = useId();
  const mapping = report?.mapping ?? null;

  const saveDocuments = async () => {
    if (busy || !report) return;
    const folder = await choose({ mode: 'folder', store: report.storeName }, 'saveMigrationDocuments');
    if (folder) await save(folder);
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('migration.steps.result')}
      </h2>
      <p>{t('migration.result.intro')}</p>
      {mapping && (
        <table className="table" aria-label={t('migration.result.mappingLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('migration.result.serial')}</th>
              <th scope="col">{t('migration.result.v1Client')}</th>
              <th scope="col">{t('migration.result.v2Client')}</th>
              <th scope="col">{t('migration.result.v2Tss')}</th>
              <th scope="col">{t('migration.result.v2TssSerial')}</th>
              <th scope="col">{t('migration.result.baseUrl')}</th>
            </tr>
          </thead>
          <tbody>
            {mapping.tills.map((till) => (
              <tr key={till.v1ClientId}>
                <td>
                  <code>{till.serialNumber}</code>
                  {till.v1SerialNumber && <span className="muted"> ({t('migration.result.was', { serial: till.v1SerialNumber })})</span>}
                </td>
                <td>
                  <code className="path">{till.v1ClientId}</code>
                </td>
                <td>
                  <code className="path">{till.v2ClientId}</code>
                </td>
                <td>
                  <code className="path">{till.v2TssId}</code>
                </td>
                <td>
                  <code className="path">{till.v2TssSerialNumber}</code>
                </td>
                <td>
                  <code className="path">{till.baseUrl}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="facts">
        <dt>{t('migration.result.disabledAt')}</dt>
        <dd>{disabledAtText(report?.v1.disabledAt, i18n.language)}</dd>
        <dt>{t('migration.result.export')}</dt>
        <dd>{report?.export ? <code className="path">{`${report.export.file} · SHA-256 ${report.export.sha256}`}</code> : '—'}</dd>
      </dl>
      <p className="muted">{t('migration.result.saveHint')}</p>
      <div className="actions">
        <button type="button" className={documents ? 'button' : 'button button--primary'} aria-disabled={busy || undefined} onClick={() => void saveDocuments()}>
          {busy ? t('common.working') : t('migration.result.save')}
        </button>
      </div>
      <ActionError operations={['saveMigrationDocuments']} />
      {documents && (
        <>
          <SavedPath file={documents.mappingJson} label={t('migration.result.saved')} />
          <SavedPath file={documents.mappingCsv} label={t('migration.result.saved')} />
          <SavedPath file={documents.exportArchive} label={t('migration.result.saved')} />
          <HandoverFilesList files={documents.handover} />
        </>
      )}
    </section>
  );
}

/** When V1 was disabled, in the technician's language and German time (main records it as ISO). */
function disabledAtText(iso: string | undefined, locale: string): string {
  if (!iso) return '—';
  return unixDateTimeIn(Date.parse(iso) / 1000, locale, 'Europe/Berlin') ?? iso;
}
