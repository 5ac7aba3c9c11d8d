import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { type TillDetailsDraft, easKinds, tillDetailsProblems } from './master-data-draft';

interface TillDetailsFieldsProps {
  value: Partial<TillDetailsDraft>;
  onChange(patch: Partial<TillDetailsDraft>): void;
  /** For a till's own details: what it takes from the details for all tills, shown as the hint. */
  inherited?: TillDetailsDraft;
  showErrors?: boolean;
}

type TextDetail = Exclude<keyof TillDetailsDraft, 'kind'>;

/** Art des eAs (the five ELSTER labels), software and version, maker and model, acquisition and commissioning dates. */
export function TillDetailsFields({ value, onChange, inherited, showErrors = false }: TillDetailsFieldsProps) {
  const { t } = useTranslation('sign-de');
  const problems = tillDetailsProblems({ kind: '', software: '', softwareVersion: '', manufacturer: '', model: '', acquisitionDate: '', commissioningDate: '', ...value });
  const inheritedHint = (field: keyof TillDetailsDraft, shown?: string) => {
    const from = inherited?.[field];
    return from ? t('masterData.inherited', { value: shown ?? from }) : undefined;
  };
  const field = (name: TextDetail, options: { hint?: string; date?: boolean } = {}) => {
    const code = problems[name];
    const hint = [options.hint, inheritedHint(name)].filter(Boolean).join(' ') || undefined;
    return (
      <TextField
        label={t(`masterData.${name}Label`)}
        hint={hint}
        type={options.date ? 'date' : 'text'}
        value={value[name] ?? ''}
        onChange={(next) => onChange({ [name]: next })}
        error={code ? t(`masterData.tillProblems.${code}`) : null}
        showError={showErrors}
      />
    );
  };
  const inheritedKind = inherited?.kind ? t(`masterData.kinds.${inherited.kind}`) : undefined;

  return (
    <div className="till-details">
      <SelectField
        label={t('masterData.kindLabel')}
        hint={inheritedHint('kind', inheritedKind)}
        value={value.kind ?? ''}
        placeholder={inherited ? t('clients.sameAsAll') : t('masterData.kindPlaceholder')}
        options={easKinds.map((kind) => ({ value: kind, label: `${kind} – ${t(`masterData.kinds.${kind}`)}` }))}
        onChange={(kind) => onChange({ kind: kind as TillDetailsDraft['kind'] })}
      />
      <div className="field-pair">
        {field('software')}
        {field('softwareVersion')}
      </div>
      <div className="field-pair">
        {field('manufacturer')}
        {field('model')}
      </div>
      <div className="field-pair">
        {field('acquisitionDate', { hint: t('masterData.acquisitionDateHint'), date: true })}
        {field('commissioningDate', { hint: t('masterData.commissioningDateHint'), date: true })}
      </div>
    </div>
  );
}
