import { beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../preload/contract';
import { EVENT_CHANNEL } from '../../../preload/ipc-names';
import { contextBridge, ipcRenderer } from '../../fakes/electron';

type Api = Record<string, unknown> & { on(event: string, cb: (p: unknown) => void): () => void };

describe('preload', () => {
  let api: Api;
  beforeAll(async () => {
    await import('../../../preload/index');
    api = contextBridge.exposed.get('companion') as Api;
  });

  it('exposes exactly the contract: one function per channel, grouped by area, plus on()', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['companion']);
    const exposed = Object.entries(api).flatMap(([area, value]) =>
      typeof value === 'function' ? [area] : Object.keys(value as object).map((verb) => `${area}:${verb}`),
    );
    expect(exposed.sort()).toEqual([...channels, 'on'].sort());
    for (const channel of channels) {
      const [area, verb] = channel.split(':') as [string, string];
      expect(typeof (api[area] as Record<string, unknown>)[verb]).toBe('function');
    }
  });

  it('invokes the channel with the payload and returns main’s Result', async () => {
    ipcRenderer.reply = (channel, payload) => ({ ok: true, value: { channel, payload } });
    const settings = api.settings as { set(p: unknown): Promise<unknown> };
    expect(await settings.set({ language: 'en' })).toEqual({
      ok: true,
      value: { channel: 'settings:set', payload: { language: 'en' } },
    });
    expect(ipcRenderer.invocations.at(-1)).toEqual({ channel: 'settings:set', payload: { language: 'en' } });
  });

  it('delivers events to subscribers until they unsubscribe', () => {
    const seen: unknown[] = [];
    const off = api.on('settings:changed', (payload) => seen.push(payload));
    ipcRenderer.emit(EVENT_CHANNEL, {}, { event: 'settings:changed', payload: { language: 'en' } });
    off();
    ipcRenderer.emit(EVENT_CHANNEL, {}, { event: 'settings:changed', payload: { language: 'de' } });
    expect(seen).toEqual([{ language: 'en' }]);
  });

  it('refuses to subscribe to an event that is not in the contract', () => {
    expect(() => api.on('vault:secrets', () => {})).toThrow(/Unknown bridge event/);
  });
});
