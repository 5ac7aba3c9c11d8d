import { type BrowserWindow, Menu, app, dialog, ipcMain, powerSaveBlocker, protocol, screen, session, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import { APP_ENTRY_URL } from '../core/renderer-assets';
import { createServices } from '../services';
import { appMenuTemplate, rebuildOnLanguageChange } from './app-menu';
import { attachEditContextMenu } from './context-menu';
import { createElectronFilesPort } from './electron-files-port';
import { createElectronPrintPort } from './electron-print-port';
import { openElectronStore } from './electron-settings-store';
import { hardenWebContents, refusePermissions } from './guards';
import { forwardEvents, registerIpcHandlers } from './ipc';
import { electronNetExchange } from './net-exchange';
import { registerAppScheme, serveRenderer } from './protocol';
import { guardQuit } from './quit-guard';
import { closeBeforeQuit } from './quit-sequence';
import { followRunActivity } from './run-activity';
import { createSafeStorageWrapper } from './safe-storage-wrapper';
import { createMainWindow } from './window';
import { placeWindow, readWindowState, rememberWindowState } from './window-state';

const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  let window: BrowserWindow | null = null;
  const ourContents = () => (window && !window.isDestroyed() ? window.webContents : null);
  const ourWindow = () => (window && !window.isDestroyed() ? window : null);

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    refusePermissions(session.defaultSession);
    serveRenderer(protocol, rendererDir);
    const dataDir = app.getPath('userData');
    const services = createServices({
      dataDir,
      version: app.getVersion(),
      openStore: openElectronStore,
      // After `ready`: before it, safeStorage cannot tell whether the OS keychain is there.
      keyWrapper: createSafeStorageWrapper(),
      printPort: createElectronPrintPort(ourContents),
      // The language is read when a dialog opens, long after the services exist.
      files: createElectronFilesPort({ dialog, shell, window: ourWindow, documentsDir: app.getPath('documents'), language: () => services.settings.get().language }),
      // After `ready`: net.fetch needs the app's default session.
      exchange: electronNetExchange(),
      logShell: 'app',
    });
    registerIpcHandlers(ipcMain, ourContents, services.dispatch);
    forwardEvents(services.events, ourContents);
    const runs = followRunActivity(services.events, powerSaveBlocker, ourWindow);
    closeBeforeQuit(app, {
      running: () => runs.running(),
      cancel: (runId) => services.dispatch('provisioning:cancel', { runId }),
      stopFollowing: () => runs.stop(),
      close: () => services.close(),
      failed: (error) => console.error('Closing the services failed:', error instanceof Error ? error.message : String(error)),
    });

    const language = () => services.settings.get().language;
    const setMenu = () =>
      Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ packaged: app.isPackaged, platform: process.platform, appName: app.getName(), language: language() })));
    setMenu();
    rebuildOnLanguageChange(services.events, language, setMenu);

    const windowStore = openElectronStore('window-state', dataDir);
    const workAreas = () => [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
    window = createMainWindow(preloadPath, placeWindow(readWindowState(windowStore), workAreas()));
    rememberWindowState(window, windowStore);
    guardQuit(window, {
      running: () => runs.running().length,
      language,
      ask: (question) => (window ? dialog.showMessageBoxSync(window, question) : dialog.showMessageBoxSync(question)),
    });
    attachEditContextMenu(window.webContents, Menu, language);
    window.once('ready-to-show', () => window?.show());
    void window.loadURL(APP_ENTRY_URL);
  });
}
