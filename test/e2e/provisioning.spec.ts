import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { checkReceipt } from '../../main/products/sign-de/tse';
import { expect, screenshot, test } from './fixtures';
import { seriousAxeViolations } from './support/axe';
import { decodeQrPdf, decodeQrPng } from './support/qr';
import { planStore, saveDocuments, savedPath, setUpVault, unlockVault } from './support/steps';
import { listenOnPrinterPort } from '../support/loopback-printer-port';

test('a store with three clients: provisioned, its receipt shown, printed as PDF and ESC/POS, handed over', async ({ companion }) => {
  const page = await companion.open();
  await setUpVault(page);
  await screenshot(page, 'home-vault-ready');

  await page.getByRole('main').getByRole('button', { name: 'Neue Filiale einrichten', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Filiale einrichten' })).toBeVisible();
  await screenshot(page, 'wizard-1-plan');

  await page.getByLabel('Filialname', { exact: true }).fill('Filiale Leipzig');
  await page.getByLabel('Seriennummern der Kassen', { exact: true }).fill('KASSE-1\nKASSE-2\nKASSE-3');
  await expect(page.getByText('Kassen: 3/199')).toBeVisible();
  // One more on its own: a wrong serial is named once, at its field, and is not added.
  const oneTill = page.getByLabel('Seriennummer der Kasse', { exact: true });
  await oneTill.fill('KASSE_4');
  await page.getByRole('button', { name: 'Kasse hinzufügen' }).click();
  await expect(page.getByText('Ein Unterstrich (_) ist in der Seriennummer nicht erlaubt.')).toHaveCount(1);
  await expect(page.getByText('Kassen: 3/199')).toBeVisible();
  // An empty one says why nothing was added.
  await oneTill.fill('');
  await page.getByRole('button', { name: 'Kasse hinzufügen' }).click();
  await expect(page.getByText('Geben Sie zuerst eine Seriennummer ein.')).toHaveCount(1);
  // Twins in upper and lower case are refused, with the reason, once.
  await oneTill.fill('kasse-2');
  await expect(page.getByText('Steht schon als KASSE-2 in der Liste')).toHaveCount(1);
  await oneTill.fill('');
  // "Remove all" can be undone.
  await page.getByRole('button', { name: 'Alle Kassen entfernen' }).click();
  await expect(page.getByText('Kassen: 0/199')).toBeVisible();
  await page.getByRole('button', { name: 'Rückgängig' }).click();
  await expect(page.getByText('Kassen: 3/199')).toBeVisible();
  await expect(page.getByLabel('Seriennummern der Kassen', { exact: true })).toHaveValue('KASSE-1\nKASSE-2\nKASSE-3');
  // The review lists what will be set up: the tills' serials and the TSS description.
  await expect(page.getByText('3 von höchstens 199: KASSE-1, KASSE-2, KASSE-3')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Filiale Leipzig$/ })).toHaveCount(2);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, 'wizard-4-clients');

  // Slow the sandbox's deploy a little, to see the run page before the run moves on to its receipt.
  const control = new URL(await companion.services.signDe.connections.sandboxUrl()).origin;
  const deployDelay = (ms: number) => fetch(`${control}/_sandbox/deploy-delay`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deployDelayMs: ms }) });
  await deployDelay(2000);
  await page.getByRole('button', { name: 'Einrichtung starten' }).click();
  await expect(page.getByRole('progressbar', { name: 'Fortschritt der Einrichtung' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Einrichtung abbrechen' })).toBeVisible();
  await screenshot(page, 'wizard-5-run');
  await deployDelay(0);
  // A done run goes on to its receipt by itself.
  await expect(page.getByRole('heading', { level: 2, name: 'Schritt 3 von 3: Testbeleg & Unterlagen' })).toBeVisible();

  const [run] = await companion.services.signDe.runs.list();
  const qrCodeData = run!.receipt!.qrCodeData!;
  await expect(page.getByRole('status').filter({ hasText: 'Beleg gültig' })).toBeVisible();
  const qr = page.getByRole('img', { name: /^QR-Code des Belegs/ });
  await expect(qr).toBeVisible();
  expect(decodeQrPng(await qr.screenshot())).toBe(qrCodeData);
  expect(checkReceipt(qrCodeData, { tssSerialNumber: run!.tssSerialNumber }).valid).toBe(true);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, 'wizard-6-receipt-80mm');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Step 3 of 3: Test receipt & documents' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Receipt valid' })).toBeVisible();
  await screenshot(page, 'wizard-6-receipt-en');
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('radio', { name: '58 mm' }).click();
  await screenshot(page, 'wizard-6-receipt-58mm');

  await page.getByRole('button', { name: 'Als PDF speichern' }).click();
  await expect(page.getByRole('dialog').getByLabel('Dateiname')).toHaveValue(/^testbeleg-Filiale-Leipzig-58mm-/);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, 'save-dialog');
  const pdf = await savedPath(page);
  // Where the save dialog proposed it: the store's folder under Documents, named once with its width.
  expect(pdf).toMatch(/TSS Companion[/\\]Filiale-Leipzig[/\\]testbeleg-Filiale-Leipzig-58mm-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(existsSync(pdf)).toBe(true);
  expect(decodeQrPdf(pdf)).toBe(qrCodeData);
  // In the browser shell "In Ordner zeigen" opens the chooser at the PDF's folder, the PDF marked.
  await page.getByRole('button', { name: 'In Ordner zeigen' }).click();
  const folder = page.getByRole('dialog', { name: 'Gespeicherte Datei in ihrem Ordner' });
  await expect(folder.locator('li[aria-current="true"]')).toHaveText(/^testbeleg-Filiale-Leipzig-58mm-.*\.pdf \(gespeichert\)$/);
  await folder.getByRole('button', { name: 'Schließen' }).click();
  await expect(folder).toBeHidden();

  const received: Buffer[] = [];
  const printer = createServer((socket) => socket.on('data', (chunk) => received.push(chunk)));
  // The printer action reaches only private addresses on ports 9100–9109: a loopback printer of its own.
  const { host, port } = await listenOnPrinterPort(printer);
  await page.getByLabel('Adresse (Host oder IP)').fill(host);
  await page.getByLabel('Port', { exact: true }).fill(String(port));
  await page.getByRole('button', { name: 'An Netzwerkdrucker senden' }).click();
  await expect.poll(() => Buffer.concat(received).includes(Buffer.from(qrCodeData, 'latin1'))).toBe(true);
  printer.close();

  const { handoverPdf: report, recoveryFile } = await saveDocuments(page);
  expect(existsSync(recoveryFile)).toBe(true);
  // The handover sheet (§ 146a(4) AO) names the TSE and every till.
  const sheet = execFileSync('pdftotext', ['-layout', report, '-'], { encoding: 'utf8' });
  for (const text of ['KASSE-1', 'KASSE-2', 'KASSE-3']) expect(sheet).toContain(text);
  // The 64-digit TSE serial may wrap on the page.
  expect(sheet.replace(/\s+/g, '')).toContain(run!.tssSerialNumber!);
  await screenshot(page, 'wizard-6-documents');
});

