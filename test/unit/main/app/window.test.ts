import { describe, expect, it } from 'vitest';
import { createMainWindow } from '../../../../main/app/window';
import { BrowserWindow } from '../../../fakes/electron';

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
});
