import { useTranslation } from 'react-i18next';
import { uiLanguages } from '../../i18n/languages';
import { useApp } from '../../state/store-context';

/**
 * DE / EN toggle buttons. The accessible name starts with the visible "DE"/"EN" (so voice control finds it)
 * and goes on with the language's own name ("Deutsch", "English") whatever the UI shows.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const setLanguage = useApp((state) => state.setLanguage);
  const saving = useApp((state) => state.saving);
  const current = useApp((state) => state.settings?.language) ?? i18n.language;

  return (
    <div className="lang-switch" role="group" aria-label={t('language.switcherLabel')}>
      {uiLanguages.map((language) => (
        <button
          key={language}
          type="button"
          className="lang-switch__button"
          lang={language}
          aria-pressed={current === language}
          aria-disabled={saving || undefined}
          onClick={() => {
            if (!saving) void setLanguage(language);
          }}
        >
          {language.toUpperCase()}
          <span className="visually-hidden"> – {t(`language.names.${language}`)}</span>
        </button>
      ))}
    </div>
  );
}
