import { randomUUID } from 'node:crypto';
import type { ClosedTransaction, MigrationInventory, MigrationPlan, MigrationStepName, V1ExportArchive } from '../../../../preload/contract/sign-de/migration';
import type { NextAction } from '../../../../preload/contract/sign-de/runs';
import { type JournalKind, RunJournal } from '../../../core/runs/run-journal';
import type { RunRecord } from '../../../core/runs/run-record';
import type { JournalData } from '../provisioning/journal';

/** One till's move: its V2 serial (the V1 one or the confirmed fix), the new client id and its V2 test receipt. */
export interface MigrationTill {
  v1ClientId: string;
  serialNumber: string;
  /** Present where a confirmed fix changed the serial. */
  v1SerialNumber?: string;
  v2ClientId: string;
  receipt: {
    txId: string;
    startSent?: boolean;
    number?: number;
    qrCodeData?: string;
    timeStart?: number;
    verified?: boolean;
  };
}

/**
 * One store's move from V1 to V2: the engine's record, the technician's plan, what the inventory read, the
 * new TSS as a provisioning record of its own (its own done list: the prepare phase runs provisioning's
 * steps on it) and what the cut-over and the decommissioning did. Every id (V2 TSS, clients, test
 * transactions, the V1 export) is chosen and written before the request that uses it. No secret in it.
 */
export interface MigrationRecord extends RunRecord<MigrationStepName, NextAction> {
  plan: MigrationPlan;
  /** Set by the technician's confirmation (typed, or --yes): only then do the cut-over and decommission steps belong to the run. */
  cutOverConfirmedAt?: string;
  inventory?: MigrationInventory;
  v2: JournalData;
  tills: MigrationTill[];
  /** The full V1 export's id, chosen with the run: a resume finds the same export, never a second. */
  exportId: string;
  export?: V1ExportArchive;
  closed: ClosedTransaction[];
  /** ISO time of the first verified V2 receipt: receipts from then on carry V2 data. */
  cutOverAt?: string;
  /** The disable was sent (written before the request). */
  disableSent?: boolean;
  /** ISO time V1 reads back DISABLED (V1's time_disable where it gives one). */
  disabledAt?: string;
  /** The POS mapping files in the store's folder. */
  mappingFiles?: { json: string; csv: string };
}

export const MIGRATION_JOURNAL: JournalKind<MigrationRecord> = { kind: 'sign-de/migration' };

export type MigrationJournal = RunJournal<MigrationRecord>;

/** A new migration run, durable before it returns: the V2 TSS id and the export id are chosen here. */
export function createMigrationJournal(dataDir: string, plan: MigrationPlan, now = new Date()): Promise<MigrationJournal> {
  const at = now.toISOString();
  const v2: JournalData = {
    v: 1,
    kind: 'sign-de/provisioning',
    // The migration's run id is written into the journal on creation (below): the PUK's vault label names it.
    runId: '',
    createdAt: at,
    updatedAt: at,
    status: 'running',
    done: [],
    plan: {
      storeName: plan.storeName,
      environment: plan.environment,
      ...(plan.masterData ? { masterData: plan.masterData } : {}),
      // The tills are known after the inventory; the receipts are the cut-over's, one per till.
      clients: [],
      testReceipt: false,
    },
    tssId: randomUUID(),
    clients: [],
    receipt: null,
  };
  return RunJournal.create(dataDir, MIGRATION_JOURNAL, { plan, v2, tills: [], exportId: randomUUID(), closed: [] }, now);
}
