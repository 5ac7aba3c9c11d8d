import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../../../../preload/contract/core/organizations';
import type { VaultState } from '../../../../../../preload/contract/core/vault';
import { StorePlan } from '../../../../../../preload/contract/sign-de/store-plan';
import {
  type MasterDataDraft,
  elsterTaxNumber,
  emptyMasterData,
  emptyTillDetails,
  masterDataProblems,
  resolveTillDetails,
  tillDetailsProblems,
  toStoreMasterData,
} from '../../../../../../renderer/src/products/sign-de/master-data/master-data-draft';
import { type StepProblems, type WizardContext, type WizardDraft, buildPlan, emptyDraft, planProblems, tillsOf } from '../../../../../../renderer/src/products/sign-de/wizard/wizard-rules';
import { createAppStore } from '../../../../../../renderer/src/shell/state/app-store';
import { createFakeCompanion, flush } from '../../../fakes/fake-companion';
import { runReport } from '../../../fakes/fake-main';
import { fullMasterData } from './fixtures';

const vault: VaultState = { initialized: true, unlocked: true, keychainProblem: null, entries: 0 };
const testOrg: Organization = { id: '2b1c9d8e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', environment: 'test', label: 'Müller GmbH', apiKeyHint: 'test_a' };
const sandbox: WizardContext = { environment: 'sandbox', organizations: [], vault, runPhase: 'idle' };
const test: WizardContext = { environment: 'test', organizations: [testOrg], vault, runPhase: 'idle' };

/** The plan's problems of one part of the page: the store with its master data, or the tills. */
const part =
  (keep: (field: string) => boolean) =>
  (draft: WizardDraft, context: WizardContext): StepProblems =>
    Object.fromEntries(Object.entries(planProblems(draft, context)).filter(([field]) => keep(field)));
const storeProblems = part((field) => !['organization', 'clients', 'tillDetails'].includes(field));
const tillProblems = part((field) => field === 'clients' || field === 'tillDetails');


describe('the Steuernummer as typed', () => {
  it('is shown in its 13-digit ELSTER form once it fits the Land', () => {
    expect(elsterTaxNumber({ taxNumber: '93815/08152', bundesland: 'BW' })).toBe('2893081508152');
    expect(elsterTaxNumber({ taxNumber: '181/815/08155', bundesland: 'BY' })).toBe('9181081508155');
    expect(elsterTaxNumber({ taxNumber: '93815/08152', bundesland: '' })).toBeNull();
    expect(elsterTaxNumber({ taxNumber: '93815/08152', bundesland: 'BY' })).toBeNull();
  });

  it('says in plain words why it does not fit the Land', () => {
    const with_ = (taxNumber: string, bundesland: MasterDataDraft['bundesland']) => masterDataProblems({ ...fullMasterData, taxNumber, bundesland }).taxNumber;
    expect(with_('', 'BW')).toBe('taxNumberMissing');
    expect(with_('93815-08152', 'BW')).toBe('taxNumberCharacters');
    expect(with_('93815/08152', 'BY')).toBe('taxNumberLength');
    // Brandenburg's printed numbers start with 0.
    expect(with_('12345678901', 'BB')).toBe('taxNumberPrefix');
    // An ELSTER number of Baden-Württemberg given for Bayern.
    expect(with_('2893081508152', 'BY')).toBe('taxNumberOtherLand');
    expect(with_('93815/08152', 'BW')).toBeUndefined();
  });
});

describe('master data in the store step', () => {
  const store: WizardDraft = { ...emptyDraft, storeName: 'Filiale Köln' };

  it('is required in TEST and LIVE, field by field', () => {
    expect(storeProblems(store, test)).toEqual({
      legalName: 'legalNameMissing',
      taxNumber: 'taxNumberMissing',
      bundesland: 'bundeslandMissing',
      street: 'streetMissing',
      houseNumber: 'houseNumberInvalid',
      postcode: 'postcodeInvalid',
      town: 'townMissing',
    });
    expect(storeProblems(store, { ...test, environment: 'live' })).toHaveProperty('legalName', 'legalNameMissing');
    expect(storeProblems({ ...store, masterData: fullMasterData }, test)).toEqual({});
  });

  it('is optional in the sandbox, but checked in full once something is typed', () => {
    expect(storeProblems(store, sandbox)).toEqual({});
    expect(storeProblems({ ...store, masterData: { ...emptyMasterData, legalName: 'Müller' } }, sandbox)).toMatchObject({ street: 'streetMissing', bundesland: 'bundeslandMissing' });
  });

  it('checks the address formats and the VAT ID', () => {
    expect(masterDataProblems({ ...fullMasterData, houseNumber: '12a', postcode: '5067', vatId: 'DE12345', houseNumberSuffix: 'Hinterhaus links' })).toEqual({
      houseNumber: 'houseNumberInvalid',
      postcode: 'postcodeInvalid',
      vatId: 'vatIdInvalid',
      houseNumberSuffix: 'houseNumberSuffixInvalid',
    });
  });

  it('becomes the contract’s master data, the Steuernummer as printed and the VAT ID compacted', () => {
    expect(toStoreMasterData(fullMasterData)).toEqual({
      taxpayer: { legalName: 'Müller Backwaren GmbH', taxNumber: '93815/08152', bundesland: 'BW', vatId: 'DE123456789' },
      establishment: { designation: 'Filiale Köln-Süd', street: 'Bonner Straße', houseNumber: '12', houseNumberSuffix: 'a', postcode: '50677', town: 'Köln' },
    });
  });
});

