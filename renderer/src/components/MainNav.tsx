import { useTranslation } from 'react-i18next';
import { type Screen, screens } from '../state/app-store';
import { useApp } from '../state/store-context';

/** The screens as buttons; the current one carries aria-current="page". */
export function MainNav() {
  const { t } = useTranslation();
  const current = useApp((state) => state.screen);
  const navigate = useApp((state) => state.navigate);
  const label = (screen: Screen) => (screen === 'home' ? t('nav.home') : t('nav.settings'));

  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul className="main-nav__list">
        {screens.map((screen) => (
          <li key={screen}>
            <button
              type="button"
              className="main-nav__button"
              aria-current={current === screen ? 'page' : undefined}
              onClick={() => navigate(screen)}
            >
              {label(screen)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
