import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../../preload/contract/core/vault';
import { useApp } from '../../state/store-context';
import { ActionError } from '../../ui/ActionError';
import { TextField } from '../../ui/TextField';
import { passphraseProblem } from '../../ui/passphrase-problem';

/**
 * First use: the recovery passphrase, twice. It is never kept: both fields are cleared after the call,
 * whatever its outcome.
 */
export function VaultSetupForm() {
  const { t } = useTranslation();
  const setupVault = useApp((state) => state.setupVault);
  const busy = useApp((state) => state.busy.setupVault === true);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);

  const tooShort = passphrase.length < MIN_PASSPHRASE_LENGTH;
  const mismatch = repeat !== passphrase;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (tooShort || mismatch || busy) return;
    const value = passphrase;
    setPassphrase('');
    setRepeat('');
    setTried(false);
    await setupVault(value);
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('vault.setupIntro')}</p>
      <p className="callout callout--warning">{t('vault.setupWarning')}</p>
      <TextField
        label={t('vault.passphraseLabel')}
        hint={t('vault.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onChange={setPassphrase}
        error={passphraseProblem(passphrase, tried, { min: MIN_PASSPHRASE_LENGTH }) ? t('vault.passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH }) : null}
        showError={tried}
      />
      <TextField
        label={t('vault.passphraseRepeatLabel')}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
        error={!passphraseProblem(passphrase, tried, { min: MIN_PASSPHRASE_LENGTH }) && passphraseProblem(repeat, tried, { repeatOf: passphrase }) ? t('vault.passphraseMismatch') : null}
        showError={tried}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {busy ? t('common.working') : t('vault.setupButton')}
        </button>
      </div>
      <ActionError operations={['setupVault']} />
    </form>
  );
}
