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
  canGoBack,
  canGoNext,
  canVisit,
  emptyDraft,
  isPlanComplete,
  stepProblems,
  wizardSteps,
} from '../../../../../../renderer/src/products/sign-de/wizard/wizard-rules';
import { createFakeCompanion, flush } from '../../../fakes/fake-companion';

const vault: VaultState = { initialized: true, unlocked: true, keychainProblem: null, entries: 2 };
const testOrg: Organization = { id: '2b1c9d8e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', environment: 'test', label: 'Müller GmbH', apiKeyHint: 'test_a' };
const sandbox: WizardContext = { environment: 'sandbox', organizations: [], vault, runPhase: 'idle' };
const complete: WizardDraft = { ...emptyDraft, storeName: 'Filiale Köln', clients: ['KASSE-01', 'KASSE-02'] };

describe('wizard steps', () => {
  it('are Connect → Store and TSS → Admin PIN → Clients → Run → Test receipt → Handover', () => {
    expect(wizardSteps).toEqual(['connect', 'store', 'pin', 'clients', 'run', 'receipt', 'handover']);
  });
});

describe('step problems', () => {
  it('connect: the sandbox needs no organization; TEST and LIVE need one of their environment', () => {
    expect(stepProblems('connect', emptyDraft, sandbox)).toEqual({});
    const test = { ...sandbox, environment: 'test' as const };
    expect(stepProblems('connect', emptyDraft, { ...test, organizations: [] })).toEqual({ organization: 'organizationNone' });
    expect(stepProblems('connect', emptyDraft, { ...test, organizations: [testOrg] })).toEqual({ organization: 'organizationMissing' });
    expect(stepProblems('connect', { ...emptyDraft, organizationId: testOrg.id }, { ...test, organizations: [testOrg] })).toEqual({});
    // a TEST organization does not serve LIVE
    expect(stepProblems('connect', { ...emptyDraft, organizationId: testOrg.id }, { ...test, environment: 'live', organizations: [testOrg] })).toEqual({
      organization: 'organizationNone',
    });
  });

  it('connect: a vault that needs setting up or unlocking blocks; an unknown one does not', () => {
    expect(stepProblems('connect', emptyDraft, { ...sandbox, vault: { ...vault, initialized: false, unlocked: false } })).toEqual({ vault: 'vaultNotReady' });
    expect(stepProblems('connect', emptyDraft, { ...sandbox, vault: { ...vault, unlocked: false, keychainProblem: 'basic_text' } })).toEqual({ vault: 'vaultNotReady' });
    expect(stepProblems('connect', emptyDraft, { ...sandbox, vault: null })).toEqual({});
  });

  it('store: a name is required, lengths and the TSS description pattern are checked', () => {
    expect(stepProblems('store', emptyDraft, sandbox)).toEqual({ storeName: 'storeNameMissing' });
    expect(stepProblems('store', { ...emptyDraft, storeName: '   ' }, sandbox)).toEqual({ storeName: 'storeNameMissing' });
    expect(stepProblems('store', { ...emptyDraft, storeName: 'x'.repeat(101) }, sandbox)).toEqual({ storeName: 'storeNameTooLong' });
    expect(stepProblems('store', { ...complete, tssDescription: 'Kasse_1' }, sandbox)).toEqual({ tssDescription: 'tssDescriptionInvalid' });
    expect(stepProblems('store', { ...complete, tssDescription: 'Filiale Koeln / Theke (1)' }, sandbox)).toEqual({});
  });

  it('pin: generating needs nothing; an own PIN needs 6+ characters, typed twice alike', () => {
    expect(stepProblems('pin', emptyDraft, sandbox)).toEqual({});
    const own = { ...emptyDraft, pinMode: 'own' as const };
    expect(stepProblems('pin', { ...own, adminPin: '12345', adminPinRepeat: '12345' }, sandbox)).toEqual({ adminPin: 'pinTooShort' });
    expect(stepProblems('pin', { ...own, adminPin: '123456', adminPinRepeat: '123457' }, sandbox)).toEqual({ adminPinRepeat: 'pinMismatch' });
    expect(stepProblems('pin', { ...own, adminPin: 'x'.repeat(65), adminPinRepeat: 'x'.repeat(65) }, sandbox)).toEqual({ adminPin: 'pinTooLong' });
    expect(stepProblems('pin', { ...own, adminPin: '123456', adminPinRepeat: '123456' }, sandbox)).toEqual({});
  });

  it('clients: at least one, at most 199, all valid and distinct', () => {
    expect(stepProblems('clients', emptyDraft, sandbox)).toEqual({ clients: 'clientsMissing' });
    expect(stepProblems('clients', { ...emptyDraft, clients: Array.from({ length: 200 }, (_, i) => `K${i}`) }, sandbox)).toEqual({ clients: 'clientsTooMany' });
    expect(stepProblems('clients', { ...emptyDraft, clients: ['A', 'A'] }, sandbox)).toEqual({ clients: 'clientsInvalid' });
    expect(stepProblems('clients', { ...emptyDraft, clients: ['A/1'] }, sandbox)).toEqual({ clients: 'clientsInvalid' });
    expect(stepProblems('clients', complete, sandbox)).toEqual({});
  });
});

