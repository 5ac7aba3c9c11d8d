import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NewPinFields } from './NewPinFields';
import { useApp } from '../../../state/store-context';
import type { StepProblems } from './wizard-rules';

/** The TSS's admin PIN: generated (recommended, nothing to do) or the technician's own; either way kept in the vault. */
export function PinStep({ problems, showErrors }: { problems: StepProblems; showErrors: boolean }) {
  const { t } = useTranslation('sign-de');
  const draft = useApp((state) => state.wizard.draft);
  const updateDraft = useApp((state) => state.updateDraft);
  const titleId = useId();
  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h3 id={titleId} className="subsection__title">
        {t('wizard.sections.pin')}
      </h3>
      <p className="muted">{t('wizard.pin.vaultNote')}</p>
      <NewPinFields
        legend={t('wizard.pin.legend')}
        mode={draft.pinMode}
        pin={draft.adminPin}
        repeat={draft.adminPinRepeat}
        onMode={(pinMode) => updateDraft({ pinMode, adminPin: '', adminPinRepeat: '' })}
        onPin={(adminPin) => updateDraft({ adminPin })}
        onRepeat={(adminPinRepeat) => updateDraft({ adminPinRepeat })}
        problems={problems}
        showErrors={showErrors}
      />
    </section>
  );
}
