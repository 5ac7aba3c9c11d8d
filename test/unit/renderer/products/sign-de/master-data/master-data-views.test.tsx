import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../../../preload/contract/core/settings';
import type { Organization } from '../../../../../../preload/contract/core/organizations';
import { App } from '../../../../../../renderer/src/shell/frame/App';
import { createI18n } from '../../../../../../renderer/src/shell/i18n/create-i18n';
import { type AppState, createAppStore } from '../../../../../../renderer/src/shell/state/app-store';
import { StoreProvider } from '../../../../../../renderer/src/state/store-context';
import { emptyTillDetails } from '../../../../../../renderer/src/products/sign-de/master-data/master-data-draft';
import { type WizardDraft, type WizardStep, emptyDraft } from '../../../../../../renderer/src/products/sign-de/wizard/wizard-rules';
import { runStarted, runStarting } from '../../../../../../renderer/src/products/sign-de/run/run-progress';
import { createFakeCompanion, fakeAppInfo } from '../../../fakes/fake-companion';
import { storeRecord, tssOverview } from '../../../fakes/fake-main';
import { renderStatic } from '../../../fakes/render-static';
import { fullMasterData } from './fixtures';

async function render(node: ReactNode, state: Partial<AppState>, language: Language = 'de'): Promise<string> {
  const store = createAppStore(createFakeCompanion().api, state);
  return renderStatic(
    <I18nextProvider i18n={createI18n(language)}>
      <StoreProvider store={store}>{node}</StoreProvider>
    </I18nextProvider>,
  );
}

/** Unique ids and a label for every field. */
function markupProblems(html: string): string[] {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
  const problems = ids.filter((id, index) => ids.indexOf(id) !== index).map((id) => `duplicate id ${id}`);
  for (const [field] of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    const id = /\sid="([^"]+)"/.exec(field)?.[1];
    if (!(/aria-label(ledby)?="/.test(field) || (id !== undefined && html.includes(`for="${id}"`)))) problems.push(`unlabelled ${field}`);
  }
  return problems;
}

const testOrg: Organization = { id: '2b1c9d8e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', environment: 'test', label: 'Müller GmbH', apiKeyHint: 'test_a' };
const base = (environment: 'sandbox' | 'test'): Partial<AppState> => ({
  appInfo: fakeAppInfo,
  settings: { language: 'de', environment },
  vault: { initialized: true, unlocked: true, keychainProblem: null, entries: 2 },
  organizations: [testOrg],
  runs: [],
  knownTss: [],
});
const wizardAt = (step: WizardStep, draft: Partial<WizardDraft>, environment: 'sandbox' | 'test' = 'test', language: Language = 'de') =>
  render(<App />, { ...base(environment), screen: 'wizard', wizard: { step, draft: { ...emptyDraft, storeName: 'Filiale Köln', organizationId: testOrg.id, ...draft } } }, language);

describe('the master data on the plan page', () => {
  it('shows the Steuernummer’s ELSTER form as typed, and says TEST needs the master data', async () => {
    const html = await wizardAt('plan', { masterData: fullMasterData });
    expect(html).toContain('Pflicht in TEST und LIVE');
    expect(html).toContain('ELSTER-Form: 2893081508152');
    expect(html).toContain('In Baden-Württemberg hat die Steuernummer 10 Ziffern (Form FFBBBUUUUP).');
    expect(html).toMatch(/<option value="BW" selected="">Baden-Württemberg<\/option>/);
    expect(markupProblems(html)).toEqual([]);
  });

  it('says at once, beside the field, when the number does not fit the Land', async () => {
    const html = await wizardAt('plan', { masterData: { ...fullMasterData, bundesland: 'BY' } }, 'test', 'en');
    expect(html).toMatch(/class="field__error" role="alert">The Steuernummer does not have the right number of digits for this Land.<\/p>/);
    expect(html).toContain('In Bayern the Steuernummer has 11 digits (form FFFBBBUUUUP).');
    expect(html).not.toContain('ELSTER form:');
  });

  it('calls the master data optional in the sandbox', async () => {
    const html = await wizardAt('plan', {}, 'sandbox');
    expect(html).toContain('In der Sandbox freiwillig.');
    expect(html).not.toContain('role="alert"');
  });
});

describe('the tills on the plan page', () => {
  const details = { ...emptyTillDetails, kind: '1' as const, software: 'KassenPro', manufacturer: 'Aures', model: 'Yuno' };

  it('generates serials only in the sandbox', async () => {
    expect(await wizardAt('plan', {}, 'sandbox')).toContain('>Seriennummern erzeugen</button>');
    const test = await wizardAt('plan', {}, 'test');
    expect(test).not.toContain('Seriennummern erzeugen');
    expect(test).toContain('In TEST und LIVE braucht jede Kasse die Seriennummer von ihrem Typenschild');
  });

  it('takes the details for all tills once, with the five ELSTER kinds, and per till only what differs', async () => {
    const html = await wizardAt('plan', { clients: ['KASSE-01', 'KASSE-02'], tillDetails: details, tillOverrides: { 'KASSE-02': { model: 'Sango' } } });
    expect(html).toContain('Angaben für alle Kassen');
    for (const label of ['Computergestützte/PC-Kassensysteme', 'Tablet-/App-Kassen-Systeme', 'Elektronische Registrierkassen', 'Taxameter', 'Wegstreckenzähler']) expect(html).toContain(label);
    expect(html).toContain('Eigene Angaben für KASSE-02');
    expect(html).toContain('wie alle: Yuno');
    expect(html).toMatch(/<details class="till-list__own" open="">/);
    expect(html).toContain('>Wie alle Kassen</button>');
    expect(markupProblems(html)).toEqual([]);
  });
});

