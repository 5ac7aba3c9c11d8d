import { emptyMasterData } from '../../../../../../renderer/src/products/sign-de/master-data/master-data-draft';
import { describe, expect, it } from 'vitest';
import { StorePlan } from '../../../../../../preload/contract/sign-de/store-plan';
import type { Organization } from '../../../../../../preload/contract/core/organizations';
import type { VaultState } from '../../../../../../preload/contract/core/vault';
import { createAppStore } from '../../../../../../renderer/src/shell/state/app-store';
import {
  type WizardContext,
  type WizardDraft,
  buildPlan,
  canVisit,
  emptyDraft,
  isPlanComplete,
  planProblems,
  stepForRun,
  stepProblems,
  tssDescriptionOf,
  wizardSteps,
} from '../../../../../../renderer/src/products/sign-de/wizard/wizard-rules';
import { STORE_NAME_MAX } from '../../../../../../preload/contract/sign-de/store-rules';
import { createFakeCompanion, flush } from '../../../fakes/fake-companion';

const vault: VaultState = { initialized: true, unlocked: true, keychainProblem: null, entries: 2 };
const testOrg: Organization = { id: '2b1c9d8e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', environment: 'test', label: 'Müller GmbH', apiKeyHint: 'test_a' };
const sandbox: WizardContext = { environment: 'sandbox', organizations: [], vault, runPhase: 'idle' };
const complete: WizardDraft = { ...emptyDraft, storeName: 'Filiale Köln', clients: ['KASSE-01', 'KASSE-02'] };

describe('wizard steps', () => {
  it('are the plan on one page, the run, and the test receipt with the documents', () => {
    expect(wizardSteps).toEqual(['plan', 'run', 'receipt']);
  });
});

