import { expect, test } from './fixtures';
import { PASSPHRASE } from './support/steps';

// An error is shown where the action was, scrolled into view and focused, also at 1366×768.
test('a wrong passphrase on "PUK anzeigen": the error below that button, in view and focused', async ({ companion }) => {
  const { services } = companion;
  await services.dispatch('vault:setup', { passphrase: PASSPHRASE });
  const finished = new Promise<void>((resolve) => services.events.subscribe((event) => event === 'provisioning:finished' && resolve()));
  await services.dispatch('provisioning:start', { plan: { storeName: 'Filiale Kiel', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-1' }] } });
  await finished;

  const page = await companion.open();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('navigation').getByRole('button', { name: 'PUK-Wiederherstellung' }).click();
  await page.getByRole('radio', { name: 'Filiale Kiel' }).check();
  const reveal = page.getByRole('region', { name: 'PUK anzeigen' });
  await reveal.getByLabel('Passphrase dieses Tresors', { exact: true }).fill('not the passphrase');
  await reveal.getByRole('button', { name: 'PUK anzeigen' }).click();

  const notice = reveal.locator('.notices--action');
  await expect(notice.getByTestId('error-notice')).toBeVisible();
  await expect(notice).toBeFocused();
  await expect(notice).toBeInViewport();
  await expect(page.getByTestId('error-notice')).toHaveCount(1);

  // Another screen: the old error does not follow.
  await page.getByRole('navigation').getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('error-notice')).toHaveCount(0);
});
