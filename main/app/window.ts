import { BrowserWindow, app } from 'electron';
import { DEFAULT_SIZE, MIN_SIZE, type WindowState } from './window-state';

/**
 * Every web preference is written out, defaults included, inline in the constructor call: a reviewer and
 * electronegativity (which reads only literal options) then see every choice.
 */
export function createMainWindow(preloadPath: string, place?: WindowState): BrowserWindow {
  const window = new BrowserWindow({
    ...(place ? place.bounds : DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'TSS Companion',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK: reviewed; sandboxed, isolated, exposes only the typed contract
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      // Developer tools only in a development build: a packaged app has no way into the page's internals.
      devTools: !app.isPackaged,
    },
  });
  if (place?.maximized) window.maximize();
  return window;
}
