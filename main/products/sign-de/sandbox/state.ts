import { type V1State, emptyV1State } from './v1/state';

/**
 * Everything the sandbox knows, as plain JSON so a state file can hold it. Times are unix seconds, as the
 * API reports them; records are keyed by their ids (lower-cased UUIDs).
 */
export type Env = 'TEST' | 'LIVE';
export type TssState = 'CREATED' | 'UNINITIALIZED' | 'INITIALIZED' | 'DISABLED';
export type ClientState = 'REGISTERED' | 'DEREGISTERED';
export type TransactionState = 'ACTIVE' | 'FINISHED' | 'CANCELLED';
export type ExportState = 'PENDING' | 'WORKING' | 'COMPLETED' | 'CANCELLED' | 'ERROR';
export type Metadata = Record<string, string>;

export interface OrganizationRecord {
  id: string;
  name: string;
  env: Env;
  apiKey: string;
  apiSecret: string;
}

/** A signed log kept for exports: the full DER log file, base64. */
export interface StoredLog {
  kind: 'transaction' | 'system';
  counter: number;
  time: number;
  file: string;
}

export interface TssRecord {
  id: string;
  organizationId: string;
  env: Env;
  state: TssState;
  description?: string;
  metadata: Metadata;
  timeCreation: number;
  timeUninit?: number;
  timeInit?: number;
  timeDisable?: number;
  /** PKCS#8 PEM of the TSS signing key. */
  privateKeyPem: string;
  publicKey: string;
  serialNumber: string;
  certificate: string;
  adminPuk: string;
  /** null until set with the PUK: the admin PIN is blocked from creation until then. */
  adminPin: string | null;
  pinBlocked: boolean;
  failedPinAttempts: number;
  /** Access-token ids (jti) holding an admin session on this TSS. */
  adminSessions: string[];
  signatureCounter: number;
  transactionCounter: number;
  logs: StoredLog[];
}

export interface ClientRecord {
  id: string;
  tssId: string;
  organizationId: string;
  env: Env;
  serialNumber: string;
  state: ClientState;
  metadata: Metadata;
  timeCreation: number;
  timeUpdate?: number;
}

/** One revision of a transaction exactly as the API returned it, so a replay answers the same. */
export interface TransactionRevision {
  revision: number;
  requestHash: string;
  response: Record<string, unknown>;
}

export interface TransactionRecord {
  id: string;
  tssId: string;
  organizationId: string;
  number: number;
  clientId: string;
  state: TransactionState;
  timeStart: number;
  metadata: Metadata;
  processType?: string;
  revisions: TransactionRevision[];
}

export interface ExportRecord {
  id: string;
  tssId: string;
  organizationId: string;
  env: Env;
  state: ExportState;
  exception?: string;
  metadata: Metadata;
  timeRequest: number;
  timeStart?: number;
  timeEnd?: number;
  timeExpiration?: number;
  /** When the export is done (unix seconds): time_request plus its duration, which grows with its size. */
  timeCompletion?: number;
  /** Query filters as given. */
  filters: Record<string, string>;
  /** The TAR, base64, once COMPLETED. */
  file?: string;
}

export interface SandboxState {
  version: 1;
  organizations: OrganizationRecord[];
  tss: Record<string, TssRecord>;
  clients: Record<string, ClientRecord>;
  /** Keyed by `${tssId}/${txId}`: transaction ids are unique per TSS only. */
  transactions: Record<string, TransactionRecord>;
  exports: Record<string, ExportRecord>;
  /** The sandbox CA (PEM certificate and PKCS#8 key), made once so certificates stay verifiable. */
  ca?: { certificatePem: string; privateKeyPem: string };
  /** The token signing key (JWK), made once so tokens survive a restart. */
  tokenKey?: { privateJwk: Record<string, unknown>; publicJwk: Record<string, unknown> };
  /** SIGN DE V1 (/api/v1): absent in state files written before it existed. */
  v1?: V1State;
}

export const emptyState = (organizations: OrganizationRecord[]): SandboxState => ({
  version: 1,
  organizations,
  tss: {},
  clients: {},
  transactions: {},
  exports: {},
  v1: emptyV1State(),
});
