import { type Protocol, protocol } from 'electron';
import { APP_HOST, APP_SCHEME, readRendererAsset } from '../core/renderer-assets';

/** Must run before `ready`: makes `app://` a standard, secure scheme so CSP 'self' means our bundle. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer, with the CSP as a response header as well as the page's meta tag. */
export function serveRenderer(target: Protocol, rendererDir: string): void {
  target.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const asset = await readRendererAsset(rendererDir, url.pathname);
    return new Response(new Uint8Array(asset.body), { status: asset.status, headers: asset.headers });
  });
}