describe('step gating', () => {
  it('opens each plan step only when the ones before it are complete', () => {
    expect(canVisit('connect', emptyDraft, sandbox)).toBe(true);
    expect(canVisit('store', emptyDraft, sandbox)).toBe(true);
    expect(canVisit('pin', emptyDraft, sandbox)).toBe(false);
    expect(canVisit('pin', { ...emptyDraft, storeName: 'X' }, sandbox)).toBe(true);
    expect(canVisit('clients', { ...emptyDraft, storeName: 'X' }, sandbox)).toBe(true);
    expect(canVisit('run', { ...emptyDraft, storeName: 'X' }, sandbox)).toBe(false);
    expect(canVisit('run', complete, sandbox)).toBe(true);
    expect(isPlanComplete(complete, sandbox)).toBe(true);
  });

  it('Next follows the current step; Back is there until a run has started', () => {
    expect(canGoNext('connect', emptyDraft, sandbox)).toBe(true);
    expect(canGoNext('store', emptyDraft, sandbox)).toBe(false);
    expect(canGoNext('clients', { ...complete, clients: [] }, sandbox)).toBe(false);
    expect(canGoNext('clients', complete, sandbox)).toBe(true);
    expect(canGoNext('run', complete, sandbox)).toBe(false);
    expect(canGoBack('connect', complete, sandbox)).toBe(false);
    expect(canGoBack('run', complete, sandbox)).toBe(true);
  });

  it('fixes the plan once a run started: no way back to its steps', () => {
    for (const runPhase of ['starting', 'running', 'failed', 'cancelled', 'done'] as const) {
      const context = { ...sandbox, runPhase };
      for (const step of ['connect', 'store', 'pin', 'clients'] as const) expect(canVisit(step, complete, context), `${runPhase} ${step}`).toBe(false);
      expect(canVisit('run', complete, context)).toBe(true);
      expect(canGoBack('run', complete, context)).toBe(false);
    }
  });

  it('opens the test receipt and the handover only after the run is done', () => {
    for (const runPhase of ['idle', 'running', 'failed', 'cancelled'] as const) {
      expect(canVisit('receipt', complete, { ...sandbox, runPhase })).toBe(false);
      expect(canVisit('handover', complete, { ...sandbox, runPhase })).toBe(false);
    }
    const done = { ...sandbox, runPhase: 'done' as const };
    expect(canGoNext('run', complete, done)).toBe(true);
    expect(canGoNext('receipt', complete, done)).toBe(true);
    expect(canGoNext('handover', complete, done)).toBe(false);
    expect(canGoBack('receipt', complete, done)).toBe(true);
    expect(canGoBack('handover', complete, done)).toBe(true);
  });
});

describe('buildPlan', () => {
  it('makes a plan the contract accepts, without the PIN when it is generated', () => {
    const plan = buildPlan({ ...complete, storeName: '  Filiale Köln  ', tssDescription: ' ' }, 'sandbox');
    expect(plan).toEqual({
      storeName: 'Filiale Köln',
      environment: 'sandbox',
      clients: [{ serialNumber: 'KASSE-01' }, { serialNumber: 'KASSE-02' }],
      testReceipt: true,
    });
    expect(StorePlan.safeParse(plan).success).toBe(true);
  });

  it('carries the technician’s own PIN', () => {
    const masterData = { ...emptyMasterData, legalName: 'Müller GmbH', taxNumber: '93815/08152', bundesland: 'BW' as const, street: 'Große Str.', houseNumber: '1', postcode: '50667', town: 'Köln' };
    const plan = buildPlan({ ...complete, masterData, pinMode: 'own', adminPin: '246810', adminPinRepeat: '246810', tssDescription: 'Theke 1' }, 'test');
    expect(plan).toMatchObject({ adminPin: '246810', tssDescription: 'Theke 1', environment: 'test' });
    expect(StorePlan.safeParse(plan).success).toBe(true);
  });
});

describe('wizard in the store', () => {
  it('refuses Next and the stepper while a step is incomplete, and walks on when it is', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    const state = () => store.getState();
    expect(state().wizardNext()).toBe(true); // connect → store (sandbox, vault ready)
    expect(state().wizard.step).toBe('store');
    expect(state().wizardNext()).toBe(false);
    expect(state().goToStep('clients')).toBe(false);
    state().updateDraft({ storeName: 'Filiale Köln' });
    expect(state().wizardNext()).toBe(true);
    expect(state().wizard.step).toBe('pin');
    expect(state().wizardNext()).toBe(true);
    expect(state().wizardNext()).toBe(false); // no clients
    state().addClientList('KASSE-01');
    expect(state().goToStep('run')).toBe(true);
    expect(state().wizardBack()).toBe(true);
    expect(state().wizard.step).toBe('clients');
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
