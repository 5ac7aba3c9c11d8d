import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../preload/contract/settings';
import { uiLanguages } from '../i18n/languages';
import { environmentOrder } from '../state/settings-values';
import { useApp } from '../state/store-context';

/** Language and environment as labelled radio groups; choosing LIVE opens the confirmation first. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useApp((state) => state.settings);
  const loading = useApp((state) => state.loadingSettings);
  const saving = useApp((state) => state.saving);

  return (
    <div className="screen">
      <h1 className="screen__title" tabIndex={-1}>
        {t('settings.title')}
      </h1>
      {settings ? (
        <>
          <LanguageChoice settings={settings} />
          <EnvironmentChoice settings={settings} />
        </>
      ) : (
        <p className="screen__placeholder">{loading ? t('settings.loading') : t('settings.unavailable')}</p>
      )}
      <p className="screen__status" role="status">
        {saving ? t('settings.saving') : ''}
      </p>
    </div>
  );
}

function LanguageChoice({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const setLanguage = useApp((state) => state.setLanguage);
  const name = useId();
  return (
    <fieldset className="card choice">
      <legend className="choice__legend">{t('settings.languageLegend')}</legend>
      {uiLanguages.map((language) => (
        <label key={language} className="choice__option">
          <input
            type="radio"
            name={name}
            value={language}
            checked={settings.language === language}
            onChange={() => void setLanguage(language)}
          />
          <span className="choice__label" lang={language}>
            {t(`language.names.${language}`)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function EnvironmentChoice({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const requestEnvironment = useApp((state) => state.requestEnvironment);
  const name = useId();
  const hintId = useId();
  return (
    <fieldset className="card choice" aria-describedby={hintId}>
      <legend className="choice__legend">{t('settings.environmentLegend')}</legend>
      <p id={hintId} className="choice__hint">
        {t('settings.environmentHint')}
      </p>
      {environmentOrder.map((environment) => {
        const labelId = `${name}-${environment}-label`;
        const descriptionId = `${name}-${environment}-description`;
        return (
          <label key={environment} className={`choice__option choice__option--${environment}`}>
            <input
              type="radio"
              name={name}
              value={environment}
              checked={settings.environment === environment}
              aria-labelledby={labelId}
              aria-describedby={descriptionId}
              onChange={() => void requestEnvironment(environment)}
            />
            <span className="choice__text">
              <span id={labelId} className="choice__label">
                {t(`environment.names.${environment}`)}
              </span>
              <span id={descriptionId} className="choice__description">
                {t(`environment.descriptions.${environment}`)}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
