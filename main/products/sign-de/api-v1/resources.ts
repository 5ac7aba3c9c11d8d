import { z } from 'zod';

/**
 * What the app reads from SIGN DE V1 (kassensichv.io/api/v1), normalized. No V1 OpenAPI document and no
 * recorded V1 answer is public: the shapes are rebuilt from fiskaly's SDKs and from code that parsed real
 * V1 answers (MEWS, XENTRAL). So only what a migration cannot do without is required; everything else is
 * optional, and a state this version does not know is kept as it came.
 */

/** Counters are numbers in V1 parsers, strings in V2; read both. */
const counter = z.union([z.string(), z.number(), z.bigint()]).transform((v) => String(v));
const seconds = z.number().nullable().optional();

/** V1 had these three only; CREATED (and PIN/PUK) came with V2 [CHLOG]. */
export const V1_TSS_STATES = ['UNINITIALIZED', 'INITIALIZED', 'DISABLED'] as const;

export const V1TssSchema = z
  .object({
    _id: z.string().min(1),
    _type: z.string().optional(),
    _env: z.string().optional(),
    // VERIFY: the `_version` string's format.
    _version: z.string().optional(),
    state: z.string(),
    description: z.string().nullable().optional(),
    time_creation: seconds,
    time_init: seconds,
    // VERIFY: that disabling sets `time_disable` (MEWS reads the field; being set on disable is inferred).
    time_disable: seconds,
    // VERIFY: the formats of `certificate` (PEM or base64 DER) and `certificate_serial`.
    certificate: z.string().nullable().optional(),
    certificate_serial: z.string().nullable().optional(),
    public_key: z.string().nullable().optional(),
    signature_counter: counter.nullable().optional(),
    // VERIFY: whether `signature_algorithm` and `signature_timestamp_format` used V2's values.
    signature_algorithm: z.string().nullable().optional(),
    signature_timestamp_format: z.string().nullable().optional(),
    transaction_counter: counter.nullable().optional(),
  })
  .transform((t) => ({
    id: t._id,
    env: t._env,
    version: t._version,
    state: t.state,
    known: (V1_TSS_STATES as readonly string[]).includes(t.state),
    description: t.description ?? undefined,
    timeCreation: t.time_creation ?? undefined,
    timeInit: t.time_init ?? undefined,
    timeDisable: t.time_disable ?? undefined,
    certificate: t.certificate ?? undefined,
    certificateSerial: t.certificate_serial ?? undefined,
    publicKey: t.public_key ?? undefined,
    signatureCounter: t.signature_counter ?? null,
    signatureAlgorithm: t.signature_algorithm ?? undefined,
    signatureTimestampFormat: t.signature_timestamp_format ?? undefined,
    transactionCounter: t.transaction_counter ?? null,
  }));
export type V1Tss = z.output<typeof V1TssSchema>;

/** A V1 client has no state (no REGISTERED/DEREGISTERED: new in V2 [CHLOG]); it just stops being used. */
export const V1ClientSchema = z
  .object({
    _id: z.string().min(1),
    _env: z.string().optional(),
    tss_id: z.string(),
    // VERIFY: V1's serial-number rules are unknown; a V1 serial may be invalid in V2.
    serial_number: z.string(),
    time_creation: seconds,
    time_update: seconds,
  })
  .transform((c) => ({
    id: c._id,
    env: c._env,
    tssId: c.tss_id,
    serialNumber: c.serial_number,
    timeCreation: c.time_creation ?? undefined,
    timeUpdate: c.time_update ?? undefined,
  }));
export type V1Client = z.output<typeof V1ClientSchema>;

export const V1TransactionSchema = z
  .object({
    _id: z.string().min(1),
    _env: z.string().optional(),
    tss_id: z.string(),
    client_id: z.string(),
    client_serial_number: z.string().nullable().optional(),
    certificate_serial: z.string().nullable().optional(),
    number: z.union([z.number(), z.string()]).transform(Number),
    state: z.string(),
    time_start: seconds,
    time_end: seconds,
    revision: z.number().int().optional(),
    latest_revision: z.number().int().optional(),
    schema: z.record(z.string(), z.unknown()).nullable().optional(),
    // VERIFY: `log.timestamp_format`: XENTRAL defaults to `utcTime` where V2 answers `unixTime`.
    log: z.object({ operation: z.string(), timestamp: z.number(), timestamp_format: z.string() }).partial().nullable().optional(),
    signature: z
      .object({ value: z.string(), algorithm: z.string(), counter, public_key: z.string() })
      .partial()
      .nullable()
      .optional(),
    qr_code_data: z.string().nullable().optional(),
    metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .transform((t) => ({
    id: t._id,
    env: t._env,
    tssId: t.tss_id,
    clientId: t.client_id,
    clientSerialNumber: t.client_serial_number ?? undefined,
    certificateSerial: t.certificate_serial ?? undefined,
    number: t.number,
    state: t.state,
    timeStart: t.time_start ?? undefined,
    timeEnd: t.time_end ?? undefined,
    /** XENTRAL copies `revision`/`latest_revision` from the previous answer; the later of the two is the one to send. */
    revision: t.revision ?? t.latest_revision ?? 1,
    latestRevision: Math.max(t.latest_revision ?? 0, t.revision ?? 0) || 1,
    schema: t.schema ?? undefined,
    log: t.log ?? undefined,
    signature: t.signature ?? undefined,
    qrCodeData: t.qr_code_data ?? undefined,
  }));
export type V1Transaction = z.output<typeof V1TransactionSchema>;

/**
 * VERIFY: V1's export states and the meaning of `href` were not seen; V2's states are PENDING, WORKING,
 * COMPLETED, CANCELLED, ERROR [V2REF §5.4] and are taken to hold for V1.
 */
export const V1ExportSchema = z
  .object({
    _id: z.string().min(1),
    _env: z.string().optional(),
    tss_id: z.string(),
    state: z.string(),
    href: z.string().nullable().optional(),
    exception: z.string().nullable().optional(),
    time_request: seconds,
    time_start: seconds,
    time_end: seconds,
    time_expiration: seconds,
    time_error: seconds,
  })
  .transform((e) => ({
    id: e._id,
    env: e._env,
    tssId: e.tss_id,
    state: e.state,
    href: e.href ?? undefined,
    exception: e.exception ?? undefined,
    timeRequest: e.time_request ?? undefined,
    timeStart: e.time_start ?? undefined,
    timeEnd: e.time_end ?? undefined,
    timeExpiration: e.time_expiration ?? undefined,
    timeError: e.time_error ?? undefined,
  }));
export type V1Export = z.output<typeof V1ExportSchema>;

/** An export in one of these states will not complete any more. */
export const V1_EXPORT_FAILED_STATES = ['CANCELLED', 'ERROR'] as const;

/**
 * A V1 list: `{"data":[…]}` [XENTRAL, SDK-V1 swift], `_type` e.g. `TSS_LIST` [SDK-V0]. VERIFY: whether V1
 * sends `count`; without it the pages run until a short one.
 */
export const v1ListOf = <T extends z.ZodType>(item: T) =>
  z
    .object({ _type: z.string().optional(), data: z.array(item), count: z.number().int().nonnegative().optional() })
    .transform((l) => ({ items: l.data, count: l.count ?? null }));
