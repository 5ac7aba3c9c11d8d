import { createHash } from 'node:crypto';
import { ProcessDataError, type ProcessData, type TransactionSchema, processDataFromSchema } from '../../tse';
import { ApiError } from '../api-error';
import { type Caller, type RouteModule, type SandboxContext, callerOf } from '../context';
import { backendId } from '../ids';
import { listEnvelope, parseListQuery } from '../lists';
import { findClient, findTss } from '../lookups';
import { mergeMetadata, metadataSchema } from '../metadata';
import {
  MAX_ACTIVE_TRANSACTIONS,
  type RequestSchema,
  TX_ORDER_BY,
  TX_STATES,
  type UpsertTransactionBody,
  addTransaction,
  activeTransactionCount,
  backendTxRef,
  findTransaction,
  lookupTransaction,
  middlewareTxRef,
  parseRevisionQuery,
  responseSchema,
  revisionResponse,
  transactionEnded,
  transactionSortKey,
  transactionView,
  upsertTransactionBody,
} from '../resources/transaction';
import { signTransactionLog } from '../signing';
import type { ClientRecord, TransactionRecord, TssRecord } from '../state';
import { assertStates, idParams } from './tss';

interface TxParams {
  tss_id: string;
  tx_id_or_number: string;
}
type Query = Record<string, unknown>;

/** Transactions: upsert (#19), retrieve (#20), log (#21), lists (#18, #22, #23) and metadata (#24, #25). */
export const transactionRoutes: RouteModule = (app, ctx) => {
  app.put<{ Params: TxParams; Querystring: Query; Body: UpsertTransactionBody }>(
    '/api/v2/tss/:tss_id/tx/:tx_id_or_number',
    {
      schema: { body: upsertTransactionBody },
      // The middleware parses the ids before it looks at the body.
      preValidation: [idParams('middleware', 'tss_id'), async (request) => void middlewareTxRef(request.params.tx_id_or_number)],
    },
    async (request) => upsertTransaction(ctx, callerOf(request), request.params, request.query, request.body),
  );

  app.get<{ Params: TxParams; Querystring: Query }>('/api/v2/tss/:tss_id/tx/:tx_id_or_number', async (request) => {
    const record = findTransaction(ctx.state, tssOf(ctx, request.caller, request.params), backendTxRef(request.params.tx_id_or_number));
    return transactionView(record, parseRevisionQuery(request.query.tx_revision));
  });

  app.get<{ Params: TxParams; Querystring: Query }>('/api/v2/tss/:tss_id/tx/:tx_id_or_number/log', async (request, reply) => {
    const tss = tssOf(ctx, request.caller, request.params);
    const record = findTransaction(ctx.state, tss, backendTxRef(request.params.tx_id_or_number));
    const view = transactionView(record, parseRevisionQuery(request.query.tx_revision));
    const log = findLog(tss, (view.signature as { counter: number }).counter);
    return reply.type('application/octet-stream').send(Buffer.from(log, 'base64'));
  });

  app.get<{ Params: { tss_id: string }; Querystring: Query }>('/api/v2/tss/:tss_id/tx', async (request) => {
    const tss = findTss(ctx, request.caller, backendId('tss_id', request.params.tss_id));
    takeListBudget(ctx, tss);
    return transactionList(ctx, request.caller, request.query, (record) => record.tssId === tss.id);
  });

  app.get<{ Querystring: Query }>('/api/v2/tx', async (request) => transactionList(ctx, request.caller, request.query, () => true));

  app.get<{ Params: { tss_id: string; client_id: string }; Querystring: Query }>('/api/v2/tss/:tss_id/client/:client_id/tx', async (request) => {
    const tss = findTss(ctx, request.caller, backendId('tss_id', request.params.tss_id));
    const client = findClient(ctx, tss, backendId('client_id', request.params.client_id));
    takeListBudget(ctx, tss);
    // Since v2.1.32: the transactions whose latest revision belongs to the client.
    return transactionList(ctx, request.caller, request.query, (record) => record.tssId === tss.id && record.clientId === client.id);
  });

  app.get<{ Params: TxParams }>('/api/v2/tss/:tss_id/tx/:tx_id_or_number/metadata', async (request) => {
    return findTransaction(ctx.state, tssOf(ctx, request.caller, request.params), backendTxRef(request.params.tx_id_or_number)).metadata;
  });

  app.patch<{ Params: TxParams; Body: Record<string, string | null> }>(
    '/api/v2/tss/:tss_id/tx/:tx_id_or_number/metadata',
    { schema: { body: metadataSchema } },
    async (request) => {
      const record = findTransaction(ctx.state, tssOf(ctx, request.caller, request.params), backendTxRef(request.params.tx_id_or_number));
      record.metadata = mergeMetadata(record.metadata, request.body);
      ctx.persist();
      return record.metadata;
    },
  );
};

