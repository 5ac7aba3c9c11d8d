import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/store-context';

/**
 * Asks before switching to fiskaly LIVE. A native modal <dialog>: focus stays inside, Escape cancels,
 * and focus goes back to the control that opened it. Cancel has the initial focus, the safe choice.
 */
export function ConfirmLiveDialog() {
  const { t } = useTranslation();
  const pending = useApp((state) => state.pendingEnvironment);
  const confirmEnvironment = useApp((state) => state.confirmEnvironment);
  const cancelEnvironment = useApp((state) => state.cancelEnvironment);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const open = pending !== null;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      cancelButton.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: close through the store, so state and dialog never disagree.
        event.preventDefault();
        cancelEnvironment();
      }}
    >
      <h2 id={titleId} className="confirm-dialog__title">
        {t('confirmLive.title')}
      </h2>
      <p id={bodyId}>{t('confirmLive.body')}</p>
      <div className="confirm-dialog__actions">
        <button ref={cancelButton} type="button" className="button" onClick={cancelEnvironment}>
          {t('confirmLive.cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={() => void confirmEnvironment()}>
          {t('confirmLive.confirm')}
        </button>
      </div>
    </dialog>
  );
}
