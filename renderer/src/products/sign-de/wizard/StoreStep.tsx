import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STORE_NAME_MAX } from '../../../../../preload/contract/sign-de/store-rules';
import { TextField } from '../../../ui/TextField';
import { useApp } from '../../../state/store-context';
import { type StepProblems, tssDescriptionOf } from './wizard-rules';
import { problemText } from './problem-text';
import { MasterDataFields } from '../master-data/MasterDataFields';
import { type MasterDataProblems, emptyMasterData } from '../master-data/master-data-draft';

/** The store's name, the TSS description (as fiskaly will get it), and the taxpayer and Betriebsstätte. */
export function StoreStep({ problems, showErrors }: { problems: StepProblems; showErrors: boolean }) {
  const { t } = useTranslation('sign-de');
  const draft = useApp((state) => state.wizard.draft);
  const updateDraft = useApp((state) => state.updateDraft);
  const updateMasterData = useApp((state) => state.updateMasterData);
  const sandbox = useApp((state) => state.settings?.environment === 'sandbox');
  const titleId = useId();
  const problem = (field: keyof StepProblems) => {
    const code = problems[field];
    return code ? problemText(t, code) : null;
  };
  const description = tssDescriptionOf(draft);
  // In the sandbox the master data is optional and folded away, unless something was typed into it.
  const masterDataTyped = Object.entries(draft.masterData).some(([field, value]) => value !== emptyMasterData[field as keyof typeof emptyMasterData]);
  const [opened, setOpened] = useState(false);
  const open = opened || !sandbox || masterDataTyped;

  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h3 id={titleId} className="subsection__title">
        {t('wizard.sections.store')}
      </h3>
      <TextField
        label={t('wizard.store.nameLabel')}
        hint={t('wizard.store.nameHint', { max: STORE_NAME_MAX })}
        value={draft.storeName}
        onChange={(storeName) => updateDraft({ storeName })}
        required
        maxLength={STORE_NAME_MAX}
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
      <p className="muted" role="status">
        {description !== '' && t('wizard.store.descriptionSent', { description })}
      </p>
      <details className="subsection" open={open || undefined} onToggle={(event) => setOpened(event.currentTarget.open)}>
        <summary className="subsection__title">{t('wizard.sections.masterData')}</summary>
        <p className="muted">{sandbox ? t('masterData.sandboxNote') : t('masterData.requiredNote')}</p>
        <MasterDataFields value={draft.masterData} onChange={updateMasterData} problems={problems as MasterDataProblems} showErrors={showErrors} level={4} />
      </details>
    </section>
  );
}
