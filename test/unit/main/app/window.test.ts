import { describe, expect, it } from 'vitest';
import { createMainWindow } from '../../../../main/app/window';
import { BrowserWindow, app } from '../../../fakes/electron';

describe('createMainWindow', () => {
  it('creates the window with the hardened web preferences written out', () => {
    const window = createMainWindow('/app/out/preload/index.cjs') as unknown as BrowserWindow;
    const prefs = (window.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(BrowserWindow.created).toContain(window);
  });

  it('offers developer tools only in a development build, never in a packaged one', () => {
    const prefs = () => ((createMainWindow('/p.cjs') as unknown as BrowserWindow).options as { webPreferences: Record<string, unknown> }).webPreferences;
    try {
      app.isPackaged = true;
      expect(prefs().devTools).toBe(false);
      app.isPackaged = false;
      expect(prefs().devTools).toBe(true);
    } finally {
      app.isPackaged = false;
    }
  });
});
