import { z } from 'zod';
import { ConfirmPassphrase, Id, NoPayload, OpeningPassphrase, SaveDestination } from '../core/schemas';
import type { SignDeChannel } from './channels';
import { STALE_MAX_HOURS, STALE_MAX_IDS, STALE_MIN_HOURS } from './stale-transactions';
import { Decommissioning, StoreMasterData } from './master-data';
import { ClientPlan, StorePlan } from './store-plan';
import { MigrationPlan, SerialFix } from './migration';
import { MAX_CLIENTS, MAX_PIN_LENGTH, MIN_PIN_LENGTH } from './store-rules';

const ByRun = z.strictObject({ runId: Id });
const ByTss = z.strictObject({ tssId: Id });
const PaperWidth = z.union([z.literal(80), z.literal(58)]);
const StaleHours = z
  .number()
  .int('must be whole hours')
  .min(STALE_MIN_HOURS, `must be at least ${STALE_MIN_HOURS} hour: younger transactions may be sales in progress`)
  .max(STALE_MAX_HOURS);

/** The schema every SIGN DE request payload must pass before a handler sees it. */
export const signDeRequestSchemas = {
  'runs:list': NoPayload,
  'runs:get': ByRun,
  'provisioning:start': z.strictObject({ plan: StorePlan, organizationId: Id.optional(), passphrase: ConfirmPassphrase }),
  'provisioning:resume': ByRun,
  'provisioning:cancel': ByRun,
  'provisioning:repair': ByRun,
  'provisioning:abandon': ByRun,
  'recovery:list': NoPayload,
  'recovery:reveal': z.strictObject({ tssId: Id, passphrase: OpeningPassphrase }),
  'recovery:unblock': z.strictObject({ tssId: Id, newPin: z.string().min(MIN_PIN_LENGTH).max(MAX_PIN_LENGTH).optional(), passphrase: ConfirmPassphrase }),
  'tss:overview': ByTss,
  'tss:set-client-state': z.strictObject({ tssId: Id, clientId: Id, state: z.enum(['REGISTERED', 'DEREGISTERED']) }),
  'tss:stale-preview': z.strictObject({ tssId: Id, olderThanHours: StaleHours }),
  'tss:close-stale': z.strictObject({
    tssId: Id,
    olderThanHours: StaleHours,
    transactionIds: z
      .array(Id)
      .min(1, 'name at least one transaction')
      .max(STALE_MAX_IDS)
      .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, 'names a transaction twice'),
  }),
  'tss:export': z.strictObject({ tssId: Id, destination: SaveDestination }),
  'tss:export-status': ByTss,
  // Disabling decommissions the TSE: its date and reason go into the store's handover.
  'tss:disable': z.strictObject({ tssId: Id, confirmation: z.string().max(200), passphrase: ConfirmPassphrase, decommissioning: Decommissioning.optional() }),
  'receipt:get': ByRun,
  'receipt:verify': z.strictObject({ qrCodeData: z.string().min(1).max(4096), tssSerialNumber: z.string().regex(/^[0-9a-f]{64}$/).optional() }),
  'print:receipt': z.strictObject({ runId: Id, printer: z.string().min(1).max(300), width: PaperWidth }),
  'print:pdf': z.strictObject({ runId: Id, width: PaperWidth, destination: SaveDestination }),
  'print:escpos': z.strictObject({
    runId: Id,
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65_535).default(9100),
    width: PaperWidth,
    nativeQr: z.boolean().default(true),
  }),
  'report:handover': z.strictObject({ runId: Id, destination: SaveDestination }),
  'store:get': ByTss,
  'store:set-master-data': z.strictObject({ tssId: Id, masterData: StoreMasterData }),
  'store:add-tills': z.strictObject({ tssId: Id, tills: z.array(ClientPlan).min(1, 'add at least one till').max(MAX_CLIENTS), passphrase: ConfirmPassphrase }),
  'store:deregister-till': z.strictObject({ tssId: Id, clientId: Id, decommissioning: Decommissioning }),
  'store:duplicate-serials': z.strictObject({
    storeName: z.string().max(200),
    serialNumbers: z.array(z.string().max(70)).max(MAX_CLIENTS),
  }),
  'handover:save': z.strictObject({ tssId: Id, destination: SaveDestination }),
  // Said on purpose: the page asks first, and a stray call without it is refused.
  // seed: after the reset, add a store still on SIGN DE V1 to practise the migration on (the sandbox's `v1-store`).
  'sandbox:reset': z.strictObject({ confirm: z.literal('reset'), seed: z.enum(['v1-store']).optional() }),
  // Read only: without `v1TssId` every V1 TSS of the organization, else that one.
  'migration:inventory': z.strictObject({ environment: z.enum(['sandbox', 'test', 'live']), organizationId: Id.optional(), v1TssId: Id.optional() }),
  // `confirmCutOver`: the technician typed the confirmation (LIVE: the store's name) to go past the prepare phase.
  'migration:start': z.strictObject({ plan: MigrationPlan, organizationId: Id.optional(), confirmCutOver: z.boolean(), passphrase: ConfirmPassphrase }),
  'migration:resume': z.strictObject({ runId: Id, confirmCutOver: z.boolean().optional(), serialFixes: z.array(SerialFix).max(199).optional(), passphrase: ConfirmPassphrase }),
  'migration:cancel': ByRun,
  'migration:abandon': ByRun,
  'migration:list': NoPayload,
  'migration:save-documents': z.strictObject({ runId: Id, destination: SaveDestination }),
} as const satisfies Record<SignDeChannel, z.ZodType>;
