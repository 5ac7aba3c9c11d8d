import { describe, expect, it } from 'vitest';
import { DISABLE_KEYWORD, LIVE_KEYWORD, isTypedConfirmation } from '../../../../renderer/src/state/confirmation';
import { createAppStore } from '../../../../renderer/src/shell/state/app-store';
import { emptyDraft } from '../../../../renderer/src/products/sign-de/wizard/wizard-rules';
import { createFakeCompanion, flush } from '../fakes/fake-companion';
import { FAKE_PASSPHRASE, tssOverview } from '../fakes/fake-main';
import { fullMasterData } from '../products/sign-de/master-data/fixtures';

describe('isTypedConfirmation', () => {
  it('accepts the keyword or the store name exactly, ignoring surrounding spaces', () => {
    expect(isTypedConfirmation('LIVE', LIVE_KEYWORD, 'Filiale Köln')).toBe(true);
    expect(isTypedConfirmation('  Filiale Köln ', LIVE_KEYWORD, 'Filiale Köln')).toBe(true);
    expect(isTypedConfirmation('DISABLE', DISABLE_KEYWORD, null)).toBe(true);
  });

  it('refuses anything else: empty, half typed, other case, the other keyword', () => {
    for (const typed of ['', '  ', 'LIV', 'live', 'Filiale', 'filiale köln', 'DISABLE']) {
      expect(isTypedConfirmation(typed, LIVE_KEYWORD, 'Filiale Köln'), typed).toBe(false);
    }
    expect(isTypedConfirmation('', DISABLE_KEYWORD, '')).toBe(false);
  });
});

// A LIVE plan carries the taxpayer and Betriebsstätte (issue 10).
const plan = { ...emptyDraft, storeName: 'Filiale Köln', clients: ['KASSE-01'], masterData: fullMasterData };

async function liveStore() {
  const fake = createFakeCompanion({ settings: { language: 'de', environment: 'live' } });
  const store = createAppStore(fake.api);
  store.getState().start();
  await flush();
  const organization = await store.getState().saveOrg({ environment: 'live', label: 'Müller GmbH', apiKey: 'live_key_1234', apiSecret: 'secret-value' });
  store.getState().updateDraft({ ...plan, organizationId: organization!.id });
  return { fake, store };
}

const starts = (fake: ReturnType<typeof createFakeCompanion>) => fake.calls.filter((call) => call.channel === 'provisioning:start');

describe('typed confirmation before a LIVE run', () => {
  it('starts nothing in LIVE without the confirmation, or with a wrong one', async () => {
    const { fake, store } = await liveStore();
    for (const typed of [undefined, '', 'live', 'Filiale', 'DISABLE']) {
      expect(await store.getState().startRun(typed), String(typed)).toBe(false);
    }
    expect(starts(fake)).toEqual([]);
    expect(store.getState().run.phase).toBe('idle');
  });

  it('starts in LIVE when LIVE is typed and main takes the passphrase', async () => {
    const { fake, store } = await liveStore();
    expect(await store.getState().startRun('LIVE', FAKE_PASSPHRASE)).toBe(true);
    expect(starts(fake)).toHaveLength(1);
    expect(starts(fake)[0]?.payload).toMatchObject({ plan: { environment: 'live', storeName: 'Filiale Köln' }, passphrase: FAKE_PASSPHRASE });
    expect(JSON.stringify(store.getState())).not.toContain(FAKE_PASSPHRASE);
  });

  it('starts in LIVE when the store name is typed', async () => {
    const { fake, store } = await liveStore();
    expect(await store.getState().startRun(' Filiale Köln ', FAKE_PASSPHRASE)).toBe(true);
    expect(starts(fake)).toHaveLength(1);
  });

  it('stays idle with main’s refusal when the passphrase is missing or wrong', async () => {
    const { fake, store } = await liveStore();
    expect(await store.getState().startRun('LIVE')).toBe(false);
    expect(store.getState().errors).toMatchObject([{ operation: 'startRun', code: 'E_CONFIRMATION_REQUIRED' }]);
    expect(await store.getState().startRun('LIVE', 'wrong passphrase 123')).toBe(false);
    expect(store.getState().errors).toMatchObject([{ operation: 'startRun', code: 'E_CONFIRMATION_FAILED' }]);
    expect(store.getState().run.phase).toBe('idle');
    expect(fake.main.runs).toEqual([]);
  });

  it('needs no confirmation in the sandbox', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    store.getState().updateDraft(plan);
    expect(await store.getState().startRun()).toBe(true);
    expect(starts(fake)).toHaveLength(1);
  });
});

describe('typed confirmation before disabling a TSS', () => {
  async function overviewStore(environment: 'sandbox' | 'live') {
    const fake = createFakeCompanion({ settings: { language: 'de', environment } });
    const tssId = '0b6f3f7e-5d2a-4c51-9d8e-3c0e8f1a2b3c';
    fake.main.overviews[tssId] = tssOverview(tssId, { environment, storeName: 'Filiale Köln' });
    const store = createAppStore(fake.api);
    store.getState().openOverview(tssId);
    await flush();
    return { fake, store, tssId };
  }

  const disables = (fake: ReturnType<typeof createFakeCompanion>) => fake.calls.filter((call) => call.channel === 'tss:disable');

  it.each(['sandbox', 'live'] as const)('sends nothing without the store name or DISABLE (%s)', async (environment) => {
    const { fake, store } = await overviewStore(environment);
    for (const typed of ['', 'disable', 'Filiale', 'LIVE']) expect(await store.getState().disableTss(typed, FAKE_PASSPHRASE), typed).toBe(false);
    expect(disables(fake)).toEqual([]);
    expect(store.getState().overview?.state).toBe('INITIALIZED');
  });

  it('sends the confirmation as typed and shows the disabled TSS', async () => {
    const { fake, store, tssId } = await overviewStore('live');
    expect(await store.getState().disableTss('DISABLE', FAKE_PASSPHRASE)).toBe(true);
    expect(disables(fake)[0]?.payload).toEqual({ tssId, confirmation: 'DISABLE', passphrase: FAKE_PASSPHRASE });
    expect(store.getState().overview?.state).toBe('DISABLED');
  });

  it('keeps the TSS when main refuses the passphrase, and shows why', async () => {
    const { store } = await overviewStore('live');
    expect(await store.getState().disableTss('DISABLE', 'wrong passphrase 123')).toBe(false);
    expect(store.getState().errors).toMatchObject([{ operation: 'disableTss', code: 'E_CONFIRMATION_FAILED' }]);
    expect(store.getState().overview?.state).toBe('INITIALIZED');
  });

  it('accepts the store name too', async () => {
    const { fake, store } = await overviewStore('live');
    expect(await store.getState().disableTss('Filiale Köln', FAKE_PASSPHRASE)).toBe(true);
    expect(disables(fake)).toHaveLength(1);
  });
});
