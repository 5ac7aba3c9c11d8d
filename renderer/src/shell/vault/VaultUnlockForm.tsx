import { useTranslation } from 'react-i18next';
import type { KeychainProblemCode } from '../../../../preload/contract/core/vault';
import { useApp } from '../../state/store-context';
import { PassphraseForm } from '../../ui/PassphraseForm';

/**
 * The keychain did not open the vault: the recovery passphrase does. Cleared after the call. Why the
 * keychain did not is said in the technician's language from main's code, never in main's English words.
 */
export function VaultUnlockForm({ problem }: { problem: KeychainProblemCode | null }) {
  const { t } = useTranslation();
  const unlockVault = useApp((state) => state.unlockVault);
  const busy = useApp((state) => state.busy.unlockVault === true);

  return (
    <PassphraseForm
      intro={
        <>
          <p>{t('vault.unlockIntro')}</p>
          {problem && (
            <p className="callout">
              {t('vault.keychainProblem')} <span className="callout__detail">{t(`vault.keychainProblems.${problem}`)}</span>
            </p>
          )}
        </>
      }
      buttonLabel={t('vault.unlockButton')}
      primary
      busy={busy}
      operation="unlockVault"
      onPassphrase={unlockVault}
    />
  );
}
