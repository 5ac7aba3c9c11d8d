import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../../preload/contract/core/vault';
import { TextField } from '../../ui/TextField';
import { passphraseProblem } from '../../ui/passphrase-problem';

/** Whether a new vault passphrase and its repetition may be sent: long enough, and the same twice. */
export const newPassphraseReady = (passphrase: string, repeat: string): boolean => passphrase.length >= MIN_PASSPHRASE_LENGTH && repeat === passphrase;

/**
 * A new vault passphrase, typed twice: too short is said at the first field, a mismatch at the second
 * (and only once the first is right), both only after a submit (`tried`).
 */
export function NewPassphraseFields({
  labels,
  passphrase,
  repeat,
  tried,
  onPassphrase,
  onRepeat,
}: {
  labels: { passphrase: string; repeat: string };
  passphrase: string;
  repeat: string;
  tried: boolean;
  onPassphrase(value: string): void;
  onRepeat(value: string): void;
}) {
  const { t } = useTranslation();
  const tooShort = passphraseProblem(passphrase, tried, { min: MIN_PASSPHRASE_LENGTH });
  const mismatch = !tooShort && passphraseProblem(repeat, tried, { repeatOf: passphrase });
  return (
    <>
      <TextField
        label={labels.passphrase}
        hint={t('vault.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onChange={onPassphrase}
        error={tooShort ? t('vault.passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH }) : null}
        showError={tried}
      />
      <TextField
        label={labels.repeat}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={onRepeat}
        error={mismatch ? t('vault.passphraseMismatch') : null}
        showError={tried}
      />
    </>
  );
}
