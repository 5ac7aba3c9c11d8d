import type { TssInventory, V1TssState } from '../../../../preload/contract/sign-de/migration';
import { inventoryProblems } from '../../../../preload/contract/sign-de/migration-inventory';

/**
 * V1's answers as far as the inventory reads them (reference §4.1–4.3: snake_case, unix seconds, numbers);
 * structural, so the V1 client's own types fit. VERIFY: field presence on real V1 traffic.
 */
export interface V1TssFields {
  _id: string;
  description?: string;
  state: V1TssState;
  certificate_serial?: string;
  time_init?: number;
  time_disable?: number;
}
export interface V1ClientFields {
  _id: string;
  serial_number: string;
  time_creation?: number;
}
export interface V1TransactionFields {
  _id: string;
  client_id: string;
  number: number;
  state: 'ACTIVE' | 'FINISHED' | 'CANCELLED';
  time_start?: number;
  time_end?: number;
  revision?: number;
  latest_revision?: number;
}

/**
 * One V1 TSS read for the migration: its tills in V1's order, each with the time of its latest transaction,
 * every transaction still ACTIVE with the revision a cancel builds on, and the problems with their fixes.
 */
export function tssInventory(tss: V1TssFields, clients: readonly V1ClientFields[], transactions: readonly V1TransactionFields[]): TssInventory {
  const lastAt = new Map<string, number>();
  for (const tx of transactions) {
    const at = Math.max(tx.time_start ?? 0, tx.time_end ?? 0);
    if (at > (lastAt.get(tx.client_id) ?? 0)) lastAt.set(tx.client_id, at);
  }
  const v1Tss = {
    id: tss._id,
    ...(tss.description === undefined ? {} : { description: tss.description }),
    state: tss.state,
    ...(tss.certificate_serial === undefined ? {} : { certificateSerial: tss.certificate_serial }),
    ...(tss.time_init === undefined ? {} : { timeInit: tss.time_init }),
    ...(tss.time_disable === undefined ? {} : { timeDisable: tss.time_disable }),
  };
  const tills = clients.map((client) => ({
    v1ClientId: client._id,
    serialNumber: client.serial_number,
    ...(client.time_creation === undefined ? {} : { timeCreation: client.time_creation }),
    ...(lastAt.has(client._id) ? { lastTransactionAt: lastAt.get(client._id)! } : {}),
  }));
  const activeTransactions = transactions
    .filter((tx) => tx.state === 'ACTIVE')
    .map((tx) => ({
      txId: tx._id,
      v1ClientId: tx.client_id,
      number: tx.number,
      // `latest_revision` where V1 gives it (XENTRAL copies it), else `revision` (reference §4.3). VERIFY.
      latestRevision: tx.latest_revision ?? tx.revision ?? 0,
      ...(tx.time_start === undefined ? {} : { timeStart: tx.time_start }),
    }));
  return { tss: v1Tss, tills, activeTransactions, problems: inventoryProblems(v1Tss, tills) };
}