test('a run interrupted mid-way is offered on Home after a restart and resumed to the end', async ({ companion }) => {
  const page = await companion.open();
  await setUpVault(page);
  const control = new URL(await companion.services.signDe.connections.sandboxUrl()).origin;
  await fetch(`${control}/_sandbox/deploy-delay`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"deployDelayMs":3000}' });

  await page.getByRole('main').getByRole('button', { name: 'Neue Filiale einrichten', exact: true }).click();
  await planStore(page, 'Filiale Bonn', ['KASSE-9']);
  await page.getByRole('button', { name: 'Einrichtung starten' }).click();
  await page.getByRole('button', { name: 'Einrichtung abbrechen' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Die Einrichtung wurde bei „.*“ angehalten\./ })).toBeVisible();
  await screenshot(page, 'wizard-5-run-cancelled');
  await fetch(`${control}/_sandbox/deploy-delay`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"deployDelayMs":0}' });

  const restarted = await companion.restart();
  await unlockVault(restarted);
  await expect(restarted.getByRole('heading', { name: 'Unterbrochene Einrichtungen' })).toBeVisible();
  await screenshot(restarted, 'home-unfinished-run');
  await restarted.getByRole('button', { name: 'Fortsetzen: Filiale Bonn' }).click();
  // The resumed run, once done, goes on to its receipt by itself.
  await expect(restarted.getByRole('heading', { level: 2, name: 'Schritt 3 von 3: Testbeleg & Unterlagen' })).toBeVisible();
  const [run] = await companion.services.signDe.runs.list();
  expect(run).toMatchObject({ status: 'done', storeName: 'Filiale Bonn' });
});

