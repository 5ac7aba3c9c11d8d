import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PukBox } from './PukBox';
import { PassphraseForm } from '../../../ui/PassphraseForm';
import { useApp } from '../../../state/store-context';

/** Shows the picked TSS's PUK after the recovery passphrase; needs no network. */
export function RevealPuk({ storeName }: { storeName: string }) {
  const { t } = useTranslation('sign-de');
  const puk = useApp((state) => state.recovery.puk);
  const revealPuk = useApp((state) => state.revealPuk);
  const dropPuk = useApp((state) => state.dropPuk);
  const busy = useApp((state) => state.busy.revealPuk === true);
  const hide = useCallback(() => dropPuk(), [dropPuk]);

  // Another TSS picked or the section closed: the PUK shown here goes with it.
  useEffect(() => () => dropPuk(), [dropPuk]);

  if (puk !== null) return <PukBox puk={puk} storeName={storeName} onHide={hide} />;
  return (
    <PassphraseForm
      intro={<p>{t('recovery.revealIntro')}</p>}
      buttonLabel={t('recovery.revealButton')}
      primary
      busy={busy}
      operation="revealPuk"
      label={t('vaultSafety.vaultPassphraseLabel')}
      onPassphrase={revealPuk}
    />
  );
}
