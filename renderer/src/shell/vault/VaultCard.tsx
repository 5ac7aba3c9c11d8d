import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/store-context';
import { vaultFormDone, vaultNeed } from '../../state/vault-need';
import { useFocusOnChange } from '../../ui/use-focus-on-change';
import type { ErrorArea } from '../../state/ui-error';
import { ErrorNotices } from '../../ui/ErrorNotices';
import { ExportRecoveryForm } from './ExportRecoveryForm';
import { ImportRecoveryForm } from './ImportRecoveryForm';
import { RestorePreviousForm } from './RestorePreviousForm';
import { VaultSetupForm } from './VaultSetupForm';
import { VaultUnlockForm } from './VaultUnlockForm';

/**
 * The vault, where PINs and PUKs are kept: set up on first use, unlocked with the passphrase when the
 * keychain cannot, and otherwise its state and the recovery file.
 */
export function VaultCard({
  showExport = true,
  level = 2,
  errorAreas = ['vault', 'backup'],
}: {
  showExport?: boolean;
  level?: 2 | 3;
  /** The error areas shown here (the wizard shows the vault's errors itself). */
  errorAreas?: ErrorArea[];
}) {
  const { t } = useTranslation();
  const vault = useApp((state) => state.vault);
  const titleId = useId();
  const damage = vault?.damage ?? null;
  const need = damage ? null : vaultNeed(vault);
  const Title = level === 2 ? 'h2' : 'h3';
  const title = useFocusOnChange<typeof need, HTMLHeadingElement>(need, vaultFormDone);

  return (
    <section className={`card${need || damage ? ' card--attention' : ''}`} aria-labelledby={titleId}>
      <Title id={titleId} ref={title} className="card__title" tabIndex={-1}>
        {damage ? t('vaultSafety.damagedTitle') : need === 'setup' ? t('vault.setupTitle') : need === 'unlock' ? t('vault.unlockTitle') : t('vault.title')}
      </Title>
      {errorAreas.length > 0 && <ErrorNotices areas={errorAreas} />}
      {vault === null && <p className="muted">{t('vault.unknown')}</p>}
      {damage && <RestorePreviousForm damage={damage} />}
      {need === 'setup' && (
        <>
          <VaultSetupForm />
          {/* A new laptop: the vault is set up with a new passphrase and the old laptop's file imported, in one go. */}
          <details className="disclosure">
            <summary className="disclosure__summary">{t('backup.newLaptopSummary')}</summary>
            <ImportRecoveryForm />
          </details>
        </>
      )}
      {need === 'unlock' && <VaultUnlockForm problem={vault?.keychainProblemCode ?? (vault?.keychainProblem ? 'unavailable' : null)} />}
      {vault && !damage && need === null && (
        <>
          <p>{t('vault.ready', { count: vault.entries })}</p>
          {showExport && (
            <details className="disclosure">
              <summary className="disclosure__summary">{t('backup.exportSummary')}</summary>
              <ExportRecoveryForm />
            </details>
          )}
        </>
      )}
    </section>
  );
}
