import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/store-context';
import type { ImportSummary } from '../../state/slices/vault-slice';
import { TextField } from '../TextField';
import { readFileAsBase64 } from './read-file';

/** Imports a recovery file from another laptop: the file (read here as base64) and its passphrase. */
export function ImportRecoveryForm() {
  const { t } = useTranslation();
  const importRecovery = useApp((state) => state.importRecovery);
  const busy = useApp((state) => state.busy.importRecovery === true);
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const fileErrorId = `${fileId}-error`;
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [tried, setTried] = useState(false);
  const [readFailed, setReadFailed] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSummary(null);
    if (!file || passphrase === '' || busy) return;
    const value = passphrase;
    setPassphrase('');
    setTried(false);
    const content = await readFileAsBase64(file);
    setReadFailed(content === null);
    if (content === null) return;
    const result = await importRecovery(content, value);
    setSummary(result);
    if (result) {
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('backup.importIntro')}</p>
      <div className="field">
        <label htmlFor={fileId} className="field__label">
          {t('backup.fileLabel')}
        </label>
        <input
          ref={fileInput}
          id={fileId}
          className="field__file"
          type="file"
          aria-describedby={tried && !file ? fileErrorId : undefined}
          aria-invalid={(tried && !file) || undefined}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        {tried && !file && (
          <p id={fileErrorId} className="field__error" role="alert">
            {t('backup.fileMissing')}
          </p>
        )}
        {readFailed && (
          <p className="field__error" role="alert">
            {t('backup.fileUnreadable')}
          </p>
        )}
      </div>
      <TextField
        label={t('backup.filePassphraseLabel')}
        type="password"
        autoComplete="off"
        value={passphrase}
        onChange={setPassphrase}
        error={passphrase === '' ? t('vault.passphraseMissing') : null}
        showError={tried}
      />
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t('common.working') : t('backup.importButton')}
        </button>
      </div>
      <p className="saved" role="status">
        {summary && t('backup.imported', { added: summary.added, updated: summary.updated, kept: summary.kept })}
      </p>
    </form>
  );
}
