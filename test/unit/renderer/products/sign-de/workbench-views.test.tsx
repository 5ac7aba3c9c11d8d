import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../../preload/contract/core/settings';
import type { VaultState } from '../../../../../preload/contract/core/vault';
import { buildReceiptModel } from '../../../../../main/products/sign-de/receipt/receipt-model';
import { checkReceipt } from '../../../../../main/products/sign-de/tse';
import { App } from '../../../../../renderer/src/shell/frame/App';
import { ReceiptPreview } from '../../../../../renderer/src/products/sign-de/receipt/ReceiptPreview';
import { createI18n } from '../../../../../renderer/src/shell/i18n/create-i18n';
import { de } from '../../../../../renderer/src/i18n/de';
import { de as signDeDe } from '../../../../../renderer/src/products/sign-de/i18n/de';
import { type AppState, createAppStore, initialAppState } from '../../../../../renderer/src/shell/state/app-store';
import { applyProgress, runStarted, runStarting } from '../../../../../renderer/src/products/sign-de/run/run-progress';
import { StoreProvider } from '../../../../../renderer/src/state/store-context';
import { pukGroups } from '../../../../../renderer/src/products/sign-de/recovery/puk-groups';
import type { Operation } from '../../../../../renderer/src/state/ui-error';
import { emptyDraft } from '../../../../../renderer/src/products/sign-de/wizard/wizard-rules';
import { initialMigrationState } from '../../../../../renderer/src/products/sign-de/migration/migration-slice';
import { signedTestReceipt } from '../../../main/products/sign-de/receipt/signed-receipt';
import { createFakeCompanion, fakeAppInfo } from '../../fakes/fake-companion';
import { FAKE_PUK, progressEvent, runReport, tssOverview } from '../../fakes/fake-main';
import { renderStatic } from '../../fakes/render-static';

async function render(node: ReactNode, state: Partial<AppState>, language: Language = 'de'): Promise<string> {
  const store = createAppStore(createFakeCompanion().api, state);
  return renderStatic(
    <I18nextProvider i18n={createI18n(language)}>
      <StoreProvider store={store}>{node}</StoreProvider>
    </I18nextProvider>,
  );
}

/** Markup-level accessibility: unique ids, every field labelled, every button named. */
function a11yProblems(html: string): string[] {
  const problems: string[] = [];
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
  const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (duplicates.length > 0) problems.push(`duplicate ids: ${duplicates.join(', ')}`);
  for (const [field] of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    const id = /\sid="([^"]+)"/.exec(field)?.[1];
    const labelled = /aria-label(ledby)?="/.test(field) || (id !== undefined && html.includes(`for="${id}"`));
    if (!labelled) problems.push(`unlabelled field: ${field}`);
  }
  for (const [reference, id] of html.matchAll(/aria-(?:labelledby|describedby)="([^"]+)"/g)) {
    for (const part of id!.split(' ')) if (!ids.includes(part)) problems.push(`dangling reference: ${reference}`);
  }
  for (const [, attributes, content] of html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)) {
    const text = content!.replace(/<[^>]+>/g, '').trim();
    if (text === '' && !/aria-label="[^"]+"/.test(attributes!)) problems.push(`unnamed button: ${attributes}`);
  }
  for (const [image] of html.matchAll(/<img\b[^>]*>/g)) if (!/\salt="[^"]+"/.test(image)) problems.push(`image without alt: ${image}`);
  return problems;
}

const readyVault: VaultState = { initialized: true, unlocked: true, keychainProblem: null, entries: 2 };
const base: Partial<AppState> = {
  appInfo: fakeAppInfo,
  settings: { language: 'de', environment: 'sandbox' },
  vault: readyVault,
  organizations: [],
  runs: [],
  knownTss: [],
};
const draft = { ...emptyDraft, storeName: 'Filiale Köln', clients: ['KASSE-01', 'KASSE-02'] };
/** Each button's accessible name: its aria-label, else its text. */
const buttons = (html: string) =>
  [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].map((match) => /aria-label="([^"]+)"/.exec(match[1]!)?.[1] ?? match[2]!.replace(/<[^>]+>/g, ''));

