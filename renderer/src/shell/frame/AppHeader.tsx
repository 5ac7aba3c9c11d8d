import { useTranslation } from 'react-i18next';
import { EnvironmentBadge } from './EnvironmentBadge';
import { LanguageSwitcher } from './LanguageSwitcher';

/** Product name, environment badge and language switch: the part of the frame that never changes. */
export function AppHeader() {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__name">{t('app.name')}</span>
        <span className="app-header__tagline">{t('app.tagline')}</span>
      </div>
      <EnvironmentBadge />
      <LanguageSwitcher />
    </header>
  );
}
