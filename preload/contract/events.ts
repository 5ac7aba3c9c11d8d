import { type CoreEvents, coreEvents } from './core/events';
import { type SignDeEvents, signDeEvents } from './sign-de/events';

/** Events main pushes to the renderer; the renderer subscribes with `companion.on`. */
export interface BridgeEvents extends CoreEvents, SignDeEvents {}

export type BridgeEventName = keyof BridgeEvents;

export const bridgeEvents: readonly BridgeEventName[] = [...coreEvents, ...signDeEvents];

export const isBridgeEvent = (name: unknown): name is BridgeEventName =>
  typeof name === 'string' && (bridgeEvents as readonly string[]).includes(name);
