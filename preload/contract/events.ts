import type { Settings } from './core/settings';
import type { ExportProgress, ProgressEvent, RunReport } from './workbench';

/** Events main pushes to the renderer; the renderer subscribes with `companion.on`. */
export interface BridgeEvents {
  'settings:changed': Settings;
  /** Every step of a provisioning run, with the share done. */
  'provisioning:progress': ProgressEvent;
  /** A run ended: done, failed (with the error and what to do next) or cancelled. */
  'provisioning:finished': RunReport;
  /** A TAR export's progress (elapsed, fiskaly's estimate), then saved or failed. */
  'tss:export-progress': ExportProgress;
}

export type BridgeEventName = keyof BridgeEvents;

export const bridgeEvents: readonly BridgeEventName[] = ['settings:changed', 'provisioning:progress', 'provisioning:finished', 'tss:export-progress'];

export const isBridgeEvent = (name: unknown): name is BridgeEventName =>
  typeof name === 'string' && (bridgeEvents as readonly string[]).includes(name);
