import { describe, expect, it } from 'vitest';
import { MIGRATION_STEP_NAMES, MigrationInventory, MigrationPlan, PosMapping, phaseOf } from '../../../../../preload/contract/sign-de/migration';
import { STEP_NAMES } from '../../../../../preload/contract/sign-de/provisioning-steps';

const plan = {
  v1TssId: '812487af-04f7-489d-9fdd-cfdfbd4e0019',
  storeName: 'Filiale 12',
  environment: 'sandbox',
  baseUrlV1: 'http://127.0.0.1:8080/api/v1',
  baseUrlV2: 'http://127.0.0.1:8080/api/v2',
} as const;

describe('MigrationPlan', () => {
  it('takes a sandbox plan without fixes and defaults them to none', () => {
    expect(MigrationPlan.parse(plan).serialFixes).toEqual([]);
    expect(MigrationPlan.parse(plan).tillDetails).toEqual([]);
    expect(MigrationPlan.parse({ ...plan, tillDetails: [{ v1ClientId: 'c1', kind: '1', commissioningDate: '2021-03-01' }] }).tillDetails).toHaveLength(1);
  });

  it('wants master data in TEST and LIVE', () => {
    const result = MigrationPlan.safeParse({ ...plan, environment: 'live' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['masterData']);
  });

  it('refuses a fix V2 would refuse, two fixes for one till, and one serial fixed twice in any case', () => {
    expect(MigrationPlan.safeParse({ ...plan, serialFixes: [{ v1ClientId: 'c1', from: 'A_1', to: 'A_1' }] }).success).toBe(false);
    const result = MigrationPlan.safeParse({
      ...plan,
      serialFixes: [
        { v1ClientId: 'c1', from: 'A_1', to: 'A-1' },
        { v1ClientId: 'c1', from: 'A_1', to: 'A-2' },
        { v1ClientId: 'c2', from: 'a_1', to: 'a-1' },
      ],
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['serialFixes.1.v1ClientId', 'serialFixes.2.to']);
  });

  it('refuses a store name with a control character', () => {
    expect(MigrationPlan.safeParse({ ...plan, storeName: 'Filiale\u202e12' }).success).toBe(false);
  });
});

describe('migration steps', () => {
  it('runs the four phases in order, each step once, preparing V2 with provisioning steps', () => {
    expect(new Set(MIGRATION_STEP_NAMES).size).toBe(MIGRATION_STEP_NAMES.length);
    expect(MIGRATION_STEP_NAMES[0]).toBe('v1-auth');
    expect(MIGRATION_STEP_NAMES.at(-1)).toBe('store-record');
    expect(phaseOf('clients')).toBe('prepare');
    expect(phaseOf('v1-export')).toBe('cut-over');
    // V1 is disabled only after every V2 receipt is verified.
    expect(MIGRATION_STEP_NAMES.indexOf('v1-disable')).toBeGreaterThan(MIGRATION_STEP_NAMES.indexOf('receipts-verified'));
    expect(MIGRATION_STEP_NAMES.indexOf('v1-disable')).toBeGreaterThan(MIGRATION_STEP_NAMES.indexOf('v1-export-download'));
    expect(MIGRATION_STEP_NAMES.indexOf('v1-export')).toBeGreaterThan(MIGRATION_STEP_NAMES.indexOf('v1-close-active'));
    for (const step of MIGRATION_STEP_NAMES.filter((name) => phaseOf(name) === 'prepare')) expect(STEP_NAMES).toContain(step);
  });
});

describe('MigrationInventory and PosMapping', () => {
  it('parses an inventory with a flagged problem', () => {
    const inventory = MigrationInventory.parse({
      takenAt: '2026-11-30T08:00:00.000Z',
      environment: 'sandbox',
      baseUrlV1: 'http://127.0.0.1:8080/api/v1',
      stores: [
        {
          tss: { id: 't1', state: 'INITIALIZED', certificateSerial: 'abc', timeInit: 1601280003 },
          tills: [{ v1ClientId: 'c1', serialNumber: 'KASSE_01', lastTransactionAt: 1614590000 }],
          activeTransactions: [{ txId: 'x1', v1ClientId: 'c1', number: 7, latestRevision: 3 }],
          problems: [{ code: 'serial-invalid', v1ClientId: 'c1', serialNumber: 'KASSE_01', suggestedSerial: 'KASSE-01' }],
        },
      ],
    });
    expect(inventory.v2TssIds).toEqual([]);
    expect(inventory.stores[0]?.problems[0]?.code).toBe('serial-invalid');
  });

  it('refuses a mapping whose V2 serial V2 would refuse', () => {
    const till = { serialNumber: 'KASSE_01', v1ClientId: 'c1', v2ClientId: 'n1', v2TssId: 't2', v2TssSerialNumber: 'ff', baseUrl: 'http://127.0.0.1:8080/api/v2' };
    const mapping = { schema: 'tss-companion-pos-mapping/1', storeName: 'S', environment: 'sandbox', v1TssId: 't1', tills: [till] };
    expect(PosMapping.safeParse(mapping).success).toBe(false);
    expect(PosMapping.safeParse({ ...mapping, tills: [{ ...till, serialNumber: 'KASSE-01', v1SerialNumber: 'KASSE_01' }] }).success).toBe(true);
  });
});
