import { describe, expect, it } from 'vitest';
import { MIGRATION_STEPS, MIGRATION_STEP_NAMES, MigrationPlan } from '../../../../../../preload/contract/sign-de/migration';
import { migrationFlow } from '../../../../../../main/products/sign-de/migration/migration-flow';
import type { MigrationRecord } from '../../../../../../main/products/sign-de/migration/migration-journal';

const plan = MigrationPlan.parse({
  v1TssId: '812487af-04f7-489d-9fdd-cfdfbd4e0019',
  storeName: 'Filiale 12',
  environment: 'sandbox',
  baseUrlV1: 'http://127.0.0.1:1/api/v1',
  baseUrlV2: 'http://127.0.0.1:1/api/v2',
});

const record = (change: Partial<MigrationRecord> = {}, v2Done: MigrationRecord['v2']['done'] = []): MigrationRecord =>
  ({
    v: 1,
    runId: 'r',
    createdAt: '',
    updatedAt: '',
    status: 'running',
    done: [],
    plan,
    v2: { done: v2Done, clients: [], plan: { storeName: 'Filiale 12', environment: 'sandbox', clients: [], testReceipt: false }, tssId: 't', receipt: null },
    tills: [],
    exportId: 'e',
    closed: [],
    ...change,
  }) as MigrationRecord;

describe('the migration flow', () => {
  it('leaves V1 alone until the cut-over is confirmed: inventory and prepare only', () => {
    expect(migrationFlow.steps(record())).toEqual([...MIGRATION_STEPS.inventory, ...MIGRATION_STEPS.prepare]);
    expect(migrationFlow.steps(record({ cutOverConfirmedAt: '2026-11-30T09:00:00.000Z' }))).toEqual(MIGRATION_STEP_NAMES);
  });

  it('disables V1 only after the export and the verified receipts, and records the store last', () => {
    const steps = MIGRATION_STEP_NAMES;
    const at = (s: (typeof steps)[number]) => steps.indexOf(s);
    for (const before of ['v1-close-active', 'v1-export-download', 'v2-test-receipts', 'receipts-verified'] as const) expect(at(before)).toBeLessThan(at('v1-disable'));
    expect(steps.at(-1)).toBe('store-record');
  });

  it('logs in again on every execution and redoes a prepare step the new TSS’s record no longer has done', () => {
    expect(migrationFlow.mustRepeat!('v1-auth', record())).toBe(true);
    expect(migrationFlow.mustRepeat!('v1-read', record())).toBe(false);
    expect(migrationFlow.mustRepeat!('clients', record({}, ['auth', 'create-tss', 'clients']))).toBe(false);
    expect(migrationFlow.mustRepeat!('clients', record({}, ['auth', 'create-tss']))).toBe(true);
    // The admin login lives as long as its session: again while admin work is left.
    expect(migrationFlow.mustRepeat!('admin-login', record({}, ['admin-login', 'initialize']))).toBe(true);
    expect(migrationFlow.mustRepeat!('v1-disable', record())).toBe(false);
  });
});
