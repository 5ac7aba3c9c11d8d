import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../preload/contract/core/settings';
import { productSettingsCards } from '../../products';
import { EnvironmentChoice } from './EnvironmentChoice';
import { SupportCard } from './SupportCard';
import { uiLanguages } from '../../i18n/languages';
import { useApp } from '../../state/store-context';

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
          <EnvironmentChoice />
        </>
      ) : (
        <p className="screen__placeholder">{loading ? t('settings.loading') : t('settings.unavailable')}</p>
      )}
      <p className="screen__status" role="status">
        {saving ? t('settings.saving') : ''}
      </p>
      <SupportCard />
      {productSettingsCards.map((Cards, index) => (
        <Cards key={index} />
      ))}
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
