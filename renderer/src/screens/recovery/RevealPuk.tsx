import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PukBox } from '../../components/PukBox';
import { TextField } from '../../components/TextField';
import { useApp } from '../../state/store-context';

/** Shows the picked TSS's PUK after the recovery passphrase; needs no network. */
export function RevealPuk({ storeName }: { storeName: string }) {
  const { t } = useTranslation();
  const puk = useApp((state) => state.recovery.puk);
  const revealPuk = useApp((state) => state.revealPuk);
  const dropPuk = useApp((state) => state.dropPuk);
  const busy = useApp((state) => state.busy.revealPuk === true);
  const [passphrase, setPassphrase] = useState('');
  const [tried, setTried] = useState(false);
  const hide = useCallback(() => dropPuk(), [dropPuk]);

  // Another TSS picked or the section closed: the PUK shown here goes with it.
  useEffect(() => () => dropPuk(), [dropPuk]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (passphrase === '' || busy) return;
    const value = passphrase;
    setPassphrase('');
    setTried(false);
    await revealPuk(value);
  };

  if (puk !== null) return <PukBox puk={puk} storeName={storeName} onHide={hide} />;
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('recovery.revealIntro')}</p>
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
          {busy ? t('common.working') : t('recovery.revealButton')}
        </button>
      </div>
    </form>
  );
}
