import type { IpcMain, WebContents } from 'electron';
import { channels, fail } from '../../preload/contract';
import { EVENT_CHANNEL } from '../../preload/ipc-names';
import type { Dispatch } from '../core/bridge/dispatch';
import type { EventHub } from '../core/events';
import { isTrustedSender } from './trusted-sender';

/** The one place that touches ipcMain: every channel gets the sender check, then the shared dispatch. */
export function registerIpcHandlers(ipcMain: IpcMain, getContents: () => WebContents | null, dispatch: Dispatch): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event, getContents())) {
        return fail('E_FORBIDDEN_SENDER', 'This request did not come from the TSS Companion window and was refused.');
      }
      return dispatch(channel, payload);
    });
  }
}

/** Carries main's events to the window, if it is still there. */
export function forwardEvents(events: EventHub, getContents: () => WebContents | null): () => void {
  return events.subscribe((event, payload) => {
    const contents = getContents();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, { event, payload });
  });
}
