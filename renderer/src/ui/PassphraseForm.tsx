import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './TextField';
import { passphraseProblem } from './passphrase-problem';
import type { Operation } from '../state/ui-error';
import { ActionError } from './ActionError';
import { sendPassphrase } from './send-passphrase';

interface PassphraseSubmitOptions {
  busy: boolean;
  /** Gets the passphrase, which the form has already cleared. */
  onPassphrase(passphrase: string): Promise<unknown>;
  /** False while something else the form needs is missing (the passphrase is kept then). */
  ready?: boolean;
  /** Called on every submit attempt, before the checks. */
  onAttempt?(): void;
}

/**
 * A form's passphrase: kept until a submit that can go ahead, then cleared before the call, so it
 * stays in memory no longer than needed. `tried` shows the "missing" error after a failed attempt.
 */
export function usePassphraseSubmit({ busy, onPassphrase, ready = true, onAttempt }: PassphraseSubmitOptions) {
  const [passphrase, setPassphrase] = useState('');
  const [tried, setTried] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    onAttempt?.();
    if (!ready || passphrase === '' || busy) return;
    setTried(false);
    await sendPassphrase(passphrase, onPassphrase, setPassphrase);
  };

  return {
    onSubmit: (event: FormEvent) => void submit(event),
    field: { value: passphrase, onChange: setPassphrase, tried },
  };
}

interface PassphraseFieldProps {
  value: string;
  onChange(value: string): void;
  tried: boolean;
  /** Defaults to the recovery passphrase's label. */
  label?: string;
  autoComplete?: string;
}

/** A password field that must not be empty: it says so after a submit that found it empty, never while its sent value is processed. */
export function PassphraseField({ value, onChange, tried, label, autoComplete = 'current-password' }: PassphraseFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={label ?? t('vault.passphraseLabel')}
      type="password"
      autoComplete={autoComplete}
      value={value}
      onChange={onChange}
      error={passphraseProblem(value, tried) === 'missing' ? t('vault.passphraseMissing') : null}
      showError={tried}
    />
  );
}

/** The form's submit button, which says it is working while busy (and then does nothing). */
export function BusySubmit({ busy, label, primary }: { busy: boolean; label: string; primary?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <button type="submit" className={primary ? 'button button--primary' : 'button'} aria-disabled={busy || undefined}>
        {busy ? t('common.working') : label}
      </button>
    </div>
  );
}

interface PassphraseFormProps {
  /** Shown above the field. */
  intro: ReactNode;
  buttonLabel: string;
  primary?: boolean;
  busy: boolean;
  onPassphrase(passphrase: string): Promise<unknown>;
  /** The call this form makes: its error is shown right below the button. */
  operation: Operation;
  /** Which passphrase (defaults to the recovery passphrase's label). */
  label?: string;
  /** Shown below the button. */
  children?: ReactNode;
}

/** A form that asks for the recovery passphrase and hands it to one call. */
export function PassphraseForm({ intro, buttonLabel, primary, busy, onPassphrase, operation, label, children }: PassphraseFormProps) {
  const { onSubmit, field } = usePassphraseSubmit({ busy, onPassphrase });
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {intro}
      <PassphraseField {...field} label={label} />
      <BusySubmit busy={busy} label={buttonLabel} primary={primary} />
      <ActionError operations={[operation]} />
      {children}
    </form>
  );
}
