import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FiskalyClient } from '../../../../../main/products/sign-de/api/client';
import { Journal } from '../../../../../main/products/sign-de/provisioning/journal';
import { startRun } from '../../../../../main/products/sign-de/provisioning/orchestrator';
import { parseStorePlan } from '../../../../../main/products/sign-de/provisioning/store-plan';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { StoreRecords, storesFolder } from '../../../../../main/products/sign-de/store/store-records';
import { addTills } from '../../../../../main/products/sign-de/store/till-additions';
import type { SignDeVault } from '../../../../../main/products/sign-de/vault-kinds';
import type { StoreMasterData } from '../../../../../preload/contract/sign-de/master-data';
import { runDeps } from '../../../../support/provisioning';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';
import { makeTempDir } from '../../../../support/temp-dir';

const masterData: StoreMasterData = {
  taxpayer: { legalName: 'Bäckerei Muster GmbH', taxNumber: '21/815/08150', bundesland: 'BE' },
  establishment: { designation: 'Filiale Mitte', street: 'Musterstraße', houseNumber: '12', houseNumberSuffix: 'a', postcode: '10115', town: 'Berlin' },
};

const till = { kind: '3', software: 'KassenProfi', softwareVersion: '4.2', manufacturer: 'Kassenbau AG', model: 'KB-100', acquisitionDate: '2026-01-15' } as const;

const plan = (withMasterData = true) =>
  parseStorePlan({
    storeName: 'Filiale Mitte',
    environment: 'sandbox',
    ...(withMasterData ? { masterData } : {}),
    clients: [
      { serialNumber: 'KASSE-1', ...till, commissioningDate: '2026-02-01' },
      { serialNumber: 'KASSE-2', ...till },
      { serialNumber: 'KASSE-3' },
    ],
  });

/** A client whose network breaks once `failAfter` clients were created (the request itself reached fiskaly). */
function breakingAfter(client: FiskalyClient, failAfter: number): FiskalyClient {
  let created = 0;
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key !== 'createClient') return Reflect.get(target, key, receiver);
      return async (...args: Parameters<FiskalyClient['createClient']>) => {
        if (created >= failAfter) throw new Error('the network is gone');
        created++;
        return target.createClient(...args);
      };
    },
  });
}

