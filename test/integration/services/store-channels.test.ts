import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreRecord } from '../../../preload/contract/sign-de/store-record';
import type { TssOverview } from '../../../preload/contract/sign-de/tss';
import { storesFolder } from '../../../main/products/sign-de/store/store-records';
import type { Services } from '../../../main/services';
import { TEST_PASSPHRASE } from '../../support/provisioning';
import { MASTER_DATA as masterData } from '../../support/master-data';
import { type ServicesWithVault, servicesWithVault } from '../../support/services';


/** The store record's channels over the real services and the built-in sandbox. */
describe('the store channels', () => {
  let under: ServicesWithVault;
  let services: Services;
  let dir: { path: string };
  let call: ServicesWithVault['call'];

  beforeEach(async () => {
    under = await servicesWithVault('tss-store-ch-');
    ({ services, call } = under);
    dir = { path: under.dataDir };
  });
  afterEach(() => under.close());

  const provision = (storeName: string) => under.provisionSandboxStore(storeName, ['KASSE-1', 'KASSE-2']);

  it('gets the record, changes the address, adds a till, deregisters one and disables the TSS, each recorded', async () => {
    const tssId = await provision('Filiale Mitte');
    const record = await call<StoreRecord>('store:get', { tssId });
    expect(record).toMatchObject({ tssId, storeName: 'Filiale Mitte', masterData: { taxpayer: { legalName: masterData.taxpayer.legalName } } });
    expect(services.signDe.storeRecords).toBeDefined();

    const moved = { ...masterData, establishment: { ...masterData.establishment, street: 'Neue Straße' } };
    expect((await call<StoreRecord>('store:set-master-data', { tssId, masterData: moved })).masterData?.establishment.street).toBe('Neue Straße');
    expect(await services.dispatch('store:set-master-data', { tssId, masterData: { ...moved, establishment: { ...moved.establishment, postcode: '1234' } } })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_REQUEST' },
    });

    const added = await call<StoreRecord>('store:add-tills', { tssId, tills: [{ serialNumber: 'KASSE-3', kind: '2', software: 'Tablet-Kasse' }] });
    expect(added.tills.map((t) => t.serialNumber)).toEqual(['KASSE-1', 'KASSE-2', 'KASSE-3']);
    let overview = await call<TssOverview>('tss:overview', { tssId });
    expect(overview.clients.map((c) => c.serialNumber).sort()).toEqual(['KASSE-1', 'KASSE-2', 'KASSE-3']);
    expect(await services.dispatch('store:add-tills', { tssId, tills: [{ serialNumber: 'kasse-3' }] })).toMatchObject({ ok: false, error: { code: 'E_SERIAL_TAKEN' } });

    const second = added.tills[1]!;
    const deregistered = await call<StoreRecord>('store:deregister-till', { tssId, clientId: second.clientId, decommissioning: { date: '2026-03-01', reason: 'defect' } });
    expect(deregistered.tills[1]!.decommissioning).toEqual({ date: '2026-03-01', reason: 'defect' });
    overview = await call<TssOverview>('tss:overview', { tssId });
    expect(overview.clients.find((c) => c.id === second.clientId)!.state).toBe('DEREGISTERED');
    expect(await services.dispatch('store:deregister-till', { tssId, clientId: randomUUID(), decommissioning: { date: '2026-03-01', reason: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'E_TILL_UNKNOWN' },
    });

    overview = await call<TssOverview>('tss:disable', { tssId, confirmation: 'Filiale Mitte', passphrase: TEST_PASSPHRASE, decommissioning: { date: '2026-04-01', reason: 'store closed' } });
    expect(overview.state).toBe('DISABLED');
    const final = await call<StoreRecord>('store:get', { tssId });
    expect(final.tss.decommissioning).toEqual({ date: '2026-04-01', reason: 'store closed' });
    expect(final.changes.map((c) => c.what)).toEqual(['commissioned', 'address-changed', 'tills-added', 'till-deregistered', 'tss-disabled']);
  });

  it('warns of serials another store on this laptop has, in any case, including tills added after the setup', async () => {
    const tssId = await provision('Filiale Mitte');
    await call('store:add-tills', { tssId, tills: [{ serialNumber: 'KASSE-9' }] });
    const duplicates = await call('store:duplicate-serials', { storeName: 'Filiale Süd', serialNumbers: ['kasse-1', 'KASSE-9', 'KASSE-NEU'] });
    expect(duplicates).toEqual([
      { serialNumber: 'kasse-1', usedBy: [{ storeName: 'Filiale Mitte', environment: 'sandbox' }] },
      { serialNumber: 'KASSE-9', usedBy: [{ storeName: 'Filiale Mitte', environment: 'sandbox' }] },
    ]);
    // The store's own serials are not a warning when it is set up again.
    expect(await call('store:duplicate-serials', { storeName: 'Filiale Mitte', serialNumbers: ['KASSE-1'] })).toEqual([]);
  });

  it('records a disabled TSS without a reason as "not given", dated today', async () => {
    const tssId = await provision('Filiale Nord');
    await call('tss:disable', { tssId, confirmation: 'DISABLE', passphrase: TEST_PASSPHRASE });
    expect((await call<StoreRecord>('store:get', { tssId })).tss.decommissioning).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), reason: 'not given' });
  });

  it('refuses an unknown store, and LIVE tills without the passphrase', async () => {
    expect(await services.dispatch('store:get', { tssId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'E_STORE_UNKNOWN' } });
    const tssId = randomUUID();
    const live: StoreRecord = { tssId, storeName: 'LIVE', environment: 'live', masterData: null, tss: {}, tills: [], testPostings: [], changes: [] };
    mkdirSync(storesFolder(dir.path), { recursive: true });
    writeFileSync(join(storesFolder(dir.path), `${tssId}.json`), JSON.stringify(live));
    expect(await services.dispatch('store:add-tills', { tssId, tills: [{ serialNumber: 'KASSE-9' }] })).toMatchObject({ ok: false, error: { code: 'E_CONFIRMATION_REQUIRED' } });
  });
});
