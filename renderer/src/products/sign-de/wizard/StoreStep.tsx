import { useTranslation } from 'react-i18next';
import { STORE_NAME_MAX } from '../../../../../preload/contract/sign-de/store-rules';
import { TextField } from '../../../ui/TextField';
import { useApp } from '../../../state/store-context';
import type { StepProblems } from './wizard-rules';
import { problemText } from './problem-text';

/** The store's name, its address as printed on the receipt, and the TSS description. */
export function StoreStep({ problems, showErrors }: { problems: StepProblems; showErrors: boolean }) {
  const { t } = useTranslation('sign-de');
  const draft = useApp((state) => state.wizard.draft);
  const updateDraft = useApp((state) => state.updateDraft);
  const problem = (field: keyof StepProblems) => {
    const code = problems[field];
    return code ? problemText(t, code) : null;
  };

  return (
    <div className="step-body">
      <TextField
        label={t('wizard.store.nameLabel')}
        hint={t('wizard.store.nameHint')}
        value={draft.storeName}
        onChange={(storeName) => updateDraft({ storeName })}
        required
        maxLength={STORE_NAME_MAX + 20}
        error={problem('storeName')}
        showError={showErrors}
      />
      <TextField
        label={t('wizard.store.addressLabel')}
        hint={t('wizard.store.addressHint')}
        rows={4}
        value={draft.storeAddress}
        onChange={(storeAddress) => updateDraft({ storeAddress })}
        error={problem('storeAddress')}
        showError={showErrors}
      />
      <TextField
        label={t('wizard.store.descriptionLabel')}
        hint={t('wizard.store.descriptionHint')}
        value={draft.tssDescription}
        onChange={(tssDescription) => updateDraft({ tssDescription })}
        error={problem('tssDescription')}
        showError={showErrors}
        spellCheck={false}
      />
    </div>
  );
}
