import type { StepContext } from '../../../core/runs/run-flow';
import type { RecordChange } from '../../../core/runs/run-record';
import type { FiskalyClient } from '../api/client';
import { FiskalyError } from '../api/fiskaly-error';
import type { FiskalyV1Client } from '../api-v1/client';
import { testReceiptSchema } from '../provisioning/test-receipt';
import { checkReceipt } from '../tse';
import { MigrationError } from './migration-error';
import type { MigrationJournal, MigrationRecord, MigrationTill } from './migration-journal';
import { writeStoreFile } from './store-folder';

type Change = RecordChange<MigrationRecord>;

export interface CutOverDeps {
  journal: MigrationJournal;
  v1: FiskalyV1Client;
  v2: FiskalyClient;
  dataDir: string;
}

/** The V1 export's file name in the store's folder. */
export const v1ExportFileName = (v1TssId: string): string => `v1-export-${v1TssId}.tar`;

/**
 * No till signs on V1 any more: no V1 transaction started after the technician confirmed the cut-over
 * (which comes after the daily closing). A till still selling would sign after the disable is refused.
 */
export async function quietCheck({ journal, v1 }: CutOverDeps): Promise<void> {
  const since = Math.floor(Date.parse(journal.data.cutOverConfirmedAt!) / 1000);
  const recent = (await v1.listTransactions(journal.data.plan.v1TssId)).filter((tx) => (tx.timeStart ?? 0) >= since);
  if (recent.length > 0) {
    throw new MigrationError(
      'E_V1_STILL_SIGNING',
      `${recent.length} V1 transaction(s) started after the cut-over was confirmed: a till still signs on V1. Switch every till to V2 (or stop it), then resume.`,
      'v1-quiet-check',
    );
  }
}

/**
 * Closes every V1 transaction still ACTIVE with a proper cancellation (V1 client: looked up first, so one
 * closed by an earlier try is left as it is). Read afresh: the inventory may be days old.
 */
export async function closeActive({ journal, v1 }: CutOverDeps, context: StepContext): Promise<void> {
  const { v1TssId } = journal.data.plan;
  const active = await v1.listActiveTransactions(v1TssId);
  for (const [i, tx] of active.entries()) {
    context.throwIfCancelled();
    const { transaction } = await v1.cancelTransaction(v1TssId, tx.id);
    await context.failpoint(`after-request:v1-close-active:${i + 1}`);
    await journal.update((d) => {
      if (d.closed.some((c) => c.txId === tx.id)) return;
      d.closed.push({ txId: tx.id, number: tx.number, v1ClientId: tx.clientId, state: transaction.state === 'FINISHED' ? 'FINISHED' : 'CANCELLED' });
    });
    context.progress({ done: i + 1, total: active.length });
  }
}

/** Starts the full V1 export under the run's export id (a resume finds the same one) and waits for it. */
export async function triggerV1Export({ journal, v1 }: CutOverDeps, context: StepContext): Promise<void> {
  const { plan, exportId } = journal.data;
  await v1.triggerExport(plan.v1TssId, exportId);
  await context.failpoint('after-request:v1-export');
  await v1.waitForExport(plan.v1TssId, exportId);
}

/** Downloads the export's TAR into the store's folder and keeps its SHA-256 with it. */
export async function downloadV1Export({ journal, v1, dataDir }: CutOverDeps): Promise<Change> {
  const { plan, exportId, v2 } = journal.data;
  const archive = await v1.downloadExport(plan.v1TssId, exportId);
  const file = v1ExportFileName(plan.v1TssId);
  await writeStoreFile(dataDir, v2.tssId, file, archive.bytes);
  await writeStoreFile(dataDir, v2.tssId, `${file}.sha256`, `${archive.sha256}  ${file}\n`);
  return (d) => {
    d.export = { exportId, file, sha256: archive.sha256, bytes: archive.size };
  };
}

/** One V2 test transaction per till, each under its journaled id (start written as sent before it goes). */
export async function signTillReceipts(deps: CutOverDeps, context: StepContext): Promise<void> {
  const tills = deps.journal.data.tills;
  for (const [i, till] of tills.entries()) {
    context.throwIfCancelled();
    if (till.receipt.qrCodeData) continue;
    await signTillReceipt(deps, till, context);
    context.progress({ done: i + 1, total: tills.length });
  }
}

async function signTillReceipt({ journal, v2 }: CutOverDeps, till: MigrationTill, context: StepContext): Promise<void> {
  const { tssId } = journal.data.v2;
  const { txId, startSent } = till.receipt;
  let tx = startSent
    ? await v2.getTransaction(tssId, txId).catch((error: unknown) => {
        if (error instanceof FiskalyError && error.status === 404) return null;
        throw error;
      })
    : null;
  if (!tx) {
    if (!startSent) await journal.update((d) => void (tillOf(d, till).receipt.startSent = true));
    tx = await v2.upsertTransaction(tssId, txId, 1, { state: 'ACTIVE', client_id: till.v2ClientId });
  }
  await context.failpoint(`after-request:v2-test-receipts:${till.serialNumber}`);
  if (tx.state === 'ACTIVE') {
    tx = await v2.upsertTransaction(tssId, txId, tx.latestRevision + 1, { state: 'FINISHED', client_id: till.v2ClientId, schema: testReceiptSchema(journal.data.plan.environment) });
  }
  if (tx.state !== 'FINISHED' || !tx.qrCodeData) {
    throw new MigrationError('E_TEST_TRANSACTION', `The test transaction of till ${till.serialNumber} ended as ${tx.state} without a QR code. Resume the run.`, 'v2-test-receipts');
  }
  const finished = tx;
  await journal.update((d) => {
    const own = tillOf(d, till);
    own.receipt = { ...own.receipt, startSent: true, number: finished.number, qrCodeData: finished.qrCodeData, timeStart: finished.timeStart };
  });
}

/**
 * Checks every till's receipt against the new TSS. A till whose receipt fails gets a new transaction id
 * (written here) and the run stops: a resume signs that till again (the receipts step goes again).
 */
export async function verifyTillReceipts({ journal }: CutOverDeps): Promise<Change> {
  const serial = journal.data.v2.tssSerialNumber;
  const failed: string[] = [];
  const results = journal.data.tills.map((till) => {
    const result = checkReceipt(till.receipt.qrCodeData ?? '', { tssSerialNumber: serial, startTime: till.receipt.timeStart });
    if (!result.valid) failed.push(till.serialNumber);
    return result.valid;
  });
  if (failed.length > 0) {
    await journal.update((d) => {
      d.tills.forEach((till, i) => {
        if (!results[i]) till.receipt = { txId: crypto.randomUUID(), verified: false };
      });
      d.done = d.done.filter((s) => s !== 'v2-test-receipts');
    });
    throw new MigrationError('E_RECEIPT_INVALID', `The V2 test receipt of till(s) ${failed.join(', ')} did not pass its check. Resume the run to sign them again; V1 stays enabled.`, 'receipts-verified');
  }
  const first = Math.min(...journal.data.tills.map((t) => t.receipt.timeStart ?? Number.POSITIVE_INFINITY));
  return (d) => {
    d.tills.forEach((till) => void (till.receipt.verified = true));
    d.cutOverAt = Number.isFinite(first) ? new Date(first * 1000).toISOString() : new Date().toISOString();
  };
}

const tillOf = (record: MigrationRecord, till: MigrationTill): MigrationTill => record.tills.find((t) => t.v1ClientId === till.v1ClientId)!;
