import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from '../core/renderer-assets';

/**
 * True only for our own window's main frame showing our own `app://bundle` page. `URL.origin` is the
 * string "null" for custom schemes, so protocol and host are compared instead.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, ourContents: WebContents | null): boolean {
  if (!ourContents || event.sender !== ourContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
