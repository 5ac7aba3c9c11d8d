import { describe, expect, it } from 'vitest';
import { channels } from '../../../../preload/contract/channels';
import { callBridge } from '../../../../renderer/src/bridge/call-bridge';
import { createUnavailableBridge, resolveBridge } from '../../../../renderer/src/bridge/unavailable-bridge';
import { createFakeCompanion } from '../fakes/fake-companion';

describe('callBridge', () => {
  it('passes Results through unchanged', async () => {
    await expect(callBridge(() => Promise.resolve({ ok: true, value: 1 }))).resolves.toEqual({ ok: true, value: 1 });
    const failure = { ok: false as const, error: { code: 'E_X', message: 'no' } };
    await expect(callBridge(() => Promise.resolve(failure))).resolves.toEqual(failure);
  });

  it('turns a throw or a rejection into E_BRIDGE_CALL_FAILED without the thrown text', async () => {
    const thrown = await callBridge(() => {
      throw new Error('PUK 123456');
    });
    const rejected = await callBridge(() => Promise.reject(new Error('PUK 123456')));
    for (const result of [thrown, rejected]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'E_BRIDGE_CALL_FAILED' } });
      expect(JSON.stringify(result)).not.toContain('123456');
    }
  });

  it.each([undefined, null, 'yes', { ok: true }, { ok: false }, { ok: false, error: { code: 1 } }])(
    'turns %j into E_BAD_RESPONSE',
    async (value) => {
      const result = await callBridge(() => Promise.resolve(value as never));
      expect(result).toMatchObject({ ok: false, error: { code: 'E_BAD_RESPONSE' } });
    },
  );
});

describe('unavailable bridge', () => {
  it('answers every channel with E_BRIDGE_UNAVAILABLE and subscribes to nothing', async () => {
    const bridge = createUnavailableBridge() as unknown as Record<string, Record<string, () => Promise<unknown>>>;
    for (const channel of channels) {
      const [area, verb] = channel.split(':') as [string, string];
      await expect(bridge[area]?.[verb]?.()).resolves.toMatchObject({ ok: false, error: { code: 'E_BRIDGE_UNAVAILABLE' } });
    }
    const off = createUnavailableBridge().on('settings:changed', () => {});
    expect(() => off()).not.toThrow();
  });

  it('is used only when there is no real bridge', () => {
    const fake = createFakeCompanion();
    expect(resolveBridge(fake.api)).toBe(fake.api);
    expect(resolveBridge(undefined)).not.toBe(fake.api);
  });
});
