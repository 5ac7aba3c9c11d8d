import { useTranslation } from 'react-i18next';
import { MIN_PIN_LENGTH } from '../../../../../preload/contract/sign-de/store-rules';
import type { DraftProblem, PinMode } from './wizard-rules';
import { problemText } from './problem-text';
import { ChoiceGroup } from '../../../ui/ChoiceGroup';
import { TextField } from '../../../ui/TextField';

interface NewPinFieldsProps {
  legend: string;
  mode: PinMode;
  pin: string;
  repeat: string;
  onMode(mode: PinMode): void;
  onPin(pin: string): void;
  onRepeat(repeat: string): void;
  problems: { adminPin?: DraftProblem; adminPinRepeat?: DraftProblem };
  showErrors: boolean;
}

/** Generate an admin PIN (the default) or type one's own twice; either way it goes to the vault. */
export function NewPinFields({ legend, mode, pin, repeat, onMode, onPin, onRepeat, problems, showErrors }: NewPinFieldsProps) {
  const { t } = useTranslation('sign-de');
  return (
    <>
      <ChoiceGroup<PinMode>
        legend={legend}
        value={mode}
        onChange={onMode}
        choices={[
          { value: 'generate', label: t('pin.generate'), description: t('pin.generateDescription') },
          { value: 'own', label: t('pin.own'), description: t('pin.ownDescription', { min: MIN_PIN_LENGTH }) },
        ]}
      />
      {mode === 'own' && (
        <div className="field-group">
          <TextField
            label={t('pin.pinLabel')}
            hint={t('pin.pinHint', { min: MIN_PIN_LENGTH })}
            type="password"
            autoComplete="new-password"
            value={pin}
            onChange={onPin}
            mono
            error={problems.adminPin ? problemText(t, problems.adminPin) : null}
            showError={showErrors}
          />
          <TextField
            label={t('pin.repeatLabel')}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={onRepeat}
            mono
            error={problems.adminPinRepeat ? problemText(t, problems.adminPinRepeat) : null}
            showError={showErrors}
          />
        </div>
      )}
    </>
  );
}