describe('Home', () => {
  it('asks for the recovery passphrase on first use, twice, as password fields', async () => {
    const html = await render(<App />, { ...base, vault: { initialized: false, unlocked: false, keychainProblem: null, entries: 0 } });
    expect(html).toContain('<h1 class="screen__title" tabindex="-1">Übersicht</h1>');
    expect(html).toMatch(/<h2[^>]*>Tresor einrichten<\/h2>/);
    expect(html).toContain('kann nicht wiederhergestellt werden');
    expect(html).toContain('anderen Laptop');
    expect(html).toMatch(/<label for="([^"]+)" class="field__label">Wiederherstellungs-Passphrase<\/label>(<p[^>]*>[^<]*<\/p>)?<input type="password" id="\1"/);
    expect(html).toMatch(/>Passphrase wiederholen<\/label><input type="password"/);
    expect(buttons(html)).toContain('Tresor einrichten');
    expect(a11yProblems(html)).toEqual([]);
  });

  it('asks for the passphrase when the keychain did not open the vault, with main’s reason in German (never main’s English words)', async () => {
    const locked = { initialized: true, unlocked: false, keychainProblem: 'no OS keychain in this process', keychainProblemCode: 'unavailable' as const, entries: 3 };
    const html = await render(<App />, { ...base, vault: locked });
    expect(html).toMatch(/<h2[^>]*>Tresor entsperren<\/h2>/);
    expect(html).toContain('keinen Schlüsselbund des Betriebssystems');
    expect(html).not.toContain('no OS keychain in this process');
    const older = await render(<App />, { ...base, vault: { ...locked, keychainProblemCode: undefined } });
    expect(older).not.toContain('no OS keychain in this process');
    expect(buttons(html)).toContain('Tresor entsperren');
  });

  it('offers the wizard, the PUK recovery, the environment and the credentials form with a password secret', async () => {
    const html = await render(<App />, base);
    expect(buttons(html)).toEqual(expect.arrayContaining(['Neue Filiale einrichten', 'PUK-Wiederherstellung öffnen', 'Zugangsdaten speichern']));
    expect(html).toMatch(/<h2[^>]*>Organisationen und Zugangsdaten<\/h2>/);
    expect(html).toMatch(/>Umgebung der Zugangsdaten<\/label>(<p[^>]*>[^<]*<\/p>)?<select/);
    expect(html).toMatch(/>API-Secret<\/label><p[^>]*>[^<]*<\/p><input type="password"[^>]*autoComplete="new-password"|>API-Secret<\/label><p[^>]*>[^<]*<\/p><input type="password"[^>]*autocomplete="new-password"/);
    expect(html).toMatch(/<legend class="choice__legend">Umgebung<\/legend>/);
    expect(a11yProblems(html)).toEqual([]);
  });

  it('lists stores and TSS with their actions, and unfinished runs with where and why they stopped', async () => {
    const done = runReport({ storeName: 'Filiale Köln' });
    const failed = runReport({ storeName: 'Filiale Bonn', status: 'failed', error: { code: 'E_TX_LIMIT_REACHED', message: 'x', step: 'clients' } });
    const html = await render(<App />, {
      ...base,
      runs: [done, failed],
      knownTss: [{ tssId: done.tssId, storeName: 'Filiale Köln', environment: 'sandbox', hasPuk: true, hasPin: true, updatedAt: '2026-08-18T10:00:00Z' }],
      tssSummaries: { [done.tssId]: tssOverview(done.tssId) },
    });
    expect(html).toMatch(/<h2[^>]*>Filialen und TSS<\/h2>/);
    expect(html).toMatch(/<h2[^>]*>Unterbrochene Einrichtungen<\/h2>/);
    const names = buttons(html);
    expect(names).toEqual(
      expect.arrayContaining([
        'Zustand aktualisieren: Filiale Köln',
        'Filialübersicht: Filiale Köln',
        'Testbeleg: Filiale Köln',
        'PUK-Wiederherstellung: Filiale Köln',
        'Fortsetzen: Filiale Bonn',
      ]),
    );
    expect(html).toContain('<dd>Kassen anmelden</dd>');
    expect(html).toContain('2000 offene Transaktionen');
    expect(html).toContain('<dd>INITIALIZED</dd>');
    expect(html).toContain('<dd>2/199</dd>');
    expect(a11yProblems(html)).toEqual([]);
  });
});

