import type { BridgeEventName, BridgeEvents } from '../../preload/contract';

export type EventListener = <E extends BridgeEventName>(event: E, payload: BridgeEvents[E]) => void;

/** Fans bridge events out to whoever carries them to a renderer (IPC, the browser shell, tests). */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends BridgeEventName>(event: E, payload: BridgeEvents[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }
}
