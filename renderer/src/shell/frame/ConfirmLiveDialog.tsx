import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/store-context';
import { PassphraseConfirmDialog } from '../../ui/PassphraseConfirmDialog';

/**
 * Asks before switching to fiskaly LIVE, with the vault's passphrase that main checks. Open while a
 * switch is pending; Escape and Cancel close it through the store, so state and dialog never disagree.
 * Native focus handling returns focus to the control that opened it.
 */
export function ConfirmLiveDialog() {
  const { t } = useTranslation();
  const pending = useApp((state) => state.pendingEnvironment);
  const confirmEnvironment = useApp((state) => state.confirmEnvironment);
  const cancelEnvironment = useApp((state) => state.cancelEnvironment);

  return (
    <PassphraseConfirmDialog
      open={pending !== null}
      title={t('confirmLive.title')}
      body={<p>{t('confirmLive.body')}</p>}
      confirmLabel={t('confirmLive.confirm')}
      operation="saveSettings"
      onPassphrase={confirmEnvironment}
      onCancel={cancelEnvironment}
      danger
    />
  );
}
