import type { BridgeTransport, CompanionApi } from './contract/api';
import { channels } from './contract/channels';
import { type BridgeEventName, isBridgeEvent } from './contract/events';

export interface BridgeOptions {
  /**
   * Ask for `app:start` (the first screen's reads) at once, while the page's code still loads; the page's
   * first `app.start()` gets that answer, later ones ask anew. The preloads set it, tests do not.
   */
  prefetchStart?: boolean;
}

/**
 * Builds `window.companion` from a transport. The object holds plain functions only, so it survives
 * contextBridge's structured clone and never hands the page a transport object.
 */
export function createBridge(transport: BridgeTransport, options: BridgeOptions = {}): CompanionApi {
  const areas: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [area, verb] = channel.split(':') as [string, string];
    areas[area] ??= {};
    areas[area][verb] = (request?: unknown) => transport.invoke(channel, request);
  }
  if (options.prefetchStart) {
    let early: Promise<unknown> | null = transport.invoke('app:start', undefined).catch(() => null);
    areas.app!.start = (request?: unknown) => {
      const answer = early;
      early = null;
      return answer && request === undefined ? answer.then((result) => result ?? transport.invoke('app:start', request)) : transport.invoke('app:start', request);
    };
  }

  const listeners = new Map<BridgeEventName, Set<(payload: unknown) => void>>();
  transport.subscribe((event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });

  const on = (event: BridgeEventName, listener: (payload: unknown) => void) => {
    if (!isBridgeEvent(event)) throw new TypeError(`Unknown bridge event: ${String(event)}`);
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };

  return { ...areas, on } as unknown as CompanionApi;
}
