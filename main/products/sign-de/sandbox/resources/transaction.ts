import { buildQrCodeData } from '../../tse';
import { ApiError } from '../api-error';
import { API_VERSION, middlewareId } from '../ids';
import { metadataField, metadataSchema } from '../metadata';
import type { Signature } from '../signing';
import type { SandboxState, TransactionRecord, TransactionState, TssRecord } from '../state';

/**
 * The transaction resource: its request schema (SPEC-2.2.2 `TxRequest`, written without `oneOf` so the
 * first validation error names the field that is wrong), how a stored revision is shown, and lookups.
 */

export const TX_STATES = ['ACTIVE', 'CANCELLED', 'FINISHED'] as const;
export const TX_ORDER_BY = ['number', 'state', 'time_start', 'time_end'] as const;
export const MAX_ACTIVE_TRANSACTIONS = 2000;
const SIGNATURE_ALGORITHM = 'ecdsa-plain-SHA256';
const TIMESTAMP_FORMAT = 'unixTime';

const amount = { type: 'string', pattern: '^-?\\d+(\\.\\d{2,5})$' } as const;

/** The receipt types and VAT rate names of `standard_v1` (V1 and V2 share them). */
export const RECEIPT_TYPES = ['RECEIPT', 'TRAINING', 'TRANSFER', 'ORDER', 'CANCELLATION', 'ABORT', 'BENEFIT_IN_KIND', 'INVOICE', 'OTHER', 'ANNULATION'] as const;
export const VAT_RATES = ['NORMAL', 'REDUCED_1', 'SPECIAL_RATE_1', 'SPECIAL_RATE_2', 'NULL'] as const;
export const PAYMENT_TYPES = ['CASH', 'NON_CASH'] as const;

const receiptSchema = {
  type: 'object',
  required: ['receipt_type', 'amounts_per_vat_rate'],
  properties: {
    receipt_type: { type: 'string', enum: RECEIPT_TYPES },
    amounts_per_vat_rate: {
      type: 'array',
      items: {
        type: 'object',
        required: ['vat_rate', 'amount'],
        properties: {
          // The numeric names are deprecated aliases the API still takes.
          vat_rate: { type: 'string', enum: [...VAT_RATES, '19', '7', '10.7', '5.5', '0'] },
          amount,
        },
      },
    },
    amounts_per_payment_type: {
      type: 'array',
      items: {
        type: 'object',
        required: ['payment_type', 'amount'],
        properties: {
          payment_type: { type: 'string', enum: PAYMENT_TYPES },
          amount,
          currency_code: { type: 'string', pattern: '^[a-zA-Z]{3}$', default: 'EUR' },
        },
      },
    },
  },
} as const;

const orderSchema = {
  type: 'object',
  required: ['line_items'],
  properties: {
    line_items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['quantity', 'text', 'price_per_unit'],
        properties: {
          quantity: { type: 'string', pattern: '^-?\\d+(\\.\\d{1,5})?$' },
          text: { type: 'string', maxLength: 255 },
          price_per_unit: amount,
        },
      },
    },
  },
} as const;

const txSchemaSchema = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    standard_v1: {
      type: 'object',
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: false,
      properties: { receipt: receiptSchema, order: orderSchema, other: { type: 'object' } },
    },
    // Accepted by the schema so the handler can say plainly that the sandbox does not sign taximeter data.
    dsfinvtw_v1: { type: 'object' },
    raw: {
      type: 'object',
      required: ['process_type', 'process_data'],
      properties: { process_type: { type: 'string' }, process_data: { type: 'string' } },
    },
  },
} as const;

export const upsertTransactionBody = {
  type: 'object',
  required: ['state', 'client_id'],
  properties: {
    state: { type: 'string', enum: TX_STATES },
    client_id: { type: 'string', format: 'uuid' },
    schema: txSchemaSchema,
    metadata: metadataSchema,
  },
} as const;