describe('wizard', () => {
  const wizard = (step: AppState['wizard']['step'], extra: Partial<AppState> = {}, language: Language = 'de') =>
    render(<App />, { ...base, screen: 'wizard', wizard: { step, draft }, ...extra }, language);

  it('has a named stepper with the three pages and the page heading', async () => {
    const html = await wizard('plan');
    expect(html).toContain('<h1 class="screen__title" tabindex="-1">Neue Filiale einrichten</h1>');
    expect(html).toContain('<nav class="stepper" aria-label="Schritte der Einrichtung">');
    expect(html).toMatch(/aria-current="step"><span class="stepper__number" aria-hidden="true">1<\/span><span class="stepper__title">Planung<\/span>/);
    expect(html).toMatch(/<h2 id="wizard-step-title"[^>]*>Schritt 1 von 3: Planung<\/h2>/);
    // the test receipt is not open before a run is done
    expect(html).toMatch(/<button type="button" class="stepper__button" disabled=""><span class="stepper__number" aria-hidden="true">3<\/span><span class="stepper__title">Testbeleg &amp; Unterlagen<\/span>/);
    expect(buttons(html)).not.toContain('Weiter');
    expect(html).toContain('braucht keine Organisation');
    expect(a11yProblems(html)).toEqual([]);
  });

  it('plan in TEST asks for the organization or for credentials', async () => {
    const html = await wizard('plan', { settings: { language: 'de', environment: 'test' } });
    expect(html).toContain('Für fiskaly TEST sind noch keine Zugangsdaten gespeichert.');
    expect(buttons(html)).toContain('Zugangsdaten speichern');
    const withOrg = await wizard('plan', {
      settings: { language: 'de', environment: 'test' },
      organizations: [{ id: '2b1c9d8e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', environment: 'test', label: 'Müller GmbH', apiKeyHint: 'test_a' }],
    });
    expect(withOrg).toMatch(/>Organisation<\/label>/);
    expect(withOrg).toContain('>Müller GmbH (test_a…)</option>');
  });

  it('plan: name, description, and the Betriebsstätte as the one address (the receipt prints it)', async () => {
    const html = await wizard('plan');
    expect(html).toMatch(/>Filialname<\/label>/);
    expect(html).not.toContain('Anschrift (wird auf den Beleg gedruckt)');
    expect(html).toMatch(/>Straße<\/label>/);
    expect(html).toMatch(/>TSS-Beschreibung \(optional\)<\/label>/);
    expect(a11yProblems(html)).toEqual([]);
  });

  it('plan: the admin PIN is generated by default, no page of its own; the vault is explained', async () => {
    const html = await wizard('plan');
    expect(html).toMatch(/<legend class="choice__legend">Admin-PIN der TSS<\/legend>/);
    expect(html).toMatch(/checked="" value="generate"/);
    expect(html).toContain('verschlüsselt im Tresor gespeichert');
    const own = await render(<App />, { ...base, screen: 'wizard', wizard: { step: 'plan', draft: { ...draft, pinMode: 'own' } } });
    expect(own).toMatch(/>Admin-PIN<\/label><p[^>]*>Mindestens 6 Zeichen.<\/p><input type="password"/);
    expect(own).toMatch(/>Admin-PIN wiederholen<\/label><input type="password"/);
    expect(a11yProblems(own)).toEqual([]);
  });

  it('plan: the till list as typed or pasted, one more on its own, with the count n/199', async () => {
    const html = await wizard('plan');
    expect(html).toContain('Kassen: 2/199');
    expect(html).toMatch(/>Seriennummer der Kasse<\/label>/);
    expect(html).toMatch(/>Seriennummern der Kassen<\/label><p[^>]*>[^<]*<\/p><textarea[^>]*>KASSE-01\nKASSE-02<\/textarea>/);
    expect(buttons(html)).toEqual(expect.arrayContaining(['Kasse hinzufügen', 'Entfernen: KASSE-01', 'Alle Kassen entfernen']));
    expect(buttons(html)).not.toContain('Liste übernehmen');
    expect(html).toContain('aria-label="Kassen dieser Filiale"');
    expect(a11yProblems(html)).toEqual([]);
  });

  it('plan in LIVE: asks for the store name or LIVE before anything starts', async () => {
    const html = await wizard('plan', {
      settings: { language: 'de', environment: 'live' },
      organizations: [{ id: '2b1c9d8e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', environment: 'live', label: 'Müller GmbH', apiKeyHint: 'live_a' }],
      wizard: { step: 'plan', draft: { ...draft, organizationId: '2b1c9d8e-4f5a-4b6c-8d7e-9f0a1b2c3d4e' } },
    });
    expect(html).toContain('kann nicht gelöscht');
    expect(html).toMatch(/>Zur Bestätigung „Filiale Köln“ oder LIVE eingeben<\/label>/);
    expect(html).toMatch(/<button type="button" class="button button--danger" aria-disabled="true" aria-describedby="[^"]+">LIVE-Einrichtung starten<\/button>/);
    expect(a11yProblems(html)).toEqual([]);
  });

  it('plan in the sandbox starts without a typed confirmation', async () => {
    const html = await wizard('plan');
    expect(html).not.toContain('Zur Bestätigung');
    expect(html).toMatch(/<button type="button" class="button button--primary">Einrichtung starten<\/button>/);
  });

  it('run in progress: a progress bar with its value, the step log with the clients count, and cancel', async () => {
    const runId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    const run = applyProgress(
      applyProgress(runStarted(runStarting('Filiale Köln', 'sandbox'), runId), progressEvent({ runId, storeName: 'Filiale Köln' }, 'auth', 'done', { fraction: 1 / 12 })),
      progressEvent({ runId, storeName: 'Filiale Köln' }, 'clients', 'running', { index: 9, fraction: 8 / 12, detail: { done: 1, total: 2 } }),
    );
    const html = await wizard('run', { run });
    expect(html).toMatch(/role="progressbar" aria-label="Fortschritt der Einrichtung" aria-valuemin="0" aria-valuemax="100" aria-valuenow="67" aria-valuetext="67 %, Schritt 9 von 12: Kassen anmelden"/);
    expect(html).toContain('<ol class="step-log" aria-label="Schrittprotokoll">');
    expect(html).toContain('Bei fiskaly anmelden');
    expect(html).toContain('läuft · 1/2 angemeldet');
    expect(buttons(html)).toContain('Einrichtung abbrechen');
    expect(html).toContain('später fortsetzen');
    expect(a11yProblems(html)).toEqual([]);
  });

  it('run failed: the plain-language error at its step, and Resume', async () => {
    const runId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    const run = { ...runStarted(runStarting('Filiale Köln', 'sandbox'), runId), phase: 'failed' as const, total: 12, error: { code: 'E_NETWORK', message: 'fiskaly is unreachable', step: 'initialize' as const } };
    const html = await wizard('run', { run });
    expect(html).toMatch(/role="alert"><p class="notice__title">Die Einrichtung ist bei „TSS initialisieren“ stehen geblieben.<\/p><p>fiskaly ist nicht erreichbar./);
    expect(buttons(html)).toEqual(expect.arrayContaining(['Fortsetzen', 'Andere Filiale einrichten']));
    const unknown = await wizard('run', { run: { ...run, error: { code: 'E_BRAND_NEW', message: 'Main says what happened.', step: 'deploy' } } });
    expect(unknown).toContain('Main says what happened.');
    expect(unknown).toContain('nennen Sie dem Support den Fehlercode');
  });

  it('receipt page: the store’s documents saved in one go, then the next store', async () => {
    const runId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    const html = await wizard('receipt', { run: { ...runStarted(runStarting('Filiale Köln', 'sandbox'), runId), phase: 'done', tssId: '7a1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' } });
    expect(html).toMatch(/<h2 id="wizard-step-title"[^>]*>Schritt 3 von 3: Testbeleg &amp; Unterlagen<\/h2>/);
    expect(buttons(html)).toEqual(expect.arrayContaining(['Unterlagen speichern', 'Nächste Filiale einrichten', 'Fertig']));
    expect(buttons(html)).not.toContain('Übergabe speichern');
    expect(buttons(html)).not.toContain('Wiederherstellungsdatei speichern');
    expect(a11yProblems(html)).toEqual([]);
  });

  it('is complete in English', async () => {
    const html = await wizard('plan', { settings: { language: 'en', environment: 'sandbox' } }, 'en');
    expect(html).toContain('>Set up a new store</h1>');
    expect(html).toContain('aria-label="Setup steps"');
    expect(html).toContain('>Step 1 of 3: Plan</h2>');
    expect(buttons(html)).toContain('Start the setup');
  });
});

