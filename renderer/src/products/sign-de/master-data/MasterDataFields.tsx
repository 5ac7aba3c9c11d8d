import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BUNDESLAENDER, bundeslandCodes } from '../../../../../preload/contract/sign-de/tax-number';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { type MasterDataDraft, type MasterDataField, type MasterDataProblems, elsterTaxNumber, localTaxNumberPattern } from './master-data-draft';

interface MasterDataFieldsProps {
  value: MasterDataDraft;
  onChange(patch: Partial<MasterDataDraft>): void;
  /** Problems by field, shown beside it (the Steuernummer's at once, as it is typed). */
  problems: MasterDataProblems;
  showErrors: boolean;
  /** The heading level of "Taxpayer" and "Betriebsstätte" in the page. */
  level?: 2 | 3 | 4;
}

/** Taxpayer (name, Steuernummer with its Land and its ELSTER form shown live, USt-IdNr) and Betriebsstätte. */
export function MasterDataFields({ value, onChange, problems, showErrors, level = 3 }: MasterDataFieldsProps) {
  const { t } = useTranslation('sign-de');
  const Heading = `h${level}` as const;
  const taxpayerId = useId();
  const establishmentId = useId();
  const problem = (field: MasterDataField) => {
    const code = problems[field];
    return code ? t(`wizard.problems.${code}`) : null;
  };
  const text = (field: MasterDataField, options: { required?: boolean; hint?: string; inputMode?: 'numeric'; autoComplete?: string } = {}) => (
    <TextField
      label={t(`masterData.${field}Label` as 'masterData.legalNameLabel')}
      hint={options.hint}
      value={value[field]}
      onChange={(next) => onChange({ [field]: next })}
      required={options.required}
      inputMode={options.inputMode}
      autoComplete={options.autoComplete}
      error={problem(field)}
      showError={showErrors}
    />
  );
  const land = value.bundesland === '' ? null : value.bundesland;
  const elster = elsterTaxNumber(value);
  const typed = value.taxNumber.trim() !== '';

  return (
    <>
      <fieldset className="plain-fieldset master-data__group" aria-labelledby={taxpayerId}>
        <Heading id={taxpayerId} className="subsection__title">
          {t('masterData.taxpayerTitle')}
        </Heading>
        {text('legalName', { required: true, hint: t('masterData.legalNameHint'), autoComplete: 'organization' })}
        <SelectField
          label={t('masterData.bundeslandLabel')}
          value={value.bundesland}
          placeholder={t('masterData.bundeslandPlaceholder')}
          options={bundeslandCodes.map((code) => ({ value: code, label: BUNDESLAENDER[code].name }))}
          onChange={(bundesland) => onChange({ bundesland: bundesland as MasterDataDraft['bundesland'] })}
          error={showErrors ? problem('bundesland') : null}
        />
        <TextField
          label={t('masterData.taxNumberLabel')}
          hint={
            land
              ? `${t('masterData.taxNumberHint')} ${t('masterData.taxNumberForm', { land: BUNDESLAENDER[land].name, digits: localTaxNumberPattern(land).length, pattern: localTaxNumberPattern(land) })}`
              : t('masterData.taxNumberHint')
          }
          value={value.taxNumber}
          onChange={(taxNumber) => onChange({ taxNumber })}
          required
          mono
          spellCheck={false}
          // Once typed and the Land chosen, a number that does not fit the Land is said at once.
          error={problem('taxNumber')}
          showError={showErrors || (typed && land !== null)}
        />
        <p className="field__hint" role="status" data-testid="elster-tax-number">
          {elster && t('masterData.elsterNumber', { number: elster })}
        </p>
        {text('vatId', { hint: t('masterData.vatIdHint') })}
      </fieldset>
      <fieldset className="plain-fieldset master-data__group" aria-labelledby={establishmentId}>
        <Heading id={establishmentId} className="subsection__title">
          {t('masterData.establishmentTitle')}
        </Heading>
        {text('designation', { hint: t('masterData.designationHint') })}
        {text('street', { required: true, autoComplete: 'address-line1' })}
        <div className="field-pair">
          {text('houseNumber', { required: true, inputMode: 'numeric' })}
          {text('houseNumberSuffix', { hint: t('masterData.houseNumberSuffixHint') })}
        </div>
        <div className="field-pair">
          {text('postcode', { required: true, inputMode: 'numeric', autoComplete: 'postal-code' })}
          {text('town', { required: true, autoComplete: 'address-level2' })}
        </div>
      </fieldset>
    </>
  );
}
