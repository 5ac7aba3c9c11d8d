import { ApiError } from '../../api-error';
import { PAYMENT_TYPES, RECEIPT_TYPES, VAT_RATES } from '../../resources/transaction';
import type { RouteModule, SandboxContext } from '../../context';
import { v1List, v1ListQuery } from '../lists';
import { findV1Tss, v1Id, v1State } from '../lookups';
import type { V1TransactionRecord } from '../state';
import { txKey } from '../state';
import { type V1TransactionBody, parseLastRevision, upsertV1Transaction } from '../transaction-upsert';
import { transactionView } from '../views';

const amount = { type: 'string', pattern: '^-?\\d{1,12}\\.\\d{2,5}$' } as const;
/** §4.3 (MEWS enums). VERIFY: the exact V1 schema; `raw` is accepted as in V2. */
const schemaSchema = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    standard_v1: {
      type: 'object',
      required: ['receipt'],
      properties: {
        receipt: {
          type: 'object',
          required: ['receipt_type', 'amounts_per_vat_rate'],
          properties: {
            receipt_type: { type: 'string', enum: RECEIPT_TYPES },
            amounts_per_vat_rate: {
              type: 'array',
              maxItems: 5,
              items: {
                type: 'object',
                required: ['vat_rate', 'amount'],
                properties: { vat_rate: { type: 'string', enum: VAT_RATES }, amount },
              },
            },
            amounts_per_payment_type: {
              type: 'array',
              maxItems: 50,
              items: {
                type: 'object',
                required: ['payment_type', 'amount'],
                properties: { payment_type: { type: 'string', enum: PAYMENT_TYPES }, amount, currency_code: { type: 'string', pattern: '^[A-Z]{3}$' } },
              },
            },
          },
        },
      },
    },
    raw: {
      type: 'object',
      required: ['process_type', 'process_data'],
      properties: { process_type: { type: 'string', maxLength: 30 }, process_data: { type: 'string', maxLength: 100_000 } },
    },
  },
} as const;

const putBody = {
  type: 'object',
  required: ['state', 'client_id'],
  properties: {
    state: { type: 'string', enum: ['ACTIVE', 'FINISHED', 'CANCELLED'] },
    client_id: { type: 'string', format: 'uuid' },
    schema: schemaSchema,
    metadata: { type: 'object', maxProperties: 20, additionalProperties: { type: 'string', maxLength: 500 } },
  },
} as const;

const ORDER_BY = ['number', 'time_start', 'time_end', 'state'] as const;
const STATES = ['ACTIVE', 'FINISHED', 'CANCELLED'] as const;
const sortKey = (tx: V1TransactionRecord, orderBy: string): string | number =>
  orderBy === 'time_start' ? tx.timeStart : orderBy === 'time_end' ? (tx.timeEnd ?? 0) : orderBy === 'state' ? tx.state : tx.number;

interface TxParams {
  tss_id: string;
  tx_id: string;
}

/** #7 PUT and #8 GET /tss/{tss_id}/tx/{tx_id}; #9 GET /tss/{tss_id}/tx and GET /tx. */
export const v1TransactionRoutes: RouteModule = (app, ctx) => {
  app.put<{ Params: TxParams; Querystring: Record<string, unknown>; Body: V1TransactionBody }>('/tss/:tss_id/tx/:tx_id', { schema: { body: putBody } }, async (request) => {
    const tss = findV1Tss(ctx, request.caller, request.params.tss_id);
    const txId = v1Id('tx_id', request.params.tx_id);
    const record = upsertV1Transaction(ctx, tss, txId, request.body, parseLastRevision(request.query.last_revision));
    return view(ctx, record);
  });

  app.get<{ Params: TxParams }>('/tss/:tss_id/tx/:tx_id', async (request) => {
    const tss = findV1Tss(ctx, request.caller, request.params.tss_id);
    const record = v1State(ctx).transactions[txKey(tss.id, v1Id('tx_id', request.params.tx_id))];
    if (!record) throw new ApiError(404, 'E_TX_NOT_FOUND', 'Transaction not found');
    return view(ctx, record);
  });

  // VERIFY (§3 #9): the state filter; `states[]` is read as on the other lists.
  app.get<{ Params: { tss_id: string }; Querystring: Record<string, unknown> }>('/tss/:tss_id/tx', async (request) => {
    const tss = findV1Tss(ctx, request.caller, request.params.tss_id);
    return list(ctx, request.caller, request.query, (tx) => tx.tssId === tss.id);
  });

  app.get<{ Querystring: Record<string, unknown> }>('/tx', async (request) => list(ctx, request.caller, request.query, () => true));
};

function view(ctx: SandboxContext, record: V1TransactionRecord) {
  const v1 = v1State(ctx);
  return transactionView(record, v1.tss[record.tssId]!, v1.clients[record.clientId]);
}

function list(ctx: SandboxContext, caller: Parameters<typeof v1List>[1], query: Record<string, unknown>, include: (tx: V1TransactionRecord) => boolean) {
  const records = Object.values(v1State(ctx).transactions).filter((tx) => tx.organizationId === caller.organization.id && include(tx));
  return v1List('TRANSACTION_LIST', caller, records, v1ListQuery(query, ORDER_BY, 'number', STATES), sortKey, (tx) => view(ctx, tx));
}
