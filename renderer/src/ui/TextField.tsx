import { type ChangeEvent, type Ref, useId, useState } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password' | 'date';
  /** A textarea instead of an input. */
  rows?: number;
  hint?: string;
  /** Shown (and announced) once the field was left or `showError` is set. */
  error?: string | null;
  showError?: boolean;
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric';
  maxLength?: number;
  spellCheck?: boolean;
  /** For a monospace field (serials, PINs). */
  mono?: boolean;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
  name?: string;
}

/** A labelled input or textarea with its hint and its error tied to it (aria-describedby, aria-invalid). */
export function TextField(props: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [left, setLeft] = useState(false);
  const showError = Boolean(props.error) && (left || props.showError === true);
  const describedBy = [props.hint ? hintId : null, showError ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: props.name,
    value: props.value,
    required: props.required,
    disabled: props.disabled,
    maxLength: props.maxLength,
    spellCheck: props.spellCheck,
    autoComplete: props.autoComplete ?? 'off',
    'aria-describedby': describedBy,
    'aria-invalid': showError || undefined,
    className: `field__input${props.mono ? ' field__input--mono' : ''}`,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => props.onChange(event.target.value),
    onBlur: () => setLeft(true),
    ref: props.inputRef,
  };

  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {props.label}
      </label>
      {props.hint && (
        <p id={hintId} className="field__hint">
          {props.hint}
        </p>
      )}
      {props.rows ? <textarea rows={props.rows} {...common} /> : <input type={props.type ?? 'text'} inputMode={props.inputMode} {...common} />}
      {showError && (
        <p id={errorId} className="field__error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
