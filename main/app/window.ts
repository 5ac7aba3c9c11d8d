import { BrowserWindow, type WebPreferences } from 'electron';

/** Written out in full, defaults included, so a reviewer (and electronegativity) sees every choice. */
export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
  };
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  return new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 900,
    minHeight: 640,
    show: false,
    title: 'TSS Companion',
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences(preloadPath),
  });
}
