import { useTranslation } from 'react-i18next';
import { addressLine } from '../../../../../preload/contract/sign-de/master-data-rules';
import { useApp } from '../../../state/store-context';
import { elsterTaxNumber, masterDataRequired, toStoreMasterData } from '../master-data/master-data-draft';
import { tillsOf } from './wizard-rules';

/** The review before the start: taxpayer, Steuernummer in ELSTER form, Betriebsstätte, and each till with its details (if any). */
export function PlanReview() {
  const { t } = useTranslation('sign-de');
  const draft = useApp((state) => state.wizard.draft);
  const environment = useApp((state) => state.settings?.environment ?? null);
  const given = masterDataRequired(environment, draft.masterData);
  const masterData = given ? toStoreMasterData(draft.masterData) : null;
  const tills = tillsOf(draft);
  // The table is for the tills' notification details; without any, the serials are listed above it.
  const detailed = tills.some(({ details }) => Object.values(details).some((value) => value !== ''));

  return (
    <>
      <dl className="facts">
        <dt>{t('wizard.run.taxpayer')}</dt>
        <dd>{masterData ? [masterData.taxpayer.legalName, masterData.taxpayer.vatId].filter(Boolean).join(', ') : t('wizard.run.noMasterData')}</dd>
        {masterData && (
          <>
            <dt>{t('wizard.run.taxNumber')}</dt>
            <dd>
              <code>{elsterTaxNumber(draft.masterData) ?? draft.masterData.taxNumber}</code>
            </dd>
            <dt>{t('wizard.run.establishment')}</dt>
            <dd>{[masterData.establishment.designation, addressLine(masterData.establishment)].filter(Boolean).join(', ')}</dd>
          </>
        )}
      </dl>
      {detailed && (
      <table className="table">
        <caption>{t('wizard.run.tillsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.clientSerial')}</th>
            <th scope="col">{t('masterData.kindLabel')}</th>
            <th scope="col">{t('masterData.softwareLabel')}</th>
            <th scope="col">{t('masterData.manufacturerLabel')}</th>
            <th scope="col">{t('masterData.acquisitionDateLabel')}</th>
          </tr>
        </thead>
        <tbody>
          {tills.map(({ serialNumber, details }) => (
            <tr key={serialNumber}>
              <th scope="row">
                <code>{serialNumber}</code>
              </th>
              <td>{details.kind ? t(`masterData.kinds.${details.kind}`) : '—'}</td>
              <td>{[details.software, details.softwareVersion].filter(Boolean).join(' ') || '—'}</td>
              <td>{[details.manufacturer, details.model].filter(Boolean).join(' ') || '—'}</td>
              <td>{details.acquisitionDate || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      )}
    </>
  );
}
