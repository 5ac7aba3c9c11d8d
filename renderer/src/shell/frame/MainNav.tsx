import { useTranslation } from 'react-i18next';
import { type Screen, navScreens } from '../state/app-store';
import { useApp } from '../../state/store-context';

/** The screens as buttons; the current one carries aria-current="page" (a store's overview counts as Home). */
export function MainNav() {
  const { t } = useTranslation();
  const current = useApp((state) => state.screen);
  const navigate = useApp((state) => state.navigate);
  const section: Screen = current === 'overview' || current === 'receipt' ? 'home' : current === 'activity' ? 'settings' : current;

  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul className="main-nav__list">
        {navScreens.map((screen) => (
          <li key={screen}>
            <button
              type="button"
              className="main-nav__button"
              aria-current={section === screen ? 'page' : undefined}
              onClick={() => navigate(screen)}
            >
              {t(`nav.${screen as 'home' | 'wizard' | 'recovery' | 'settings'}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
