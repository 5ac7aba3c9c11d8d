import type { TssInventory } from '../../../../preload/contract/sign-de/migration';
import type { FiskalyV1Client } from '../api-v1/client';
import type { V1Tss } from '../api-v1/resources';
import { tssInventory } from './inventory';

/** One V1 TSS read for the migration (read only): its clients and transactions, as `tssInventory` takes them. */
export async function readTssInventory(v1: FiskalyV1Client, v1TssId: string, known?: V1Tss): Promise<TssInventory> {
  const [tss, clients, transactions] = await Promise.all([known ?? v1.getTss(v1TssId), v1.listClients(v1TssId), v1.listTransactions(v1TssId)]);
  return tssInventory(
    { _id: tss.id, description: tss.description, state: tss.state as 'INITIALIZED', certificate_serial: tss.certificateSerial, time_init: tss.timeInit, time_disable: tss.timeDisable },
    clients.map((c) => ({ _id: c.id, serial_number: c.serialNumber, time_creation: c.timeCreation })),
    transactions.map((t) => ({
      _id: t.id,
      client_id: t.clientId,
      number: t.number,
      state: t.state as 'ACTIVE',
      time_start: t.timeStart,
      time_end: t.timeEnd,
      latest_revision: t.latestRevision,
    })),
  );
}
