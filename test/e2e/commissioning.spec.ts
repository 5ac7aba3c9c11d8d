import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Elster146aHandover } from '../../preload/contract/sign-de/handover';
import { expect, screenshot, test } from './fixtures';
import { seriousAxeViolations } from './support/axe';
import { acceptSaveDialog, saveDocuments, setUpVault, startAndAwaitReceipt } from './support/steps';

/** The JSON of the handover the page just saved, read from the path it shows. */
async function savedHandoverJson(page: Page, within: ReturnType<Page['locator']>): Promise<Elster146aHandover> {
  const path = within.locator('code.path').filter({ hasText: /\.json$/ });
  await expect(path).toBeVisible();
  return JSON.parse(readFileSync((await path.textContent())!.trim(), 'utf8')) as Elster146aHandover;
}

test('a store with its full master data: the receipt names the seller, the handover holds what was typed, a fourth till makes a new one', async ({ companion }) => {
  const page = await companion.open();
  await setUpVault(page);
  await page.getByRole('main').getByRole('button', { name: 'Neue Filiale einrichten', exact: true }).click();

  await page.getByLabel('Filialname', { exact: true }).fill('Filiale Erfurt');
  // In the sandbox the master data is optional, folded away until opened.
  await page.getByText('Stammdaten für das Finanzamt', { exact: true }).click();
  await page.getByLabel('Name / Firma').fill('Thüringer Backstube GmbH');
  await page.getByLabel('Bundesland des Finanzamts').selectOption('TH');
  await page.getByLabel('Steuernummer', { exact: true }).fill('151/815/08156');
  await expect(page.getByText('ELSTER-Form: 4151081508156')).toBeVisible();
  await page.getByLabel('Straße').fill('Anger');
  await page.getByLabel('Hausnummer').fill('1');
  await page.getByLabel('Postleitzahl').fill('99084');
  await page.getByLabel('Ort', { exact: true }).fill('Erfurt');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, 'wizard-2-master-data');

  await page.getByLabel('Seriennummern der Kassen', { exact: true }).fill('ERF-1\nERF-2\nERF-3');
  await expect(page.getByText('Kassen: 3/199')).toBeVisible();
  await page.getByText('Angaben für alle Kassen', { exact: true }).click();
  await page.getByLabel('Art des eAs').first().selectOption('2');
  await page.getByLabel('Kassensoftware').first().fill('KassePro');
  await page.getByLabel('Software-Version').first().fill('4.2.0');
  await page.getByLabel('Hersteller').first().fill('Kasse GmbH');
  await page.getByLabel('Modell').first().fill('T1');
  await page.getByLabel('Anschaffung').first().fill('2026-11-02');
  await screenshot(page, 'wizard-4-till-details');

  await startAndAwaitReceipt(page);
  // § 6 KassenSichV: the seller's name and the Betriebsstätte's address on the receipt.
  await expect(page.getByText('Thüringer Backstube GmbH').first()).toBeVisible();
  await expect(page.getByText('Anger 1, 99084 Erfurt').first()).toBeVisible();
  await screenshot(page, 'wizard-6-receipt-seller');

  await saveDocuments(page);
  const handover = await savedHandoverJson(page, page.getByRole('region', { name: 'Unterlagen speichern', exact: true }));
  await screenshot(page, 'wizard-7-handover-files');
  expect(handover.taxpayer).toEqual({ name: 'Thüringer Backstube GmbH', tax_number_elster: '4151081508156', bundesland: 'TH', vat_id: null });
  expect(handover.establishment).toMatchObject({ street: 'Anger', house_number: '1', zip_code: '99084', town: 'Erfurt', eas_count: 3 });
  expect(handover.eas.map((eas) => eas.serial_number)).toEqual(['ERF-1', 'ERF-2', 'ERF-3']);
  for (const eas of handover.eas) {
    expect(eas).toMatchObject({ art: '2', software: 'KassePro', software_version: '4.2.0', manufacturer: 'Kasse GmbH', model: 'T1', acquisition_date: '02.11.2026' });
  }
  expect(handover.due_date).toBe('02.12.2026');

  // Later: a fourth till, added on the store overview, and a new handover listing four.
  await page.getByRole('navigation').getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: 'Filialübersicht: Filiale Erfurt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Filialübersicht' })).toBeVisible();
  await page.getByLabel('Seriennummern der neuen Kassen').fill('ERF-4');
  await page.getByRole('button', { name: 'Kassen hinzufügen', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(page.getByText('Hinzugefügt: 1.')).toBeVisible();
  await expect(page.getByText(/Speichern Sie eine neue Übergabe/)).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, 'overview-master-data');
  const overviewHandover = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Übergabe (§ 146a Abs. 4 AO)' }) });
  await overviewHandover.getByRole('button', { name: 'Übergabe speichern' }).click();
  await acceptSaveDialog(page);
  const after = await savedHandoverJson(page, overviewHandover);
  expect(after.establishment.eas_count).toBe(4);
  expect(after.eas.map((eas) => eas.serial_number)).toEqual(['ERF-1', 'ERF-2', 'ERF-3', 'ERF-4']);
});