describe('plan problems', () => {
  it('connection: the sandbox needs no organization; TEST and LIVE need one of their environment', () => {
    expect(planProblems(complete, sandbox)).toEqual({});
    const test = { ...sandbox, environment: 'test' as const };
    expect(planProblems(complete, { ...test, organizations: [] })).toMatchObject({ organization: 'organizationNone' });
    expect(planProblems(complete, { ...test, organizations: [testOrg] })).toMatchObject({ organization: 'organizationMissing' });
    expect(planProblems({ ...complete, organizationId: testOrg.id }, { ...test, organizations: [testOrg] })).not.toHaveProperty('organization');
    // a TEST organization does not serve LIVE
    expect(planProblems({ ...complete, organizationId: testOrg.id }, { ...test, environment: 'live', organizations: [testOrg] })).toMatchObject({
      organization: 'organizationNone',
    });
  });

  it('connection: a vault that needs setting up or unlocking blocks; an unknown one does not', () => {
    expect(planProblems(complete, { ...sandbox, vault: { ...vault, initialized: false, unlocked: false } })).toEqual({ vault: 'vaultNotReady' });
    expect(planProblems(complete, { ...sandbox, vault: { ...vault, unlocked: false, keychainProblem: 'basic_text' } })).toEqual({ vault: 'vaultNotReady' });
    expect(planProblems(complete, { ...sandbox, vault: null })).toEqual({});
  });

  it('store: a name of at most 100 characters is required', () => {
    expect(planProblems({ ...complete, storeName: '' }, sandbox)).toEqual({ storeName: 'storeNameMissing' });
    expect(planProblems({ ...complete, storeName: '   ' }, sandbox)).toEqual({ storeName: 'storeNameMissing' });
    expect(planProblems({ ...complete, storeName: 'x'.repeat(STORE_NAME_MAX + 1) }, sandbox)).toEqual({ storeName: 'storeNameTooLong' });
    expect(planProblems({ ...complete, storeName: 'x'.repeat(STORE_NAME_MAX) }, sandbox)).toEqual({});
  });

  it('store: an umlaut in the TSS description is spelled out, not refused (issue 11)', () => {
    expect(planProblems({ ...complete, tssDescription: 'Kasse Süd, Straße 1 – Theke' }, sandbox)).toEqual({});
    expect(tssDescriptionOf({ storeName: 'Filiale Köln', tssDescription: '  Müßiggang ÄÖÜ & é_1 ' })).toBe('Muessiggang AeOeUe + e 1');
    // Without one typed, the store name gives it.
    expect(tssDescriptionOf({ storeName: ' Bäckerei Süd ', tssDescription: ' ' })).toBe('Baeckerei Sued');
  });

  it('admin PIN: generating needs nothing; an own PIN needs 6+ characters, typed twice alike', () => {
    expect(planProblems(complete, sandbox)).toEqual({});
    const own = { ...complete, pinMode: 'own' as const };
    expect(planProblems({ ...own, adminPin: '12345', adminPinRepeat: '12345' }, sandbox)).toEqual({ adminPin: 'pinTooShort' });
    expect(planProblems({ ...own, adminPin: '123456', adminPinRepeat: '123457' }, sandbox)).toEqual({ adminPinRepeat: 'pinMismatch' });
    expect(planProblems({ ...own, adminPin: 'x'.repeat(65), adminPinRepeat: 'x'.repeat(65) }, sandbox)).toEqual({ adminPin: 'pinTooLong' });
    expect(planProblems({ ...own, adminPin: '123456', adminPinRepeat: '123456' }, sandbox)).toEqual({});
    // The PUK recovery's new PIN asks for these rules alone.
    expect(stepProblems('pin', { ...emptyDraft, pinMode: 'own', adminPin: '1', adminPinRepeat: '1' }, sandbox)).toEqual({ adminPin: 'pinTooShort' });
  });

  it('tills: at least one, at most 199, all valid and distinct, upper and lower case aside', () => {
    expect(planProblems({ ...complete, clients: [] }, sandbox)).toEqual({ clients: 'clientsMissing' });
    expect(planProblems({ ...complete, clients: Array.from({ length: 200 }, (_, i) => `K${i}`) }, sandbox)).toEqual({ clients: 'clientsTooMany' });
    expect(planProblems({ ...complete, clients: ['A', 'A'] }, sandbox)).toEqual({ clients: 'clientsInvalid' });
    expect(planProblems({ ...complete, clients: ['KASSE-1', 'kasse-1'] }, sandbox)).toEqual({ clients: 'clientsInvalid' });
    expect(planProblems({ ...complete, clients: ['A/1'] }, sandbox)).toEqual({ clients: 'clientsInvalid' });
  });

  it('the run and the receipt pages have nothing to complete', () => {
    expect(stepProblems('run', emptyDraft, sandbox)).toEqual({});
    expect(stepProblems('receipt', emptyDraft, sandbox)).toEqual({});
  });
});

describe('pages and the run', () => {
  it('opens the plan until a run starts, the run while it goes or stopped, the receipt once it is done', () => {
    expect(canVisit('plan', emptyDraft, sandbox)).toBe(true);
    expect(canVisit('run', complete, sandbox)).toBe(false);
    expect(canVisit('receipt', complete, sandbox)).toBe(false);
    for (const runPhase of ['starting', 'running', 'cancelling', 'failed', 'cancelled'] as const) {
      const context = { ...sandbox, runPhase };
      expect(canVisit('plan', complete, context), runPhase).toBe(false);
      expect(canVisit('run', complete, context), runPhase).toBe(true);
      expect(canVisit('receipt', complete, context), runPhase).toBe(false);
    }
    const done = { ...sandbox, runPhase: 'done' as const };
    expect(canVisit('receipt', complete, done)).toBe(true);
    expect(isPlanComplete(complete, sandbox)).toBe(true);
  });

  it('follows the run: a started one leaves the plan, a done one goes on to its receipt by itself', () => {
    expect(stepForRun('idle')).toBe('plan');
    // main has not answered the start yet: the plan (and its passphrase dialog) stays
    expect(stepForRun('starting')).toBe('plan');
    for (const phase of ['running', 'cancelling', 'failed', 'cancelled'] as const) expect(stepForRun(phase)).toBe('run');
    expect(stepForRun('done')).toBe('receipt');
  });
});

