import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedFile } from '../../../../preload/contract/workbench';
import { useApp } from '../../state/store-context';
import { SavedPath } from '../SavedPath';
import { TextField } from '../TextField';

/** Saves the passphrase-sealed recovery file (for another laptop, with no network). */
export function ExportRecoveryForm() {
  const { t } = useTranslation();
  const exportRecovery = useApp((state) => state.exportRecovery);
  const busy = useApp((state) => state.busy.exportRecovery === true);
  const [passphrase, setPassphrase] = useState('');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<SavedFile | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (passphrase === '' || busy) return;
    const value = passphrase;
    setPassphrase('');
    setTried(false);
    setSaved(await exportRecovery(value));
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('backup.exportIntro')}</p>
      <TextField
        label={t('vault.passphraseLabel')}
        type="password"
        autoComplete="current-password"
        value={passphrase}
        onChange={setPassphrase}
        error={passphrase === '' ? t('vault.passphraseMissing') : null}
        showError={tried}
      />
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t('common.working') : t('backup.exportButton')}
        </button>
      </div>
      <SavedPath file={saved} />
    </form>
  );
}
