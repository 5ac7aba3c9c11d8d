import { channels } from '../../preload/contract/channels';
import { appVersion, expect, screenshot, test } from './fixtures';
import { seriousAxeViolations } from './support/axe';

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

test('LIVE needs a confirmation, and cancelling keeps the environment', async ({ companion }) => {
  const page = await companion.open();
  await page.getByRole('navigation').getByRole('button', { name: 'Einstellungen' }).click();
  await page.getByRole('radio', { name: 'fiskaly LIVE' }).click();
  const dialog = page.getByRole('dialog', { name: 'Zu fiskaly LIVE wechseln?' });
  await expect(dialog).toBeVisible();
  await screenshot(page, 'settings-live-confirmation');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toBeHidden();
  expect(companion.services.settings.get().environment).toBe('sandbox');
  await expect(page.getByRole('radio', { name: 'Sandbox' })).toBeChecked();

  await page.getByRole('radio', { name: 'fiskaly LIVE' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Zu LIVE wechseln' }).click();
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

test('a change made in main reaches the page as an event', async ({ companion }) => {
  const page = await companion.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  companion.services.settings.set({ language: 'en' });
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
});
