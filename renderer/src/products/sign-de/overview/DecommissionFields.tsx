import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/TextField';
import { type DecommissionDraft, decommissionProblems } from './decommission';

/** When and why a till or the TSE was taken out of use (both go into the notification). */
export function DecommissionFields({
  value,
  onChange,
  showErrors,
  dateLabel,
  reasonLabel,
  reasonHint,
}: {
  value: DecommissionDraft;
  onChange(value: DecommissionDraft): void;
  showErrors: boolean;
  dateLabel: string;
  reasonLabel: string;
  reasonHint: string;
}) {
  const { t } = useTranslation('sign-de');
  const problems = decommissionProblems(value);
  return (
    <>
      <TextField
        label={dateLabel}
        type="date"
        value={value.date}
        onChange={(date) => onChange({ ...value, date })}
        required
        error={problems.date ? t(`overview.${problems.date}`) : null}
        showError={showErrors}
      />
      <TextField
        label={reasonLabel}
        hint={reasonHint}
        value={value.reason}
        onChange={(reason) => onChange({ ...value, reason })}
        required
        maxLength={200}
        error={problems.reason ? t(`overview.${problems.reason}`) : null}
        showError={showErrors}
      />
    </>
  );
}
