import { z } from 'zod';
import type { CoreChannel } from './channels';
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

/** The schema every core request payload must pass before a handler sees it. */
export const coreRequestSchemas = {
  'app:info': NoPayload,
  'settings:get': NoPayload,
  'settings:set': z.strictObject({ ...SettingsPatch.shape, passphrase: ConfirmPassphrase }),
  'vault:status': NoPayload,
  'vault:setup': z.strictObject({ passphrase: Passphrase }),
  'vault:unlock': z.strictObject({ passphrase: OpeningPassphrase }),
  'vault:export-recovery': z.strictObject({ passphrase: OpeningPassphrase }),
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
} as const satisfies Record<CoreChannel, z.ZodType>;
