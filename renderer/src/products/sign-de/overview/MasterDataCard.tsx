import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreMasterData } from '../../../../../preload/contract/sign-de/master-data';
import { addressLine } from '../../../../../preload/contract/sign-de/master-data-rules';
import { BUNDESLAENDER, toElsterTaxNumber } from '../../../../../preload/contract/sign-de/tax-number';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { useApp } from '../../../state/store-context';
import { MasterDataFields } from '../master-data/MasterDataFields';
import { type MasterDataDraft, fromStoreMasterData, masterDataProblems, toStoreMasterData } from '../master-data/master-data-draft';

/** The store's taxpayer and Betriebsstätte as recorded, and a form to change them (a notifiable change). */
export function MasterDataCard() {
  const { t } = useTranslation('sign-de');
  const record = useApp((state) => state.storeRecord);
  const loading = useApp((state) => state.busy.loadStoreRecord === true);
  const saving = useApp((state) => state.busy.setMasterData === true);
  const setMasterData = useApp((state) => state.setMasterData);
  const [editing, setEditing] = useState<MasterDataDraft | null>(null);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const titleId = useId();

  const problems = editing ? masterDataProblems(editing) : {};
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!editing || saving || Object.keys(problems).length > 0) return;
    if (await setMasterData(toStoreMasterData(editing))) {
      setEditing(null);
      setTried(false);
      setSaved(true);
    }
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('overview.masterTitle')}
      </h2>
      {!editing && <ErrorNotices operations={['loadStoreRecord', 'setMasterData']} />}
      {!record ? (
        <p className="muted" role="status">
          {loading ? t('overview.masterLoading') : t('overview.masterNotLoaded')}
        </p>
      ) : editing ? (
        <form className="form" onSubmit={submit} noValidate>
          <MasterDataFields value={editing} onChange={(patch) => setEditing({ ...editing, ...patch })} problems={problems} showErrors={tried} />
          <ErrorNotices operations={['setMasterData']} />
          <div className="form__actions">
            <button type="submit" className="button button--primary" aria-disabled={saving || undefined}>
              {saving ? t('common.working') : t('overview.masterSave')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(null)}>
              {t('overview.masterCancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {record.masterData ? <MasterDataFacts masterData={record.masterData} /> : <p className="muted">{t('overview.masterNone')}</p>}
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setSaved(false);
                setEditing(fromStoreMasterData(record.masterData));
              }}
            >
              {t('overview.masterEdit')}
            </button>
          </div>
        </>
      )}
      <p className="saved" role="status">
        {saved && !editing && t('overview.masterSaved')}
      </p>
    </section>
  );
}

export function MasterDataFacts({ masterData }: { masterData: StoreMasterData }) {
  const { t } = useTranslation('sign-de');
  const { taxpayer, establishment } = masterData;
  const elster = toElsterTaxNumber(taxpayer.taxNumber, taxpayer.bundesland);
  return (
    <dl className="facts">
      <dt>{t('masterData.legalNameLabel')}</dt>
      <dd>{taxpayer.legalName}</dd>
      <dt>{t('masterData.taxNumberLabel')}</dt>
      <dd>
        {taxpayer.taxNumber} ({BUNDESLAENDER[taxpayer.bundesland].name}){elster.ok && <> · <code>{elster.elster}</code></>}
      </dd>
      {taxpayer.vatId && (
        <>
          <dt>{t('masterData.vatIdLabel')}</dt>
          <dd>{taxpayer.vatId}</dd>
        </>
      )}
      <dt>{t('masterData.establishmentTitle')}</dt>
      <dd>{[establishment.designation, addressLine(establishment)].filter(Boolean).join(', ')}</dd>
    </dl>
  );
}
