import { type ComponentType, useEffect, useRef } from 'react';
import { HomeScreen } from '../screens/HomeScreen';
import { OverviewScreen } from '../screens/OverviewScreen';
import { ReceiptScreen } from '../screens/ReceiptScreen';
import { RecoveryScreen } from '../screens/RecoveryScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { WizardScreen } from '../screens/WizardScreen';
import type { Screen } from '../state/app-store';
import { claimedAreas } from '../state/error-areas';
import { useApp } from '../state/store-context';
import { AppHeader } from './AppHeader';
import { ConfirmLiveDialog } from './ConfirmLiveDialog';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorNotices } from './ErrorNotices';
import { MainNav } from './MainNav';

const screenComponents: Record<Screen, ComponentType> = {
  home: HomeScreen,
  wizard: WizardScreen,
  recovery: RecoveryScreen,
  overview: OverviewScreen,
  receipt: ReceiptScreen,
  settings: SettingsScreen,
};

/** The frame: header, navigation, messages and the current screen, which has its own error boundary. */
export function App() {
  const screen = useApp((state) => state.screen);
  const wizardStep = useApp((state) => state.wizard.step);
  const environment = useApp((state) => state.settings?.environment ?? 'unknown');
  const CurrentScreen = screenComponents[screen];
  useFocusHeadingOnNavigation(screen);

  return (
    <div className={`app app--env-${environment}`}>
      <AppHeader />
      <MainNav />
      <main className="app-main" id="main">
        <ErrorNotices exclude={claimedAreas(screen, wizardStep)} />
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
