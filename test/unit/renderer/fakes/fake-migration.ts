import { randomUUID } from 'node:crypto';
import { type Result, fail, ok } from '../../../../preload/contract/core/result';
import type { SavedFile } from '../../../../preload/contract/core/files';
import type { MigrationProgressEvent } from '../../../../preload/contract/sign-de/events';
import {
  MIGRATION_STEPS,
  MIGRATION_STEP_NAMES,
  POS_MAPPING_SCHEMA,
  type MigrationInventory,
  type MigrationPlan,
  type MigrationRunReport,
  type MigrationStepName,
} from '../../../../preload/contract/sign-de/migration';

export const V1_TSS_ID = '11111111-1111-4111-8111-111111111111';
export const V1_DISABLED_TSS_ID = '22222222-2222-4222-8222-222222222222';
export const V1_CLIENTS = ['c1111111-1111-4111-8111-111111111111', 'c2222222-2222-4222-8222-222222222222', 'c3333333-3333-4333-8333-333333333333'] as const;

/** The sandbox's `v1-store` seed as the inventory reads it: three tills (one serial invalid for V2), two ACTIVE, a disabled twin TSS. */
export function seededInventory(): MigrationInventory {
  return {
    takenAt: '2026-11-30T09:00:00.000Z',
    environment: 'sandbox',
    baseUrlV1: 'http://127.0.0.1:4010/api/v1',
    v2TssIds: [],
    stores: [
      {
        tss: { id: V1_TSS_ID, description: 'Filiale Altstadt', state: 'INITIALIZED', timeInit: 1_700_000_000 },
        tills: [
          { v1ClientId: V1_CLIENTS[0], serialNumber: 'KASSE-01', lastTransactionAt: 1_764_400_000 },
          { v1ClientId: V1_CLIENTS[1], serialNumber: 'KASSE-02', lastTransactionAt: 1_764_400_100 },
          { v1ClientId: V1_CLIENTS[2], serialNumber: 'KASSE_03' },
        ],
        activeTransactions: [
          { txId: randomUUID(), v1ClientId: V1_CLIENTS[0], number: 41, latestRevision: 1 },
          { txId: randomUUID(), v1ClientId: V1_CLIENTS[1], number: 42, latestRevision: 1 },
        ],
        problems: [{ code: 'serial-invalid', v1ClientId: V1_CLIENTS[2], serialNumber: 'KASSE_03', suggestedSerial: 'KASSE-03' }],
      },
      {
        tss: { id: V1_DISABLED_TSS_ID, description: 'Filiale Alt (abgeschaltet)', state: 'DISABLED', timeDisable: 1_700_100_000 },
        tills: [],
        activeTransactions: [],
        problems: [{ code: 'tss-disabled', timeDisable: 1_700_100_000 }],
      },
    ],
  };
}

/** What the fake main keeps of migrations. */
export interface FakeMigrationState {
  inventory: MigrationInventory;
  runs: { report: MigrationRunReport; plan: MigrationPlan; inventoryTills: MigrationInventory['stores'][number]['tills'] }[];
  /** Every start and resume request as main got it (passphrase replaced by whether it was there). */
  requests: { channel: string; confirmCutOver?: boolean; serialFixes?: unknown; passphrase: boolean }[];
  documentsSaved: number;
}

export const initialFakeMigration = (): FakeMigrationState => ({ inventory: seededInventory(), runs: [], requests: [], documentsSaved: 0 });

type Emit = (event: 'migration:progress' | 'migration:finished', payload: MigrationProgressEvent | MigrationRunReport) => void;

const saved = (name: string): SavedFile => ({ path: `/home/tech/TSS Companion/${name}`, bytes: 2048 });

