import { z } from 'zod';

/**
 * What the app reads from SIGN DE, normalized. Both field shapes seen in the wild are accepted (counters as
 * strings or numbers, optional fields missing), and a TSS state this version does not know is kept as is.
 */
const counter = z.union([z.string(), z.number(), z.bigint()]).transform((v) => String(v));
const metadata = z.record(z.string(), z.string()).catch({});

export const KNOWN_TSS_STATES = ['CREATED', 'UNINITIALIZED', 'INITIALIZED', 'DISABLED', 'DELETED', 'DEFECTIVE', 'EVICTED'] as const;

export const TssSchema = z
  .object({
    _id: z.string(),
    _env: z.string().optional(),
    state: z.string(),
    description: z.string().optional(),
    serial_number: z.string(),
    public_key: z.string(),
    certificate: z.string().optional(),
    signature_algorithm: z.string().optional(),
    signature_counter: counter.optional(),
    transaction_counter: counter.optional(),
    number_registered_clients: z.number().optional(),
    number_active_transactions: z.number().optional(),
    max_number_registered_clients: z.number().optional(),
    max_number_active_transactions: z.number().optional(),
    bsi_certification_id: z.string().optional(),
    time_creation: z.number().optional(),
    time_uninit: z.number().optional(),
    time_init: z.number().optional(),
    time_disable: z.number().optional(),
    admin_puk: z.string().optional(),
    metadata: metadata.optional(),
  })
  .transform((t) => ({
    id: t._id,
    env: t._env,
    state: t.state,
    known: (KNOWN_TSS_STATES as readonly string[]).includes(t.state),
    description: t.description,
    serialNumber: t.serial_number,
    publicKey: t.public_key,
    certificate: t.certificate,
    signatureAlgorithm: t.signature_algorithm ?? 'ecdsa-plain-SHA256',
    signatureCounter: t.signature_counter ?? null,
    transactionCounter: t.transaction_counter ?? null,
    registeredClients: t.number_registered_clients ?? 0,
    activeTransactions: t.number_active_transactions ?? 0,
    maxRegisteredClients: t.max_number_registered_clients ?? 199,
    maxActiveTransactions: t.max_number_active_transactions ?? 2000,
    bsiCertificationId: t.bsi_certification_id,
    timeCreation: t.time_creation,
    timeUninit: t.time_uninit,
    timeInit: t.time_init,
    timeDisable: t.time_disable,
    adminPuk: t.admin_puk,
    metadata: t.metadata ?? {},
  }));
export type Tss = z.output<typeof TssSchema>;

export const ClientSchema = z
  .object({
    _id: z.string(),
    tss_id: z.string(),
    serial_number: z.string(),
    state: z.string(),
    time_creation: z.number().optional(),
    time_update: z.number().optional(),
    metadata: metadata.optional(),
  })
  .transform((c) => ({
    id: c._id,
    tssId: c.tss_id,
    serialNumber: c.serial_number,
    state: c.state,
    timeCreation: c.time_creation,
    timeUpdate: c.time_update,
    metadata: c.metadata ?? {},
  }));
export type Client = z.output<typeof ClientSchema>;

export const TransactionSchema = z
  .object({
    _id: z.string(),
    tss_id: z.string(),
    tss_serial_number: z.string().optional(),
    client_id: z.string(),
    client_serial_number: z.string().optional(),
    state: z.string(),
    number: z.union([z.number(), z.string()]).transform(Number),
    revision: z.number().optional(),
    latest_revision: z.number().optional(),
    time_start: z.number().optional(),
    time_end: z.number().optional(),
    schema: z.record(z.string(), z.unknown()).optional(),
    log: z.object({ operation: z.string(), timestamp: z.number(), timestamp_format: z.string().optional() }).partial().optional(),
    signature: z
      .object({ value: z.string(), algorithm: z.string(), counter, public_key: z.string() })
      .partial()
      .optional(),
    qr_code_data: z.string().optional(),
    metadata: metadata.optional(),
  })
  .transform((t) => ({
    id: t._id,
    tssId: t.tss_id,
    tssSerialNumber: t.tss_serial_number,
    clientId: t.client_id,
    clientSerialNumber: t.client_serial_number,
    state: t.state,
    number: t.number,
    revision: t.revision ?? 1,
    latestRevision: t.latest_revision ?? t.revision ?? 1,
    timeStart: t.time_start,
    timeEnd: t.time_end,
    schema: t.schema,
    log: t.log,
    signature: t.signature,
    qrCodeData: t.qr_code_data,
    metadata: t.metadata ?? {},
  }));
export type Transaction = z.output<typeof TransactionSchema>;

export const ExportSchema = z
  .object({
    _id: z.string(),
    tss_id: z.string(),
    state: z.string(),
    exception: z.string().optional(),
    time_request: z.number().optional(),
    time_start: z.number().optional(),
    time_end: z.number().optional(),
    time_expiration: z.number().optional(),
    time_error: z.number().optional(),
    /** Unix seconds; fiskaly's estimate while PENDING or WORKING (absent for small exports). */
    estimated_time_of_completion: z.number().nullable().optional(),
  })
  .transform((e) => ({
    id: e._id,
    tssId: e.tss_id,
    state: e.state,
    exception: e.exception,
    timeRequest: e.time_request,
    timeStart: e.time_start,
    timeEnd: e.time_end,
    timeExpiration: e.time_expiration,
    timeError: e.time_error,
    estimatedCompletion: e.estimated_time_of_completion ?? undefined,
  }));
export type Export = z.output<typeof ExportSchema>;

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), count: z.number().optional() }).transform((l) => ({ items: l.data, count: l.count ?? l.data.length }));