/** listTransactions: 20 requests a minute per TSS (v2.2.2), every transaction list of the TSS together. */
function takeListBudget(ctx: SandboxContext, tss: TssRecord): void {
  ctx.limits.take(`list-tx:${tss.id}`, ctx.options.limits.listTransactionsPerMinute, 'Listing the transactions of a TSS');
}

function tssOf(ctx: SandboxContext, caller: Caller, params: { tss_id: string }): TssRecord {
  return findTss(ctx, caller, backendId('tss_id', params.tss_id));
}

function transactionList(ctx: SandboxContext, caller: Caller, query: Query, include: (record: TransactionRecord) => boolean) {
  const list = parseListQuery(query, TX_ORDER_BY, 'number');
  assertStates(list.states, TX_STATES);
  const records = Object.values(ctx.state.transactions).filter((record) => record.organizationId === caller.organization.id && include(record));
  const envelope = listEnvelope('TRANSACTION_LIST', caller.organization.env, records, list, transactionSortKey);
  return { ...envelope, data: envelope.data.map((record) => transactionView(record)) };
}

/** The stored log file with this signature counter; logs are kept in counter order. */
function findLog(tss: TssRecord, counter: number): string {
  let [low, high] = [0, tss.logs.length - 1];
  while (low <= high) {
    const middle = (low + high) >> 1;
    const log = tss.logs[middle]!;
    if (log.counter === counter) return log.file;
    if (log.counter < counter) low = middle + 1;
    else high = middle - 1;
  }
  throw new ApiError(404, 'E_LOG_NOT_FOUND', 'The signed log of this revision was not found');
}

function upsertTransaction(ctx: SandboxContext, caller: Caller, params: TxParams, query: Query, body: UpsertTransactionBody) {
  const tss = findTss(ctx, caller, params.tss_id);
  const ref = middlewareTxRef(params.tx_id_or_number);
  // The spec marks tx_revision optional while its prose demands it; without one the call is the next revision.
  const requested = parseRevisionQuery(query.tx_revision);
  const clientId = body.client_id.toLowerCase();
  const requestHash = hashOf({ ...body, client_id: clientId });
  const existing = lookupTransaction(ctx.state, tss, ref);

  // A repeated revision is the client retrying after a lost answer: the same body gets the same answer.
  if (existing && requested !== undefined && requested <= existing.revisions.length) {
    const stored = existing.revisions[requested - 1]!;
    if (stored.requestHash === requestHash) return stored.response;
    if (requested === 1) {
      throw new ApiError(409, 'E_PENDING_TX_CONFLICT', `A transaction with the ID ${existing.id} already exists on this TSS (number ${existing.number}): generate a new tx_id for a new transaction`);
    }
    throw new ApiError(400, 'E_TX_UPSERT', `Revision ${requested} of transaction ${existing.number} already exists with a different request body: the next revision is ${existing.revisions.length + 1}`);
  }
  if (!existing && 'number' in ref) throw new ApiError(404, 'E_TX_NOT_FOUND', `Transaction number ${ref.number} not found: a transaction starts with its UUID`);

  requireSigningTss(tss);
  const client = signingClient(ctx, tss, clientId);
  const context: UpsertContext = { ctx, tss, client, body, requestHash };
  if (existing) return continueTransaction(context, existing, requested ?? existing.revisions.length + 1);
  return startTransaction(context, (ref as { id: string }).id, requested ?? 1);
}

interface UpsertContext {
  ctx: SandboxContext;
  tss: TssRecord;
  client: ClientRecord;
  body: UpsertTransactionBody;
  requestHash: string;
}

function startTransaction({ ctx, tss, client, body, requestHash }: UpsertContext, txId: string, revision: number) {
  if (revision !== 1) throw new ApiError(400, 'E_TX_UPSERT', `Transaction ${txId} does not exist yet: start it with tx_revision=1`);
  if (body.state !== 'ACTIVE') throw new ApiError(400, 'E_TX_UPSERT', `A transaction starts in state ACTIVE; it can become ${body.state} from tx_revision=2 on`);
  if (body.schema !== undefined) {
    throw new ApiError(400, 'E_TX_UPSERT', 'The type and data of a transaction must be empty at its start (DSFinV-K): send the schema from tx_revision=2 on');
  }
  if (activeTransactionCount(ctx.state, tss.id) >= MAX_ACTIVE_TRANSACTIONS) {
    throw new ApiError(400, 'E_TX_LIMIT_REACHED', `The TSS already has ${MAX_ACTIVE_TRANSACTIONS} ACTIVE transactions: finish or cancel some of them first`);
  }
  const metadata = mergeMetadata({}, body.metadata);
  const number = tss.transactionCounter + 1;
  const processData = new Uint8Array();
  const signature = signTransactionLog(ctx, tss, {
    operationType: 'StartTransaction',
    clientId: client.serialNumber,
    processType: '',
    processData,
    transactionNumber: number,
  });
  tss.transactionCounter = number;
  const record: TransactionRecord = {
    id: txId,
    tssId: tss.id,
    organizationId: tss.organizationId,
    number,
    clientId: client.id,
    state: 'ACTIVE',
    timeStart: signature.time,
    metadata,
    revisions: [],
  };
  const response = revisionResponse({ tss, record, clientSerialNumber: client.serialNumber, revision, schema: {}, processType: '', processData, signature });
  record.revisions.push({ revision, requestHash, response });
  addTransaction(ctx.state, record);
  ctx.persist();
  return response;
}

