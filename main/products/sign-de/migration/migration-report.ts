import { type MigrationRunReport, phaseOf } from '../../../../preload/contract/sign-de/migration';
import type { MigrationRecord } from './migration-journal';
import { buildPosMapping } from './pos-mapping';

/** A migration run as the wizard and `migrate --json` show it, with the POS mapping once every till has its V2 client. */
export function migrationReportOf(record: MigrationRecord): MigrationRunReport {
  const tss = record.inventory?.stores[0]?.tss;
  const current = record.error?.step ?? record.done.at(-1) ?? 'v1-auth';
  const registered = record.tills.length > 0 && record.v2.clients.every((c) => c.registered) && record.v2.tssSerialNumber;
  return {
    runId: record.runId,
    storeName: record.plan.storeName,
    environment: record.plan.environment,
    status: record.status,
    phase: phaseOf(current),
    done: [...record.done],
    v1: { tssId: record.plan.v1TssId, certificateSerial: tss?.certificateSerial, timeInit: tss?.timeInit, disabledAt: record.disabledAt },
    v2: { tssId: record.v2.tssId, serialNumber: record.v2.tssSerialNumber, bsiCertificationId: record.v2.bsiCertificationId, timeInit: record.v2.timeInit },
    closedTransactions: record.closed,
    export: record.export ?? null,
    receipts: record.tills.map((till) => ({ serialNumber: till.serialNumber, v2ClientId: till.v2ClientId, transactionNumber: till.receipt.number, verified: Boolean(till.receipt.verified) })),
    mapping: registered
      ? buildPosMapping({
          storeName: record.plan.storeName,
          environment: record.plan.environment,
          v1TssId: record.plan.v1TssId,
          baseUrlV2: record.plan.baseUrlV2,
          v2Tss: { id: record.v2.tssId, serialNumber: record.v2.tssSerialNumber! },
          tills: record.tills,
          v2ClientIds: new Map(record.tills.map((t) => [t.v1ClientId, t.v2ClientId])),
          ...(record.cutOverAt ? { cutOverAt: record.cutOverAt } : {}),
        })
      : null,
    ...(record.error ? { error: { code: record.error.code, message: record.error.message, step: record.error.step } } : {}),
  };
}
