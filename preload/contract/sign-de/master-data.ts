import { z } from 'zod';
import { describeControlCharacter, findControlCharacter } from '../core/control-characters';
import { type Bundesland, bundeslandCodes, toElsterTaxNumber } from './tax-number';
import { EAS_KINDS } from './master-data-rules';

export { EAS_KINDS, addressLine, dueDate, isIsoDate } from './master-data-rules';

/**
 * What a store's § 146a(4) AO notification needs beyond the TSE (elster-146a-notification.md §2): the
 * taxpayer, the Betriebsstätte and, per till (EAS), its kind, software, maker and dates. No secrets: it goes
 * into plans, journals and the store record. Dates are ISO calendar dates (YYYY-MM-DD); the handover writes
 * them as TT.MM.JJJJ.
 */

const text = (max: number) =>
  z
    .string()
    .superRefine((value, ctx) => {
      const found = findControlCharacter(value);
      if (found) ctx.addIssue({ code: 'custom', message: describeControlCharacter(found) });
    })
    .trim()
    .min(1)
    .max(max);

export const IsoDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

export const EasKind = z.enum(EAS_KINDS);
export type EasKind = z.infer<typeof EasKind>;

export const Taxpayer = z
  .object({
    /** Name / Firma: also printed on every receipt (§ 6 KassenSichV). */
    legalName: text(200),
    /** The Steuernummer as printed on the tax assessment, or already in ELSTER form. */
    taxNumber: text(20),
    bundesland: z.enum(bundeslandCodes as [Bundesland, ...Bundesland[]]),
    vatId: z.string().trim().regex(/^DE[0-9]{9}$/, 'a German USt-IdNr is DE and 9 digits').optional(),
  })
  .superRefine((taxpayer, ctx) => {
    const result = toElsterTaxNumber(taxpayer.taxNumber, taxpayer.bundesland);
    if (!result.ok) ctx.addIssue({ code: 'custom', path: ['taxNumber'], message: `not a Steuernummer of ${taxpayer.bundesland} (${result.reason})` });
  });
export type Taxpayer = z.output<typeof Taxpayer>;

/** The Betriebsstätte: one notification each; its address is required even when it equals the taxpayer's. */
export const Establishment = z.object({
  designation: text(100).optional(),
  street: text(100),
  houseNumber: z.string().trim().regex(/^[0-9]{1,4}$/, 'a house number is 1–4 digits (letters go in the suffix)'),
  houseNumberSuffix: z.string().trim().regex(/^[A-Za-z0-9 -]{1,10}$/, 'a house number suffix is up to 10 letters or digits').optional(),
  postcode: z.string().trim().regex(/^[0-9]{5}$/, 'a German postcode is 5 digits'),
  town: text(100),
});
export type Establishment = z.output<typeof Establishment>;

/** Per till (EAS), besides its serial number (the fiskaly client serial_number, ClientPlan). DSFinV-K lengths. */
export const TillDetails = z.object({
  kind: EasKind.optional(),
  software: text(50).optional(),
  softwareVersion: text(50).optional(),
  manufacturer: text(50).optional(),
  model: text(50).optional(),
  /** Anschaffung: invoice, delivery note or lease start. The notification is due a month after it. */
  acquisitionDate: IsoDate.optional(),
  /** Inbetriebnahme in this Betriebsstätte; the commissioning run's date unless given. */
  commissioningDate: IsoDate.optional(),
});
export type TillDetails = z.output<typeof TillDetails>;

/** A till taken out of use (sale, disposal, theft, defect, relocation): notifiable. */
export const Decommissioning = z.object({
  date: IsoDate,
  reason: text(200),
});
export type Decommissioning = z.output<typeof Decommissioning>;

/** The store's master data as the plan carries it. */
export const StoreMasterData = z.object({
  taxpayer: Taxpayer,
  establishment: Establishment,
});
export type StoreMasterData = z.output<typeof StoreMasterData>;
