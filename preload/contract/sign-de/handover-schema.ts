import { z } from 'zod';
import { HANDOVER_SCHEMA, type Elster146aHandover } from './handover';

/**
 * The `elster146a-handover/2` JSON as a schema (handover.ts): strict objects, every key required, null only
 * where the type allows it. Dates TT.MM.JJJJ; the tax number in its 13-digit ELSTER form.
 */
const germanDate = z.string().regex(/^(0[1-9]|[12][0-9]|3[01])\.(0[1-9]|1[0-2])\.[0-9]{4}$/, 'a date TT.MM.JJJJ');
const nullableText = z.string().min(1).nullable();
const env = z.enum(['SANDBOX', 'TEST', 'LIVE']);

export const HandoverTseSchema = z.strictObject({
  serial_number: z.string(),
  bsi_certification_id: nullableText,
  activation_date: germanDate.nullable(),
  art: z.literal('3'),
});

export const HandoverEasSchema = z.strictObject({
  art: z.enum(['1', '2', '3', '4', '5']).nullable(),
  software: nullableText,
  software_version: nullableText,
  serial_number: z.string().min(1),
  manufacturer: nullableText,
  model: nullableText,
  acquisition_date: germanDate.nullable(),
  commissioning_date: germanDate.nullable(),
  decommissioning_date: germanDate.nullable(),
  decommissioning_reason: nullableText,
  tse: HandoverTseSchema,
  fiskaly: z.strictObject({ tss_id: z.string().min(1), client_id: z.string().min(1), env }),
});

export const Elster146aHandoverSchema = z.strictObject({
  schema: z.literal(HANDOVER_SCHEMA),
  generated_at: z.iso.datetime({ offset: true }),
  taxpayer: z.strictObject({
    name: nullableText,
    tax_number_elster: z.string().regex(/^[0-9]{4}0[0-9]{8}$/, 'the 13-digit ELSTER tax number').nullable(),
    bundesland: nullableText,
    vat_id: nullableText,
  }),
  establishment: z.strictObject({
    designation: nullableText,
    street: nullableText,
    house_number: nullableText,
    house_number_suffix: nullableText,
    zip_code: nullableText,
    town: nullableText,
    eas_count: z.number().int().min(0),
    decommissioning_date: germanDate.nullable(),
  }),
  eas: z.array(HandoverEasSchema),
  test_postings: z.array(
    z.strictObject({
      transaction_number: z.number().int().min(0),
      signature_counter: nullableText,
      client_serial_number: z.string().min(1),
      time: z.iso.datetime({ offset: true }),
      env,
    }),
  ),
  replaced_tse: z
    .strictObject({
      serial_number: nullableText,
      bsi_certification_id: nullableText,
      activation_date: germanDate.nullable(),
      decommissioning_date: germanDate.nullable(),
      decommissioning_reason: nullableText,
      art: z.literal('3'),
      fiskaly: z.strictObject({ tss_id: z.string().min(1), api: z.literal('v1'), env }),
      export: z.strictObject({ file: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
      tills: z.array(
        z.strictObject({ serial_number: z.string().min(1), v1_serial_number: nullableText, v1_client_id: z.string().min(1), v2_client_id: z.string().min(1) }),
      ),
    })
    .nullable(),
  due_date: germanDate.nullable(),
});

// What the schema accepts is an Elster146aHandover, with the same keys: a drift fails the typecheck.
type Parsed = z.output<typeof Elster146aHandoverSchema>;
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
export const schemaMatchesType: Parsed extends Elster146aHandover ? SameKeys<Parsed, Elster146aHandover> : never = true;
