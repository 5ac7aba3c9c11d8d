import { describe, expect, it } from 'vitest';
import { tssInventory } from '../../../../../../main/products/sign-de/migration';
import { TssInventory } from '../../../../../../preload/contract/sign-de/migration';

const tss = { _id: 't1', description: 'Filiale 12', state: 'INITIALIZED' as const, certificate_serial: 'cs-1', time_init: 1601280003 };
const clients = [
  { _id: 'c1', serial_number: 'KASSE-01', time_creation: 1601280100 },
  { _id: 'c2', serial_number: 'KASSE_02', time_creation: 1601280200 },
  { _id: 'c3', serial_number: 'KASSE-03' },
];
const transactions = [
  { _id: 'x1', client_id: 'c1', number: 1, state: 'FINISHED' as const, time_start: 1614590000, time_end: 1614590012, revision: 2, latest_revision: 2 },
  { _id: 'x2', client_id: 'c1', number: 2, state: 'FINISHED' as const, time_start: 1614600000, time_end: 1614600009, revision: 2 },
  { _id: 'x3', client_id: 'c2', number: 3, state: 'ACTIVE' as const, time_start: 1614610000, revision: 3, latest_revision: 3 },
  { _id: 'x4', client_id: 'c1', number: 4, state: 'ACTIVE' as const, time_start: 1614500000, revision: 1 },
];

describe('tssInventory', () => {
  it('reads tills with their last transaction, the ACTIVE transactions and the problems', () => {
    const inventory = tssInventory(tss, clients, transactions);
    expect(TssInventory.parse(inventory)).toEqual(inventory);
    expect(inventory).toEqual({
      tss: { id: 't1', description: 'Filiale 12', state: 'INITIALIZED', certificateSerial: 'cs-1', timeInit: 1601280003 },
      tills: [
        // The latest of x1, x2 and x4: x2's end.
        { v1ClientId: 'c1', serialNumber: 'KASSE-01', timeCreation: 1601280100, lastTransactionAt: 1614600009 },
        { v1ClientId: 'c2', serialNumber: 'KASSE_02', timeCreation: 1601280200, lastTransactionAt: 1614610000 },
        { v1ClientId: 'c3', serialNumber: 'KASSE-03' },
      ],
      activeTransactions: [
        { txId: 'x3', v1ClientId: 'c2', number: 3, latestRevision: 3, timeStart: 1614610000 },
        // No latest_revision: the revision.
        { txId: 'x4', v1ClientId: 'c1', number: 4, latestRevision: 1, timeStart: 1614500000 },
      ],
      problems: [{ code: 'serial-invalid', v1ClientId: 'c2', serialNumber: 'KASSE_02', suggestedSerial: 'KASSE-02' }],
    });
  });

  it('flags a disabled TSS with its disable time', () => {
    const inventory = tssInventory({ ...tss, state: 'DISABLED', time_disable: 1700000000 }, [], []);
    expect(inventory.tss.timeDisable).toBe(1700000000);
    expect(inventory.problems).toEqual([{ code: 'tss-disabled', timeDisable: 1700000000 }]);
  });
});
