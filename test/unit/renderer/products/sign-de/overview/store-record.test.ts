import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../../../renderer/src/shell/state/app-store';
import { operationArea } from '../../../../../../renderer/src/state/ui-error';
import { createFakeCompanion, flush } from '../../../fakes/fake-companion';
import { FAKE_MASTER_DATA, FAKE_PASSPHRASE, storeRecord, tssOverview } from '../../../fakes/fake-main';

const TSS = '3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d';

async function overviewWithRecord(options: { record?: boolean } = {}) {
  const fake = createFakeCompanion();
  const store = createAppStore(fake.api);
  store.getState().start();
  await flush();
  const overview = tssOverview(TSS);
  fake.main.overviews[TSS] = overview;
  if (options.record !== false) {
    fake.main.stores[TSS] = storeRecord(TSS, {
      tills: overview.clients.map((client) => ({ serialNumber: client.serialNumber, clientId: client.id, kind: '1' as const, software: 'KassenPro' })),
    });
  }
  store.getState().openOverview(TSS);
  await store.getState().loadStoreRecord(TSS);
  await flush();
  return { fake, store };
}

describe('the store record in the overview', () => {
  it('loads the master data and tills this laptop keeps', async () => {
    const { store } = await overviewWithRecord();
    expect(store.getState().storeRecord?.masterData).toEqual(FAKE_MASTER_DATA);
    expect(store.getState().storeRecord?.tills.map((till) => till.serialNumber)).toEqual(['KASSE-01', 'KASSE-02']);
    expect(store.getState().handoverDue).toBe(false);
  });

  it('shows a missing record beside the master data, not as a crash', async () => {
    const { store } = await overviewWithRecord({ record: false });
    expect(store.getState().storeRecord).toBeNull();
    expect(store.getState().errors).toMatchObject([{ operation: 'loadStoreRecord', code: 'E_STORE_NOT_FOUND' }]);
    expect(operationArea.loadStoreRecord).toBe('store');
  });

  it('saves changed master data; the change makes a new handover due', async () => {
    const { fake, store } = await overviewWithRecord();
    const moved = { ...FAKE_MASTER_DATA, establishment: { ...FAKE_MASTER_DATA.establishment, street: 'Severinstraße', houseNumber: '7' } };
    expect(await store.getState().setMasterData(moved)).toBe(true);
    expect(fake.calls.at(-1)).toEqual({ channel: 'store:set-master-data', payload: { tssId: TSS, masterData: moved } });
    expect(store.getState().storeRecord?.masterData?.establishment.street).toBe('Severinstraße');
    expect(store.getState().handoverDue).toBe(true);
  });

  it('refuses master data the contract refuses, visibly', async () => {
    const { store } = await overviewWithRecord();
    const wrongLand = { ...FAKE_MASTER_DATA, taxpayer: { ...FAKE_MASTER_DATA.taxpayer, bundesland: 'BY' as const } };
    expect(await store.getState().setMasterData(wrongLand)).toBe(false);
    expect(store.getState().errors).toMatchObject([{ operation: 'setMasterData', code: 'E_INVALID_REQUEST' }]);
    expect(store.getState().handoverDue).toBe(false);
  });

  it('adds tills with their serials and details after the passphrase; the TSS shows them and a handover is due', async () => {
    const { fake, store } = await overviewWithRecord();
    const tills = [{ serialNumber: 'KASSE-03', kind: '1' as const, software: 'KassenPro', model: 'Yuno' }];
    expect(await store.getState().addTills(tills, 'wrong passphrase')).toBe(false);
    expect(store.getState().errors).toMatchObject([{ operation: 'addTills', code: 'E_CONFIRMATION_FAILED' }]);
    expect(await store.getState().addTills(tills, FAKE_PASSPHRASE)).toBe(true);
    expect(fake.calls.find((call) => call.channel === 'store:add-tills' && (call.payload as { passphrase: string }).passphrase === FAKE_PASSPHRASE)?.payload).toMatchObject({ tssId: TSS, tills });
    await flush();
    expect(store.getState().storeRecord?.tills.map((till) => till.serialNumber)).toEqual(['KASSE-01', 'KASSE-02', 'KASSE-03']);
    expect(store.getState().overview?.clients.map((client) => client.serialNumber)).toContain('KASSE-03');
    expect(store.getState().handoverDue).toBe(true);
    expect(JSON.stringify(store.getState())).not.toContain(FAKE_PASSPHRASE);
  });

  it('refuses a till serial already on the TSS, in any case', async () => {
    const { store } = await overviewWithRecord();
    expect(await store.getState().addTills([{ serialNumber: 'kasse-01' }], FAKE_PASSPHRASE)).toBe(false);
    expect(store.getState().errors).toMatchObject([{ operation: 'addTills', code: 'E_ILLEGAL_CLIENT_SERIAL' }]);
  });

  it('deregisters a till with the date and reason it was taken out of use', async () => {
    const { fake, store } = await overviewWithRecord();
    const till = store.getState().storeRecord!.tills[0]!;
    const decommissioning = { date: '2026-11-30', reason: 'Defekt' };
    expect(await store.getState().deregisterTill(till.clientId, decommissioning)).toBe(true);
    expect(fake.calls.find((call) => call.channel === 'store:deregister-till')?.payload).toEqual({ tssId: TSS, clientId: till.clientId, decommissioning });
    await flush();
    expect(store.getState().storeRecord?.tills[0]?.decommissioning).toEqual(decommissioning);
    expect(store.getState().overview?.clients.find((client) => client.id === till.clientId)?.state).toBe('DEREGISTERED');
    expect(store.getState().handoverDue).toBe(true);
  });

  it('saves the handover in its three forms, which answers the due handover', async () => {
    const { fake, store } = await overviewWithRecord();
    await store.getState().setMasterData(FAKE_MASTER_DATA);
    const files = await store.getState().saveHandover();
    expect(files).toMatchObject({ pdf: { path: expect.stringMatching(/\.pdf$/) }, json: { path: expect.stringMatching(/\.json$/) }, xml: { path: expect.stringMatching(/\.xml$/) } });
    expect(store.getState().handoverFiles).toEqual(files);
    expect(store.getState().handoverDue).toBe(false);
    expect(fake.main.handoversSaved[TSS]).toBe(1);
  });

  it('disables the TSS with the TSE’s decommissioning date and reason', async () => {
    const { fake, store } = await overviewWithRecord();
    const decommissioning = { date: '2026-11-30', reason: 'Filiale geschlossen' };
    expect(await store.getState().disableTss('DISABLE', FAKE_PASSPHRASE, decommissioning)).toBe(true);
    expect(fake.calls.find((call) => call.channel === 'tss:disable')?.payload).toMatchObject({ tssId: TSS, confirmation: 'DISABLE', decommissioning });
    await flush();
    expect(store.getState().storeRecord?.tss.decommissioning).toEqual(decommissioning);
    expect(store.getState().handoverDue).toBe(true);
  });

  it('saves the handover of the TSS the wizard just set up, without touching the overview', async () => {
    const fake = createFakeCompanion();
    const store = createAppStore(fake.api);
    store.getState().start();
    await flush();
    fake.main.stores[TSS] = storeRecord(TSS);
    const files = await store.getState().saveHandover(TSS);
    expect(files?.json.path).toMatch(/\.json$/);
    expect(store.getState().handoverFiles).toBeNull();
  });
});
