import { buildExportTar } from '../../tse';
import { ApiError } from '../api-error';
import type { SandboxContext } from '../context';
import { API_VERSION } from '../ids';
import { metadataField } from '../metadata';
import type { ExportRecord, SandboxState, StoredLog, TssRecord } from '../state';

/**
 * The export resource: its filters (SPEC-2.2.2 `TriggerExportsQuerystring`), which signed logs they
 * select, the TAR, and how an export moves from PENDING to COMPLETED.
 */

export const EXPORT_STATES = ['CANCELLED', 'PENDING', 'WORKING', 'COMPLETED', 'ERROR'] as const;
export const EXPORT_ORDER_BY = ['state', 'time_request', 'time_start', 'time_end', 'time_expiration', 'time_error'] as const;
export const MAX_RUNNING_EXPORTS = 10;
const MAX_RECORDS = 1_000_000;
/** Exports in state files written before durations existed finish a second after their request. */
const LEGACY_PROCESSING_SECONDS = 1;
/** How long the TAR stays downloadable: not documented, an assumption. */
const RETENTION_SECONDS = 30 * 86_400;

const NUMBER_FILTERS = [
  'transaction_number',
  'start_transaction_number',
  'end_transaction_number',
  'maximum_number_records',
  'start_signature_counter',
  'end_signature_counter',
] as const;
const DATE_FILTERS = ['start_date', 'end_date'] as const;
const RANGES = [
  ['start_transaction_number', 'end_transaction_number'],
  ['start_date', 'end_date'],
  ['start_signature_counter', 'end_signature_counter'],
] as const;

export type ExportFilters = Record<string, string>;

/** Known filters, checked as the API's query schema checks them; other query parameters are ignored. */
export function parseExportFilters(query: Record<string, unknown>): ExportFilters {
  const filters: ExportFilters = {};
  for (const name of ['client_id', ...NUMBER_FILTERS, ...DATE_FILTERS]) {
    const value = query[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw schemaError(`querystring.${name} should be string`);
    if (NUMBER_FILTERS.includes(name as (typeof NUMBER_FILTERS)[number]) && !/^\d+$/.test(value)) {
      throw schemaError(`querystring.${name} should match pattern "^\\d+$"`);
    }
    if (DATE_FILTERS.includes(name as (typeof DATE_FILTERS)[number]) && !/^\d{1,15}$/.test(value)) {
      throw schemaError(`querystring.${name} should be integer`);
    }
    filters[name] = value;
  }
  for (const [start, end] of RANGES) {
    if (filters[start] !== undefined && filters[end] !== undefined && BigInt(filters[start]) > BigInt(filters[end])) {
      throw new ApiError(400, 'E_PARAMETER_MISMATCH', `${start} (${filters[start]}) is greater than ${end} (${filters[end]})`);
    }
  }
  if (filters.maximum_number_records !== undefined && BigInt(filters.maximum_number_records) < 1n) {
    throw new ApiError(400, 'E_PARAMETER_MISMATCH', 'maximum_number_records must be at least 1');
  }
  return filters;
}

export const sameFilters = (a: ExportFilters, b: ExportFilters): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, value]) => b[key] === value);

/** Whom each transaction log belongs to, by signature counter: the revisions know, the log bytes need not be parsed. */
function transactionLogOwners(state: SandboxState, tss: TssRecord): Map<number, { number: number; clientId: string }> {
  const owners = new Map<number, { number: number; clientId: string }>();
  for (const record of Object.values(state.transactions)) {
    if (record.tssId !== tss.id) continue;
    for (const { response } of record.revisions) {
      owners.set((response.signature as { counter: number }).counter, { number: record.number, clientId: response.client_id as string });
    }
  }
  return owners;
}

export type LogSelection = { logs: StoredLog[] } | { exception: 'E_NO_DATA_AVAILABLE' | 'E_TOO_MANY_RECORDS' };

/**
 * The logs an export holds, in counter order. `client_id` overrides every other filter (SPEC); any
 * transaction-number filter leaves the system logs out.
 */
export function selectLogs(state: SandboxState, tss: TssRecord, filters: ExportFilters): LogSelection {
  const owners = transactionLogOwners(state, tss);
  const bound = (name: string): number | undefined => (filters[name] === undefined ? undefined : Number(filters[name]));
  const within = (value: number, low?: number, high?: number) => (low === undefined || value >= low) && (high === undefined || value <= high);
  const [counterFrom, counterTo] = [bound('start_signature_counter'), bound('end_signature_counter')];
  const [dateFrom, dateTo] = [bound('start_date'), bound('end_date')];
  const [number, numberFrom, numberTo] = [bound('transaction_number'), bound('start_transaction_number'), bound('end_transaction_number')];
  const byNumber = number !== undefined || numberFrom !== undefined || numberTo !== undefined;
  const clientId = filters.client_id?.toLowerCase();

  const logs = tss.logs.filter((log) => {
    const owner = owners.get(log.counter);
    if (clientId !== undefined) return owner?.clientId === clientId;
    if (!within(log.counter, counterFrom, counterTo) || !within(log.time, dateFrom, dateTo)) return false;
    if (!byNumber) return true;
    return owner !== undefined && (number === undefined || owner.number === number) && within(owner.number, numberFrom, numberTo);
  });
  const maximum = bound('maximum_number_records') ?? MAX_RECORDS;
  if (maximum > MAX_RECORDS) return { exception: 'E_TOO_MANY_RECORDS' };
  if (logs.length === 0) return { exception: 'E_NO_DATA_AVAILABLE' };
  return { logs: logs.slice(0, maximum) };
}

