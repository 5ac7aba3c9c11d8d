import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHELL_ENTRY_URL, wireCompanion } from '../../main/browser-shell/wire-page';
import { createServices } from '../../main/services';
import { startSandbox } from '../support/sandbox-api';
import { appVersion, expect, screenshot, test } from './fixtures';
import { seriousAxeViolations } from './support/axe';
import { setUpVault } from './support/steps';

const root = join(import.meta.dirname, '../..');
const assets = { rendererDir: join(root, 'out/renderer'), bridgeScript: join(root, 'out/browser-bridge/bridge.js') };

/**
 * Home's Check for another product's key, in the real page against the real services: a second sandbox on
 * loopback stands in for fiskaly (it serves SIGN AT's, SIGN ES's and the Unified API's logins too).
 */
test('Home checks a SIGN AT key and a wrong Unified API secret, each answer beside the button', async ({ browser }) => {
  const { sandbox: fiskaly } = await startSandbox({ organizations: [{ apiKey: 'at-store-key', apiSecret: 'at-store-secret', env: 'TEST' }] });
  const dataDir = mkdtempSync(join(tmpdir(), 'tss-e2e-orgs-'));
  const services = createServices({ dataDir, version: appVersion, fiskalyUrl: fiskaly.url });
  const context = await browser.newContext();
  try {
    await wireCompanion(context, services, assets);
    const page = await context.newPage();
    await page.goto(SHELL_ENTRY_URL);
    await setUpVault(page);
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Prüfen' }) });

    await form.getByLabel('fiskaly-Produkt').selectOption('sign-at');
    await form.getByLabel('API-Key').fill('at-store-key');
    await form.getByLabel('API-Secret').fill('at-store-secret');
    await form.getByRole('button', { name: 'Prüfen' }).click();
    const answer = form.getByText(/^SIGN AT hat die Zugangsdaten angenommen: fiskaly TEST, Organisation /);
    await expect(answer).toBeVisible();
    await expect(answer).toContainText(fiskaly.organizations[0]!.id);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'home-org-check');

    await form.getByLabel('fiskaly-Produkt').selectOption('unified');
    await expect(answer).toBeHidden();
    await form.getByLabel('Organisationseinheit (optional)').fill('unit-7');
    await form.getByLabel('API-Secret').fill('not-the-secret');
    await form.getByRole('button', { name: 'Prüfen' }).click();
    await expect(form.getByText(/^Nicht angenommen: /)).toBeVisible();
    // Nothing of a check is kept: no organization was saved, and the page holds no secret in its storage.
    expect(await services.dispatch('orgs:list', undefined)).toEqual({ ok: true, value: [] });
    expect(JSON.stringify(await page.evaluate(() => ({ ...localStorage, ...sessionStorage })))).not.toContain('secret');
  } finally {
    await context.close();
    await services.close();
    await fiskaly.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
