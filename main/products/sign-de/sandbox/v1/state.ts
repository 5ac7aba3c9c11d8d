import type { Env, SandboxState } from '../state';

/**
 * What the V1 imitation knows, kept inside the sandbox state (same file, same lock, same fsync before
 * every answer). Times are unix seconds; records are keyed by lower-cased UUIDs.
 */
export type V1TssState = 'UNINITIALIZED' | 'INITIALIZED' | 'DISABLED';
export type V1TransactionState = 'ACTIVE' | 'FINISHED' | 'CANCELLED';
/** VERIFY (§4.4): V1's export states are not known; the sandbox uses two of V2's. */
export type V1ExportState = 'PENDING' | 'COMPLETED';

export interface V1TssRecord {
  id: string;
  organizationId: string;
  env: Env;
  state: V1TssState;
  description?: string;
  timeCreation: number;
  timeInit?: number;
  timeDisable?: number;
  privateKeyPem: string;
  publicKey: string;
  /** VERIFY (§4.1): the format of V1's certificate_serial is unknown; the sandbox uses V2's 64 hex. */
  certificateSerial: string;
  certificate: string;
  signatureCounter: number;
  transactionCounter: number;
}

export interface V1ClientRecord {
  id: string;
  tssId: string;
  organizationId: string;
  env: Env;
  serialNumber: string;
  timeCreation: number;
  timeUpdate: number;
}

export interface V1Signature {
  value: string;
  counter: number;
}

/** One signed step of a transaction: Start, Update or Finish. */
export interface V1TransactionStep {
  revision: number;
  operation: 'Start' | 'Update' | 'Finish';
  timestamp: number;
  signature: V1Signature;
}

export interface V1TransactionRecord {
  id: string;
  tssId: string;
  organizationId: string;
  env: Env;
  clientId: string;
  number: number;
  state: V1TransactionState;
  timeStart: number;
  timeEnd?: number;
  schema?: Record<string, unknown>;
  metadata?: Record<string, string>;
  steps: V1TransactionStep[];
}

export interface V1ExportRecord {
  id: string;
  tssId: string;
  organizationId: string;
  env: Env;
  state: V1ExportState;
  timeRequest: number;
  timeStart?: number;
  timeEnd?: number;
  filters: Record<string, string>;
  /** What the TAR holds, fixed at the request so the same export always gives the same bytes. */
  upToSignatureCounter: number;
}

export interface V1State {
  tss: Record<string, V1TssRecord>;
  clients: Record<string, V1ClientRecord>;
  /** Keyed by `${tssId}/${txId}`. */
  transactions: Record<string, V1TransactionRecord>;
  exports: Record<string, V1ExportRecord>;
}

export const emptyV1State = (): V1State => ({ tss: {}, clients: {}, transactions: {}, exports: {} });

/** The V1 part of a state; a state file written before V1 existed gets an empty one. */
export function v1Of(state: SandboxState): V1State {
  state.v1 ??= emptyV1State();
  return state.v1;
}

export const txKey = (tssId: string, txId: string): string => `${tssId}/${txId}`;
