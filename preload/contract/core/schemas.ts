import { z } from 'zod';
import { ACTIVITY_PAGE_SIZE, RENDERER_LOG_LIMITS } from './activity';
import type { CoreChannel } from './channels';
import { MAX_PATH_LENGTH, fileFilters, isAbsolutePath } from './files';
import { SCOPE_ID_PATTERN, productIds } from './products';
import { EnvironmentId, SettingsPatch } from './settings';
import { MIN_PASSPHRASE_LENGTH } from './vault';

/** Building blocks every product's request schemas use. */
export const NoPayload = z.undefined();
export const Id = z.uuid({ error: 'must be an id (UUID)' });
/** A secret the technician types to open something (the vault, a recovery file). */
export const OpeningPassphrase = z.string().min(1).max(1024);
/**
 * The vault's recovery passphrase as the confirmation of an irreversible or secret step (LIVE, a PIN,
 * disabling). Optional here so that a missing one gets main's own E_CONFIRMATION_REQUIRED, not a schema error.
 */
export const ConfirmPassphrase = z.string().max(1024).optional();

const Passphrase = z.string().min(MIN_PASSPHRASE_LENGTH, `the passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`).max(1024);
/** A recovery file read in the page, base64; they are a few kilobytes. */
const FileContent = z.string().min(1).max(8 * 1024 * 1024).regex(/^[A-Za-z0-9+/]+=*$/, 'must be base64');

/** An absolute path with no control characters: a place on this laptop's disks. */
export const AbsolutePath = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .refine((path) => !/[\u0000-\u001f\u007f]/.test(path), 'must not hold control characters')
  .refine(isAbsolutePath, 'must be an absolute path');
/** Where a save goes (optional everywhere: without it main writes into its data folder). */
export const SaveDestination = z.union([z.strictObject({ file: AbsolutePath }), z.strictObject({ folder: AbsolutePath })]).optional();

/** The schema every core request payload must pass before a handler sees it. */
export const coreRequestSchemas = {
  'app:info': NoPayload,
  'settings:get': NoPayload,
  'settings:set': z.strictObject({ ...SettingsPatch.shape, passphrase: ConfirmPassphrase }),
  'vault:status': NoPayload,
  'vault:setup': z.strictObject({ passphrase: Passphrase }),
  'vault:unlock': z.strictObject({ passphrase: OpeningPassphrase }),
  // With `tssId`, only that TSS's entries (its store's file, named after `store`); without, the whole vault.
  'vault:export-recovery': z.strictObject({ passphrase: OpeningPassphrase, destination: SaveDestination, tssId: Id.optional(), store: z.string().max(200).optional() }),
  // `passphrase` opens the file; `vaultPassphrase` must open this laptop's vault (checked in main). With
  // `newVault` (a laptop without a vault) it is the new vault's passphrase: main sets the vault up and imports.
  'vault:import-recovery': z.strictObject({ file: FileContent, passphrase: OpeningPassphrase, vaultPassphrase: OpeningPassphrase, newVault: z.literal(true).optional() }),
  'vault:restore-previous': z.strictObject({ passphrase: OpeningPassphrase }),
  'orgs:list': NoPayload,
  'orgs:save': z.strictObject({
    environment: z.enum(['test', 'live']),
    label: z.string().trim().min(1).max(100),
    apiKey: z.string().trim().min(1).max(200),
    apiSecret: z.string().min(1).max(500),
  }),
  // Checks a key and secret for any product by logging in once; nothing is stored.
  'orgs:check': z
    .strictObject({
      product: z.enum(productIds),
      environment: EnvironmentId,
      apiKey: z.string().trim().min(1).max(200),
      apiSecret: z.string().min(1).max(500),
      scope: z.string().regex(SCOPE_ID_PATTERN, 'must be an organization unit id').optional(),
    })
    .refine((check) => check.scope === undefined || check.product === 'unified', { path: ['scope'], error: 'only the Unified API has organization units' }),
  'print:printers': NoPayload,
  'files:location': z.strictObject({ store: z.string().max(200).optional() }).optional(),
  'files:choose': z.strictObject({ mode: z.enum(['file', 'folder']), defaultPath: AbsolutePath, filter: z.enum(fileFilters).optional() }),
  'files:list': z.strictObject({ path: AbsolutePath }),
  'files:show': z.strictObject({ path: AbsolutePath }),
  'log:write': z.strictObject({
    level: z.enum(['debug', 'info', 'warn', 'error']),
    message: z.string().min(1).max(RENDERER_LOG_LIMITS.message),
    context: z
      .record(z.string().max(RENDERER_LOG_LIMITS.key), z.union([z.string().max(RENDERER_LOG_LIMITS.value), z.number(), z.boolean(), z.null()]))
      .refine((context) => Object.keys(context).length <= RENDERER_LOG_LIMITS.contextKeys, { error: `at most ${RENDERER_LOG_LIMITS.contextKeys} facts` })
      .optional(),
  }),
  'support:bundle': z.strictObject({ destination: SaveDestination }).optional(),
  'activity:list': z
    .strictObject({
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(ACTIVITY_PAGE_SIZE.max).optional(),
    })
    .optional(),
} as const satisfies Record<CoreChannel, z.ZodType>;
