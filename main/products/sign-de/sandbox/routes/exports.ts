import { ApiError } from '../api-error';
import { type Caller, type RouteModule, type SandboxContext, callerOf } from '../context';
import { backendId } from '../ids';
import { listEnvelope, parseListQuery } from '../lists';
import { findTss } from '../lookups';
import { mergeMetadata, metadataSchema } from '../metadata';
import {
  EXPORT_ORDER_BY,
  EXPORT_STATES,
  MAX_RUNNING_EXPORTS,
  type ExportFilters,
  buildExportFile,
  completionTime,
  exportDurationSeconds,
  exportSortKey,
  exportView,
  findExport,
  isRunning,
  parseExportFilters,
  sameFilters,
  selectLogs,
  settleExport,
} from '../resources/export';
import { lookupTransaction } from '../resources/transaction';
import type { ExportRecord, TssRecord } from '../state';
import { assertStates, bodyOptional } from './tss';

interface ExportParams {
  tss_id: string;
  export_id: string;
}
type Query = Record<string, unknown>;

/** Exports: trigger (#26), retrieve (#27), cancel (#28), file (#29), lists (#30, #31), metadata (#32, #33). */
export const exportRoutes: RouteModule = (app, ctx) => {
  app.put<{ Params: ExportParams; Querystring: Query }>(
    '/api/v2/tss/:tss_id/export/:export_id',
    // The body is `{}` or nothing at all: both are accepted, as by the real API.
    { schema: { body: { type: 'object' } }, preValidation: bodyOptional, config: { optionalBody: true } },
    async (request) => exportView(await triggerExport(ctx, callerOf(request), request.params, request.query)),
  );

  app.get<{ Params: ExportParams }>('/api/v2/tss/:tss_id/export/:export_id', async (request) => exportView(polledExport(ctx, request.caller, request.params)));

  app.delete<{ Params: ExportParams }>('/api/v2/tss/:tss_id/export/:export_id', async (request) => {
    const record = exportOf(ctx, request.caller, request.params);
    if (!isRunning(record)) {
      throw new ApiError(400, 'E_CANCEL_EXPORT', `The export is ${record.state}: only a PENDING or WORKING export can be cancelled`);
    }
    record.state = 'CANCELLED';
    delete record.file;
    ctx.persist();
    return exportView(record);
  });

  app.get<{ Params: ExportParams }>('/api/v2/tss/:tss_id/export/:export_id/file', async (request, reply) => {
    const record = polledExport(ctx, request.caller, request.params);
    if (record.state !== 'COMPLETED' || record.file === undefined) {
      // While it runs, Retry-After says when it should be done (at most the documented 60 s).
      const eta = isRunning(record) ? Math.min(60, Math.max(1, completionTime(record) - ctx.now())) : undefined;
      throw new ApiError(404, 'E_EXPORT_NOT_COMPLETED', `The export is ${record.state}, not COMPLETED`, eta === undefined ? {} : { 'Retry-After': String(eta) });
    }
    return reply.type('application/x-tar').send(Buffer.from(record.file, 'base64'));
  });

  app.get<{ Querystring: Query }>('/api/v2/export', async (request) => exportList(ctx, request.caller, request.query, () => true));

  app.get<{ Params: { tss_id: string }; Querystring: Query }>('/api/v2/tss/:tss_id/export', async (request) => {
    const tss = findTss(ctx, request.caller, backendId('tss_id', request.params.tss_id));
    return exportList(ctx, request.caller, request.query, (record) => record.tssId === tss.id);
  });

  app.get<{ Params: ExportParams }>('/api/v2/tss/:tss_id/export/:export_id/metadata', async (request) => exportOf(ctx, request.caller, request.params).metadata);

  app.patch<{ Params: ExportParams; Body: Record<string, string | null> }>(
    '/api/v2/tss/:tss_id/export/:export_id/metadata',
    { schema: { body: metadataSchema } },
    async (request) => {
      const record = exportOf(ctx, request.caller, request.params);
      record.metadata = mergeMetadata(record.metadata, request.body);
      ctx.persist();
      return record.metadata;
    },
  );
};

/** retrieveExport and retrieveExportFile: 12 requests a minute per export together (v2.1.33). */
function polledExport(ctx: SandboxContext, caller: Caller, params: ExportParams): ExportRecord {
  const record = exportOf(ctx, caller, params);
  ctx.limits.take(`export-poll:${record.id}`, ctx.options.limits.exportPollsPerMinute, 'Polling an export and its file');
  return record;
}

