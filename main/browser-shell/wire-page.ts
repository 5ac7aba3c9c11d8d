import type { BrowserContext } from '@playwright/test';
import { fail } from '../../preload/contract';
import { readRendererAsset } from '../core/renderer-assets';
import type { Services } from '../services';

/** The browser shell serves the renderer from this origin, answered from disk by a route, never the network. */
export const SHELL_ORIGIN = 'http://tss-companion.localhost';
export const SHELL_ENTRY_URL = `${SHELL_ORIGIN}/index.html`;

export interface ShellAssets {
  rendererDir: string;
  bridgeScript: string;
}

/**
 * Wires a Chromium context to the real services the way Electron's preload and IPC wrapper do: the
 * bridge is `createBridge` over a Playwright binding, and only our page's main frame may call it.
 */
export async function wireCompanion(context: BrowserContext, services: Services, assets: ShellAssets): Promise<() => void> {
  await context.route(`${SHELL_ORIGIN}/**`, async (route) => {
    const asset = await readRendererAsset(assets.rendererDir, new URL(route.request().url()).pathname);
    await route.fulfill({ status: asset.status, headers: asset.headers, body: asset.body });
  });
  await context.exposeBinding('__companionInvoke', async (source, channel: unknown, payload: unknown) => {
    const fromOurPage = source.frame === source.page.mainFrame() && source.frame.url().startsWith(`${SHELL_ORIGIN}/`);
    if (!fromOurPage) {
      return fail('E_FORBIDDEN_SENDER', 'This request did not come from the TSS Companion window and was refused.');
    }
    return services.dispatch(channel, payload);
  });
  await context.addInitScript({ path: assets.bridgeScript });

  return services.events.subscribe((event, payload) => {
    for (const page of context.pages()) {
      page
        .evaluate(([name, data]) => window.__companionEmit?.(name as never, data), [event, payload] as const)
        .catch(() => {
          // A page that is closing or navigating misses the event; it reloads state when it comes back.
        });
    }
  });
}