describe('till details, same as the till above', () => {
  const shared = { ...emptyTillDetails, kind: '1' as const, software: 'KassenPro', softwareVersion: '4.2', manufacturer: 'Aures', model: 'Yuno', acquisitionDate: '2026-08-01' };

  it('are typed once for all tills; a till’s own value wins only where it has one', () => {
    expect(resolveTillDetails(shared, undefined)).toEqual(shared);
    expect(resolveTillDetails(shared, { model: 'Sango', software: '  ' })).toEqual({ ...shared, model: 'Sango' });
  });

  it('go into the plan for every till, and the TEST plan passes the contract', () => {
    const draft: WizardDraft = {
      ...emptyDraft,
      storeName: 'Filiale Köln',
      masterData: fullMasterData,
      clients: ['KASSE-01', 'KASSE-02', 'KASSE-03'],
      tillDetails: shared,
      tillOverrides: { 'KASSE-03': { kind: '2', model: 'iPad' } },
    };
    expect(tillsOf(draft).map((till) => till.details.model)).toEqual(['Yuno', 'Yuno', 'iPad']);
    const plan = buildPlan(draft, 'test');
    expect(plan.clients).toEqual([
      { serialNumber: 'KASSE-01', kind: '1', software: 'KassenPro', softwareVersion: '4.2', manufacturer: 'Aures', model: 'Yuno', acquisitionDate: '2026-08-01' },
      { serialNumber: 'KASSE-02', kind: '1', software: 'KassenPro', softwareVersion: '4.2', manufacturer: 'Aures', model: 'Yuno', acquisitionDate: '2026-08-01' },
      { serialNumber: 'KASSE-03', kind: '2', software: 'KassenPro', softwareVersion: '4.2', manufacturer: 'Aures', model: 'iPad', acquisitionDate: '2026-08-01' },
    ]);
    expect(plan.masterData?.taxpayer.legalName).toBe('Müller Backwaren GmbH');
    expect(StorePlan.safeParse(plan).success).toBe(true);
    expect(tillProblems(draft, test)).toEqual({});
  });

  it('refuse a bad date, a too long text and a commissioning before the acquisition', () => {
    expect(tillDetailsProblems({ ...shared, acquisitionDate: '2026-02-30', software: 'x'.repeat(51) })).toEqual({ acquisitionDate: 'tillDateInvalid', software: 'tillTextTooLong' });
    expect(tillDetailsProblems({ ...shared, commissioningDate: '2026-07-01' })).toEqual({ commissioningDate: 'tillDatesOrder' });
    const draft: WizardDraft = { ...emptyDraft, clients: ['KASSE-01'], tillOverrides: { 'KASSE-01': { acquisitionDate: 'gestern' } } };
    expect(tillProblems(draft, test)).toEqual({ tillDetails: 'tillDetailsInvalid' });
  });
});

describe('serials', () => {
  async function wizardIn(environment: 'sandbox' | 'test') {
    const fake = createFakeCompanion({ settings: { language: 'de', environment } });
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    return store;
  }

  it('are generated only in the sandbox, unique to the store', async () => {
    const store = await wizardIn('sandbox');
    store.getState().updateDraft({ storeName: 'Filiale Süd' });
    const first = store.getState().generateSerials(3);
    expect(first.added).toHaveLength(3);
    expect(first.added[0]).toMatch(/^FILIALE-SUED-[0-9A-F]{4}-01$/);
    const other = await wizardIn('sandbox');
    expect(other.getState().generateSerials(1).added[0]).not.toBe(first.added[0]);
  });

  it('must be typed in TEST and LIVE', async () => {
    const store = await wizardIn('test');
    expect(store.getState().generateSerials(3).added).toEqual([]);
    expect(store.getState().wizard.draft.clients).toEqual([]);
  });

  it('take their own details with them when removed', async () => {
    const store = await wizardIn('sandbox');
    store.getState().addClientList('KASSE-01\nKASSE-02');
    store.getState().updateTillOverride('KASSE-02', { model: 'iPad' });
    expect(store.getState().wizard.draft.tillOverrides).toEqual({ 'KASSE-02': { model: 'iPad' } });
    store.getState().removeClient('KASSE-02');
    expect(store.getState().wizard.draft.tillOverrides).toEqual({});
  });

  it('already used by another store on this laptop are warned about (main decides), case aside, abandoned setups not counted', async () => {
    const runs = [
      runReport({ storeName: 'Filiale Bonn', clients: [{ serialNumber: 'KASSE-01', clientId: 'c1', registered: true }] }),
      runReport({ storeName: 'Filiale Aachen', status: 'abandoned', clients: [{ serialNumber: 'KASSE-02', clientId: 'c2', registered: false }] }),
    ];
    const fake = createFakeCompanion({ settings: { language: 'de', environment: 'sandbox' }, main: { runs } });
    const store = createAppStore(fake.api);
    store.getState().updateDraft({ storeName: 'Filiale Köln' });
    store.getState().addClientList('kasse-01\nKASSE-02\nKASSE-03');
    await flush();
    expect(store.getState().wizard.elsewhere).toEqual([{ serialNumber: 'kasse-01', usedBy: [{ storeName: 'Filiale Bonn', environment: 'sandbox' }] }]);
    store.getState().removeClient('kasse-01');
    await flush();
    expect(store.getState().wizard.elsewhere).toEqual([]);
  });
});
