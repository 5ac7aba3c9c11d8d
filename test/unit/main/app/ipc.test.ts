import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../../../preload/contract';
import { EVENT_CHANNEL } from '../../../../preload/ipc-names';
import { forwardEvents, registerIpcHandlers } from '../../../../main/app/ipc';
import { type Services, createServices } from '../../../../main/services';
import { FakeWebContents, FakeWebFrameMain, ipcMain } from '../../../fakes/electron';
import { makeTempDir } from '../../../support/temp-dir';

describe('registerIpcHandlers', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let services: Services;
  let ours: FakeWebContents;

  beforeEach(() => {
    dir = makeTempDir();
    services = createServices({ dataDir: dir.path, version: '9.9.9' });
    ours = new FakeWebContents();
    for (const channel of channels) ipcMain.removeHandler(channel);
    registerIpcHandlers(ipcMain as never, () => ours as never, services.dispatch);
  });
  afterEach(() => dir.remove());

  it('registers every channel of the contract and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
  });

  it('answers a good call from our window with the real service result', async () => {
    const result = await ipcMain.invoke('settings:set', ours, { language: 'en' });
    expect(result).toEqual({ ok: true, value: { language: 'en', environment: 'sandbox' } });
    expect(services.settings.get().language).toBe('en');
  });

  it('refuses a call from another webContents', async () => {
    const stranger = new FakeWebContents();
    const result = await ipcMain.invoke('settings:set', stranger, { language: 'en' });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN_SENDER' } });
    expect(services.settings.get().language).toBe('de');
  });

  it('refuses a call from a sub-frame of our window', async () => {
    const child = new FakeWebFrameMain('app://bundle/index.html', ours.mainFrame);
    const result = await ipcMain.invoke('app:info', ours, undefined, child);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN_SENDER' } });
  });

  it('refuses a call when the frame is gone', async () => {
    const result = await ipcMain.invoke('app:info', ours, undefined, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN_SENDER' } });
  });

  it.each(['https://bundle/index.html', 'file:///index.html', 'app://evil/index.html', 'not a url'])(
    'refuses a call from a page at %s',
    async (url) => {
      ours.mainFrame.url = url;
      const result = await ipcMain.invoke('app:info', ours, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN_SENDER' } });
    },
  );

  it('refuses a malformed payload and changes nothing', async () => {
    const result = await ipcMain.invoke('settings:set', ours, { language: 'fr', extra: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    expect(services.settings.get()).toEqual({ language: 'de', environment: 'sandbox' });
  });

  it('forwards events to our window only while it exists', async () => {
    const stop = forwardEvents(services.events, () => ours as never);
    await ipcMain.invoke('settings:set', ours, { environment: 'test' });
    expect(ours.sent).toEqual([
      { channel: EVENT_CHANNEL, args: [{ event: 'settings:changed', payload: { language: 'de', environment: 'test' } }] },
    ]);
    ours.destroyed = true;
    await ipcMain.invoke('settings:set', new FakeWebContents(), { environment: 'live' });
    services.events.emit('settings:changed', services.settings.get());
    expect(ours.sent).toHaveLength(1);
    stop();
  });
});
