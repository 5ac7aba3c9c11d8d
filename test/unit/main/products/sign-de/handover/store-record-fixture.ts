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
