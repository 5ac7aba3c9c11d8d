import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SavedFile, recoveryFileName } from '../../../../preload/contract/core/files';
import { useApp } from '../../state/store-context';
import { SavedPath } from '../../ui/SavedPath';
import { PassphraseForm } from '../../ui/PassphraseForm';
import { KEEP_PASSPHRASE } from '../../ui/send-passphrase';
import { useChooseDestination } from '../../ui/save/useChooseDestination';

/** Saves the passphrase-sealed recovery file (for another laptop, with no network). */
export function ExportRecoveryForm() {
  const { t } = useTranslation();
  const exportRecovery = useApp((state) => state.exportRecovery);
  const busy = useApp((state) => state.busy.exportRecovery === true);
  const [saved, setSaved] = useState<SavedFile | null>(null);
  const choose = useChooseDestination();

  return (
    <PassphraseForm
      intro={<p>{t('backup.exportIntro')}</p>}
      buttonLabel={t('backup.exportButton')}
      busy={busy}
      operation="exportRecovery"
      onPassphrase={async (passphrase) => {
        const destination = await choose({ mode: 'file', name: recoveryFileName(new Date()), filter: 'tsscr' }, 'exportRecovery');
        if (!destination) return KEEP_PASSPHRASE;
        setSaved(await exportRecovery(passphrase, destination));
      }}
    >
      <SavedPath file={saved} />
    </PassphraseForm>
  );
}
