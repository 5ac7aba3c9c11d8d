import { _electron as electron, expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { findElectronBinary } from '../../../main/dev/electron-runtime';
import { channels } from '../../../preload/contract/channels';

const binary = findElectronBinary();

test.describe('the packaged app in real Electron', () => {
  test.skip(!binary, 'No Electron runtime on this machine (it cannot be downloaded here); set ELECTRON_OVERRIDE_DIST_PATH to run this');

  test('opens one hardened window on the app bundle', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [resolve(import.meta.dirname, '../../..')] });
    const window = await app.firstWindow();
    expect(window.url()).toBe('app://bundle/index.html');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    // Sandboxed, isolated and without Node: the page sees neither require nor process.
    expect(await window.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
    expect(await window.evaluate(() => Object.keys((window as unknown as { companion: object }).companion).sort())).toEqual(
      [...new Set(channels.map((c) => c.split(':')[0]!)), 'on'].sort(),
    );
    await app.close();
  });
});
