/** The one IPC channel main uses to push bridge events to the renderer. */
export const EVENT_CHANNEL = 'companion:event';
