/**
 * Closing stale transactions: the rule main applies and the shapes the overview gets back. fiskaly never
 * closes an ACTIVE transaction itself, and at 2,000 open ones a TSS signs nothing new.
 */

/** Only ACTIVE transactions started at least this long ago are offered for closing (hours). */
export const STALE_DEFAULT_HOURS = 24;
/** A sale in progress lasts minutes; below an hour the rule would catch sales still at the till. */
export const STALE_MIN_HOURS = 1;
export const STALE_MAX_HOURS = 24 * 365;
/** fiskaly's limit of ACTIVE transactions per TSS, and so of ids one close can name. */
export const STALE_MAX_IDS = 2000;

export interface StaleTransaction {
  id: string;
  /** The number the TSS gave it (per TSS, from 1). */
  number: number;
  /** Unix seconds, as the TSS signed its start. */
  startedAt: number;
  /** Whole hours since the start, by this laptop's clock. */
  ageHours: number;
}

/** One till (client) and its transactions. */
export interface StaleTill {
  clientId: string;
  serialNumber: string;
  transactions: StaleTransaction[];
}

export interface StalePreview {
  tssId: string;
  olderThanHours: number;
  /** Unix seconds: when main looked. */
  checkedAt: number;
  /** Tills with stale transactions, oldest first within each till. */
  tills: StaleTill[];
  /** ACTIVE transactions younger than the threshold: left alone, perhaps a sale at a till right now. */
  recent: number;
}

export interface StaleCloseFailure {
  id: string;
  number?: number;
  /** The SIGN DE or app error code, for the technician's support call. */
  code: string;
  message: string;
}

export interface StaleTillResult {
  clientId: string;
  serialNumber: string;
  /** Cancelled now, each with a cancellation receipt (AVBelegabbruch, zero amounts). */
  closed: StaleTransaction[];
  /** No longer ACTIVE when main looked again (the till finished or cancelled it): nothing done. */
  alreadyClosed: StaleTransaction[];
  failed: StaleCloseFailure[];
}

export interface StaleCloseResult {
  tssId: string;
  olderThanHours: number;
  tills: StaleTillResult[];
  closed: number;
  alreadyClosed: number;
  failed: number;
}
