import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { CompanionApi } from '../../preload/contract/api';
import { logToMain } from './bridge/log-to-main';
import { withStartupAnswers } from './bridge/startup-answers';
import { resolveBridge } from './bridge/unavailable-bridge';
import { App } from './shell/frame/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { bindLanguage } from './i18n/bind-language';
import { createI18n } from './shell/i18n/create-i18n';
import { createAppStore } from './shell/state/app-store';
import { StoreProvider } from './state/store-context';

const bridge = resolveBridge(window.companion as CompanionApi | undefined);
// The first screen's reads in one round trip (app:start); later calls go to main one by one.
const store = createAppStore(withStartupAnswers(bridge));
const i18n = createI18n();
const unbindLanguage = bindLanguage(store, i18n, document.documentElement);
const stop = store.getState().start();

/** React's own reports would print whole error messages; keep to the error's class, never its text. */
const errorKind = (error: unknown) => (error instanceof Error ? error.name : typeof error);

const container = document.getElementById('root');
if (!container) throw new Error('TSS Companion: #root is missing from index.html.');

createRoot(container, {
  onCaughtError: () => {}, // the ErrorBoundary reports these itself
  onUncaughtError: (error) => {
    console.error(`TSS Companion: the interface stopped (${errorKind(error)}).`);
    logToMain(bridge, { level: 'error', message: 'the interface stopped', context: { error: errorKind(error), screen: store.getState().screen } });
  },
  onRecoverableError: (error) => {
    console.warn(`TSS Companion: React recovered from an error (${errorKind(error)}).`);
    logToMain(bridge, { level: 'warn', message: 'React recovered from an error', context: { error: errorKind(error) } });
  },
}).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </StoreProvider>
    </I18nextProvider>
  </StrictMode>,
);

window.addEventListener('error', (event) => logToMain(bridge, { level: 'error', message: 'uncaught error in the page', context: { error: errorKind(event.error) } }));
window.addEventListener('unhandledrejection', (event) => logToMain(bridge, { level: 'error', message: 'unhandled rejection in the page', context: { error: errorKind(event.reason) } }));

window.addEventListener(
  'pagehide',
  () => {
    stop();
    unbindLanguage();
  },
  { once: true },
);
