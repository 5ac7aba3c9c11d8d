import { MAX_ACTIVE_TRANSACTIONS, activeTransactionCount } from './transaction';
import { ApiError } from '../api-error';
import type { Caller } from '../context';
import { API_VERSION } from '../ids';
import { metadataField } from '../metadata';
import { requireAdmin } from '../lookups';
import type { SandboxState, TssRecord, TssState } from '../state';

export const MAX_REGISTERED_CLIENTS = 199;
export const BSI_CERTIFICATION_ID = 'BSI-K-TR-0717-2025';
/** A TEST organization may hold at most this many TSS that are not DISABLED. */
export const TEST_TSS_LIMIT = 5;
/** Wrong admin PINs in a row after which the PIN is blocked until reset with the PUK. */
export const MAX_FAILED_PIN_ATTEMPTS = 5;
export const MIN_ADMIN_PIN_LENGTH = 6;
/**
 * A real TSS reports signature_counter "24" or "25" right after deployment: the SMAERS writes start-up logs
 * first. The sandbox jumps to 23 on deployment, so the deployment's own UpdateDevice log is number 24.
 */
export const SIGNATURE_COUNTER_BEFORE_DEPLOYMENT = 23;

export const TSS_STATES: readonly TssState[] = ['CREATED', 'UNINITIALIZED', 'INITIALIZED', 'DISABLED'];
/** States a list filter may name: the sandbox never reaches the last three, but the real API knows them (SPEC). */
export const TSS_FILTER_STATES: readonly string[] = [...TSS_STATES, 'DELETED', 'DEFECTIVE', 'EVICTED'];
export const TSS_ORDER_BY = ['description', 'state', 'time_creation', 'time_init', 'time_disable'] as const;

/** The description fiskaly gives a TSS initialized without one; clients match on its wording. */
export type TssResource = Record<string, unknown> & { state: TssState };

export const defaultDescription = (tssId: string): string => `fiskaly sign cloud-TSE (${tssId})`;

/** The states a TSS may come from to reach each state (same-state PATCHes are handled before this). */
const ALLOWED_SOURCES: Record<Exclude<TssState, 'CREATED'>, readonly TssState[]> = {
  UNINITIALIZED: ['CREATED'],
  INITIALIZED: ['UNINITIALIZED'],
  DISABLED: ['UNINITIALIZED', 'INITIALIZED'],
};

export function assertTransition(from: TssState, to: Exclude<TssState, 'CREATED'>): void {
  const sources = ALLOWED_SOURCES[to];
  if (!sources.includes(from)) {
    throw new ApiError(400, 'E_ILLEGAL_TSS_STATE_CHANGE', `TSS must be in state ${sources.join(' or ')} for a state transition to ${to}`);
  }
}

/** Only the taxpayer's admin may initialize or disable a TSS; deploying it needs no admin. */
export const transitionNeedsAdmin = (to: TssState): boolean => to === 'INITIALIZED' || to === 'DISABLED';

export const countsTowardTestLimit = (tss: TssRecord): boolean => tss.state !== 'DISABLED';

export function registeredClientCount(state: SandboxState, tssId: string): number {
  return Object.values(state.clients).filter((c) => c.tssId === tssId && c.state === 'REGISTERED').length;
}

/**
 * The TSS as the API shows it: fields appear as the TSS reaches the state that gives them (no counters,
 * description or BSI id while CREATED; description from INITIALIZED on; transaction_counter after the
 * first transaction). Counters are strings (bigint), as on the real API. `admin_puk` only from createTss.
 */
export function tssResource(tss: TssRecord, state: SandboxState, options: { adminPuk?: boolean } = {}): TssResource {
  const deployed = tss.state !== 'CREATED';
  return {
    certificate: tss.certificate,
    serial_number: tss.serialNumber,
    public_key: tss.publicKey,
    signature_algorithm: 'ecdsa-plain-SHA256',
    signature_timestamp_format: 'unixTime',
    transaction_data_encoding: 'UTF-8',
    max_number_registered_clients: MAX_REGISTERED_CLIENTS,
    max_number_active_transactions: MAX_ACTIVE_TRANSACTIONS,
    supported_update_variants: 'SIGNED',
    ...metadataField(tss.metadata),
    _id: tss.id,
    _type: 'TSS',
    _env: tss.env,
    _version: API_VERSION,
    time_creation: tss.timeCreation,
    ...(options.adminPuk ? { admin_puk: tss.adminPuk } : {}),
    state: tss.state,
    ...(tss.description !== undefined ? { description: tss.description } : {}),
    ...(deployed
      ? {
          bsi_certification_id: BSI_CERTIFICATION_ID,
          signature_counter: String(tss.signatureCounter),
          ...(tss.transactionCounter > 0 ? { transaction_counter: String(tss.transactionCounter) } : {}),
          number_registered_clients: registeredClientCount(state, tss.id),
          number_active_transactions: activeTransactionCount(state, tss.id),
        }
      : {}),
    ...(tss.timeUninit !== undefined ? { time_uninit: tss.timeUninit } : {}),
    ...(tss.timeInit !== undefined ? { time_init: tss.timeInit } : {}),
    ...(tss.timeDisable !== undefined ? { time_disable: tss.timeDisable } : {}),
  };
}

export const tssDisabled = (): ApiError => new ApiError(400, 'E_TSS_DISABLED', 'TSS is disabled: it cannot be changed any more');

export const pinBlocked = (tss: TssRecord): ApiError =>
  new ApiError(
    423,
    'E_ADMIN_PIN_BLOCKED',
    tss.adminPin === null
      ? 'The admin PIN is blocked until it is set with the admin_puk (PATCH /tss/{tss_id}/admin)'
      : 'The admin PIN is blocked after too many failed logins: unblock it with the admin_puk (PATCH /tss/{tss_id}/admin)',
  );

/** Admin-only operations: a blocked PIN answers 423 before a missing admin login answers 401. */
export function requireAdminSession(tss: TssRecord, caller: Caller): void {
  if (tss.pinBlocked) throw pinBlocked(tss);
  requireAdmin(tss, caller);
}
