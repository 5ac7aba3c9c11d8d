import { describe, expect, it } from 'vitest';
import type { KnownTss } from '../../../../../../preload/contract/sign-de/known-tss';
import { createAppStore } from '../../../../../../renderer/src/shell/state/app-store';
import { createFakeCompanion, flush } from '../../../fakes/fake-companion';
import { FAKE_PASSPHRASE, FAKE_PUK, tssOverview } from '../../../fakes/fake-main';

const TSS_A = '8c7b6a59-4d3e-4f21-9a0b-1c2d3e4f5a6b';
const TSS_B = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const known = (tssId: string, storeName: string): KnownTss => ({
  tssId,
  storeName,
  environment: 'sandbox',
  hasPuk: true,
  hasPin: true,
  updatedAt: '2026-08-18T10:00:00.000Z',
});

async function recovery() {
  const fake = createFakeCompanion({
    main: { known: [known(TSS_A, 'Filiale Köln'), known(TSS_B, 'Filiale Bonn')], puks: { [TSS_A]: FAKE_PUK, [TSS_B]: 'PUK-BONN-0000' } },
  });
  const store = createAppStore(fake.api);
  store.getState().start();
  await flush();
  store.getState().openRecovery(TSS_A);
  return { fake, store };
}

describe('PUK recovery: the PUK leaves the state', () => {
  it('reveals the PUK after the passphrase and keeps the passphrase nowhere', async () => {
    const { fake, store } = await recovery();
    expect(await store.getState().revealPuk(FAKE_PASSPHRASE)).toBe(true);
    expect(fake.calls.at(-1)).toEqual({ channel: 'recovery:reveal', payload: { tssId: TSS_A, passphrase: FAKE_PASSPHRASE } });
    expect(store.getState().recovery.puk).toBe(FAKE_PUK);
    expect(JSON.stringify(store.getState())).not.toContain(FAKE_PASSPHRASE);
  });

  it('drops the PUK when its box is closed', async () => {
    const { store } = await recovery();
    await store.getState().revealPuk(FAKE_PASSPHRASE);
    store.getState().dropPuk();
    expect(store.getState().recovery.puk).toBeNull();
    expect(JSON.stringify(store.getState())).not.toContain(FAKE_PUK);
  });

  it('drops the PUK when the technician navigates away', async () => {
    const { store } = await recovery();
    await store.getState().revealPuk(FAKE_PASSPHRASE);
    store.getState().navigate('home');
    expect(store.getState().recovery.puk).toBeNull();
  });

  it('drops the PUK when another TSS is picked', async () => {
    const { store } = await recovery();
    await store.getState().revealPuk(FAKE_PASSPHRASE);
    store.getState().selectRecoveryTss(TSS_B);
    expect(store.getState().recovery).toMatchObject({ tssId: TSS_B, puk: null });
  });

  it('drops the PUK when the recovery is opened again (e.g. by a blocked PIN elsewhere)', async () => {
    const { store } = await recovery();
    await store.getState().revealPuk(FAKE_PASSPHRASE);
    store.getState().openRecovery(TSS_B, 'blocked');
    expect(store.getState().recovery.puk).toBeNull();
  });

  it('does not keep a PUK that arrives after the view was left', async () => {
    const { fake, store } = await recovery();
    fake.holdNext('recovery:reveal');
    const pending = store.getState().revealPuk(FAKE_PASSPHRASE);
    await flush();
    store.getState().navigate('settings');
    await fake.release();
    expect(await pending).toBe(false);
    expect(store.getState().recovery.puk).toBeNull();
    expect(JSON.stringify(store.getState())).not.toContain(FAKE_PUK);
  });

  it('shows a wrong passphrase as an error, with no PUK and no passphrase in it', async () => {
    const { store } = await recovery();
    expect(await store.getState().revealPuk('wrong passphrase 123')).toBe(false);
    expect(store.getState().recovery.puk).toBeNull();
    expect(store.getState().errors).toMatchObject([{ operation: 'revealPuk', code: 'E_VAULT_WRONG_PASSPHRASE' }]);
    expect(JSON.stringify(store.getState())).not.toContain('wrong passphrase 123');
  });
});

describe('PUK recovery: a new admin PIN', () => {
  it('sets a generated PIN (no PIN sent) or the technician’s own', async () => {
    const { fake, store } = await recovery();
    const unblocks = () => fake.calls.filter((call) => call.channel === 'recovery:unblock').map((call) => call.payload);
    expect(await store.getState().unblockPin(undefined, FAKE_PASSPHRASE)).toBe(true);
    expect(unblocks()).toEqual([{ tssId: TSS_A, passphrase: FAKE_PASSPHRASE }]);
    expect(store.getState().recovery.unblockedTssId).toBe(TSS_A);
    expect(await store.getState().unblockPin('135790', FAKE_PASSPHRASE)).toBe(true);
    expect(unblocks()).toEqual([{ tssId: TSS_A, passphrase: FAKE_PASSPHRASE }, { tssId: TSS_A, newPin: '135790', passphrase: FAKE_PASSPHRASE }]);
    expect(JSON.stringify(store.getState())).not.toContain('135790');
    expect(JSON.stringify(store.getState())).not.toContain(FAKE_PASSPHRASE);
  });

  it('sets nothing when main refuses the passphrase, and says so', async () => {
    const { fake, store } = await recovery();
    expect(await store.getState().unblockPin('135790', 'wrong passphrase 123')).toBe(false);
    expect(store.getState().errors).toMatchObject([{ operation: 'unblockPin', code: 'E_CONFIRMATION_FAILED' }]);
    expect(store.getState().recovery.unblockedTssId).toBeNull();
    expect(fake.main.pinsReceived).toEqual([]);
  });

  it('imports a recovery file and lists its TSS', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    expect(await store.getState().importRecovery('AAECAwQ=', 'not the passphrase', FAKE_PASSPHRASE)).toBeNull();
    expect(store.getState().errors).toMatchObject([{ operation: 'importRecovery', code: 'E_VAULT_WRONG_PASSPHRASE' }]);
    expect(await store.getState().importRecovery('AAECAwQ=', FAKE_PASSPHRASE, FAKE_PASSPHRASE)).toEqual({ added: 1, updated: 0, kept: 0, conflicts: [] });
    expect(store.getState().knownTss).toHaveLength(1);
  });
});

describe('a blocked admin PIN anywhere opens the PUK recovery', () => {
  it('from a store overview action, with that TSS picked', async () => {
    const fake = createFakeCompanion();
    fake.main.overviews[TSS_A] = tssOverview(TSS_A);
    const store = createAppStore(fake.api);
    store.getState().openOverview(TSS_A);
    await flush();
    fake.failNext('tss:set-client-state', 'E_ADMIN_PIN_BLOCKED', 'The admin PIN of this TSS is blocked.');
    expect(await store.getState().setClientState(fake.main.overviews[TSS_A]!.clients[0]!.id, 'DEREGISTERED')).toBe(false);
    expect(store.getState().screen).toBe('recovery');
    expect(store.getState().recovery).toMatchObject({ tssId: TSS_A, reason: 'blocked' });
    expect(store.getState().errors).toMatchObject([{ operation: 'setClientState', code: 'E_ADMIN_PIN_BLOCKED' }]);
  });

  it('from a start that main refuses', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(fake.api);
    fake.failNext('provisioning:start', 'E_ADMIN_PIN_BLOCKED', 'blocked');
    store.getState().updateDraft({ storeName: 'X', clients: ['K1'] });
    await store.getState().load();
    await store.getState().startRun();
    expect(store.getState().screen).toBe('recovery');
  });
});
