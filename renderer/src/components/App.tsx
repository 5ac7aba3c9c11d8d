import { type ComponentType, useEffect, useRef } from 'react';
import { HomeScreen } from '../screens/HomeScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import type { Screen } from '../state/app-store';
import { useApp } from '../state/store-context';
import { AppHeader } from './AppHeader';
import { ConfirmLiveDialog } from './ConfirmLiveDialog';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorNotices } from './ErrorNotices';
import { MainNav } from './MainNav';

const screenComponents: Record<Screen, ComponentType> = {
  home: HomeScreen,
  settings: SettingsScreen,
};

/** The frame: header, navigation, messages and the current screen, which has its own error boundary. */
export function App() {
  const screen = useApp((state) => state.screen);
  const environment = useApp((state) => state.settings?.environment ?? 'unknown');
  const CurrentScreen = screenComponents[screen];
  useFocusHeadingOnNavigation(screen);

  return (
    <div className={`app app--env-${environment}`}>
      <AppHeader />
      <MainNav />
      <main className="app-main" id="main">
        <ErrorNotices />
        <ErrorBoundary resetKey={screen}>
          <CurrentScreen />
        </ErrorBoundary>
      </main>
      <ConfirmLiveDialog />
    </div>
  );
}

/** After a navigation (not on first render), focus the new screen's heading so it is announced. */
function useFocusHeadingOnNavigation(screen: Screen) {
  const previous = useRef(screen);
  useEffect(() => {
    if (previous.current === screen) return;
    previous.current = screen;
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [screen]);
}