test('five wrong PINs: the recovery opens by itself, the PUK sets a new PIN, and it works', async ({ companion }) => {
  const { services } = companion;
  await services.dispatch('vault:setup', { passphrase: 'Filiale eröffnen 2026 sicher' });
  const finished = new Promise<{ tssId: string }>((resolve) => {
    services.events.subscribe((event, payload) => event === 'provisioning:finished' && resolve(payload as { tssId: string }));
  });
  await services.dispatch('provisioning:start', { plan: { storeName: 'Filiale Kiel', environment: 'sandbox', clients: [{ serialNumber: 'KASSE-1' }] } });
  const { tssId } = await finished;

  const api = await services.signDe.connections.sandboxUrl();
  const auth = await (await fetch(`${api}/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ api_key: 'test_sandbox_api_key', api_secret: 'test_sandbox_api_secret' }),
  })).json();
  const adminLogin = (pin: string) =>
    fetch(`${api}/tss/${tssId}/admin/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.access_token}` },
      body: JSON.stringify({ admin_pin: pin }),
    });
  for (let i = 0; i < 5; i++) await adminLogin('000000');
  expect((await adminLogin('000000')).status).toBe(423);

  const page = await companion.open();
  await page.getByRole('button', { name: 'Filialübersicht: Filiale Kiel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Filialübersicht' })).toBeVisible();
  await screenshot(page, 'overview');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Store overview' })).toBeVisible();
  await screenshot(page, 'overview-en');
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Filialübersicht' })).toBeVisible();
  await page.getByRole('button', { name: 'Abmelden: KASSE-1' }).click();
  // Deregistering is notifiable: it asks when and why the till goes out of use.
  const deregister = page.getByRole('dialog', { name: 'Kasse KASSE-1 abmelden?' });
  await deregister.getByLabel('Grund').fill('Defekt');
  await deregister.getByRole('button', { name: 'Kasse abmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'PUK-Wiederherstellung' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Die Admin-PIN dieser TSS ist gesperrt. Setzen Sie hier mit der PUK' })).toBeVisible();
  await page.getByRole('radio', { name: 'Filiale Kiel' }).check();
  await page.getByRole('region', { name: 'PUK anzeigen' }).getByLabel('Passphrase dieses Tresors', { exact: true }).fill('Filiale eröffnen 2026 sicher');
  await page.getByRole('button', { name: 'PUK anzeigen' }).click();
  await expect(page.getByLabel('PUK', { exact: true })).toHaveText(/\d{10}/);
  await screenshot(page, 'recovery-puk-shown');
  await page.getByRole('button', { name: 'Neue PIN setzen' }).click();
  const confirm = page.getByRole('dialog', { name: 'Neue Admin-PIN setzen?' });
  await confirm.getByLabel('Wiederherstellungs-Passphrase', { exact: true }).fill('Filiale eröffnen 2026 sicher');
  await screenshot(page, 'recovery-pin-confirmation');
  await confirm.getByRole('button', { name: 'PIN setzen' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Die neue Admin-PIN ist gesetzt und im Tresor gespeichert.' })).toBeVisible();
  await screenshot(page, 'recovery-pin-set');

  // The vault's activity log names what was done with the PUK, never the PUK itself.
  await page.getByRole('navigation').getByRole('button', { name: 'Einstellungen' }).click();
  await screenshot(page, 'settings-support');
  await page.getByRole('button', { name: 'Aktivitätsprotokoll anzeigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aktivitätsprotokoll' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Filiale Kiel' }).first()).toBeVisible();
  await screenshot(page, 'activity');

  const revealed = await services.dispatch('recovery:reveal', { tssId, passphrase: 'Filiale eröffnen 2026 sicher' });
  expect(revealed.ok).toBe(true);
  // The new PIN is in the vault and fiskaly (the sandbox) takes it.
  const overview = await services.dispatch('tss:set-client-state', { tssId, clientId: (await services.signDe.runs.list())[0]!.clients[0]!.clientId, state: 'DEREGISTERED' });
  expect(overview).toMatchObject({ ok: true, value: { registeredClients: 0 } });
});

test('every screen switches between German and English', async ({ companion }) => {
  const page = await companion.open();
  const nav = page.getByRole('navigation', { name: /Hauptnavigation|Main navigation/ });
  const screens: Array<[string, string, string, string]> = [
    ['Start', 'Home', 'Übersicht', 'Overview'],
    ['Neue Filiale', 'New store', 'Neue Filiale einrichten', 'Set up a new store'],
    ['PUK-Wiederherstellung', 'PUK recovery', 'PUK-Wiederherstellung', 'PUK recovery'],
    ['Einstellungen', 'Settings', 'Einstellungen', 'Settings'],
  ];
  for (const [navDe, navEn, headingDe, headingEn] of screens) {
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await nav.getByRole('button', { name: navDe, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: headingDe, exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: headingEn, exact: true })).toBeVisible();
    await expect(nav.getByRole('button', { name: navEn, exact: true })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, `screen-${navEn.toLowerCase().replace(/ /g, '-')}-en`);
  }
});