/** Runs the steps up to the prepare phase or through the decommission (as main's engine does, with an event each) and reports the run. */
function runThrough(entry: FakeMigrationState['runs'][number], throughCutOver: boolean, emit: Emit) {
  const { report, plan } = entry;
  const steps: readonly MigrationStepName[] = throughCutOver ? MIGRATION_STEP_NAMES : [...MIGRATION_STEPS.inventory, ...MIGRATION_STEPS.prepare];
  steps.forEach((step, index) => {
    if (report.done.includes(step)) return;
    const event = { runId: report.runId, storeName: report.storeName, step, index: index + 1, total: MIGRATION_STEP_NAMES.length, fraction: (index + 1) / MIGRATION_STEP_NAMES.length };
    emit('migration:progress', { ...event, status: 'running' });
    report.done.push(step);
    emit('migration:progress', { ...event, status: 'done' });
  });
  report.v2 = { tssId: report.v2.tssId ?? randomUUID(), serialNumber: 'f'.repeat(64) };
  if (throughCutOver) {
    report.phase = 'decommission';
    report.v1.disabledAt = '2026-11-30T20:15:00.000Z';
    report.export = { exportId: randomUUID(), file: 'v1-export.tar', sha256: 'a'.repeat(64), bytes: 10_240 };
    const tills = entry.inventoryTills.map((till) => {
      const fix = plan.serialFixes.find((candidate) => candidate.v1ClientId === till.v1ClientId);
      return {
        serialNumber: fix?.to ?? till.serialNumber,
        ...(fix ? { v1SerialNumber: till.serialNumber } : {}),
        v1ClientId: till.v1ClientId,
        v2ClientId: randomUUID(),
        v2TssId: report.v2.tssId!,
        v2TssSerialNumber: report.v2.serialNumber!,
        baseUrl: plan.baseUrlV2,
      };
    });
    report.mapping = { schema: POS_MAPPING_SCHEMA, storeName: report.storeName, environment: report.environment, v1TssId: plan.v1TssId, cutOverAt: '2026-11-30T20:10:00.000Z', tills };
  } else report.phase = 'prepare';
  report.status = 'done';
  emit('migration:finished', structuredClone(report));
}

/** Main's answers for the migration channels (after the request passed its schema). */
export function handleMigration(
  state: FakeMigrationState,
  channel: string,
  request: Record<string, unknown>,
  emit: Emit,
  confirm: (passphrase: unknown) => Result<never> | null,
): Result<unknown> | undefined {
  const find = (runId: unknown) => state.runs.find((entry) => entry.report.runId === runId);
  switch (channel) {
    case 'migration:inventory':
      return ok(structuredClone(state.inventory));
    case 'migration:start': {
      const plan = request.plan as MigrationPlan;
      state.requests.push({ channel, confirmCutOver: request.confirmCutOver as boolean, serialFixes: plan.serialFixes, passphrase: typeof request.passphrase === 'string' });
      if (plan.environment === 'live') {
        const refused = confirm(request.passphrase);
        if (refused) return refused;
      }
      const tss = state.inventory.stores.find((store) => store.tss.id === plan.v1TssId);
      if (!tss) return fail('E_TSS_NOT_FOUND', 'fiskaly does not know this V1 TSS.');
      const report: MigrationRunReport = {
        runId: randomUUID(),
        storeName: plan.storeName,
        environment: plan.environment,
        status: 'running',
        phase: 'inventory',
        done: [],
        v1: { tssId: plan.v1TssId },
        v2: {},
        closedTransactions: [],
        export: null,
        receipts: [],
        mapping: null,
      };
      const entry = { report, plan, inventoryTills: tss.tills };
      state.runs.push(entry);
      runThrough(entry, request.confirmCutOver === true, emit);
      return ok({ runId: report.runId });
    }
    case 'migration:resume': {
      state.requests.push({ channel, confirmCutOver: request.confirmCutOver as boolean | undefined, passphrase: typeof request.passphrase === 'string' });
      const entry = find(request.runId);
      if (!entry) return fail('E_RUN_NOT_FOUND', 'There is no run with this id.');
      if (entry.report.environment === 'live' && request.confirmCutOver === true) {
        const refused = confirm(request.passphrase);
        if (refused) return refused;
      }
      runThrough(entry, request.confirmCutOver === true || entry.report.phase !== 'prepare', emit);
      return ok({ runId: entry.report.runId });
    }
    case 'migration:cancel':
      return find(request.runId) ? ok({}) : fail('E_RUN_NOT_FOUND', 'There is no run with this id.');
    case 'migration:abandon': {
      const entry = find(request.runId);
      if (!entry) return fail('E_RUN_NOT_FOUND', 'There is no run with this id.');
      entry.report.status = 'abandoned';
      return ok(structuredClone(entry.report));
    }
    case 'migration:list':
      return ok(state.runs.map((entry) => structuredClone(entry.report)));
    case 'migration:save-documents': {
      const entry = find(request.runId);
      if (!entry?.report.mapping) return fail('E_RUN_NOT_FOUND', 'This migration has no mapping yet.');
      state.documentsSaved += 1;
      return ok({
        mappingJson: saved('pos-mapping.json'),
        mappingCsv: saved('pos-mapping.csv'),
        exportArchive: saved('v1-export.tar'),
        handover: { pdf: saved('handover.pdf'), json: saved('handover.json'), xml: saved('handover.xml') },
      });
    }
    default:
      return undefined;
  }
}
