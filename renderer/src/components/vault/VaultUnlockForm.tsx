import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/store-context';
import { TextField } from '../TextField';

/** The keychain did not open the vault: the recovery passphrase does. Cleared after the call. */
export function VaultUnlockForm({ problem }: { problem: string | null }) {
  const { t } = useTranslation();
  const unlockVault = useApp((state) => state.unlockVault);
  const busy = useApp((state) => state.busy.unlockVault === true);
  const [passphrase, setPassphrase] = useState('');
  const [tried, setTried] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (passphrase === '' || busy) return;
    const value = passphrase;
    setPassphrase('');
    setTried(false);
    await unlockVault(value);
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('vault.unlockIntro')}</p>
      {problem && (
        <p className="callout">
          {t('vault.keychainProblem')} <span className="callout__detail">{problem}</span>
        </p>
      )}
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
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {busy ? t('common.working') : t('vault.unlockButton')}
        </button>
      </div>
    </form>
  );
}
