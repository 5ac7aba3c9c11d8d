import { expect, screenshot, test } from './fixtures';
import { acceptSaveDialog, setUpVault } from './support/steps';

test('the wizard migrates the seeded V1 store: the serial fix confirmed, V2 prepared, cut over, V1 disabled, the mapping shown and the documents saved', async ({ companion }) => {
  const page = await companion.open();
  await setUpVault(page);
  expect(await companion.services.dispatch('sandbox:reset', { confirm: 'reset', seed: 'v1-store' })).toEqual({ ok: true, value: {} });

  await page.getByRole('main').getByRole('button', { name: 'Von V1 migrieren', exact: true }).first().click();
  const inventory = page.getByRole('region', { name: 'Inventur', exact: true });
  await inventory.getByRole('button', { name: 'Inventur lesen', exact: true }).click();
  // The only V1 TSS still running is picked by itself; the disabled one is listed beside it.
  await expect(inventory.getByLabel(/^Filiale 12 /)).toBeChecked();
  await expect(inventory.getByText(/Filiale 7 \(geschlossen\).*, abgeschaltet, 1 Kasse$/)).toBeVisible();
  await expect(inventory.getByText('Die Seriennummer „KASSE_03“ ist in V2 nicht erlaubt.')).toBeVisible();
  await expect(inventory.getByLabel('Neue Seriennummer für „KASSE_03“')).toHaveValue('KASSE-03');
  await inventory.getByLabel('Diese Seriennummer bestätigen').check();
  await expect(inventory.getByLabel('Name der Filiale')).toHaveValue('Filiale 12');
  await screenshot(page, 'migration-1-inventory');
  await inventory.getByRole('button', { name: 'Weiter', exact: true }).click();

  const prepare = page.getByRole('region', { name: 'V2 vorbereiten', exact: true });
  await prepare.getByRole('button', { name: 'V2 vorbereiten', exact: true }).click();
  // Prepared (V1 untouched), the wizard goes on to the cut-over by itself and says so.
  const cutOver = page.getByRole('region', { name: 'Umstellung', exact: true });
  await expect(cutOver.getByText('V2 ist vorbereitet.', { exact: false })).toBeVisible({ timeout: 60_000 });
  await expect(cutOver.getByText(/offene V1-Transaktionen ordentlich abbrechen/)).toBeVisible();
  await cutOver.getByLabel('Der Tagesabschluss ist gemacht, an keiner Kasse wird kassiert.').check();
  await cutOver.getByLabel(/Namen der Filiale eingeben/).fill('Filiale 12');
  await screenshot(page, 'migration-3-cutover');
  await cutOver.getByRole('button', { name: 'Umstellen', exact: true }).click();

  const result = page.getByRole('region', { name: 'Ergebnis', exact: true });
  const mapping = result.getByRole('table', { name: 'Zuordnung der Kassen' });
  await expect(mapping).toBeVisible({ timeout: 120_000 });
  await expect(mapping.getByRole('row')).toHaveCount(4);
  await expect(mapping.getByText('vorher KASSE_03')).toBeVisible();
  await screenshot(page, 'migration-5-result');

  await result.getByRole('button', { name: 'Unterlagen speichern', exact: true }).click();
  await acceptSaveDialog(page);
  await expect(result.locator('code.path').filter({ hasText: /pos-mapping-.*\.csv$/ })).toBeVisible();
  await expect(result.locator('code.path').filter({ hasText: /\.pdf$/ })).toBeVisible();
});
