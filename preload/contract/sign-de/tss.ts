import type { EnvironmentId } from '../core/settings';

/** A TSS as the store overview shows it: its state, counters and clients. */
export interface TssOverview {
  tssId: string;
  environment: EnvironmentId;
  storeName?: string;
  state: string;
  serialNumber: string;
  bsiCertificationId?: string;
  timeInit?: number;
  signatureCounter: string | null;
  transactionCounter: string | null;
  registeredClients: number;
  maxRegisteredClients: number;
  activeTransactions: number;
  maxActiveTransactions: number;
  clients: Array<{ id: string; serialNumber: string; state: string }>;
  /** The TSS certificate's end of validity (null before the TSS is deployed). */
  certificate?: CertificateExpiry | null;
  /**
   * Since when the admin PIN is known blocked (fiskaly answered 423 to this laptop, or a run stopped on it);
   * null when not known blocked. The PUK recovery sets a new PIN.
   */
  adminPinBlockedSince?: string | null;
}

/** When a TSS certificate stops being valid, and whether that is near enough to warn. */
export interface CertificateExpiry {
  notAfter: string;
  daysLeft: number;
  warning: boolean;
}

/** What the store overview shows of a TSS's export, as a bridge event while it runs and on request. */
export interface ExportProgress {
  tssId: string;
  exportId: string;
  /**
   * pending: journaled, nobody works on it right now (e.g. after a restart: exporting again resumes it);
   * triggering, waiting, downloading: this app works on it; saved and failed: over.
   */
  phase: 'pending' | 'triggering' | 'waiting' | 'downloading' | 'saved' | 'failed';
  /** fiskaly's last word: PENDING, WORKING, COMPLETED, ERROR, CANCELLED (null before the first answer). */
  fiskalyState: string | null;
  /** When it was asked for, ms since the epoch. */
  requestedAt: number;
  elapsedMs: number;
  /** fiskaly's estimate, ms since the epoch (null when fiskaly gives none). */
  estimatedCompletionAt: number | null;
  file: { path: string; bytes: number } | null;
  /** Why it failed (fiskaly's state and exception). */
  failure: string | null;
}