describe('receipt preview', () => {
  const model = buildReceiptModel(signedTestReceipt({ environment: 'live' }));

  it('shows every field of the model, marks the training receipt, and names the QR code', async () => {
    const html = await render(<ReceiptPreview model={model} width={80} />, {});
    expect(html).toContain('class="receipt receipt--80 receipt--training"');
    expect(html).toContain('TRAININGSBELEG – kein steuerlicher Beleg');
    expect(html).toContain('Trainingsbeleg</span>');
    for (const text of [
      'Bäckerei Müller &amp; Söhne &lt;Filiale Süd&gt;',
      'Große Straße 12',
      '50667 Köln',
      '<dt>Datum</dt><dd>18.08.2026</dd>',
      'Europe/Berlin (MESZ)',
      '1 x Testbeleg / test receipt',
      '<dt>SUMME</dt><dd>1,00 EUR</dd>',
      '<dt>MwSt A 19 %</dt><dd>0,16</dd>',
      '<dt>Zahlart Bar</dt><dd>1,00 EUR</dd>',
      '<dt>TSE-Transaktion</dt><dd>7</dd>',
      '<dt>TSE-Start</dt><dd>18.08.2026 20:38:19</dd>',
      '<dt>TSE-Stop</dt><dd>18.08.2026 20:38:21</dd>',
      `<dt>TSE-Seriennummer</dt><dd>${model.tse.serialNumber}</dd>`,
      '<dt>TSE-Signaturzähler</dt><dd>42</dd>',
      `<dt>TSE-Signatur</dt><dd>${model.tse.signature}</dd>`,
      '<dt>TSE-Zeitformat</dt><dd>unixTime</dd>',
      '<dt>TSE-Hashalgorithmus</dt><dd>ecdsa-plain-SHA256</dd>',
      `<dt>TSE-PublicKey</dt><dd>${model.tse.publicKey}</dd>`,
      '<dt>Kassen-Seriennummer</dt><dd>KASSE-01 Filiale Koeln</dd>',
      '<dt>BSI-Zertifizierung</dt><dd>BSI-K-TR-0490-2021</dd>',
    ]) {
      expect(html, text).toContain(text);
    }
    expect(html).toMatch(/<img class="receipt__qr" src="data:image\/svg\+xml;charset=utf-8,[^"]+" width="\d+" height="\d+" alt="QR-Code des Belegs \(DSFinV-K\) mit den signierten Belegdaten, gedruckt [\d.]+ mm breit"/);
    expect(a11yProblems(html)).toEqual([]);
  });

  it('names missing receipt content in the screen’s language, never main’s code', async () => {
    const lacking = { ...model, missingRequiredContent: ['seller-name', 'seller-address'] as const };
    const de = await render(<ReceiptPreview model={{ ...lacking, missingRequiredContent: [...lacking.missingRequiredContent] }} width={80} />, {}, 'de');
    expect(de).toContain('<li>Name des Unternehmers</li><li>Anschrift des Unternehmers</li>');
    const en = await render(<ReceiptPreview model={{ ...lacking, missingRequiredContent: [...lacking.missingRequiredContent] }} width={80} />, {}, 'en');
    expect(en).toContain('<li>Name of the seller</li><li>Address of the seller</li>');
  });

  it('is 576 dots wide on 80 mm paper and 384 on 58 mm (CSS), with the same QR at 4 dots per module', async () => {
    const narrow = await render(<ReceiptPreview model={model} width={58} />, {}, 'en');
    expect(narrow).toContain('class="receipt receipt--58 receipt--training"');
    expect(narrow).toContain('Receipt preview, 58 mm paper');
    const size = Number(/class="receipt__qr"[^>]*width="(\d+)"/.exec(narrow)?.[1]);
    expect(size % 4).toBe(0);
    expect(size).toBeLessThanOrEqual(384);
  });

  it('sits in the test receipt step with the paper toggle, the verification badge and printing', async () => {
    const runId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    const verification = checkReceipt(model.qrCodeData, { tssSerialNumber: model.tse.serialNumber });
    const html = await render(<App />, {
      ...base,
      screen: 'wizard',
      wizard: { step: 'receipt', draft },
      run: { ...runStarted(runStarting('Filiale Köln', 'sandbox'), runId), phase: 'done' },
      receiptRunId: runId,
      receipt: model,
      verification: { valid: verification.valid, checks: verification.checks },
      printers: [{ name: 'EPSON TM-T20III', isDefault: true }],
    });
    expect(html).toMatch(/<legend class="choice__legend">Papierbreite<\/legend>/);
    expect(html).toMatch(/<p class="badge badge--valid" role="status"><span aria-hidden="true">✓<\/span> Beleg gültig<\/p>/);
    expect(html).toContain('Signatur</span>: <span>bestanden</span>');
    expect(html).toContain('>EPSON TM-T20III (Standard)</option>');
    expect(buttons(html)).toEqual(expect.arrayContaining(['Beleg drucken', 'Drucker suchen', 'Als PDF speichern', 'An Netzwerkdrucker senden', 'Erneut prüfen']));
    expect(html).toMatch(/>Adresse \(Host oder IP\)<\/label>/);
    expect(html).toMatch(/>Port<\/label>(<p[^>]*>[^<]*<\/p>)?<input type="text" inputMode="numeric"|>Port<\/label>(<p[^>]*>[^<]*<\/p>)?<input type="text" inputmode="numeric"/);
    expect(html).toMatch(/<input id="[^"]+" type="checkbox" checked=""\/><label for="[^"]+">Drucker kann QR-Codes selbst drucken<\/label>/);
    expect(a11yProblems(html)).toEqual([]);
  });

  it('shows a print failure right below the button that printed, once (network printer unreachable, PDF, system printer)', async () => {
    const runId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    const cases = [
      ['printEscpos', 'An Netzwerkdrucker senden'],
      ['printPdf', 'Als PDF speichern'],
      ['printReceipt', 'Drucker suchen'],
    ] as const;
    for (const [operation, button] of cases) {
      const html = await render(<App />, {
        ...base,
        screen: 'wizard',
        wizard: { step: 'receipt', draft },
        run: { ...runStarted(runStarting('Filiale Köln', 'sandbox'), runId), phase: 'done' },
        receiptRunId: runId,
        receipt: model,
        printers: [{ name: 'EPSON TM-T20III', isDefault: true }],
        errors: [{ operation, code: 'E_PRINTER_UNREACHABLE', message: 'What main said.' }],
      });
      expect(html.split('data-testid="error-notice"').length - 1, operation).toBe(1);
      const after = html.slice(html.indexOf(`>${button}</button>`));
      // The notice follows the button before any other field or button.
      expect(after.indexOf('data-testid="error-notice"'), operation).toBeLessThan(after.search(/<(input|button)\b/));
    }
  });

  it('lists each failed check of an invalid receipt', async () => {
    const html = await render(<App />, {
      ...base,
      screen: 'receipt',
      receiptRunId: 'r',
      receipt: model,
      verification: { valid: false, checks: [{ name: 'format', ok: true, detail: 'V0' }, { name: 'signature', ok: false, detail: 'signature does not verify' }] },
      printers: [],
    });
    expect(html).toContain('Beleg ungültig');
    expect(html).toContain('Signatur</span>: <span>nicht bestanden</span><span class="checks__detail"> (signature does not verify)</span>');
    expect(html).toContain('Übergeben Sie die Filiale nicht');
  });
});

