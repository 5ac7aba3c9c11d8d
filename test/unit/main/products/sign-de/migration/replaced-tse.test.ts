import { describe, expect, it } from 'vitest';
import { attachReplacedTse, replacedTseOf } from '../../../../../../main/products/sign-de/migration';
import { buildHandover } from '../../../../../../main/products/sign-de/handover';
import type { StoreRecord } from '../../../../../../preload/contract/sign-de/store-record';

const input = {
  v1Tss: { id: 'v1-tss', state: 'INITIALIZED' as const, certificateSerial: 'cs-1', timeInit: 1601280003 },
  v1Tills: [
    // 2020-09-28T08:01:40Z
    { v1ClientId: 'c1', serialNumber: 'KASSE-01', timeCreation: 1601280100 },
    { v1ClientId: 'c2', serialNumber: 'KASSE_02' },
  ],
  tills: [
    { v1ClientId: 'c1', serialNumber: 'KASSE-01' },
    { v1ClientId: 'c2', serialNumber: 'KASSE-02', v1SerialNumber: 'KASSE_02' },
  ],
  v2ClientIds: new Map([
    ['c1', 'n1'],
    ['c2', 'n2'],
  ]),
};

describe('replacedTseOf', () => {
  it('before the cut-over: the V1 TSS and its tills, no export, no decommissioning', () => {
    expect(replacedTseOf(input)).toEqual({
      tssId: 'v1-tss',
      serialNumber: 'cs-1',
      timeInit: 1601280003,
      tills: [
        { clientId: 'n1', v1ClientId: 'c1', v1RegisteredAt: '2020-09-28T08:01:40.000Z' },
        { clientId: 'n2', v1ClientId: 'c2', v1SerialNumber: 'KASSE_02' },
      ],
    });
  });

  it('after the disable: decommissioned on the Berlin day it was read back, the export named', () => {
    const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const replaced = replacedTseOf({ ...input, export: { exportId: 'e1', file: 'v1.tar', sha256, bytes: 10 }, disabledAt: '2026-11-30T23:30:00.000Z' });
    // 23:30 UTC on 30 November is 1 December in Berlin.
    expect(replaced.decommissioning).toEqual({ date: '2026-12-01', reason: 'TSE-Tausch: Umstellung von fiskaly SIGN DE V1 auf V2' });
    expect(replaced.export).toEqual({ file: 'v1.tar', sha256 });
  });
});

describe('attachReplacedTse', () => {
  function runRecord(): StoreRecord {
    // As a provisioning run leaves it: every till commissioned on the run's day.
    return {
      tssId: 'v2-tss',
      storeName: 'Filiale 12',
      environment: 'sandbox',
      masterData: null,
      tss: { serialNumber: 'f'.repeat(64), timeInit: Date.UTC(2026, 10, 30, 21, 0) / 1000 },
      tills: [
        { serialNumber: 'KASSE-01', clientId: 'n1', commissioningDate: '2026-11-30' },
        { serialNumber: 'KASSE-02', clientId: 'n2', commissioningDate: '2026-11-30' },
      ],
      testPostings: [],
      changes: [{ at: '2026-11-30T21:10:00.000Z', what: 'commissioned' }],
    };
  }

  it('drops the swap day as the tills commissioning: the V1 registration or the technician date instead', () => {
    const record = runRecord();
    attachReplacedTse(record, replacedTseOf(input), [{ v1ClientId: 'c2', commissioningDate: '2021-03-01' }]);
    expect(record.tills.map((till) => till.commissioningDate)).toEqual([undefined, '2021-03-01']);
    const handover = buildHandover(record, new Date('2026-11-30T21:30:00Z'));
    expect(handover.eas.map((eas) => eas.commissioning_date)).toEqual(['28.09.2020', '01.03.2021']);
    expect(handover.replaced_tse?.tills.map((till) => [till.serial_number, till.v1_client_id, till.v2_client_id])).toEqual([
      ['KASSE-01', 'c1', 'n1'],
      ['KASSE-02', 'c2', 'n2'],
    ]);
  });
});