export interface UpsertTransactionBody {
  state: TransactionState;
  client_id: string;
  schema?: RequestSchema;
  metadata?: Record<string, string | null>;
}

export type RequestSchema = { standard_v1?: Record<string, unknown>; dsfinvtw_v1?: unknown; raw?: { process_type: string; process_data: string } };

/** A transaction is named by the caller's UUID or by the number the TSS gave it. */
export type TxRef = { id: string } | { number: number };

const TX_NUMBER = /^\d{1,16}$/;

/** Middleware routes (upsert) reject a malformed id with E_PARSER. */
export function middlewareTxRef(raw: string): TxRef {
  return TX_NUMBER.test(raw) ? { number: Number(raw) } : { id: middlewareId('tx_id', raw) };
}

/** Backend routes (retrieve, metadata, log) reject it as their schema validator does. */
export function backendTxRef(raw: string): TxRef {
  if (TX_NUMBER.test(raw)) return { number: Number(raw) };
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)) {
    throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', 'params.tx_id_or_number should match format "uuid"');
  }
  return { id: raw.toLowerCase() };
}

export const transactionKey = (tssId: string, txId: string): string => `${tssId}/${txId}`;

/**
 * What the state does not hold but every request needs fast: transactions by number and the ACTIVE count
 * per TSS. Built from the state on first use (so a loaded state file is indexed too) and keyed by the
 * transactions object, which a reset replaces.
 */
interface TransactionIndex {
  byNumber: Map<string, TransactionRecord>;
  active: Map<string, number>;
}

const indexes = new WeakMap<Record<string, TransactionRecord>, TransactionIndex>();

function indexOf(state: SandboxState): TransactionIndex {
  let index = indexes.get(state.transactions);
  if (!index) {
    index = { byNumber: new Map(), active: new Map() };
    for (const record of Object.values(state.transactions)) {
      index.byNumber.set(`${record.tssId}#${record.number}`, record);
      if (record.state === 'ACTIVE') index.active.set(record.tssId, (index.active.get(record.tssId) ?? 0) + 1);
    }
    indexes.set(state.transactions, index);
  }
  return index;
}

/** number_active_transactions of a TSS. */
export function activeTransactionCount(state: SandboxState, tssId: string): number {
  return indexOf(state).active.get(tssId) ?? 0;
}

export function addTransaction(state: SandboxState, record: TransactionRecord): void {
  const index = indexOf(state);
  state.transactions[transactionKey(record.tssId, record.id)] = record;
  index.byNumber.set(`${record.tssId}#${record.number}`, record);
  if (record.state === 'ACTIVE') index.active.set(record.tssId, (index.active.get(record.tssId) ?? 0) + 1);
}

/** Call whenever a transaction leaves ACTIVE. */
export function transactionEnded(state: SandboxState, record: TransactionRecord): void {
  const index = indexOf(state);
  index.active.set(record.tssId, Math.max(0, (index.active.get(record.tssId) ?? 0) - 1));
}

export function lookupTransaction(state: SandboxState, tss: TssRecord, ref: TxRef): TransactionRecord | undefined {
  return 'id' in ref ? state.transactions[transactionKey(tss.id, ref.id)] : indexOf(state).byNumber.get(`${tss.id}#${ref.number}`);
}

export function findTransaction(state: SandboxState, tss: TssRecord, ref: TxRef): TransactionRecord {
  const record = lookupTransaction(state, tss, ref);
  if (!record) throw new ApiError(404, 'E_TX_NOT_FOUND', 'Transaction not found');
  return record;
}

/**
 * A revision as GET shows it: as it was signed, with today's metadata and latest_revision. Without a
 * revision, the latest.
 */
