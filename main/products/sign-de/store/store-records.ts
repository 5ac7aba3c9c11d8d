import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { berlinIsoDate } from '../../../../preload/contract/sign-de/german-format';
import type { Decommissioning, StoreMasterData } from '../../../../preload/contract/sign-de/master-data';
import type { StoreRecord, StoreTill } from '../../../../preload/contract/sign-de/store-record';
import { readIfExists, writeFileAtomic } from '../../../core/durable/atomic-file';
import { withFileLock } from '../../../core/durable/file-lock';
import { AppError } from '../../../core/errors';
import { Journal, type JournalData } from '../provisioning/journal';
import { mergeRunInto, storeRecordOfRun } from './store-record-of-run';

/** The folder of the store records, one `<tssId>.json` each. */
export const storesFolder = (dataDir: string): string => join(dataDir, 'stores');

const TSS_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The record as its file keeps it: tills being added, their client ids chosen and written before the
 * requests that register them, so a retry registers the same clients again instead of twins.
 */
export interface StoredRecord extends StoreRecord {
  pendingTills?: StoreTill[];
}

export type RecordChange = (record: StoredRecord) => void;

/** Today on Berlin's calendar, as ISO date: the default date of a decommissioning or a till's commissioning. */
export const todayInGermany = (now = new Date()): string => berlinIsoDate(now.toISOString());

/**
 * What this laptop keeps of each store it set up (StoreRecord): written when its provisioning run is done,
 * changed by the store's notifiable changes. Several processes share a data folder: every change re-reads
 * the file under its lock and writes it whole, atomically, so none is lost.
 */
export class StoreRecords {
  constructor(readonly dataDir: string) {}

  /** The store's record; a store set up before records existed gets one from its run's journal. */
  async get(tssId: string): Promise<StoreRecord> {
    const stored = await this.read(this.file(tssId));
    return publicRecord(stored ?? (await this.update(tssId, () => {})));
  }

  /** Every store with a record or a done run on this laptop. */
  async list(): Promise<StoreRecord[]> {
    const names = await readdir(storesFolder(this.dataDir)).catch(() => [] as string[]);
    const ids = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).filter((id) => TSS_ID.test(id)));
    for (const run of await Journal.list(this.dataDir)) if (run.status === 'done') ids.add(run.tssId);
    const records = await Promise.all([...ids].map((id) => this.get(id).catch(() => null)));
    return records.filter((r): r is StoreRecord => r !== null);
  }

  /** Re-reads the record under its lock (or makes it from the run), applies the change and writes it. */
  async update(tssId: string, change: RecordChange): Promise<StoreRecord> {
    const file = this.file(tssId);
    return withFileLock(file, async () => {
      const record = (await this.read(file)) ?? (await this.fromRun(tssId));
      change(record);
      await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`, { keepPrevious: { isIntact: (bytes) => parses(bytes) } });
      return publicRecord(record);
    });
  }

  /** A provisioning run reached done: its store's record is made, or completed if a repair ran it again. */
  async recordCommissioning(run: JournalData): Promise<void> {
    const file = this.file(run.tssId);
    await withFileLock(file, async () => {
      const existing = await this.read(file);
      const record = existing ?? storeRecordOfRun(run);
      if (existing) mergeRunInto(existing, run);
      await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`, { keepPrevious: { isIntact: (bytes) => parses(bytes) } });
    });
  }

  /** A new address or taxpayer: notifiable. */
  setMasterData(tssId: string, masterData: StoreMasterData, now = new Date()): Promise<StoreRecord> {
    return this.update(tssId, (record) => {
      record.masterData = masterData;
      record.changes.push({ at: now.toISOString(), what: 'address-changed' });
    });
  }

  /** The TSS was disabled: its TSE is decommissioned. */
  recordTssDisabled(tssId: string, decommissioning: Decommissioning, now = new Date()): Promise<StoreRecord> {
    return this.update(tssId, (record) => {
      record.tss.decommissioning = decommissioning;
      record.changes.push({ at: now.toISOString(), what: 'tss-disabled', detail: decommissioning.reason });
    });
  }

  /** A till was deregistered at fiskaly: taken out of use. */
  recordTillDeregistered(tssId: string, clientId: string, decommissioning: Decommissioning, now = new Date()): Promise<StoreRecord> {
    return this.update(tssId, (record) => {
      const till = findTill(record, clientId);
      const first = !till.decommissioning;
      till.decommissioning = decommissioning;
      if (first) record.changes.push({ at: now.toISOString(), what: 'till-deregistered', detail: till.serialNumber });
    });
  }

  private async fromRun(tssId: string): Promise<StoredRecord> {
    const run = (await Journal.list(this.dataDir)).find((r) => r.tssId === tssId && r.status === 'done');
    if (!run) throw new AppError('E_STORE_UNKNOWN', 'This laptop has no record of that store: only stores set up here (and finished) have one.');
    return storeRecordOfRun(run);
  }

  private file(tssId: string): string {
    if (!TSS_ID.test(tssId)) throw new AppError('E_STORE_UNKNOWN', 'That is not a TSS id.');
    return join(storesFolder(this.dataDir), `${tssId}.json`);
  }

  /** The record, or its previous generation when the file is damaged; null when there is none. */
  private async read(file: string): Promise<StoredRecord | null> {
    const bytes = await readIfExists(file);
    if (bytes === null) return null;
    if (parses(bytes)) return JSON.parse(bytes.toString('utf8')) as StoredRecord;
    const previous = await readIfExists(`${file}.prev`);
    if (previous && parses(previous)) return JSON.parse(previous.toString('utf8')) as StoredRecord;
    throw new AppError('E_STORE_RECORD_DAMAGED', `The store record ${file} cannot be read. Move it aside to have it made again from the store's run.`);
  }
}

export function findTill(record: StoreRecord, clientId: string): StoreTill {
  const till = record.tills.find((t) => t.clientId === clientId);
  if (!till) throw new AppError('E_TILL_UNKNOWN', 'That till is not one of this store’s.');
  return till;
}

function parses(bytes: Buffer): boolean {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as Partial<StoreRecord>;
    return typeof value.tssId === 'string' && Array.isArray(value.tills);
  } catch {
    return false;
  }
}

/** The record without what only this module needs. */
function publicRecord(stored: StoredRecord): StoreRecord {
  const { pendingTills: _pending, ...record } = stored;
  return record;
}
