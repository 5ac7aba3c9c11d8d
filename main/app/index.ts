import { type BrowserWindow, app, ipcMain, protocol, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { APP_ENTRY_URL } from '../core/renderer-assets';
import { createServices } from '../services';
import { createElectronPrintPort } from './electron-print-port';
import { openElectronStore } from './electron-settings-store';
import { hardenWebContents, refusePermissions } from './guards';
import { forwardEvents, registerIpcHandlers } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { createSafeStorageWrapper } from './safe-storage-wrapper';
import { createMainWindow } from './window';

const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  let window: BrowserWindow | null = null;
  const ourContents = () => (window && !window.isDestroyed() ? window.webContents : null);

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    refusePermissions(session.defaultSession);
    serveRenderer(protocol, rendererDir);
    const services = createServices({
      dataDir: app.getPath('userData'),
      version: app.getVersion(),
      openStore: openElectronStore,
      // After `ready`: before it, safeStorage cannot tell whether the OS keychain is there.
      keyWrapper: createSafeStorageWrapper(),
      printPort: createElectronPrintPort(ourContents),
      logShell: 'app',
    });
    registerIpcHandlers(ipcMain, ourContents, services.dispatch);
    forwardEvents(services.events, ourContents);
    app.on('will-quit', () => void services.close());

    window = createMainWindow(preloadPath);
    window.once('ready-to-show', () => window?.show());
    void window.loadURL(APP_ENTRY_URL);
  });
}