describe('the store record', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  let dir: ReturnType<typeof makeTempDir>;
  let client: FiskalyClient;
  let vault: SignDeVault;
  let records: StoreRecords;
  let tssId: string;

  beforeEach(async () => {
    ({ sandbox, api } = await startSandbox());
    dir = makeTempDir();
    const setup = await runDeps(sandbox, dir.path);
    ({ client, vault } = setup);
    const report = await startRun(plan(), setup.deps);
    expect(report.status).toBe('done');
    tssId = report.tssId;
    records = new StoreRecords(dir.path);
    await api.login();
  });
  afterEach(async () => {
    await client.close();
    await sandbox.close();
    dir.remove();
  });

  const serialsAtServer = async () =>
    (await api.request<{ data: Array<{ serial_number: string; state: string }> }>('GET', `/tss/${tssId}/client`)).body.data.map((c) => c.serial_number).sort();

  it('is written when the run is done: master data, tills with their client ids and details, the TSE and the test posting', async () => {
    const run = (await Journal.list(dir.path))[0]!;
    const record = await records.get(tssId);
    expect(record).toMatchObject({ tssId, storeName: 'Filiale Mitte', environment: 'sandbox', masterData });
    expect(record.tss).toMatchObject({ serialNumber: run.tssSerialNumber, bsiCertificationId: run.bsiCertificationId, timeInit: run.timeInit });
    expect(record.tss.serialNumber).toMatch(/^[0-9a-f]{64}$/);
    expect(record.tills.map((t) => [t.serialNumber, t.clientId])).toEqual(run.clients.map((c) => [c.serialNumber, c.clientId]));
    expect(record.tills[0]).toMatchObject({ ...till, commissioningDate: '2026-02-01' });
    // Without a date given, a till is commissioned on the day the run finished.
    expect(record.tills[2]!.commissioningDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(record.testPostings).toEqual([
      {
        transactionNumber: run.receipt!.number,
        signatureCounter: run.receipt!.signatureCounter,
        clientSerialNumber: 'KASSE-1',
        time: new Date(run.receipt!.timeEnd! * 1000).toISOString(),
        environment: 'sandbox',
      },
    ]);
    expect(record.changes.map((c) => c.what)).toEqual(['commissioned']);
    expect(JSON.parse(readFileSync(join(storesFolder(dir.path), `${tssId}.json`), 'utf8'))).toMatchObject({ tssId });
  });

  it('of a store set up before records existed is made from its journal on first get', async () => {
    rmSync(storesFolder(dir.path), { recursive: true });
    const legacy = await startRun(plan(false), (await runDeps(sandbox, dir.path)).deps);
    rmSync(storesFolder(dir.path), { recursive: true });
    expect((await records.get(tssId)).masterData).toEqual(masterData);
    const record = await records.get(legacy.tssId);
    expect(record.masterData).toBeNull();
    expect(record.tills).toHaveLength(3);
    expect(readFileSync(join(storesFolder(dir.path), `${legacy.tssId}.json`), 'utf8')).toContain(legacy.tssId);
    expect((await records.list()).map((r) => r.tssId).sort()).toEqual([tssId, legacy.tssId].sort());
  });

  it('takes more tills: registered at fiskaly and recorded, with their details', async () => {
    const record = await addTills(records, { client, vault }, tssId, [{ serialNumber: 'KASSE-4', ...till }]);
    expect(record.tills.map((t) => t.serialNumber)).toEqual(['KASSE-1', 'KASSE-2', 'KASSE-3', 'KASSE-4']);
    expect(record.tills[3]).toMatchObject({ ...till, commissioningDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(record.changes.map((c) => [c.what, c.detail])).toEqual([['commissioned', undefined], ['tills-added', 'KASSE-4']]);
    expect(await serialsAtServer()).toEqual(['KASSE-1', 'KASSE-2', 'KASSE-3', 'KASSE-4']);
    const client4 = await client.getClient(tssId, record.tills[3]!.clientId);
    expect(client4).toMatchObject({ serialNumber: 'KASSE-4', state: 'REGISTERED' });
    expect(await records.get(tssId)).toEqual(record);
  });

  it('refuses a serial the store has, also in another case, before anything is sent', async () => {
    await expect(addTills(records, { client, vault }, tssId, [{ serialNumber: 'KASSE-5' }, { serialNumber: 'kasse-2' }])).rejects.toMatchObject({ code: 'E_SERIAL_TAKEN' });
    await expect(addTills(records, { client, vault }, tssId, [{ serialNumber: 'KASSE-5' }, { serialNumber: 'kasse-5' }])).rejects.toMatchObject({ code: 'E_SERIAL_TAKEN' });
    expect(await serialsAtServer()).toEqual(['KASSE-1', 'KASSE-2', 'KASSE-3']);
    expect((await records.get(tssId)).tills).toHaveLength(3);
  });

  it('makes no twin when the same tills are added again after the network broke halfway', async () => {
    const tills = [{ serialNumber: 'KASSE-4' }, { serialNumber: 'KASSE-5' }];
    await expect(addTills(records, { client: breakingAfter(client, 1), vault }, tssId, tills)).rejects.toThrow('the network is gone');
    expect(await serialsAtServer()).toEqual(['KASSE-1', 'KASSE-2', 'KASSE-3', 'KASSE-4']);
    expect((await records.get(tssId)).tills).toHaveLength(3);
    const file = JSON.parse(readFileSync(join(storesFolder(dir.path), `${tssId}.json`), 'utf8')) as { pendingTills: Array<{ serialNumber: string; clientId: string }> };
    const pendingIds = file.pendingTills.map((t) => t.clientId);

    const record = await addTills(records, { client, vault }, tssId, tills);
    expect(record.tills.map((t) => t.serialNumber)).toEqual(['KASSE-1', 'KASSE-2', 'KASSE-3', 'KASSE-4', 'KASSE-5']);
    expect(record.tills.slice(3).map((t) => t.clientId)).toEqual(pendingIds);
    expect(await serialsAtServer()).toEqual(['KASSE-1', 'KASSE-2', 'KASSE-3', 'KASSE-4', 'KASSE-5']);
    expect(record.changes.filter((c) => c.what === 'tills-added')).toHaveLength(1);
  });

  it('records a till asked for before that fiskaly has, and forgets one it never got', async () => {
    await expect(addTills(records, { client: breakingAfter(client, 1), vault }, tssId, [{ serialNumber: 'KASSE-4' }, { serialNumber: 'KASSE-5' }])).rejects.toThrow();
    const record = await addTills(records, { client, vault }, tssId, [{ serialNumber: 'KASSE-6' }]);
    expect(record.tills.map((t) => t.serialNumber)).toEqual(['KASSE-1', 'KASSE-2', 'KASSE-3', 'KASSE-4', 'KASSE-6']);
    expect(await serialsAtServer()).toEqual(['KASSE-1', 'KASSE-2', 'KASSE-3', 'KASSE-4', 'KASSE-6']);
    expect(readFileSync(join(storesFolder(dir.path), `${tssId}.json`), 'utf8')).not.toContain('pendingTills');
  });

  it('loses no change when two writers change the record at once', async () => {
    const other = new StoreRecords(dir.path);
    const moved = { ...masterData, establishment: { ...masterData.establishment, street: 'Neue Straße' } };
    const first = (await records.get(tssId)).tills[0]!.clientId;
    await Promise.all([
      records.setMasterData(tssId, moved),
      other.recordTillDeregistered(tssId, first, { date: '2026-03-01', reason: 'defect' }),
      other.recordTssDisabled(tssId, { date: '2026-03-02', reason: 'store closed' }),
    ]);
    const record = await records.get(tssId);
    expect(record.masterData).toEqual(moved);
    expect(record.tills[0]!.decommissioning).toEqual({ date: '2026-03-01', reason: 'defect' });
    expect(record.tss.decommissioning).toEqual({ date: '2026-03-02', reason: 'store closed' });
    expect(record.changes.map((c) => c.what).sort()).toEqual(['address-changed', 'commissioned', 'till-deregistered', 'tss-disabled']);
  });
});