describe('PUK recovery', () => {
  const tssId = '8c7b6a59-4d3e-4f21-9a0b-1c2d3e4f5a6b';
  const knownTss = [{ tssId, storeName: 'Filiale Köln', environment: 'sandbox' as const, hasPuk: true, hasPin: true, updatedAt: '2026-08-18T10:00:00Z' }];

  it('picks a TSS, asks for the passphrase, and offers a new PIN', async () => {
    const html = await render(<App />, { ...base, screen: 'recovery', knownTss, recovery: { ...initialAppState.recovery, tssId } });
    expect(html).toContain('<h1 class="screen__title" tabindex="-1">PUK-Wiederherstellung</h1>');
    expect(html).toMatch(/<legend class="choice__legend">TSS im Tresor<\/legend>/);
    expect(html).toMatch(/checked="" value="8c7b6a59-4d3e-4f21-9a0b-1c2d3e4f5a6b"/);
    expect(html).toMatch(/>Wiederherstellungsdatei<\/label><input[^>]*type="file"/);
    expect(buttons(html)).toEqual(expect.arrayContaining(['Datei importieren', 'PUK anzeigen', 'Neue PIN setzen']));
    expect(a11yProblems(html)).toEqual([]);
  });

  it('shows a revealed PUK large, with copy and hide', async () => {
    const html = await render(<App />, { ...base, screen: 'recovery', knownTss, recovery: { ...initialAppState.recovery, tssId, puk: FAKE_PUK } });
    expect(html).toContain(`<p class="puk__value" aria-label="PUK"><code>${pukGroups(FAKE_PUK).map((group) => `<span class="puk__group">${group}</span>`).join('')}</code></p>`);
    expect(html).toMatch(/<h3[^>]*>PUK von Filiale Köln<\/h3>/);
    expect(buttons(html)).toEqual(expect.arrayContaining(['PUK kopieren', 'PUK ausblenden']));
  });

  it('says why it opened by itself', async () => {
    const html = await render(<App />, { ...base, screen: 'recovery', knownTss, recovery: { ...initialAppState.recovery, tssId, reason: 'blocked' } });
    expect(html).toContain('role="alert"><p>Die Admin-PIN dieser TSS ist gesperrt.');
  });
});

