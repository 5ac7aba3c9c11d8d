import { expect, test } from './fixtures';
import { PASSPHRASE, acceptSaveDialog } from './support/steps';

// The shared passphrase form said "too short" while a right passphrase was processed, "enter the
// passphrase" after a wrong one and beside a green "saved": a click on the button had left the field,
// which the form then emptied. Errors only when true, one at a time, beside the action.
test('passphrase forms: no false errors while processing, after a refusal, or beside a success', async ({ companion }) => {
  const page = await companion.open();
  await page.getByLabel('Wiederherstellungs-Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passphrase wiederholen', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Tresor einrichten', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tresor', exact: true })).toBeVisible();
  await expect(page.getByText('Die Passphrase ist zu kurz')).toHaveCount(0);

  const vault = page.getByRole('region', { name: 'Tresor', exact: true });
  await vault.getByText('Wiederherstellungsdatei sichern').click();
  const field = vault.getByLabel('Wiederherstellungs-Passphrase', { exact: true });
  await field.fill('not the passphrase of this vault');
  await vault.getByRole('button', { name: 'Wiederherstellungsdatei speichern' }).click();
  await acceptSaveDialog(page);
  await expect(vault.getByTestId('error-notice')).toHaveCount(1);
  await expect(vault.getByText('Geben Sie die Passphrase ein.')).toHaveCount(0);

  await field.fill(PASSPHRASE);
  await vault.getByRole('button', { name: 'Wiederherstellungsdatei speichern' }).click();
  await acceptSaveDialog(page);
  await expect(vault.getByRole('status').filter({ hasText: 'Gespeichert unter:' })).toBeVisible();
  await expect(vault.getByText('Geben Sie die Passphrase ein.')).toHaveCount(0);
  await expect(vault.getByTestId('error-notice')).toHaveCount(0);
});