export function transactionView(record: TransactionRecord, revision?: number): Record<string, unknown> {
  const latest = record.revisions.length;
  const wanted = revision ?? latest;
  const stored = record.revisions[wanted - 1];
  if (!stored) {
    throw new ApiError(400, 'E_TX_REVISION_NOT_FOUND', `Revision ${wanted} of this transaction does not exist: check latest_revision (${latest})`);
  }
  // Today's metadata (left out when empty) in its place before _type; the rest as signed.
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored.response)) {
    if (key === 'metadata') continue;
    if (key === '_type') Object.assign(view, metadataField(record.metadata));
    view[key] = key === 'latest_revision' ? latest : value;
  }
  return view;
}

/** `?tx_revision=` of a GET: a positive integer or absent. */
export function parseRevisionQuery(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', 'querystring.tx_revision should be integer');
  const value = Number(raw);
  if (value < 1) throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', 'querystring.tx_revision should be >= 1');
  if (!Number.isSafeInteger(value)) throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', 'querystring.tx_revision should be <= 9007199254740991');
  return value;
}

/** Sort keys of the list endpoints; a transaction still running sorts as if it ended now. */
export function transactionSortKey(record: TransactionRecord, orderBy: string): string | number {
  if (orderBy === 'state') return record.state;
  if (orderBy === 'time_start') return record.timeStart;
  if (orderBy === 'time_end') return (record.revisions.at(-1)?.response.time_end as number | undefined) ?? Number.MAX_SAFE_INTEGER;
  return record.number;
}

export interface SignedRevision {
  tss: TssRecord;
  record: TransactionRecord;
  clientSerialNumber: string;
  revision: number;
  /** The schema as the response shows it: {} at Start, else the request's with `raw` added. */
  schema: Record<string, unknown>;
  processType: string;
  processData: Uint8Array;
  signature: Signature;
}

const OPERATION_NAMES: Record<TransactionState, 'Update' | 'Finish'> = { ACTIVE: 'Update', FINISHED: 'Finish', CANCELLED: 'Finish' };

/**
 * The upsert response, fields in the order of SPEC-2.2.2's TxResponse. signature.counter is a number here,
 * unlike the TSS's string signature_counter: the middleware answers so (SPEC known issue, REAL).
 */
export function revisionResponse(signed: SignedRevision): Record<string, unknown> {
  const { tss, record, signature } = signed;
  const ended = record.state !== 'ACTIVE';
  return {
    number: record.number,
    time_start: record.timeStart,
    client_serial_number: signed.clientSerialNumber,
    tss_serial_number: tss.serialNumber,
    state: record.state,
    client_id: record.clientId,
    schema: signed.schema,
    revision: signed.revision,
    latest_revision: signed.revision,
    tss_id: tss.id,
    ...metadataField(record.metadata),
    _type: 'TRANSACTION',
    _id: record.id,
    _env: tss.env,
    _version: API_VERSION,
    ...(ended
      ? {
          time_end: signature.time,
          qr_code_data: buildQrCodeData({
            clientSerialNumber: signed.clientSerialNumber,
            processType: signed.processType,
            processData: Buffer.from(signed.processData).toString('utf8'),
            transactionNumber: record.number,
            signatureCounter: signature.counter,
            startTime: record.timeStart,
            logTime: signature.time,
            signatureAlgorithm: SIGNATURE_ALGORITHM,
            logTimeFormat: TIMESTAMP_FORMAT,
            signature: signature.value,
            publicKey: tss.publicKey,
          }),
        }
      : {}),
    log: { operation: signed.revision === 1 ? 'Start' : OPERATION_NAMES[record.state], timestamp: signature.time, timestamp_format: TIMESTAMP_FORMAT },
    signature: { value: signature.value, algorithm: SIGNATURE_ALGORITHM, counter: signature.counter, public_key: tss.publicKey },
  };
}

/** After an update or finish the API shows what was sent (defaults filled in) and the `raw` it signed. */
export function responseSchema(sent: RequestSchema, processType: string, processData: Uint8Array): Record<string, unknown> {
  const raw = { process_type: processType, process_data: Buffer.from(processData).toString('base64') };
  return sent.standard_v1 ? { standard_v1: sent.standard_v1, raw } : { raw };
}
