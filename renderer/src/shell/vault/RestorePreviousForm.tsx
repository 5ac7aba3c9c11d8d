import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultState } from '../../../../preload/contract/core/vault';
import { useApp } from '../../state/store-context';
import { PassphraseForm } from '../../ui/PassphraseForm';

/**
 * The vault refused vault.json (damaged, altered, or an older copy put in its place): says so, and when
 * the previous generation is intact, puts it back after the recovery passphrase (checked in main).
 */
export function RestorePreviousForm({ damage }: { damage: NonNullable<VaultState['damage']> }) {
  const { t } = useTranslation();
  const restoreVault = useApp((state) => state.restoreVault);
  const busy = useApp((state) => state.busy.restoreVault === true);
  const [restored, setRestored] = useState(false);
  const what = damage.code === 'E_VAULT_ROLLBACK' ? t('vaultSafety.rollback') : t('vaultSafety.tampered');

  if (!damage.previousIntact) {
    return (
      <>
        <p className="callout">{what}</p>
        <p>{t('vaultSafety.noPrevious')}</p>
      </>
    );
  }
  return (
    <PassphraseForm
      intro={
        <>
          <p className="callout">{what}</p>
          <p>{t('vaultSafety.restoreIntro')}</p>
        </>
      }
      buttonLabel={t('vaultSafety.restoreButton')}
      primary
      busy={busy}
      operation="restoreVault"
      onPassphrase={async (passphrase) => setRestored(await restoreVault(passphrase))}
    >
      <p className="saved" role="status">
        {restored && t('vaultSafety.restored')}
      </p>
    </PassphraseForm>
  );
}
