import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/store-context';
import type { ImportSummary } from './vault-slice';
import { BusySubmit, PassphraseField, usePassphraseSubmit } from '../../ui/PassphraseForm';
import { readFileAsBase64 } from './read-file';
import { ActionError } from '../../ui/ActionError';
import { NewPassphraseFields, newPassphraseReady } from './NewPassphraseFields';

/**
 * Imports a recovery file from another laptop: the file (read here as base64), the file's passphrase, and
 * this vault's passphrase, which main checks before it changes anything. On a laptop without a vault (a
 * new one) the form asks for the new vault's passphrase instead, twice, and main sets the vault up and
 * imports the file in one go. A PUK or PIN that differs from the vault's own is never taken over: the
 * result lists it as a conflict.
 */
export function ImportRecoveryForm() {
  const { t } = useTranslation();
  const importRecovery = useApp((state) => state.importRecovery);
  const busy = useApp((state) => state.busy.importRecovery === true);
  const newVault = useApp((state) => state.vault !== null && !state.vault.initialized);
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const fileErrorId = `${fileId}-error`;
  const [file, setFile] = useState<File | null>(null);
  const [readFailed, setReadFailed] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [attempted, setAttempted] = useState(false);
  const vaultReady = newVault ? newPassphraseReady(vaultPassphrase, repeat) : vaultPassphrase !== '';

  const { onSubmit, field } = usePassphraseSubmit({
    busy,
    ready: file !== null && vaultReady,
    onAttempt: () => {
      setSummary(null);
      setAttempted(true);
    },
    onPassphrase: async (passphrase) => {
      const mine = vaultPassphrase;
      setVaultPassphrase('');
      setRepeat('');
      setAttempted(false);
      if (!file) return;
      const content = await readFileAsBase64(file);
      setReadFailed(content === null);
      if (content === null) return;
      const result = await importRecovery(content, passphrase, mine, { newVault });
      setSummary(result);
      if (result) {
        setFile(null);
        if (fileInput.current) fileInput.current.value = '';
      }
    },
  });
  const tried = field.tried;

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
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
      <PassphraseField {...field} label={t('backup.filePassphraseLabel')} autoComplete="off" />
      {newVault ? (
        <>
          <p className="muted">{t('backup.newVaultHint')}</p>
          <NewPassphraseFields
            labels={{ passphrase: t('backup.newVaultPassphraseLabel'), repeat: t('backup.newVaultRepeatLabel') }}
            passphrase={vaultPassphrase}
            repeat={repeat}
            tried={attempted}
            onPassphrase={setVaultPassphrase}
            onRepeat={setRepeat}
          />
        </>
      ) : (
        <>
          <PassphraseField value={vaultPassphrase} onChange={setVaultPassphrase} tried={tried} label={t('vaultSafety.vaultPassphraseLabel')} />
          <p className="muted">{t('vaultSafety.vaultPassphraseHint')}</p>
        </>
      )}
      <BusySubmit busy={busy} label={newVault ? t('backup.importNewVaultButton') : t('backup.importButton')} />
      <ActionError operations={['importRecovery']} />
      <p className="saved" role="status">
        {summary && t('backup.imported', { added: summary.added, updated: summary.updated, kept: summary.kept })}
      </p>
      {summary && summary.conflicts.length > 0 && (
        <div className="callout" role="alert">
          <p>{t('vaultSafety.conflicts', { number: summary.conflicts.length })}</p>
          <ul>
            {summary.conflicts.map((c) => (
              <li key={`${c.kind}:${c.tssId}`}>
                {t('vaultSafety.conflictEntry', { kind: t(`vaultSafety.conflictKinds.${c.kind}`), tssId: c.tssId, store: c.storeName ?? '' })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
