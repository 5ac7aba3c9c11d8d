import { net } from 'electron';
import { type HttpExchange, fetchExchange } from '../core/session/http-exchange';

/**
 * How the app reaches fiskaly: Chromium's network stack (Electron's net.fetch), so the system's proxy
 * settings (PAC and WPAD included) and the OS certificate store apply, as in the technician's browser.
 * The built-in sandbox on this laptop is reached directly (Connections).
 */
export function electronNetExchange(): HttpExchange {
  return fetchExchange((url, init) => net.fetch(url, init));
}
