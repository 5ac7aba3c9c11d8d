import { type Page, test as base } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createChromiumPrintPort } from '../../main/browser-shell/chromium-print-port';
import { SHELL_ENTRY_URL, wireCompanion } from '../../main/browser-shell/wire-page';
import { type Services, createServices } from '../../main/services';

const root = resolve(import.meta.dirname, '../..');
export const appVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const assets = { rendererDir: join(root, 'out/renderer'), bridgeScript: join(root, 'out/browser-bridge/bridge.js') };

export interface Companion {
  dataDir: string;
  services: Services;
  /** Opens the app in a page wired to the real services. */
  open(): Promise<Page>;
  /** Closes everything and starts again on the same data folder, as a laptop restart would. */
  restart(): Promise<Page>;
}

export const test = base.extend<{ companion: Companion }>({
  companion: async ({ browser }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tss-e2e-'));
    // The technician's Documents folder, where the save dialog proposes to put files: outside the data folder.
    const documentsDir = mkdtempSync(join(tmpdir(), 'tss-e2e-documents-'));
    const config = () => ({
      dataDir,
      version: appVersion,
      printPort: createChromiumPrintPort(() => browser, dataDir),
      files: { chooser: 'in-app' as const, documentsDir },
    });
    let services = createServices(config());
    let context = await browser.newContext();
    await wireCompanion(context, services, assets);
    const open = async () => {
      const page = await context.newPage();
      await page.goto(SHELL_ENTRY_URL);
      return page;
    };
    const companion: Companion = {
      dataDir,
      get services() {
        return services;
      },
      open,
      restart: async () => {
        await context.close();
        await services.close();
        services = createServices(config());
        context = await browser.newContext();
        await wireCompanion(context, services, assets);
        return open();
      },
    };
    await use(companion);
    await context.close();
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(documentsDir, { recursive: true, force: true });
  },
});

export const expect = test.expect;

/** One screenshot per screen, kept in test-results/screens for the README and for review. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(join(root, 'test-results/screens'), { recursive: true });
  await page.screenshot({ path: join(root, 'test-results/screens', `${name}.png`), fullPage: true });
}
