import { z } from 'zod';
import { describeControlCharacter, findControlCharacter } from '../core/control-characters';
import type { RunStatus } from '../core/runs';
import { EnvironmentId } from '../core/settings';
import { StoreMasterData, TillDetails } from './master-data';
import type { MigrationPhase, MigrationStepName } from './migration-steps';
import { CLIENT_SERIAL_PATTERN, STORE_NAME_MAX, serialKey } from './store-rules';

/**
 * A store's move from SIGN DE V1 to V2 (sign-de-v1-and-migration.md §5–7): what the inventory found, what
 * the technician planned, the phases and their steps, what the run did, and what the POS vendor gets. No
 * secrets anywhere in it: it goes into journals, reports and the store's folder. V1 times are unix seconds
 * as V1 gives them; this app's own times are ISO strings.
 */

/** V1 knows these three only (VERIFY: reference §4.1). */
export const V1TssState = z.enum(['UNINITIALIZED', 'INITIALIZED', 'DISABLED']);
export type V1TssState = z.infer<typeof V1TssState>;

const unixSeconds = z.number().int().min(0);
const id = z.string().min(1);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 as 64 lowercase hex digits');
const v2Serial = z
  .string()
  .regex(CLIENT_SERIAL_PATTERN, "a client serial number is 1–70 letters, digits, spaces or ' ( ) + , - . : = ?, with no / or _ and no space at either end");

export const V1Tss = z.object({
  id,
  description: z.string().optional(),
  state: V1TssState,
  /** V1's TSS serial; V2 calls its own `serial_number` (`tss_serial_number` in a transaction). Format VERIFY. */
  certificateSerial: z.string().optional(),
  timeInit: unixSeconds.optional(),
  /** Set once the TSS is disabled (INF: reference §4.1). */
  timeDisable: unixSeconds.optional(),
});
export type V1Tss = z.output<typeof V1Tss>;

/** One till as V1 has it: a client with no state (V1 clients have none) and its last transaction. */
export const InventoryTill = z.object({
  v1ClientId: id,
  /** V1's serial as it is: V1's rules are unknown, so anything but empty. */
  serialNumber: z.string(),
  /** The V1 client's time_creation: when the till started using the old TSE. */
  timeCreation: unixSeconds.optional(),
  /** The start of the till's latest V1 transaction; absent where it never signed. */
  lastTransactionAt: unixSeconds.optional(),
});
export type InventoryTill = z.output<typeof InventoryTill>;

/** A V1 transaction still ACTIVE: the cut-over closes it (never possible after DISABLED). */
export const ActiveTransaction = z.object({
  txId: id,
  v1ClientId: id,
  number: z.number().int().min(0),
  /** The revision a cancel builds on (`?last_revision=`). */
  latestRevision: z.number().int().min(0),
  timeStart: unixSeconds.optional(),
});
export type ActiveTransaction = z.output<typeof ActiveTransaction>;

/** What stops or changes the migration of one V1 TSS; a suggested serial waits for the technician. */
export const InventoryProblem = z.discriminatedUnion('code', [
  z.object({ code: z.literal('serial-invalid'), v1ClientId: id, serialNumber: z.string(), suggestedSerial: v2Serial }),
  /** Differs from another till's serial only in case: a twin for V2 and for ELSTER's reader. */
  z.object({ code: z.literal('serial-twin'), v1ClientId: id, serialNumber: z.string(), twinOf: z.string(), suggestedSerial: v2Serial }),
  /** More tills than one V2 TSS takes: split the store (reference §5). */
  z.object({ code: z.literal('too-many-tills'), count: z.number().int(), max: z.number().int() }),
  /** Already disabled: its ACTIVE transactions can never be closed; nothing to decommission. */
  z.object({ code: z.literal('tss-disabled'), timeDisable: unixSeconds.optional() }),
]);
export type InventoryProblem = z.output<typeof InventoryProblem>;
export type InventoryProblemCode = InventoryProblem['code'];

/** Everything the inventory read of one V1 TSS (read only). */
export const TssInventory = z.object({
  tss: V1Tss,
  tills: z.array(InventoryTill),
  activeTransactions: z.array(ActiveTransaction),
  problems: z.array(InventoryProblem),
});
export type TssInventory = z.output<typeof TssInventory>;

export const MigrationInventory = z.object({
  /** ISO time the inventory was read. */
  takenAt: z.iso.datetime({ offset: true }),
  environment: EnvironmentId,
  baseUrlV1: z.url(),
  /** Where the new TSS is made (main's own address; a plan names the same). */
  baseUrlV2: z.url().optional(),
  stores: z.array(TssInventory),
  /** V2 TSS the same key already has: a previous, interrupted run may have made one. */
  v2TssIds: z.array(id).default([]),
});
export type MigrationInventory = z.output<typeof MigrationInventory>;

/** A serial fix the technician confirmed (the suggested one or their own). */
export const SerialFix = z.object({ v1ClientId: id, from: z.string(), to: v2Serial });
export type SerialFix = z.output<typeof SerialFix>;

