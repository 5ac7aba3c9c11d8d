import { ApiError } from './api-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const API_VERSION = '2.2.2';

export type IdName = 'tss_id' | 'client_id' | 'tx_id' | 'export_id';

const LABELS: Record<IdName, string> = { tss_id: 'TSS', client_id: 'client', tx_id: 'transaction', export_id: 'export' };

/**
 * Backend-style routes (create, retrieve, list, metadata, exports) reject a malformed id the way their
 * schema validator does; returns the id lower-cased, as the API stores it.
 */
export function backendId(name: IdName, raw: string): string {
  if (!UUID.test(raw)) {
    throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', `params.${name} should match format "uuid"`);
  }
  return raw.toLowerCase();
}

/** Middleware routes (PATCH tss, admin, client writes, transactions) answer E_PARSER, as recorded. */
export function middlewareId(name: IdName, raw: string): string {
  if (!UUID.test(raw)) {
    const reason = raw.length === 36 ? 'invalid UUID format' : `invalid UUID length: ${raw.length}`;
    throw new ApiError(400, 'E_PARSER', `can't parse ${LABELS[name]} ID: ${reason} (${raw})`);
  }
  return raw.toLowerCase();
}
