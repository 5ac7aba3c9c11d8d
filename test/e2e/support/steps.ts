import { type Page, expect } from '@playwright/test';
import { type Actions, uncounted } from './actions';

export const PASSPHRASE = 'Filiale eröffnen 2026 sicher';

/** First use: the vault asks for the recovery passphrase, twice. */
export async function setUpVault(page: Page, act: Actions = uncounted): Promise<void> {
  await act.fill(page.getByLabel('Wiederherstellungs-Passphrase', { exact: true }), PASSPHRASE);
  await act.fill(page.getByLabel('Passphrase wiederholen', { exact: true }), PASSPHRASE);
  await act.click(page.getByRole('button', { name: 'Tresor einrichten', exact: true }));
  await expect(page.getByRole('heading', { name: 'Tresor', exact: true })).toBeVisible();
}

/** After a restart the OS keychain is not there in the browser shell: the passphrase unlocks. */
export async function unlockVault(page: Page): Promise<void> {
  await page.getByLabel('Wiederherstellungs-Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Tresor entsperren', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tresor', exact: true })).toBeVisible();
}

/** The plan page: the store's name and its till list, typed or pasted; the rest as it comes (sandbox, generated PIN). */
export async function planStore(page: Page, storeName: string, tills: readonly string[], act: Actions = uncounted): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: /Planung$/ })).toBeVisible();
  await act.fill(page.getByLabel('Filialname', { exact: true }), storeName);
  await act.fill(page.getByLabel('Seriennummern der Kassen', { exact: true }), tills.join('\n'));
  await expect(page.getByText(`Kassen: ${tills.length}/199`)).toBeVisible();
}

/** Starts the plan; a done run goes on to its receipt by itself. */
export async function startAndAwaitReceipt(page: Page, act: Actions = uncounted): Promise<void> {
  await act.click(page.getByRole('button', { name: 'Einrichtung starten', exact: true }));
  await expect(page.getByRole('heading', { level: 2, name: /Testbeleg & Unterlagen$/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Beleg gültig' })).toBeVisible();
}

/** Prints the test receipt on the system printer (the browser shell's one printer saves the job as a PDF). */
export async function printReceipt(page: Page, act: Actions = uncounted): Promise<void> {
  await expect(page.getByLabel('Drucker', { exact: true })).toHaveValue('PDF (browser shell)');
  await act.click(page.getByRole('button', { name: 'Beleg drucken', exact: true }));
  await expect(page.getByRole('status').filter({ hasText: 'An „PDF (browser shell)“ gesendet.' })).toBeVisible();
}

/** Saves the handover and the recovery file in one go; returns their paths (handover PDF, recovery file). */
export async function saveDocuments(page: Page, act: Actions = uncounted): Promise<{ handoverPdf: string; recoveryFile: string }> {
  const documents = page.getByRole('region', { name: 'Unterlagen speichern', exact: true });
  await act.fill(documents.getByLabel('Wiederherstellungs-Passphrase', { exact: true }), PASSPHRASE);
  await act.click(documents.getByRole('button', { name: 'Unterlagen speichern', exact: true }));
  await acceptSaveDialog(page, act);
  const handoverPdf = documents.locator('code.path').filter({ hasText: /\.pdf$/ });
  const recoveryFile = documents.getByRole('status').filter({ hasText: 'Wiederherstellungsdatei:' }).locator('code.path');
  await expect(handoverPdf).toBeVisible();
  await expect(recoveryFile).toBeVisible();
  return { handoverPdf: (await handoverPdf.innerText()).trim(), recoveryFile: (await recoveryFile.innerText()).trim() };
}

/**
 * The browser shell's save dialog opens at the default folder (Documents/TSS Companion/<store>) with the
 * default name: one click on "Speichern" accepts it.
 */
export async function acceptSaveDialog(page: Page, act: Actions = uncounted): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: /^(Speichern unter|Ordner zum Speichern wählen|Save as|Choose a folder to save into)$/ }) });
  await act.click(dialog.getByRole('button', { name: /^(Speichern|Save)$/ }));
  await expect(dialog).toBeHidden();
}

/** Accepts the save dialog, then waits for a "Saved to: …" status and returns the path. */
export async function savedPath(page: Page): Promise<string> {
  await acceptSaveDialog(page);
  const status = page.getByRole('status').filter({ hasText: 'Gespeichert unter:' }).last();
  await expect(status).toBeVisible();
  return (await status.innerText()).replace(/^[\s\S]*Gespeichert unter:\s*/, '').trim();
}
