import { type Page, expect } from '@playwright/test';

export const PASSPHRASE = 'Filiale eröffnen 2026 sicher';

/** First use: the vault asks for the recovery passphrase, twice. */
export async function setUpVault(page: Page): Promise<void> {
  await page.getByLabel('Wiederherstellungs-Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passphrase wiederholen', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Tresor einrichten', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tresor', exact: true })).toBeVisible();
}

/** After a restart the OS keychain is not there in the browser shell: the passphrase unlocks. */
export async function unlockVault(page: Page): Promise<void> {
  await page.getByLabel('Wiederherstellungs-Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Tresor entsperren', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tresor', exact: true })).toBeVisible();
}

export const next = (page: Page) => page.getByRole('button', { name: 'Weiter', exact: true }).click();

/**
 * The browser shell's save dialog opens at the default folder (Documents/TSS Companion/<store>) with the
 * default name: one click on "Speichern" accepts it.
 */
export async function acceptSaveDialog(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: /^(Speichern unter|Ordner zum Speichern wählen|Save as|Choose a folder to save into)$/ }) });
  await dialog.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
  await expect(dialog).toBeHidden();
}

/** Accepts the save dialog, then waits for a "Saved to: …" status and returns the path. */
export async function savedPath(page: Page): Promise<string> {
  await acceptSaveDialog(page);
  const status = page.getByRole('status').filter({ hasText: 'Gespeichert unter:' }).last();
  await expect(status).toBeVisible();
  return (await status.innerText()).replace(/^[\s\S]*Gespeichert unter:\s*/, '').trim();
}
