import { createBridge } from './bridge';
import type { BridgeTransport } from './contract/api';
import type { Channel } from './contract/channels';
import type { BridgeEventName } from './contract/events';
import type { Result } from './contract/core/result';

/**
 * The browser shell's preload: the same `createBridge`, with a Playwright binding as its transport.
 * Main calls `__companionEmit` to push events.
 */
declare global {
  interface Window {
    __companionInvoke(channel: Channel, payload: unknown): Promise<Result<unknown>>;
    __companionEmit?: (event: BridgeEventName, payload: unknown) => void;
  }
}

const listeners = new Set<(event: BridgeEventName, payload: unknown) => void>();
window.__companionEmit = (event, payload) => {
  for (const listener of listeners) listener(event, payload);
};

const transport: BridgeTransport = {
  invoke: (channel, payload) => window.__companionInvoke(channel, payload),
  subscribe: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

Object.defineProperty(window, 'companion', {
  // The first screen's reads are asked for now, while the page's code loads (see createBridge).
  value: Object.freeze(createBridge(transport, { prefetchStart: true })),
  writable: false,
  configurable: false,
});