function exportOf(ctx: SandboxContext, caller: Caller, params: ExportParams): ExportRecord {
  const tss = findTss(ctx, caller, backendId('tss_id', params.tss_id));
  return findExport(ctx, tss, backendId('export_id', params.export_id));
}

function exportList(ctx: SandboxContext, caller: Caller, query: Query, include: (record: ExportRecord) => boolean) {
  const list = parseListQuery(query, EXPORT_ORDER_BY, 'time_request');
  assertStates(list.states, EXPORT_STATES);
  const records = Object.values(ctx.state.exports)
    .filter((record) => record.organizationId === caller.organization.id && include(record))
    .map((record) => settleExport(ctx, record));
  const envelope = listEnvelope('EXPORT_LIST', caller.organization.env, records, list, exportSortKey);
  return { ...envelope, data: envelope.data.map(exportView) };
}

async function triggerExport(ctx: SandboxContext, caller: Caller, params: ExportParams, query: Query): Promise<ExportRecord> {
  const tss = findTss(ctx, caller, backendId('tss_id', params.tss_id));
  const exportId = backendId('export_id', params.export_id);
  const filters = parseExportFilters(query);
  const existing = ctx.state.exports[exportId];
  if (existing) {
    // Triggering the same export again is a retry: the API is idempotent.
    if (existing.tssId === tss.id && sameFilters(existing.filters, filters)) return settleExport(ctx, existing);
    throw new ApiError(400, 'E_DUPLICATE_EXPORT', `An export with the ID ${exportId} already exists`);
  }
  if (tss.state !== 'INITIALIZED' && tss.state !== 'DISABLED') {
    throw new ApiError(409, 'E_TSS_ILLEGAL_STATE_TO_PERFORM_EXPORT', `The TSS is ${tss.state}: exports are possible once it is INITIALIZED or DISABLED`);
  }
  requireFilterTargets(ctx, tss, filters);
  const running = Object.values(ctx.state.exports).filter((record) => record.tssId === tss.id && isRunning(settleExport(ctx, record)));
  if (running.some((record) => sameFilters(record.filters, filters))) {
    throw new ApiError(409, 'E_EXPORT_DUPLICATE_RATE_LIMITED', 'An export with the same parameters is still PENDING or WORKING for this TSS');
  }
  if (running.length >= MAX_RUNNING_EXPORTS) {
    throw new ApiError(409, 'E_TOO_MANY_EXPORTS', `This TSS already has ${MAX_RUNNING_EXPORTS} exports PENDING or WORKING: wait until some have finished`);
  }

  const record: ExportRecord = {
    id: exportId,
    tssId: tss.id,
    organizationId: tss.organizationId,
    env: tss.env,
    state: 'PENDING',
    metadata: {},
    timeRequest: ctx.now(),
    filters,
  };
  // Stored before the TAR is built, so concurrent triggers count it.
  ctx.state.exports[exportId] = record;
  const selection = selectLogs(ctx.state, tss, filters);
  record.timeCompletion = record.timeRequest + exportDurationSeconds(ctx, 'logs' in selection ? selection.logs.length : 0);
  if ('exception' in selection) {
    record.exception = selection.exception;
  } else {
    const file = await buildExportFile(ctx, tss, selection.logs, record.timeRequest).catch(() => undefined);
    // A cancel while the TAR was being built wins.
    if (record.state === 'PENDING') {
      if (file === undefined) record.exception = 'E_INTERNAL';
      else record.file = file;
    }
  }
  ctx.persist();
  return record;
}

/** A filter naming a client or transaction the TSS does not have is refused up front. */
function requireFilterTargets(ctx: SandboxContext, tss: TssRecord, filters: ExportFilters): void {
  if (filters.client_id !== undefined) {
    const client = ctx.state.clients[filters.client_id.toLowerCase()];
    if (!client || client.tssId !== tss.id) throw new ApiError(400, 'E_CLIENT_NOT_FOUND', `Client ${filters.client_id} not found on this TSS`);
    return;
  }
  if (filters.transaction_number !== undefined && !lookupTransaction(ctx.state, tss, { number: Number(filters.transaction_number) })) {
    throw new ApiError(400, 'E_TX_NOT_FOUND', `Transaction number ${filters.transaction_number} not found on this TSS`);
  }
}