describe('store overview', () => {
  const tssId = '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d';

  it('shows state, serial, certification, counters, clients n/199 and ACTIVE n/2000 with their actions', async () => {
    const overview = tssOverview(tssId);
    const html = await render(<App />, { ...base, screen: 'overview', overviewTssId: tssId, overview });
    expect(html).toContain('<h1 class="screen__title" tabindex="-1">Filialübersicht</h1>');
    expect(html).toContain('Filiale Köln-Süd');
    for (const text of ['INITIALIZED', 'b'.repeat(64), 'BSI-K-TR-0490-2021', 'Angemeldet: 2/199', 'Offen (ACTIVE): 3/2000', '<dd>42</dd>', '<dd>7</dd>']) {
      expect(html, text).toContain(text);
    }
    expect(buttons(html)).toEqual(
      expect.arrayContaining(['Abmelden: KASSE-01', 'Wieder anmelden: KASSE-02', 'Alte offene Transaktionen anzeigen', 'TAR-Export speichern', 'TSS außer Betrieb nehmen', 'Aktualisieren']),
    );
    expect(html).toMatch(/>Zur Bestätigung „Filiale Köln-Süd“ oder DISABLE eingeben<\/label>/);
    expect(html).toMatch(/<button type="submit" class="button button--danger" aria-disabled="true">TSS außer Betrieb nehmen<\/button>/);
    expect(html).toMatch(/<dialog class="confirm-dialog confirm-dialog--calm" aria-labelledby="[^"]+" aria-describedby="[^"]+"><h2[^>]*>0 alte offene Transaktionen schließen\?<\/h2>/);
    expect(a11yProblems(html)).toEqual([]);
  });

  it('emphasises in LIVE that disabling is final', async () => {
    const html = await render(<App />, { ...base, screen: 'overview', overviewTssId: tssId, overview: tssOverview(tssId, { environment: 'live' }) }, 'en');
    expect(html).toContain('card card--danger card--live');
    expect(html).toContain('fiskaly LIVE: disabling is final.');
    expect(html).toMatch(/>To confirm, type “Filiale Köln-Süd” or DISABLE<\/label>/);
  });
});

