import type { RunProgress, RunStatus } from '../core/runs';
import type { EnvironmentId } from '../core/settings';
import type { StepName } from './provisioning-steps';

export type { RunStatus };

/**
 * Where the technician goes next, each an action that exists in the app and the CLI: resume the run,
 * repair it (resume that also sets the vault's PIN again with the vault's PUK), set a new PIN in the PUK
 * recovery and then resume, or abandon the run and set the store up anew.
 */
export type NextAction = 'resume' | 'repair' | 'puk-recovery' | 'abandon';

/** The run's test transaction as the journal keeps it. */
export interface ReceiptRecord {
  txId: string;
  /** Written before the start request: only then can the transaction exist at fiskaly. */
  startSent?: boolean;
  number?: number;
  qrCodeData?: string;
  timeStart?: number;
  timeEnd?: number;
  signatureCounter?: string;
  receiptType?: string;
  valid?: boolean;
  checks?: Array<{ name: string; ok: boolean; detail: string }>;
}

/** Why a run stopped, and where the technician goes next. */
export interface RunError {
  code: string;
  message: string;
  step: StepName;
  next?: NextAction;
}

/** What a resume found missing at the server and did again (no secrets). */
export interface RunRepair {
  at: string;
  what: string;
}

/** One store's provisioning run as the screens and the CLI show it. */
export interface RunReport {
  runId: string;
  storeName: string;
  environment: EnvironmentId;
  status: RunStatus;
  tssId: string;
  tssSerialNumber?: string;
  bsiCertificationId?: string;
  timeInit?: number;
  clients: Array<{ serialNumber: string; clientId: string; registered: boolean }>;
  receipt: ReceiptRecord | null;
  error?: RunError;
  /** What a resume found missing at the server and did again. */
  repairs?: RunRepair[];
  /** Listed while another window or process executes the run (its lock is held there). */
  busyElsewhere?: boolean;
  /** The run's steps in order (10, or 12 with a test receipt), read from its journal (no vault needed). */
  steps?: StepName[];
  /** The steps whose effect is durable, as the journal has them: after a crash, where the run really is. */
  done?: StepName[];
}

/** Every step of a provisioning run, with the share done, and the store it is for. */
export interface ProgressEvent extends RunProgress<StepName> {
  storeName: string;
}
