import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/store-context';
import type { Operation } from '../state/ui-error';
import { ConfirmDialog } from './ConfirmDialog';
import { PassphraseField } from './PassphraseForm';
import { describeError } from './error-text';

interface PassphraseConfirmDialogProps {
  open: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  /** The call this dialog confirms: its error is shown in the dialog, its busy flag on the button. */
  operation: Operation;
  /** Gets the passphrase (already cleared from the field); resolves true when main did it. */
  onPassphrase(passphrase: string): Promise<boolean>;
  onCancel(): void;
  danger?: boolean;
}

/**
 * Main confirms what cannot be undone or sets a secret (LIVE, disabling, a PIN) with the vault's recovery
 * passphrase, so this dialog asks for it. The passphrase lives in this dialog's field only until it is
 * sent; a refusal (wrong passphrase, anything else) is shown here and the dialog stays open.
 */
export function PassphraseConfirmDialog({ open, title, body, confirmLabel, operation, onPassphrase, onCancel, danger }: PassphraseConfirmDialogProps) {
  const { t } = useTranslation();
  const busy = useApp((state) => state.busy[operation] === true);
  const error = useApp((state) => state.errors.find((candidate) => candidate.operation === operation) ?? null);
  const dismissError = useApp((state) => state.dismissError);
  const [passphrase, setPassphrase] = useState('');
  const [tried, setTried] = useState(false);
  /** Bumped on each send: a fresh field, so its emptied value is not taken for a missing passphrase. */
  const [sent, setSent] = useState(0);

  const [wasOpen, setWasOpen] = useState(open);
  // Closed, however: the field forgets what was typed (adjusted while rendering, as React advises).
  if (open !== wasOpen) {
    setWasOpen(open);
    if (!open) {
      setPassphrase('');
      setTried(false);
    }
  }

  const confirm = async () => {
    setTried(true);
    if (passphrase === '' || busy) return;
    const value = passphrase;
    setPassphrase('');
    setTried(false);
    setSent((count) => count + 1);
    await onPassphrase(value);
  };

  const cancel = () => {
    if (error) dismissError(operation);
    onCancel();
  };

  // Only while open: a closed dialog shows nothing, so each error appears once, where the screen shows it,
  // and there is no hidden second passphrase field on the page.
  const text = open && error ? describeError(t, error) : null;
  const form = open ? (
    <form
      className="form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void confirm();
      }}
    >
      {body}
      <p className="muted">{t('passphraseConfirm.hint')}</p>
      <PassphraseField key={sent} value={passphrase} onChange={setPassphrase} tried={tried} />
      {text && (
        <div className="notice notice--error" role="alert" data-code={error?.code}>
          <p className="notice__title">{text.title}</p>
          <p>{text.detail}</p>
          {text.next && <p>{text.next}</p>}
        </div>
      )}
    </form>
  ) : null;
  return (
    <ConfirmDialog
      open={open}
      title={title}
      body={form}
      confirmLabel={busy ? t('common.working') : confirmLabel}
      cancelLabel={t('passphraseConfirm.cancel')}
      onConfirm={() => void confirm()}
      onCancel={cancel}
      danger={danger}
    />
  );
}