describe('messages', () => {
  it('shows an error of another view in the frame, and a view’s own error next to it', async () => {
    const onHome = await render(<App />, { ...base, errors: [{ operation: 'printPdf', code: 'E_PRINTER_FAILED', message: 'x' }] });
    expect(onHome).toContain('Das PDF wurde nicht gespeichert.');
    expect(onHome).toContain('Der Druck ist fehlgeschlagen.');
    const onOverview = await render(<App />, {
      ...base,
      screen: 'overview',
      overviewTssId: 'x',
      errors: [{ operation: 'loadOverview', code: 'E_TSS_NOT_FOUND', message: 'x' }],
    });
    expect(onOverview.match(/Die Filialübersicht konnte nicht geladen werden./g)).toHaveLength(1);
    expect(onOverview).toContain('>Erneut versuchen</button>');
  });
});

describe('every failure is visible, once, wherever the technician is', () => {
  // The shell's operations' texts are in `common`, SIGN DE's in `sign-de`.
  const titles: Record<string, string> = { ...de.errors.operations, ...signDeDe.errors.operations };
  const operations = Object.keys(titles) as Operation[];
  const runId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
  const doneRun = { ...runStarted(runStarting('Filiale Köln', 'sandbox'), runId), phase: 'done' as const };
  const views: [string, Partial<AppState>][] = [
    ['home', { screen: 'home' }],
    ['settings', { screen: 'settings' }],
    ['recovery', { screen: 'recovery' }],
    ['overview', { screen: 'overview', overviewTssId: 'x' }],
    ['receipt screen', { screen: 'receipt', receiptRunId: runId }],
    ...(['plan', 'run'] as const).map((step): [string, Partial<AppState>] => [`wizard ${step}`, { screen: 'wizard', wizard: { step, draft } }]),
    ['wizard receipt', { screen: 'wizard', wizard: { step: 'receipt', draft }, run: doneRun, receiptRunId: runId }],
    ['wizard receipt and documents', { screen: 'wizard', wizard: { step: 'receipt', draft }, run: { ...doneRun, tssId: '7a1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' } }],
    ...(['inventory', 'prepare', 'cut-over', 'decommission', 'result'] as const).map((step): [string, Partial<AppState>] => [
      `migration ${step}`,
      { screen: 'migration', migration: { ...initialMigrationState.migration, step } },
    ]),
  ];

  it.each(views)('%s', async (_name, view) => {
    for (const operation of operations) {
      const html = await render(<App />, { ...base, ...view, errors: [{ operation, code: 'E_SOMETHING', message: 'What main said.' }] });
      expect(html.split(titles[operation]!).length - 1, operation).toBe(1);
    }
  });
});
