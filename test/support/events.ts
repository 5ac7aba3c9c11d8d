import type { EventHub } from '../../main/core/events';
import type { BridgeEventName, BridgeEvents } from '../../preload/contract';

/** The next `name` event the services send (that `matches`, if given), e.g. a run's provisioning:finished. */
export function nextEvent<E extends BridgeEventName>(events: EventHub, name: E, matches: (payload: BridgeEvents[E]) => boolean = () => true): Promise<BridgeEvents[E]> {
  return new Promise((resolve) => {
    const stop = events.subscribe((event, payload) => {
      if ((event as BridgeEventName) !== name || !matches(payload as unknown as BridgeEvents[E])) return;
      stop();
      resolve(payload as unknown as BridgeEvents[E]);
    });
  });
}
