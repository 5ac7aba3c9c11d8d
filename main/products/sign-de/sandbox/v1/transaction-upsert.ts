import { ApiError } from '../api-error';
import type { SandboxContext } from '../context';
import { clientOfTss, v1State } from './lookups';
import { signV1Step } from './signing';
import { type V1TransactionRecord, type V1TransactionState, type V1TransactionStep, type V1TssRecord, txKey } from './state';

export interface V1TransactionBody {
  state: V1TransactionState;
  client_id: string;
  schema?: Record<string, unknown>;
  metadata?: Record<string, string>;
}

/** `last_revision` absent counts as 0 (a start). */
export function parseLastRevision(raw: unknown): number {
  if (raw === undefined) return 0;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', 'querystring.last_revision should be integer');
  return Number(raw);
}

/**
 * #7 PUT /tss/{tss}/tx/{tx}?last_revision=N with the V1 revision rule (§4.3): a start needs no revision
 * (absent or 0) and answers revision 1; every later upsert passes the latest revision it knows.
 * VERIFY (§4.3, §9.4): what a stale last_revision returns (400 E_TX_UPSERT here, V2's generic upsert error).
 */
export function upsertV1Transaction(ctx: SandboxContext, tss: V1TssRecord, txId: string, body: V1TransactionBody, lastRevision: number): V1TransactionRecord {
  // VERIFY (§4.5): V2's statuses for these codes (400); V1's are not confirmed.
  if (tss.state === 'DISABLED') throw new ApiError(400, 'E_TSS_DISABLED', 'The TSS is DISABLED and signs no more transactions');
  if (tss.state !== 'INITIALIZED') throw new ApiError(400, 'E_TSS_NOT_INITIALIZED', `The TSS is ${tss.state}: it signs transactions once it is INITIALIZED`);
  const client = clientOfTss(ctx, tss, body.client_id);
  const transactions = v1State(ctx).transactions;
  const existing = transactions[txKey(tss.id, txId)];
  if (!existing) {
    if (lastRevision !== 0) throw new ApiError(400, 'E_TX_UPSERT', `Transaction ${txId} does not exist: start it without last_revision (or with 0)`);
    // VERIFY: whether V1 let a transaction start FINISHED or CANCELLED; here it starts ACTIVE, as in V2.
    if (body.state !== 'ACTIVE') throw new ApiError(400, 'E_TX_UPSERT', `A transaction starts in state ACTIVE; it can become ${body.state} with last_revision=1`);
    const now = ctx.now();
    tss.transactionCounter++;
    const record: V1TransactionRecord = {
      id: txId,
      tssId: tss.id,
      organizationId: tss.organizationId,
      env: tss.env,
      clientId: client.id,
      number: tss.transactionCounter,
      state: 'ACTIVE',
      timeStart: now,
      ...(body.schema ? { schema: body.schema } : {}),
      ...(body.metadata ? { metadata: body.metadata } : {}),
      steps: [],
    };
    record.steps.push(step(tss, record, 1, 'Start', now));
    transactions[txKey(tss.id, txId)] = record;
    ctx.persist();
    return record;
  }
  // VERIFY: how V1 refused a change to a finished transaction; 400 E_TX_UPSERT as V2.
  if (existing.state !== 'ACTIVE') throw new ApiError(400, 'E_TX_UPSERT', `Transaction ${existing.number} is ${existing.state}: a finished or cancelled transaction cannot change`);
  const faults = ctx.options.v1.faults;
  if (faults.staleRevision > 0) {
    faults.staleRevision--;
    // Fault switch: another writer moves the transaction on first, so the caller's last_revision is stale.
    existing.steps.push(step(tss, existing, latestRevision(existing) + 1, 'Update', ctx.now()));
    ctx.persist();
  }
  const latest = latestRevision(existing);
  if (lastRevision !== latest) {
    throw new ApiError(400, 'E_TX_UPSERT', `last_revision must be the latest revision (${latest}), not ${lastRevision}: read the transaction again`);
  }
  // VERIFY: whether V1 refused another client_id on an update; it does here.
  if (client.id !== existing.clientId) throw new ApiError(400, 'E_TX_UPSERT', `Transaction ${existing.number} belongs to client ${existing.clientId}`);
  const schema = body.schema ?? existing.schema;
  // VERIFY (§4.5): V1's status for E_TX_NO_TYPE_DEFINED (409 as V2).
  if (body.state !== 'ACTIVE' && !schema) {
    throw new ApiError(409, 'E_TX_NO_TYPE_DEFINED', `A transaction cannot be ${body.state} without a schema: send schema.standard_v1 (a cancellation: receipt_type CANCELLATION)`);
  }
  const now = ctx.now();
  if (schema) existing.schema = schema;
  if (body.metadata) existing.metadata = body.metadata;
  existing.state = body.state;
  if (body.state !== 'ACTIVE') existing.timeEnd = now;
  existing.steps.push(step(tss, existing, latest + 1, body.state === 'ACTIVE' ? 'Update' : 'Finish', now));
  ctx.persist();
  return existing;
}

export const latestRevision = (record: V1TransactionRecord): number => record.steps[record.steps.length - 1]!.revision;

function step(tss: V1TssRecord, record: V1TransactionRecord, revision: number, operation: V1TransactionStep['operation'], timestamp: number): V1TransactionStep {
  const signature = signV1Step(tss, `${record.number};${operation};${record.state};${timestamp};${JSON.stringify(record.schema ?? null)}`);
  return { revision, operation, timestamp, signature };
}
