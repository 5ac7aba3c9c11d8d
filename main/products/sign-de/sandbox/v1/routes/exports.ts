import { ApiError } from '../../api-error';
import type { Caller, RouteModule, SandboxContext } from '../../context';
import { bodyOptional } from '../../routes/tss';
import { buildV1ExportFile } from '../export-file';
import { v1List, v1ListQuery } from '../lists';
import { clientOfTss, findV1Tss, v1Id, v1State } from '../lookups';
import type { V1ExportRecord, V1TssRecord } from '../state';
import { exportView } from '../views';

interface ExportParams {
  tss_id: string;
  export_id: string;
}
type Query = Record<string, unknown>;

const ORDER_BY = ['time_request', 'time_start', 'time_end', 'state'] as const;
const STATES = ['PENDING', 'COMPLETED'] as const;
const sortKey = (record: V1ExportRecord, orderBy: string): string | number =>
  orderBy === 'state' ? record.state : orderBy === 'time_start' ? (record.timeStart ?? 0) : orderBy === 'time_end' ? (record.timeEnd ?? 0) : record.timeRequest;

/**
 * #11 PUT, #12 GET /tss/{tss_id}/export/{export_id}; #14 GET /tss/{tss_id}/export and GET /export;
 * #15 GET …/file (VERIFY §3 #15: V1's file path was never seen; V2's is used). An export answers PENDING
 * and is COMPLETED at the next look (VERIFY §4.4: V1's export states), unless exportStuckPending is on.
 * Exports work on a DISABLED TSS (§4.4).
 */
export const v1ExportRoutes: RouteModule = (app, ctx) => {
  app.put<{ Params: ExportParams; Querystring: Query }>(
    '/tss/:tss_id/export/:export_id',
    { schema: { body: { type: 'object' } }, preValidation: bodyOptional, config: { optionalBody: true } },
    async (request) => exportView(trigger(ctx, request.caller, request.params, request.query)),
  );

  app.get<{ Params: ExportParams }>('/tss/:tss_id/export/:export_id', async (request) => exportView(exportOf(ctx, request.caller, request.params)));

  app.get<{ Params: ExportParams }>('/tss/:tss_id/export/:export_id/file', async (request, reply) => {
    const record = exportOf(ctx, request.caller, request.params);
    // VERIFY (§4.4): V1's answer for a file not ready yet; V2's 404 E_EXPORT_NOT_COMPLETED here.
    if (record.state !== 'COMPLETED') throw new ApiError(404, 'E_EXPORT_NOT_COMPLETED', `The export is ${record.state}, not COMPLETED`);
    const tss = v1State(ctx).tss[record.tssId]!;
    return reply.type('application/x-tar').send(await buildV1ExportFile(v1State(ctx), tss, record));
  });

  app.get<{ Params: { tss_id: string }; Querystring: Query }>('/tss/:tss_id/export', async (request) => {
    const tss = findV1Tss(ctx, request.caller, request.params.tss_id);
    return list(ctx, request.caller, request.query, (record) => record.tssId === tss.id);
  });

  app.get<{ Querystring: Query }>('/export', async (request) => list(ctx, request.caller, request.query, () => true));
};

function list(ctx: SandboxContext, caller: Caller, query: Query, include: (record: V1ExportRecord) => boolean) {
  const records = Object.values(v1State(ctx).exports)
    .filter((record) => record.organizationId === caller.organization.id && include(record))
    .map((record) => settle(ctx, record));
  return v1List('EXPORT_LIST', caller, records, v1ListQuery(query, ORDER_BY, 'time_request', STATES), sortKey, exportView);
}

function exportOf(ctx: SandboxContext, caller: Caller, params: ExportParams): V1ExportRecord {
  const tss = findV1Tss(ctx, caller, params.tss_id);
  const record = v1State(ctx).exports[v1Id('export_id', params.export_id)];
  if (!record || record.tssId !== tss.id) throw new ApiError(404, 'E_EXPORT_NOT_FOUND', 'Export not found');
  return settle(ctx, record);
}

/** PENDING → COMPLETED at the first look after the trigger, unless the fault holds it. */
function settle(ctx: SandboxContext, record: V1ExportRecord): V1ExportRecord {
  if (record.state !== 'PENDING' || ctx.options.v1.faults.exportStuckPending) return record;
  record.state = 'COMPLETED';
  record.timeStart = record.timeRequest;
  record.timeEnd = Math.max(record.timeRequest, ctx.now());
  ctx.persist();
  return record;
}

/**
 * Filters: `client_id` only (VERIFY §3 #11: which query filters V1 took; others are ignored). Triggering
 * the same id again on the same TSS returns it (VERIFY: V1's idempotence).
 */
function trigger(ctx: SandboxContext, caller: Caller, params: ExportParams, query: Query): V1ExportRecord {
  const tss = findV1Tss(ctx, caller, params.tss_id);
  const id = v1Id('export_id', params.export_id);
  const exports = v1State(ctx).exports;
  const existing = exports[id];
  if (existing) {
    if (existing.tssId !== tss.id) throw new ApiError(400, 'E_DUPLICATE_EXPORT', `An export with the ID ${id} already exists`);
    return settle(ctx, existing);
  }
  // VERIFY (§4.4): an export of a TSS never initialized; refused here as V2 refuses it.
  if (tss.state === 'UNINITIALIZED') throw new ApiError(400, 'E_TSS_NOT_INITIALIZED', 'The TSS is UNINITIALIZED: it has nothing to export');
  const filters = exportFilters(ctx, tss, query);
  const record: V1ExportRecord = {
    id,
    tssId: tss.id,
    organizationId: tss.organizationId,
    env: tss.env,
    state: 'PENDING',
    timeRequest: ctx.now(),
    filters,
    upToSignatureCounter: tss.signatureCounter,
  };
  exports[id] = record;
  ctx.persist();
  return record;
}

function exportFilters(ctx: SandboxContext, tss: V1TssRecord, query: Query): Record<string, string> {
  const clientId = query.client_id;
  if (clientId === undefined) return {};
  if (typeof clientId !== 'string') throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', 'querystring.client_id should be string');
  return { client_id: clientOfTss(ctx, tss, clientId).id };
}

/** For the seed: an export made as PUT makes one, then completed. */
export { trigger as triggerV1Export, settle as settleV1Export };
