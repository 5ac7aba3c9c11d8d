import { useTranslation } from 'react-i18next';
import { STORE_NAME_MAX } from '../../../../../preload/contract/sign-de/store-rules';
import { TextField } from '../../../ui/TextField';
import { useApp } from '../../../state/store-context';
import type { StepProblems } from './wizard-rules';
import { problemText } from './problem-text';
import { MasterDataFields } from '../master-data/MasterDataFields';
import type { MasterDataProblems } from '../master-data/master-data-draft';

/** The store's name, its address as printed on the receipt, the TSS description, and the taxpayer and Betriebsstätte. */
export function StoreStep({ problems, showErrors }: { problems: StepProblems; showErrors: boolean }) {
  const { t } = useTranslation('sign-de');
  const draft = useApp((state) => state.wizard.draft);
  const updateDraft = useApp((state) => state.updateDraft);
  const updateMasterData = useApp((state) => state.updateMasterData);
  const sandbox = useApp((state) => state.settings?.environment === 'sandbox');
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
        label={t('wizard.store.descriptionLabel')}
        hint={t('wizard.store.descriptionHint')}
        value={draft.tssDescription}
        onChange={(tssDescription) => updateDraft({ tssDescription })}
        error={problem('tssDescription')}
        showError={showErrors}
        spellCheck={false}
      />
      <p className="muted">{sandbox ? t('masterData.sandboxNote') : t('masterData.requiredNote')}</p>
      <MasterDataFields value={draft.masterData} onChange={updateMasterData} problems={problems as MasterDataProblems} showErrors={showErrors} />
    </div>
  );
}
