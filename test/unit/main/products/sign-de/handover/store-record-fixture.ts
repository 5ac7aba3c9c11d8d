import type { StoreRecord } from '../../../../../../preload/contract/sign-de/store-record';

/** A LIVE store with full master data, three tills (one decommissioned, one added later) and a test posting. */
export function fullStoreRecord(): StoreRecord {
  return {
    tssId: '9a1f0c2e-4b3d-4e5f-8a7b-6c5d4e3f2a1b',
    storeName: 'Café <Süd> & Söhne',
    environment: 'live',
    masterData: {
      taxpayer: { legalName: 'Müller & Söhne GmbH', taxNumber: '93815/08152', bundesland: 'BW', vatId: 'DE123456789' },
      establishment: { designation: 'Filiale 3', street: 'Große Straße', houseNumber: '12', houseNumberSuffix: 'a', postcode: '50667', town: 'Köln' },
    },
    tss: {
      serialNumber: 'a3f1c0ffee0123456789abcdef0123456789abcdef0123456789abcdef012345',
      bsiCertificationId: 'BSI-K-TR-0717-2025',
      // 2026-03-01T23:30:00Z: already 2 March in Berlin.
      timeInit: Date.UTC(2026, 2, 1, 23, 30) / 1000,
    },
    tills: [
      {
        serialNumber: 'ERS 3f6c-01',
        clientId: '0b7c9f1e-6c1e-4a50-9a5e-2f7c1d3e4a5b',
        kind: '1',
        software: 'ExamplePOS',
        softwareVersion: '4.2.0',
        manufacturer: 'Example GmbH',
        model: 'Terminal X',
        acquisitionDate: '2026-02-20',
        commissioningDate: '2026-03-02',
      },
      {
        serialNumber: 'ERS 3f6c-02',
        clientId: '5d0f3e7a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
        kind: '2',
        software: 'ExamplePOS Tablet',
        softwareVersion: '4.2.1',
        manufacturer: 'Tablet AG',
        model: 'Pad 10',
        acquisitionDate: '2026-01-31',
        decommissioning: { date: '2026-04-10', reason: 'Defekt (Wasserschaden)' },
      },
      {
        serialNumber: 'ERS 3f6c-03',
        clientId: '7e8f9a0b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
        kind: '3',
        software: 'RegisterSoft',
        softwareVersion: '1.0',
        manufacturer: 'Kasse & Co <KG>',
        model: 'R-100',
        acquisitionDate: '2026-05-15',
        registeredAt: '2026-05-20T08:00:00Z',
      },
    ],
    testPostings: [{ transactionNumber: 1, signatureCounter: '7', clientSerialNumber: 'ERS 3f6c-01', time: '2026-03-02T09:15:00.000Z', environment: 'live' }],
    changes: [
      { at: '2026-03-02T09:00:00.000Z', what: 'commissioned' },
      { at: '2026-05-20T08:00:00.000Z', what: 'tills-added' },
    ],
  };
}

/** A sandbox store without master data: one bare till. */
export function bareStoreRecord(): StoreRecord {
  return {
    tssId: '11111111-2222-4333-8444-555555555555',
    storeName: 'Sandbox',
    environment: 'sandbox',
    masterData: null,
    tss: {},
    tills: [{ serialNumber: 'SBX-1', clientId: '66666666-7777-4888-9999-aaaaaaaaaaaa' }],
    testPostings: [],
    changes: [],
  };
}

/**
 * A LIVE store migrated from V1 on 30 November 2026 (evening): the new TSS initialised at 21:00 UTC, two tills
 * moved over (the second with a confirmed serial fix), the V1 TSS disabled the same evening, its export kept.
 */
export function migratedStoreRecord(): StoreRecord {
  const full = fullStoreRecord();
  return {
    ...full,
    tssId: 'c0ffee00-1111-4222-8333-444455556666',
    storeName: 'Filiale 12',
    // 2026-11-30T21:00:00Z: 22:00 in Berlin, still 30 November.
    tss: { serialNumber: 'b'.repeat(64), bsiCertificationId: 'BSI-K-TR-0717-2025', timeInit: Date.UTC(2026, 10, 30, 21, 0) / 1000 },
    tills: [
      { serialNumber: 'KASSE-01', clientId: 'aaaaaaaa-0000-4000-8000-000000000001', kind: '1', acquisitionDate: '2020-09-01', registeredAt: '2026-11-30T21:05:00Z' },
      { serialNumber: 'KASSE-02', clientId: 'aaaaaaaa-0000-4000-8000-000000000002', kind: '1', registeredAt: '2026-11-30T21:05:00Z' },
    ],
    testPostings: [],
    changes: [{ at: '2026-11-30T21:10:00.000Z', what: 'commissioned' }],
    replacedTse: {
      tssId: '812487af-04f7-489d-9fdd-cfdfbd4e0019',
      serialNumber: 'v1-cert-serial-0042',
      // 2020-09-28T08:00:03Z
      timeInit: 1601280003,
      decommissioning: { date: '2026-11-30', reason: 'TSE-Tausch: Umstellung von fiskaly SIGN DE V1 auf V2' },
      export: { file: 'v1-Filiale-12-812487af-2026-11-30.tar', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
      tills: [
        // 2020-09-28T22:30:00Z is 29 September in Berlin.
        { clientId: 'aaaaaaaa-0000-4000-8000-000000000001', v1ClientId: 'v1c-1', v1RegisteredAt: '2020-09-28T22:30:00Z' },
        { clientId: 'aaaaaaaa-0000-4000-8000-000000000002', v1ClientId: 'v1c-2', v1SerialNumber: 'KASSE_02' },
      ],
    },
  };
}