describe('the review before the start', () => {
  it('lists the taxpayer, the ELSTER Steuernummer, the Betriebsstätte and every till with its details', async () => {
    const html = await wizardAt('plan', {
      masterData: fullMasterData,
      clients: ['KASSE-01', 'KASSE-02'],
      tillDetails: { ...emptyTillDetails, kind: '3', software: 'KassenPro', softwareVersion: '4.2' },
    });
    expect(html).toContain('Müller Backwaren GmbH, DE123456789');
    expect(html).toContain('<code>2893081508152</code>');
    expect(html).toContain('Filiale Köln-Süd, Bonner Straße 12a, 50677 Köln');
    const rows = [...html.matchAll(/<tr><th scope="row"><code>([^<]+)<\/code><\/th><td>([^<]+)<\/td><td>([^<]+)<\/td>/g)].map((match) => [match[1], match[2], match[3]]);
    expect(rows).toEqual([
      ['KASSE-01', 'Elektronische Registrierkassen', 'KassenPro 4.2'],
      ['KASSE-02', 'Elektronische Registrierkassen', 'KassenPro 4.2'],
    ]);
  });
});

describe('the wizard’s documents', () => {
  it('save the § 146a handover of the TSS just set up, with the recovery file', async () => {
    const run = { ...runStarted(runStarting('Filiale Köln', 'sandbox'), '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b'), phase: 'done' as const, tssId: '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d' };
    const html = await render(<App />, { ...base('sandbox'), screen: 'wizard', wizard: { step: 'receipt', draft: emptyDraft }, run });
    expect(html).toContain('Übergabebericht dieser Filiale');
    expect(html).toContain('>Unterlagen speichern</button>');
    expect(markupProblems(html)).toEqual([]);
  });
});

describe('the store overview', () => {
  const TSS = '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d';
  const overview = tssOverview(TSS);
  const record = storeRecord(TSS, {
    tills: [
      { serialNumber: 'KASSE-01', clientId: overview.clients[0]!.id, kind: '1', software: 'KassenPro', manufacturer: 'Aures', model: 'Yuno' },
      { serialNumber: 'KASSE-02', clientId: overview.clients[1]!.id, decommissioning: { date: '2026-11-02', reason: 'Defekt' } },
    ],
    changes: [{ at: '2026-11-30T08:00:00.000Z', what: 'till-deregistered' }],
  });
  const shown = (state: Partial<AppState>, language: Language = 'de') =>
    render(<App />, { ...base('sandbox'), screen: 'overview', overviewTssId: TSS, overview, storeRecord: record, ...state }, language);

  it('shows the master data, each till’s details and decommissioning, and the actions', async () => {
    const html = await shown({});
    expect(html).toContain('Müller Backwaren GmbH');
    expect(html).toContain('<code>2893081508152</code>');
    expect(html).toContain('Filiale Köln-Süd, Bonner Straße 12a, 50677 Köln');
    expect(html).toContain('Computergestützte/PC-Kassensysteme · KassenPro · Aures Yuno');
    expect(html).toContain('außer Betrieb seit 02.11.2026: Defekt');
    expect(html).toContain('>Stammdaten ändern</button>');
    expect(html).toContain('>Kassen hinzufügen</button>');
    expect(html).toContain('>Übergabe speichern</button>');
    expect(html).toContain('Außerbetriebnahme der TSE am');
    expect(html).toContain('Grund der Außerbetriebnahme');
    expect(markupProblems(html)).toEqual([]);
  });

  it('says a new handover is due after a change, and shows the three saved files', async () => {
    const due = await shown({ handoverDue: true }, 'en');
    expect(due).toContain('The store has changed. Save a new handover and report the change to the tax office by 2026-12-30.');
    const saved = await shown({
      handoverFiles: {
        pdf: { path: '/home/tech/handover.pdf', bytes: 1 },
        json: { path: '/home/tech/handover.json', bytes: 1 },
        xml: { path: '/home/tech/handover.xml', bytes: 1 },
      },
    });
    expect(saved).not.toContain('Die Filiale hat sich geändert');
    for (const path of ['/home/tech/handover.pdf', '/home/tech/handover.json', '/home/tech/handover.xml']) expect(saved).toContain(`<code class="path">${path}</code>`);
    expect(saved).toContain('ELSTER-XML (experimentell)');
  });

  it('shows an action’s failure beside its button', async () => {
    const html = await shown({ errors: [{ operation: 'saveHandover', code: 'E_SOMETHING', message: 'What main said.' }] });
    expect(html.split('Die Übergabe wurde nicht gespeichert.').length - 1).toBe(1);
    expect(html.indexOf('Die Übergabe wurde nicht gespeichert.')).toBeGreaterThan(html.indexOf('>Übergabe speichern</button>'));
  });
});