/** The TAR as base64: the logs, the TSS certificate and the sandbox CA's, and info.csv. */
export async function buildExportFile(ctx: SandboxContext, tss: TssRecord, logs: StoredLog[], exportTime: number): Promise<string> {
  const caCertificate = ctx.ca.certificatePem.replace(/-----[^-]+-----|\s/g, '');
  const tar = await buildExportTar({
    tss: { serialNumber: tss.serialNumber, publicKey: tss.publicKey, certificate: tss.certificate, description: tss.description },
    logs: logs.map((log) => new Uint8Array(Buffer.from(log.file, 'base64'))),
    chain: [caCertificate],
    exportTime,
  });
  return tar.toString('base64');
}

export const isRunning = (record: ExportRecord): boolean => record.state === 'PENDING' || record.state === 'WORKING';

/**
 * How long an export of `logs` signed logs takes (options.exportDuration), in whole seconds of the
 * sandbox clock: 0 finishes it at once; a test that holds the clock still can watch it PENDING.
 */
export function exportDurationSeconds(ctx: SandboxContext, logs: number): number {
  const { baseMs, perLogMs } = ctx.options.exportDuration;
  return Math.ceil((baseMs + perLogMs * logs) / 1000);
}

export const completionTime = (record: ExportRecord): number => record.timeCompletion ?? record.timeRequest + LEGACY_PROCESSING_SECONDS;

/**
 * Moves an export on: PENDING in the second it was requested, WORKING after that, COMPLETED or ERROR at
 * its completion time. Called whenever an export is looked at.
 */
export function settleExport(ctx: SandboxContext, record: ExportRecord): ExportRecord {
  const done = completionTime(record);
  const built = record.file !== undefined || record.exception !== undefined;
  if (!isRunning(record) || !built) return record;
  const now = ctx.now();
  if (now < done) {
    if (record.state === 'PENDING' && now > record.timeRequest) {
      record.state = 'WORKING';
      record.timeStart = record.timeRequest;
      ctx.persist();
    }
    return record;
  }
  record.state = record.exception === undefined ? 'COMPLETED' : 'ERROR';
  record.timeStart = record.timeRequest;
  record.timeEnd = done;
  if (record.state === 'COMPLETED') record.timeExpiration = done + RETENTION_SECONDS;
  ctx.persist();
  return record;
}

export function findExport(ctx: SandboxContext, tss: TssRecord, exportId: string): ExportRecord {
  const record = ctx.state.exports[exportId];
  if (!record || record.tssId !== tss.id) throw new ApiError(404, 'E_EXPORT_NOT_FOUND', 'Export not found');
  return settleExport(ctx, record);
}

/** Field order as recorded from the real API. */
export function exportView(record: ExportRecord): Record<string, unknown> {
  const failed = record.state === 'ERROR';
  return {
    state: record.state,
    ...(failed ? { exception: record.exception } : {}),
    time_request: record.timeRequest,
    ...(record.timeStart === undefined ? {} : { time_start: record.timeStart }),
    ...(record.timeEnd === undefined ? {} : failed ? { time_error: record.timeEnd } : { time_end: record.timeEnd }),
    ...(record.timeExpiration === undefined ? {} : { time_expiration: record.timeExpiration }),
    ...(isRunning(record) ? { estimated_time_of_completion: completionTime(record) } : {}),
    ...metadataField(record.metadata),
    tss_id: record.tssId,
    _type: 'EXPORT',
    _id: record.id,
    _env: record.env,
    _version: API_VERSION,
  };
}

export function exportSortKey(record: ExportRecord, orderBy: string): string | number {
  if (orderBy === 'state') return record.state;
  if (orderBy === 'time_start') return record.timeStart ?? Number.MAX_SAFE_INTEGER;
  if (orderBy === 'time_end' || orderBy === 'time_error') return record.timeEnd ?? Number.MAX_SAFE_INTEGER;
  if (orderBy === 'time_expiration') return record.timeExpiration ?? Number.MAX_SAFE_INTEGER;
  return record.timeRequest;
}

function schemaError(message: string): ApiError {
  return new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', message);
}
