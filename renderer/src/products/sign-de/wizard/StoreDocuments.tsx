import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedFile } from '../../../../../preload/contract/core/files';
import type { HandoverFiles } from '../../../../../preload/contract/sign-de/store-record';
import { ErrorNotices } from '../../../ui/ErrorNotices';
import { PassphraseForm } from '../../../ui/PassphraseForm';
import { SavedPath } from '../../../ui/SavedPath';
import { useApp } from '../../../state/store-context';
import { useChooseDestination } from '../../../ui/save/useChooseDestination';
import { HandoverFilesList } from '../overview/HandoverCard';
import { saveStoreDocuments } from './save-store-documents';

/**
 * The store's documents in one go: the § 146a(4) AO handover (PDF, JSON, XML) and the recovery file for
 * this store's TSS only (its PIN and PUK: the folder is handed to the store, so no other store's secrets
 * go there), sealed with the vault passphrase typed once. Then on to the next store, or home.
 */
export function StoreDocuments({ tssId }: { tssId: string }) {
  const { t } = useTranslation('sign-de');
  const saveHandover = useApp((state) => state.saveHandover);
  const exportRecovery = useApp((state) => state.exportRecovery);
  const resetWizard = useApp((state) => state.resetWizard);
  const navigate = useApp((state) => state.navigate);
  const storeName = useApp((state) => state.run.storeName);
  const choose = useChooseDestination();
  const busy = useApp((state) => state.busy.saveHandover === true || state.busy.exportRecovery === true);
  const [handover, setHandover] = useState<HandoverFiles | null>(null);
  const [recovery, setRecovery] = useState<SavedFile | null>(null);
  const titleId = useId();
  const saved = handover !== null && recovery !== null;

  const save = (passphrase: string) =>
    saveStoreDocuments(
      {
        choose,
        saveHandover,
        exportRecovery,
        shown: (handoverFiles, recoveryFile) => {
          setHandover(handoverFiles);
          setRecovery(recoveryFile);
        },
      },
      { tssId, storeName },
      passphrase,
    );

  return (
    <section className="card" aria-labelledby={titleId}>
      <h3 id={titleId} className="card__title">
        {t('wizard.documents.title')}
      </h3>
      <PassphraseForm operation="exportRecovery" intro={<p>{t('wizard.documents.intro')}</p>} buttonLabel={t('wizard.documents.button')} primary={!saved} busy={busy} onPassphrase={save}>
        <ErrorNotices areas={['store', 'handover', 'backup']} />
        <HandoverFilesList files={handover} />
        <SavedPath file={recovery} label={t('wizard.documents.recoverySaved')} />
      </PassphraseForm>
      <div className="actions">
        <button type="button" className={saved ? 'button button--primary' : 'button'} onClick={() => resetWizard()}>
          {t('wizard.documents.nextStore')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            if (resetWizard()) navigate('home');
          }}
        >
          {t('wizard.finish')}
        </button>
      </div>
    </section>
  );
}
