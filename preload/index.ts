import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';
import type { BridgeTransport } from './contract/api';
import type { Result } from './contract/core/result';
import { EVENT_CHANNEL } from './ipc-names';

// Runs in the sandboxed preload: only `electron` may be required, so everything else is bundled in.
const transport: BridgeTransport = {
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<Result<unknown>>,
  subscribe: (listener) => {
    const forward = (_event: unknown, message: { event: never; payload: unknown }) =>
      listener(message.event, message.payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  },
};
// The first screen's reads are asked for now, while the page's code loads (see createBridge).
const bridge = createBridge(transport, { prefetchStart: true });

contextBridge.exposeInMainWorld('companion', bridge);
