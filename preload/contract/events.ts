import type { Settings } from './settings';

/** Events main pushes to the renderer; the renderer subscribes with `companion.on`. */
export interface BridgeEvents {
  'settings:changed': Settings;
}

export type BridgeEventName = keyof BridgeEvents;

export const bridgeEvents: readonly BridgeEventName[] = ['settings:changed'];

export const isBridgeEvent = (name: unknown): name is BridgeEventName =>
  typeof name === 'string' && (bridgeEvents as readonly string[]).includes(name);
