import { z } from 'zod';
import type { Channel } from './channels';
import { SettingsPatch } from './core/settings';
import { StorePlan } from './sign-de/store-plan';
import { STALE_MAX_HOURS, STALE_MAX_IDS, STALE_MIN_HOURS } from './sign-de/stale-transactions';
import { MAX_PIN_LENGTH, MIN_PASSPHRASE_LENGTH, MIN_PIN_LENGTH } from './sign-de/store-rules';

const NoPayload = z.undefined();
const Id = z.uuid({ error: 'must be an id (UUID)' });
const Passphrase = z.string().min(MIN_PASSPHRASE_LENGTH, `the passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`).max(1024);
const ByRun = z.strictObject({ runId: Id });
const ByTss = z.strictObject({ tssId: Id });
const PaperWidth = z.union([z.literal(80), z.literal(58)]);
/** A recovery file read in the page, base64; they are a few kilobytes. */
const StaleHours = z
  .number()
  .int('must be whole hours')
  .min(STALE_MIN_HOURS, `must be at least ${STALE_MIN_HOURS} hour: younger transactions may be sales in progress`)
  .max(STALE_MAX_HOURS);
const FileContent = z.string().min(1).max(8 * 1024 * 1024).regex(/^[A-Za-z0-9+/]+=*$/, 'must be base64');
/**
 * The vault's recovery passphrase as the confirmation of an irreversible or secret step (LIVE, a PIN,
 * disabling). Optional here so that a missing one gets main's own E_CONFIRMATION_REQUIRED, not a schema error.
 */
const ConfirmPassphrase = z.string().max(1024).optional();

/** The schema every request payload must pass before a handler sees it. */
export const requestSchemas = {
  'app:info': NoPayload,
  'settings:get': NoPayload,
  'settings:set': z.strictObject({ ...SettingsPatch.shape, passphrase: ConfirmPassphrase }),
  'vault:status': NoPayload,
  'vault:setup': z.strictObject({ passphrase: Passphrase }),
  'vault:unlock': z.strictObject({ passphrase: z.string().min(1).max(1024) }),
  'vault:export-recovery': z.strictObject({ passphrase: z.string().min(1).max(1024) }),
  // `passphrase` opens the file; `vaultPassphrase` must open this laptop's vault (checked in main).
  'vault:import-recovery': z.strictObject({ file: FileContent, passphrase: z.string().min(1).max(1024), vaultPassphrase: z.string().min(1).max(1024) }),
  'vault:restore-previous': z.strictObject({ passphrase: z.string().min(1).max(1024) }),
  'orgs:list': NoPayload,
  'orgs:save': z.strictObject({
    environment: z.enum(['test', 'live']),
    label: z.string().trim().min(1).max(100),
    apiKey: z.string().trim().min(1).max(200),
    apiSecret: z.string().min(1).max(500),
  }),
  'runs:list': NoPayload,
  'runs:get': ByRun,
  'provisioning:start': z.strictObject({ plan: StorePlan, organizationId: Id.optional(), passphrase: ConfirmPassphrase }),
  'provisioning:resume': ByRun,
  'provisioning:cancel': ByRun,
  'provisioning:repair': ByRun,
  'provisioning:abandon': ByRun,
  'recovery:list': NoPayload,
  'recovery:reveal': z.strictObject({ tssId: Id, passphrase: z.string().min(1).max(1024) }),
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
  'tss:export': ByTss,
  'tss:export-status': ByTss,
  'tss:disable': z.strictObject({ tssId: Id, confirmation: z.string().max(200), passphrase: ConfirmPassphrase }),
  'receipt:get': ByRun,
  'receipt:verify': z.strictObject({ qrCodeData: z.string().min(1).max(4096), tssSerialNumber: z.string().regex(/^[0-9a-f]{64}$/).optional() }),
  'print:printers': NoPayload,
  'print:receipt': z.strictObject({ runId: Id, printer: z.string().min(1).max(300), width: PaperWidth }),
  'print:pdf': z.strictObject({ runId: Id, width: PaperWidth }),
  'print:escpos': z.strictObject({
    runId: Id,
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65_535).default(9100),
    width: PaperWidth,
    nativeQr: z.boolean().default(true),
  }),
  'report:handover': ByRun,
} as const satisfies Record<Channel, z.ZodType>;
