import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/store-context';
import { ActionError } from '../../ui/ActionError';
import { NewPassphraseFields, newPassphraseReady } from './NewPassphraseFields';

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


  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!newPassphraseReady(passphrase, repeat) || busy) return;
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
      <NewPassphraseFields
        labels={{ passphrase: t('vault.passphraseLabel'), repeat: t('vault.passphraseRepeatLabel') }}
        passphrase={passphrase}
        repeat={repeat}
        tried={tried}
        onPassphrase={setPassphrase}
        onRepeat={setRepeat}
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