/** What the technician decided: which V1 TSS moves where, and the serial fixes they confirmed. */
export const MigrationPlan = z
  .object({
    v1TssId: id,
    storeName: z
      .string()
      .superRefine((value, ctx) => {
        const found = findControlCharacter(value);
        if (found) ctx.addIssue({ code: 'custom', message: describeControlCharacter(found) });
      })
      .trim()
      .min(1, 'every store needs a name')
      .max(STORE_NAME_MAX),
    environment: EnvironmentId,
    baseUrlV1: z.url(),
    baseUrlV2: z.url(),
    serialFixes: z.array(SerialFix).default([]),
    /** Per till, what the handover needs of it (kind, software, dates), as provisioning's plan has it. */
    tillDetails: z.array(TillDetails.extend({ v1ClientId: id })).default([]),
    /** Taxpayer and Betriebsstätte for the handover; required in TEST and LIVE as for provisioning. */
    masterData: StoreMasterData.optional(),
  })
  .superRefine((plan, ctx) => {
    if (plan.environment !== 'sandbox' && !plan.masterData) {
      ctx.addIssue({ code: 'custom', path: ['masterData'], message: 'a TEST or LIVE store needs its taxpayer and Betriebsstätte (for the tax notification and the receipt)' });
    }
    const clients = new Set<string>();
    const serials = new Set<string>();
    plan.serialFixes.forEach((fix, index) => {
      if (clients.has(fix.v1ClientId)) ctx.addIssue({ code: 'custom', path: ['serialFixes', index, 'v1ClientId'], message: `two serial fixes for the till ${fix.v1ClientId}` });
      if (serials.has(serialKey(fix.to))) ctx.addIssue({ code: 'custom', path: ['serialFixes', index, 'to'], message: `the serial number ${fix.to} appears twice` });
      clients.add(fix.v1ClientId);
      serials.add(serialKey(fix.to));
    });
  });
export type MigrationPlan = z.output<typeof MigrationPlan>;
export type MigrationPlanInput = z.input<typeof MigrationPlan>;

export { MIGRATION_PHASES, MIGRATION_STEPS, MIGRATION_STEP_NAMES, type MigrationPhase, type MigrationStepName, phaseOf } from './migration-steps';

/** Per till, what the POS vendor sets: the same serial (or its confirmed fix), a new client id, the new TSS. */
export const PosMappingTill = z.object({
  serialNumber: v2Serial,
  /** V1's serial where a confirmed fix changed it (ELSTER then sees a new EAS); absent where it is the same. */
  v1SerialNumber: z.string().optional(),
  v1ClientId: id,
  v2ClientId: id,
  v2TssId: id,
  v2TssSerialNumber: z.string(),
  baseUrl: z.url(),
});
export type PosMappingTill = z.output<typeof PosMappingTill>;

export const POS_MAPPING_SCHEMA = 'tss-companion-pos-mapping/1';

export const PosMapping = z.object({
  schema: z.literal(POS_MAPPING_SCHEMA),
  storeName: z.string(),
  environment: EnvironmentId,
  v1TssId: id,
  /** ISO time from which receipts carry V2 data (the first verified V2 receipt); absent before the cut-over. */
  cutOverAt: z.iso.datetime({ offset: true }).optional(),
  tills: z.array(PosMappingTill),
});
export type PosMapping = z.output<typeof PosMapping>;

/** The V1 export kept in the store's folder, named in the handover. */
export const V1ExportArchive = z.object({
  exportId: id,
  /** The file name in the store's folder. */
  file: z.string().min(1),
  sha256: sha256Hex,
  bytes: z.number().int().min(0),
});
export type V1ExportArchive = z.output<typeof V1ExportArchive>;

/** One V1 transaction the cut-over closed. */
export interface ClosedTransaction {
  txId: string;
  number: number;
  v1ClientId: string;
  state: 'CANCELLED' | 'FINISHED';
}

/** One till's V2 test receipt. */
export interface TillReceiptCheck {
  serialNumber: string;
  v2ClientId: string;
  transactionNumber?: number;
  verified: boolean;
}

/** A migration run as the wizard and `migrate --json` show it. */
export interface MigrationRunReport {
  runId: string;
  storeName: string;
  environment: EnvironmentId;
  status: RunStatus;
  phase: MigrationPhase;
  /** The steps whose effect is durable, as the journal has them. */
  done: MigrationStepName[];
  v1: { tssId: string; certificateSerial?: string; timeInit?: number; /** ISO, read back after the disable. */ disabledAt?: string };
  v2: { tssId?: string; serialNumber?: string; bsiCertificationId?: string; timeInit?: number };
  closedTransactions: ClosedTransaction[];
  export: V1ExportArchive | null;
  receipts: TillReceiptCheck[];
  mapping: PosMapping | null;
  error?: { code: string; message: string; step: MigrationStepName };
}

/** The old TSE's decommissioning reason in the store record and the handover (German, as the form is). */
export const V1_DECOMMISSIONING_REASON = 'TSE-Tausch: Umstellung von fiskaly SIGN DE V1 auf V2';
