import { berlinIsoDate } from '../../../../preload/contract/sign-de/german-format';
import type { StoreRecord, StoreTill, TestPosting } from '../../../../preload/contract/sign-de/store-record';
import type { JournalData } from '../provisioning/journal';

/**
 * A store's record as its provisioning run leaves it: the plan's master data and till details, the client
 * ids the run chose, the TSE's serial, BSI id and time_init, and the test posting. A till without a
 * commissioning date is commissioned on the day the run finished (Berlin's calendar).
 */
export function storeRecordOfRun(run: JournalData): StoreRecord {
  const commissioned = berlinIsoDate(run.updatedAt);
  const details = new Map(run.plan.clients.map((c) => [c.serialNumber, c]));
  const tills: StoreTill[] = run.clients.map((c) => ({
    ...details.get(c.serialNumber),
    commissioningDate: details.get(c.serialNumber)?.commissioningDate ?? commissioned,
    serialNumber: c.serialNumber,
    clientId: c.clientId,
  }));
  const posting = testPostingOfRun(run);
  return {
    tssId: run.tssId,
    storeName: run.plan.storeName,
    environment: run.plan.environment,
    ...(run.organizationId ? { organizationId: run.organizationId } : {}),
    masterData: run.plan.masterData ?? null,
    tss: { serialNumber: run.tssSerialNumber, bsiCertificationId: run.bsiCertificationId, timeInit: run.timeInit },
    tills,
    testPostings: posting ? [posting] : [],
    changes: [{ at: run.updatedAt, what: 'commissioned' }],
  };
}

/** The run's signed test transaction, once it is finished. */
export function testPostingOfRun(run: JournalData): TestPosting | null {
  const receipt = run.receipt;
  if (receipt?.number === undefined || receipt.timeEnd === undefined) return null;
  return {
    transactionNumber: receipt.number,
    ...(receipt.signatureCounter !== undefined ? { signatureCounter: receipt.signatureCounter } : {}),
    clientSerialNumber: run.clients[0]!.serialNumber,
    time: new Date(receipt.timeEnd * 1000).toISOString(),
    environment: run.plan.environment,
  };
}

/**
 * A done run executed again (a repair) over a record that exists: what the record lacks is added from the
 * run, nothing the technician changed since is replaced.
 */
export function mergeRunInto(record: StoreRecord, run: JournalData): void {
  const fresh = storeRecordOfRun(run);
  record.tss.serialNumber ??= fresh.tss.serialNumber;
  record.tss.bsiCertificationId ??= fresh.tss.bsiCertificationId;
  record.tss.timeInit ??= fresh.tss.timeInit;
  record.masterData ??= fresh.masterData;
  for (const till of fresh.tills) {
    if (!record.tills.some((t) => t.clientId === till.clientId)) record.tills.push(till);
  }
  for (const posting of fresh.testPostings) {
    if (!record.testPostings.some((p) => p.transactionNumber === posting.transactionNumber)) record.testPostings.push(posting);
  }
}
