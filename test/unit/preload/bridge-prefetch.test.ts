import { describe, expect, it } from 'vitest';
import { createBridge } from '../../../preload/bridge';
import type { Channel } from '../../../preload/contract/channels';
import { ok } from '../../../preload/contract/core/result';

function transport() {
  const calls: Channel[] = [];
  return {
    calls,
    invoke: async (channel: Channel) => {
      calls.push(channel);
      return ok({ n: calls.length });
    },
    subscribe: () => () => {},
  };
}

describe('the bridge’s start-up prefetch', () => {
  it('asks for app:start as it is made; the first app.start() gets that answer, a later one asks anew', async () => {
    const t = transport();
    const bridge = createBridge(t, { prefetchStart: true });
    expect(t.calls).toEqual(['app:start']);
    expect(await bridge.app.start()).toEqual(ok({ n: 1 }));
    expect(t.calls).toEqual(['app:start']);
    expect(await bridge.app.start()).toEqual(ok({ n: 2 }));
    expect(t.calls).toEqual(['app:start', 'app:start']);
  });

  it('asks nothing up front unless told to', () => {
    const t = transport();
    createBridge(t);
    expect(t.calls).toEqual([]);
  });

  it('asks again when the early call was lost (a transport that threw)', async () => {
    let first = true;
    const calls: Channel[] = [];
    const bridge = createBridge(
      {
        invoke: async (channel) => {
          calls.push(channel);
          if (first) {
            first = false;
            throw new Error('not ready');
          }
          return ok('again');
        },
        subscribe: () => () => {},
      },
      { prefetchStart: true },
    );
    expect(await bridge.app.start()).toEqual(ok('again'));
    expect(calls).toEqual(['app:start', 'app:start']);
  });
});
