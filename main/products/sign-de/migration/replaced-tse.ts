import { berlinIsoDate } from '../../../../preload/contract/sign-de/german-format';
import type { TillDetails } from '../../../../preload/contract/sign-de/master-data';
import { V1_DECOMMISSIONING_REASON, type InventoryTill, type V1ExportArchive, type V1Tss } from '../../../../preload/contract/sign-de/migration';
import type { ResolvedTill } from '../../../../preload/contract/sign-de/migration-inventory';
import type { ReplacedTse, StoreRecord } from '../../../../preload/contract/sign-de/store-record';

export interface ReplacedTseInput {
  v1Tss: V1Tss;
  /** The inventory's tills (for their V1 registration time). */
  v1Tills: readonly InventoryTill[];
  /** The tills as moved: V2 serial, and the V1 serial where a fix changed it. */
  tills: readonly ResolvedTill[];
  /** The V2 client id per V1 client id. */
  v2ClientIds: ReadonlyMap<string, string>;
  export?: V1ExportArchive;
  /** ISO time the disable was read back (V1's time_disable where it gives one). */
  disabledAt?: string;
}

/** The store record's part for the old TSE, as far as the run has got (no export and no disable before the cut-over). */
export function replacedTseOf(input: ReplacedTseInput): ReplacedTse {
  const registered = new Map(input.v1Tills.map((till) => [till.v1ClientId, till.timeCreation]));
  return {
    tssId: input.v1Tss.id,
    ...(input.v1Tss.certificateSerial === undefined ? {} : { serialNumber: input.v1Tss.certificateSerial }),
    ...(input.v1Tss.timeInit === undefined ? {} : { timeInit: input.v1Tss.timeInit }),
    ...(input.disabledAt ? { decommissioning: { date: berlinIsoDate(input.disabledAt), reason: V1_DECOMMISSIONING_REASON } } : {}),
    ...(input.export ? { export: { file: input.export.file, sha256: input.export.sha256 } } : {}),
    tills: input.tills.flatMap((till) => {
      const clientId = input.v2ClientIds.get(till.v1ClientId);
      if (!clientId) return [];
      const at = registered.get(till.v1ClientId);
      return [
        {
          clientId,
          v1ClientId: till.v1ClientId,
          ...(till.v1SerialNumber === undefined ? {} : { v1SerialNumber: till.v1SerialNumber }),
          ...(at === undefined ? {} : { v1RegisteredAt: new Date(at * 1000).toISOString() }),
        },
      ];
    }),
  };
}

/**
 * Puts the old TSE into the new TSS's record. The tills are the same EAS as before: their commissioning date is
 * the technician's (the migration plan's till details) or none, never the day the V2 clients were registered
 * (a record made from a provisioning run sets that); the handover then takes the V1 registration.
 */
export function attachReplacedTse(record: StoreRecord, replaced: ReplacedTse, details: ReadonlyArray<TillDetails & { v1ClientId: string }> = []): void {
  record.replacedTse = replaced;
  const given = new Map(details.map((detail) => [detail.v1ClientId, detail.commissioningDate]));
  for (const till of record.tills) {
    const moved = replaced.tills.find((v1) => v1.clientId === till.clientId);
    if (!moved) continue;
    const date = given.get(moved.v1ClientId);
    if (date) till.commissioningDate = date;
    else delete till.commissioningDate;
  }
}
