import { type Session, type WebContents, shell } from 'electron';
import { APP_HOST, APP_SCHEME } from '../core/renderer-assets';
import { isAllowedExternalUrl } from './external-links';

const isOwnPage = (raw: string): boolean => {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
};

/** No navigation away from our bundle, no new windows, no webviews; allowlisted links go to the browser. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: https-only host allowlist, see external-links.ts
    return { action: 'deny' };
  });
}

/** The app needs no camera, notifications or anything else a page can ask for. */
export function refusePermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
