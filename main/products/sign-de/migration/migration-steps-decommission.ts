import type { StepContext } from '../../../core/runs/run-flow';
import type { RecordChange } from '../../../core/runs/run-record';
import { StoreRecords } from '../store/store-records';
import { MigrationError } from './migration-error';
import type { MigrationRecord } from './migration-journal';
import { buildPosMapping, posMappingCsv, posMappingJson } from './pos-mapping';
import { attachReplacedTse, replacedTseOf } from './replaced-tse';
import { writeStoreFile } from './store-folder';
import type { CutOverDeps } from './migration-steps-cutover';

type Change = RecordChange<MigrationRecord>;

const isoOf = (seconds: number | undefined): string => (seconds ? new Date(seconds * 1000).toISOString() : new Date().toISOString());

/**
 * What must hold before V1 is disabled, which is final (reference §7): every till signed a verified V2
 * receipt, the export is kept with its hash, and no V1 transaction is left ACTIVE (V1 asked again).
 */
async function readyToDisable({ journal, v1 }: CutOverDeps): Promise<void> {
  const d = journal.data;
  const missing: string[] = [];
  if (d.tills.length === 0 || d.tills.some((t) => !t.receipt.verified)) missing.push('a verified V2 receipt from every till');
  if (!d.export?.sha256) missing.push('the V1 export kept with its SHA-256');
  const active = await v1.listActiveTransactions(d.plan.v1TssId);
  if (active.length > 0) missing.push(`no V1 transaction ACTIVE (${active.length} are)`);
  if (missing.length > 0) {
    throw new MigrationError('E_V1_NOT_READY_TO_DISABLE', `V1 was not disabled: it needs ${missing.join(', ')} first. Resume the run.`, 'v1-disable');
  }
}

/** GET → PUT DISABLED → read back (the V1 client); a TSS already disabled gets nothing sent. */
export async function disableV1(deps: CutOverDeps, context: StepContext): Promise<Change> {
  await readyToDisable(deps);
  await deps.journal.update((d) => void (d.disableSent = true));
  const { tss } = await deps.v1.disableTss(deps.journal.data.plan.v1TssId);
  await context.failpoint('after-request:v1-disable');
  return (d) => {
    d.disabledAt = isoOf(tss.timeDisable);
  };
}

export async function readBackV1({ journal, v1 }: CutOverDeps): Promise<Change> {
  const tss = await v1.getTss(journal.data.plan.v1TssId);
  if (tss.state !== 'DISABLED') {
    throw new MigrationError('E_V1_DISABLE_NOT_CONFIRMED', `fiskaly shows the V1 TSS as ${tss.state} after the disable. Resume the run to disable it again.`, 'v1-read-back');
  }
  return (d) => {
    d.disabledAt = tss.timeDisable ? isoOf(tss.timeDisable) : (d.disabledAt ?? isoOf(undefined));
  };
}

/**
 * What the store keeps: the new TSS's record with the old TSE it replaced (tills unchanged), and the POS
 * mapping as JSON and CSV in the store's folder. Written whole each time: a repeat writes the same.
 */
export async function recordStore({ journal, dataDir }: CutOverDeps): Promise<Change> {
  const d = journal.data;
  const inventory = d.inventory!.stores[0]!;
  const v2ClientIds = new Map(d.tills.map((t) => [t.v1ClientId, t.v2ClientId]));
  const records = new StoreRecords(dataDir);
  await records.recordCommissioning({ ...d.v2, status: 'done' });
  const replaced = replacedTseOf({ v1Tss: inventory.tss, v1Tills: inventory.tills, tills: d.tills, v2ClientIds, ...(d.export ? { export: d.export } : {}), ...(d.disabledAt ? { disabledAt: d.disabledAt } : {}) });
  await records.update(d.v2.tssId, (record) => attachReplacedTse(record, replaced, d.plan.tillDetails));
  const mapping = buildPosMapping({
    storeName: d.plan.storeName,
    environment: d.plan.environment,
    v1TssId: d.plan.v1TssId,
    baseUrlV2: d.plan.baseUrlV2,
    v2Tss: { id: d.v2.tssId, serialNumber: d.v2.tssSerialNumber ?? '' },
    tills: d.tills,
    v2ClientIds,
    ...(d.cutOverAt ? { cutOverAt: d.cutOverAt } : {}),
  });
  const json = await writeStoreFile(dataDir, d.v2.tssId, 'pos-mapping.json', posMappingJson(mapping));
  const csv = await writeStoreFile(dataDir, d.v2.tssId, 'pos-mapping.csv', posMappingCsv(mapping));
  return (r) => {
    r.mappingFiles = { json, csv };
  };
}
