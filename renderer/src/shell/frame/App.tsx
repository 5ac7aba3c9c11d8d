import { type ComponentType, lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { productScreens } from '../../products';
import { useApp } from '../../state/store-context';
import type { Screen } from '../../state/store-types';
import type { ActionOnView } from '../../state/ui-error';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { ErrorNotices } from '../../ui/ErrorNotices';
import { FileChooserDialog } from '../../ui/save/FileChooserDialog';
import { ShellPartsProvider } from '../../ui/shell-parts';
import { HomeScreen } from '../home/HomeScreen';
import { shellParts } from '../shell-parts';
import { actionsOnView, claimedAreas } from '../state/error-areas';
import { AppHeader } from './AppHeader';
import { ConfirmLiveDialog } from './ConfirmLiveDialog';
import { MainNav } from './MainNav';

/**
 * Home is part of the first bundle; the other screens (and what only they use, such as the QR code
 * library) load on first use, or earlier once the app is idle, so the first screen comes up sooner.
 */
function lazyScreen(load: () => Promise<ComponentType>) {
  let loaded: ComponentType | null = null;
  const preload = () =>
    load().then((component) => {
      loaded = component;
      return component;
    });
  const component = lazy(() => {
    const ready = loaded;
    if (!ready) return preload().then((screen) => ({ default: screen }));
    // Already preloaded: a thenable that resolves at once, which React.lazy takes without suspending.
    const resolved = { then: (resolve: (module: { default: ComponentType }) => void) => resolve({ default: ready }) };
    return resolved as unknown as Promise<{ default: ComponentType }>;
  });
  return { component, preload };
}

const lazyScreens = {
  wizard: lazyScreen(productScreens.wizard),
  recovery: lazyScreen(productScreens.recovery),
  overview: lazyScreen(productScreens.overview),
  receipt: lazyScreen(productScreens.receipt),
  migration: lazyScreen(productScreens.migration),
  settings: lazyScreen(() => import('../settings/SettingsScreen').then((module) => module.SettingsScreen)),
  activity: lazyScreen(() => import('../activity/ActivityScreen').then((module) => module.ActivityScreen)),
} satisfies Record<Exclude<Screen, 'home'>, ReturnType<typeof lazyScreen>>;

const screenComponents: Record<Screen, ComponentType> = {
  home: HomeScreen,
  wizard: lazyScreens.wizard.component,
  recovery: lazyScreens.recovery.component,
  overview: lazyScreens.overview.component,
  receipt: lazyScreens.receipt.component,
  migration: lazyScreens.migration.component,
  settings: lazyScreens.settings.component,
  activity: lazyScreens.activity.component,
};

/** The frame: header, navigation, messages and the current screen, which has its own error boundary. */
export function App() {
  const screen = useApp((state) => state.screen);
  const wizardStep = useApp((state) => state.wizard.step);
  const environment = useApp((state) => state.settings?.environment ?? 'unknown');
  // Joined, so the selector's answer is a string that only changes when the actions do.
  const onView = useApp((state) => actionsOnView(state).join(' ')).split(' ') as ActionOnView[];
  const CurrentScreen = screenComponents[screen];
  usePreloadScreensWhenIdle();

  return (
    <div className={`app app--env-${environment}`}>
      <AppHeader />
      <MainNav />
      <main className="app-main" id="main">
        <ErrorNotices exclude={claimedAreas(screen, wizardStep)} actionsOnView={onView} />
        <ErrorBoundary resetKey={screen}>
          <Suspense fallback={<ScreenLoading />}>
            <ShellPartsProvider parts={shellParts}>
              <CurrentScreen />
            </ShellPartsProvider>
            <FocusHeadingOnNavigation screen={screen} />
          </Suspense>
        </ErrorBoundary>
      </main>
      <ConfirmLiveDialog />
      <FileChooserDialog />
    </div>
  );
}

/** Shown while a screen's code loads. */
function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <p className="screen__placeholder" role="status">
      {t('common.loading')}
    </p>
  );
}

/**
 * After a navigation (not on first render), focus the new screen's heading so it is announced. Inside
 * the screen's Suspense boundary, so this runs once the screen is shown, not while its code loads.
 */
function FocusHeadingOnNavigation({ screen }: { screen: Screen }) {
  const previous = useRef(screen);
  useEffect(() => {
    if (previous.current === screen) return;
    previous.current = screen;
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [screen]);
  return null;
}

/** The first screen's start is left alone for this long before the other screens are fetched. */
const PRELOAD_AFTER_MS = 2000;

/** Once the first screen is up and the app idle, fetch the other screens so navigating never waits. */
function usePreloadScreensWhenIdle() {
  useEffect(() => {
    const preload = () => {
      for (const screen of Object.values(lazyScreens)) screen.preload().catch(() => {}); // a failure shows on use
    };
    let idle: number | undefined;
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(preload, { timeout: 2000 });
      else preload();
    }, PRELOAD_AFTER_MS);
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, []);
}
