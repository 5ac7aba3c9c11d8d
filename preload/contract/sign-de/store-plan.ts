import { z } from 'zod';
import { describeControlCharacter, findControlCharacter } from '../core/control-characters';
import { StoreMasterData, TillDetails } from './master-data';
import {
  CLIENT_SERIAL_PATTERN,
  MAX_CLIENTS,
  MAX_PIN_LENGTH,
  MIN_PIN_LENGTH,
  STORE_ADDRESS_MAX,
  STORE_NAME_MAX,
  TSS_DESCRIPTION_PATTERN,
  serialKey,
} from './store-rules';

/** Refuses control and text-direction characters (core/control-characters.ts), before any trimming hides them. */
const noControlCharacters =
  (options: { lineBreaks?: boolean } = {}) =>
  (value: string, ctx: z.RefinementCtx) => {
    const found = findControlCharacter(value, options);
    if (found) ctx.addIssue({ code: 'custom', message: describeControlCharacter(found) });
  };

/** One till (EAS): its serial number (the fiskaly client serial_number, in the QR, DSFinV-K and ELSTER) and its notification details. */
export const ClientPlan = TillDetails.extend({
  serialNumber: z
    .string()
    .regex(CLIENT_SERIAL_PATTERN, "a client serial number is 1–70 letters, digits, spaces or ' ( ) + , - . : = ?, with no / or _ and no space at either end"),
});
export type ClientPlan = z.output<typeof ClientPlan>;

/** One store's provisioning plan, as the wizard, the CLI and plan files give it. */
export const StorePlan = z
  .object({
    /** A name the technician recognizes: it labels the vault entries, the receipt and the reports. */
    storeName: z.string().superRefine(noControlCharacters()).trim().min(1, 'every store needs a name').max(STORE_NAME_MAX),
    /** Seller name and address as printed on receipts (KassenSichV §6). */
    storeAddress: z.string().superRefine(noControlCharacters({ lineBreaks: true })).trim().max(STORE_ADDRESS_MAX).optional(),
    environment: z.enum(['sandbox', 'test', 'live']),
    /** Taxpayer and Betriebsstätte for the § 146a(4) AO notification; required in TEST and LIVE. */
    masterData: StoreMasterData.optional(),
    tssDescription: z.string().regex(TSS_DESCRIPTION_PATTERN, "a TSS description is up to 100 letters, digits, spaces or ' ( ) + , - . / : = ?").optional(),
    clients: z.array(ClientPlan).min(1, 'a store needs at least one client').max(MAX_CLIENTS, `a TSS takes at most ${MAX_CLIENTS} clients`),
    testReceipt: z.boolean().default(true),
    /** The technician's own admin PIN; otherwise one is generated. Never written to the journal. */
    adminPin: z.string().min(MIN_PIN_LENGTH, `the admin PIN needs at least ${MIN_PIN_LENGTH} characters`).max(MAX_PIN_LENGTH).optional(),
  })
  .superRefine((plan, ctx) => {
    if (plan.environment !== 'sandbox' && !plan.masterData) {
      ctx.addIssue({ code: 'custom', path: ['masterData'], message: 'a TEST or LIVE store needs its taxpayer and Betriebsstätte (for the tax notification and the receipt)' });
    }
    const seen = new Set<string>();
    plan.clients.forEach((client, index) => {
      const key = serialKey(client.serialNumber);
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['clients', index, 'serialNumber'], message: `the serial number ${client.serialNumber} appears twice` });
      }
      seen.add(key);
    });
  });
export type StorePlan = z.output<typeof StorePlan>;
export type StorePlanInput = z.input<typeof StorePlan>;