describe('buildPlan', () => {
  it('makes a plan the contract accepts, with the description from the store name, without the PIN when it is generated', () => {
    const plan = buildPlan({ ...complete, storeName: '  Filiale Köln  ', tssDescription: ' ' }, 'sandbox');
    expect(plan).toEqual({
      storeName: 'Filiale Köln',
      environment: 'sandbox',
      tssDescription: 'Filiale Koeln',
      clients: [{ serialNumber: 'KASSE-01' }, { serialNumber: 'KASSE-02' }],
      testReceipt: true,
    });
    expect(StorePlan.safeParse(plan).success).toBe(true);
  });

  it('carries the technician’s own PIN and the typed description, spelled for fiskaly', () => {
    const masterData = { ...emptyMasterData, legalName: 'Müller GmbH', taxNumber: '93815/08152', bundesland: 'BW' as const, street: 'Große Str.', houseNumber: '1', postcode: '50667', town: 'Köln' };
    const plan = buildPlan({ ...complete, masterData, pinMode: 'own', adminPin: '246810', adminPinRepeat: '246810', tssDescription: 'Theke Süd' }, 'test');
    expect(plan).toMatchObject({ adminPin: '246810', tssDescription: 'Theke Sued', environment: 'test' });
    expect(StorePlan.safeParse(plan).success).toBe(true);
  });
});

describe('wizard in the store', () => {
  it('starts the plan from its page, follows the run to the receipt, and a new store then starts fresh (issue 11 #5)', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    const state = () => store.getState();
    state().navigate('wizard');
    expect(state().wizard.step).toBe('plan');
    state().updateDraft({ storeName: 'Filiale Köln' });
    state().setClients(['KASSE-01', 'KASSE-02']);
    expect(await state().startRun()).toBe(true);
    state().followRun();
    expect(state().wizard.step).toBe('run');
    fake.finish(state().run.runId!, { status: 'done' });
    state().followRun();
    expect(state().wizard.step).toBe('receipt');

    // Home, then "Neue Filiale einrichten", without "Fertig": a fresh plan, not the last store at its end.
    state().navigate('home');
    state().navigate('wizard');
    expect(state().wizard.step).toBe('plan');
    expect(state().wizard.draft).toEqual(emptyDraft);
    expect(state().run.phase).toBe('idle');
  });

  it('keeps a store whose run is still going when the technician looks elsewhere', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    store.getState().navigate('wizard');
    store.getState().updateDraft({ storeName: 'Filiale Köln', clients: ['KASSE-01'] });
    await store.getState().startRun();
    store.getState().navigate('home');
    store.getState().navigate('wizard');
    expect(store.getState().wizard.draft.storeName).toBe('Filiale Köln');
    expect(store.getState().run.phase).toBe('running');
  });

  it('puts back all tills after "remove all" (undo)', async () => {
    const store = createAppStore(createFakeCompanion().api);
    store.getState().setClients(['KASSE-01', 'KASSE-02']);
    store.getState().updateTillOverride('KASSE-02', { model: 'iPad' });
    const removed = store.getState().clearClients();
    expect(store.getState().wizard.draft.clients).toEqual([]);
    store.getState().restoreClients(removed);
    expect(store.getState().wizard.draft).toMatchObject({ clients: ['KASSE-01', 'KASSE-02'], tillOverrides: { 'KASSE-02': { model: 'iPad' } } });
  });

  it('takes the till list as it stands, a till’s own details only while its serial is in it', async () => {
    const store = createAppStore(createFakeCompanion().api);
    store.getState().setClients(['KASSE-01', 'KASSE-02']);
    store.getState().updateTillOverride('KASSE-02', { model: 'iPad' });
    store.getState().setClients(['KASSE-01', 'KASSE_2']);
    expect(store.getState().wizard.draft).toMatchObject({ clients: ['KASSE-01', 'KASSE_2'], tillOverrides: {} });
  });

  it('forgets the own PIN when the wizard is left', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(fake.api);
    store.getState().navigate('wizard');
    store.getState().updateDraft({ pinMode: 'own', adminPin: '246810', adminPinRepeat: '246810' });
    store.getState().navigate('home');
    expect(store.getState().wizard.draft).toMatchObject({ pinMode: 'own', adminPin: '', adminPinRepeat: '' });
  });
});