function continueTransaction({ ctx, tss, client, body, requestHash }: UpsertContext, record: TransactionRecord, revision: number) {
  const latest = record.revisions.length;
  if (record.state !== 'ACTIVE') {
    throw new ApiError(400, 'E_TX_UPSERT', `Transaction ${record.number} is ${record.state}: a finished or cancelled transaction cannot change`);
  }
  if (revision !== latest + 1) {
    throw new ApiError(400, 'E_TX_UPSERT', `tx_revision must be ${latest + 1} (the latest_revision is ${latest}), not ${revision}`);
  }
  const previous = record.revisions[latest - 1]!.response.schema as Record<string, unknown>;
  let process = currentProcess(previous);
  let schema = previous;
  if (body.schema !== undefined) {
    process = processOf(body.schema);
    if (record.processType !== undefined && process.processType !== record.processType) {
      throw new ApiError(409, 'E_TX_ILLEGAL_TYPE_CHANGE', `The process type of this transaction is ${record.processType}; it cannot change to ${process.processType}`);
    }
    schema = responseSchema(body.schema, process.processType, process.processData);
  }
  if (body.state !== 'ACTIVE' && process.processType === '') {
    throw new ApiError(409, 'E_TX_NO_TYPE_DEFINED', `A transaction cannot be ${body.state} without a type: send a schema (standard_v1 or raw) with this or an earlier revision`);
  }
  const metadata = mergeMetadata(record.metadata, body.metadata);
  const signature = signTransactionLog(ctx, tss, {
    operationType: body.state === 'ACTIVE' ? 'UpdateTransaction' : 'FinishTransaction',
    clientId: client.serialNumber,
    processType: process.processType,
    processData: process.processData,
    transactionNumber: record.number,
  });
  Object.assign(record, { clientId: client.id, state: body.state, metadata });
  if (process.processType !== '') record.processType = process.processType;
  if (body.state !== 'ACTIVE') transactionEnded(ctx.state, record);
  const response = revisionResponse({ tss, record, clientSerialNumber: client.serialNumber, revision, schema, ...process, signature });
  record.revisions.push({ revision, requestHash, response });
  ctx.persist();
  return response;
}

function requireSigningTss(tss: TssRecord): void {
  if (tss.state === 'INITIALIZED') return;
  if (tss.state === 'DISABLED') throw new ApiError(400, 'E_TSS_DISABLED', 'The TSS is DISABLED and signs no more transactions');
  throw new ApiError(400, 'E_TSS_NOT_INITIALIZED', `The TSS is ${tss.state}: it signs transactions once it is INITIALIZED`);
}

/** Unknown or foreign clients are a 400 here, not a 404 (since v2.1.10). */
function signingClient(ctx: SandboxContext, tss: TssRecord, clientId: string): ClientRecord {
  const client = ctx.state.clients[clientId];
  if (!client || client.tssId !== tss.id) throw new ApiError(400, 'E_CLIENT_NOT_FOUND', `Client ${clientId} not found on this TSS`);
  if (client.state !== 'REGISTERED') {
    throw new ApiError(400, 'E_CLIENT_DEREGISTERED', `Client ${clientId} is DEREGISTERED: register it again before it signs transactions`);
  }
  return client;
}

/** processType and processData the previous revision signed, read back from its `raw`. */
function currentProcess(schema: Record<string, unknown>): ProcessData {
  const raw = schema.raw as { process_type: string; process_data: string } | undefined;
  return raw
    ? { processType: raw.process_type, processData: new Uint8Array(Buffer.from(raw.process_data, 'base64')) }
    : { processType: '', processData: new Uint8Array() };
}

function processOf(schema: RequestSchema): ProcessData {
  if (schema.dsfinvtw_v1 !== undefined) {
    throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', 'body.schema.dsfinvtw_v1 is not supported by the sandbox: use standard_v1 or raw');
  }
  if (schema.raw?.process_type.includes(';')) {
    // The QR code separates its fields with ";": such a type would make every receipt unreadable.
    throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', 'body.schema.raw.process_type should not contain ";"');
  }
  try {
    return processDataFromSchema(schema as TransactionSchema);
  } catch (error) {
    if (!(error instanceof ProcessDataError)) throw error;
    const path = error.path.startsWith('raw') || error.path.startsWith('standard_v1') ? error.path : `standard_v1.${error.path}`;
    throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', `body.schema.${path} ${error.message.slice(error.path.length + 2)}`);
  }
}

/** Key order and the client id's case do not make two requests different. */
function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('base64');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
