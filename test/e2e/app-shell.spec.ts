import { channels } from '../../preload/contract/channels';
import { appVersion, expect, screenshot, test } from './fixtures';
import { seriousAxeViolations } from './support/axe';
import { PASSPHRASE, setUpVault } from './support/steps';

test('the app loads and shows app:info from the real services', async ({ companion }) => {
  const page = await companion.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Sandbox/ })).toHaveAccessibleName('Umgebung: Sandbox');
  await expect(page.getByText(appVersion, { exact: true })).toBeVisible();
  await expect(page.getByText(companion.dataDir, { exact: true })).toBeVisible();
  await expect(page.getByText('https://kassensichv-middleware.fiskaly.com/api/v2').first()).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, 'home-de');
});

test('switching the language changes every label and is remembered', async ({ companion }) => {
  const page = await companion.open();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  expect(companion.services.settings.get().language).toBe('en');
  await screenshot(page, 'home-en');

  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, 'settings-en');

  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await screenshot(page, 'settings-de');
});

test('settings survive a reload and a restart of the app', async ({ companion }) => {
  let page = await companion.open();
  await page.getByRole('navigation').getByRole('button', { name: 'Einstellungen' }).click();
  // The page shows a choice once main has stored it, so click and wait rather than check().
  await page.getByRole('radio', { name: 'English' }).click();
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await page.getByRole('radio', { name: 'fiskaly TEST' }).click();
  await expect(page.getByRole('radio', { name: 'fiskaly TEST' })).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: /TEST/ })).toHaveAccessibleName('Environment: fiskaly TEST');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /TEST/ })).toHaveAccessibleName('Environment: fiskaly TEST');

  page = await companion.restart();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /TEST/ })).toHaveAccessibleName('Environment: fiskaly TEST');
});

test('LIVE needs the vault passphrase, checked in main; a wrong one and cancelling keep the environment', async ({ companion }) => {
  const page = await companion.open();
  await setUpVault(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Einstellungen' }).click();
  await page.getByRole('radio', { name: 'fiskaly LIVE' }).click();
  const dialog = page.getByRole('dialog', { name: 'Zu fiskaly LIVE wechseln?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Wiederherstellungs-Passphrase', { exact: true })).toBeVisible();
  await screenshot(page, 'settings-live-confirmation');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toBeHidden();
  expect(companion.services.settings.get().environment).toBe('sandbox');
  await expect(page.getByRole('radio', { name: 'Sandbox' })).toBeChecked();

  await page.getByRole('radio', { name: 'fiskaly LIVE' }).click();
  await dialog.getByLabel('Wiederherstellungs-Passphrase', { exact: true }).fill('nicht die Passphrase');
  await dialog.getByRole('button', { name: 'Zu LIVE wechseln' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Die Passphrase ist falsch, daher wurde nichts geändert.');
  await expect(dialog).toBeVisible();
  expect(companion.services.settings.get().environment).toBe('sandbox');
  await screenshot(page, 'settings-live-wrong-passphrase');

  await dialog.getByLabel('Wiederherstellungs-Passphrase', { exact: true }).fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Zu LIVE wechseln' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /LIVE/ })).toHaveAccessibleName('Umgebung: fiskaly LIVE');
  expect(companion.services.settings.get().environment).toBe('live');
  await screenshot(page, 'home-live-badge');
});

test('the bridge refuses a malformed payload from the page and changes nothing', async ({ companion }) => {
  const page = await companion.open();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const result = await page.evaluate(() =>
    (window as unknown as { companion: { settings: { set(p: unknown): Promise<unknown> } } }).companion.settings.set({
      language: 'fr',
    }),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
  expect(companion.services.settings.get()).toEqual({ language: 'de', environment: 'sandbox' });
  const keys = await page.evaluate(() => Object.keys((window as unknown as { companion: object }).companion).sort());
  expect(keys).toEqual([...new Set(channels.map((c) => c.split(':')[0]!)), 'on'].sort());
});

test('a compromised page cannot switch to LIVE or print to the internet by itself', async ({ companion }) => {
  const page = await companion.open();
  await setUpVault(page);
  const answers = await page.evaluate(async () => {
    const companion = (window as unknown as { companion: Record<string, Record<string, (p: unknown) => Promise<unknown>>> }).companion;
    return [
      await companion.settings!.set!({ environment: 'live' }),
      await companion.settings!.set!({ environment: 'live', passphrase: 'LIVE' }),
      await companion.print!.escpos!({ runId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', host: '8.8.8.8', port: 9100, width: 80 }),
      await companion.print!.escpos!({ runId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', host: '127.0.0.1', port: 22, width: 80 }),
    ];
  });
  expect(answers).toMatchObject([
    { ok: false, error: { code: 'E_CONFIRMATION_REQUIRED' } },
    { ok: false, error: { code: 'E_CONFIRMATION_FAILED' } },
    { ok: false, error: { code: 'E_PRINTER_ADDRESS_NOT_ALLOWED' } },
    { ok: false, error: { code: 'E_PRINTER_PORT_NOT_ALLOWED' } },
  ]);
  expect(companion.services.settings.get().environment).toBe('sandbox');
});

test('a change made in main reaches the page as an event', async ({ companion }) => {
  const page = await companion.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  companion.services.settings.set({ language: 'en' });
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
});
