import type { RunProgress } from '../../../core/runs/run-flow';
import type { Environment } from './environment';
import type { JournalData, StepName } from './journal';

/** A provisioning run's progress as the bridge and the CLI get it: the engine's, with the store it is for. */
export interface ProgressEvent extends RunProgress<StepName> {
  storeName: string;
}

export interface RunReport {
  runId: string;
  storeName: string;
  environment: Environment;
  status: JournalData['status'];
  tssId: string;
  tssSerialNumber?: string;
  bsiCertificationId?: string;
  timeInit?: number;
  clients: Array<{ serialNumber: string; clientId: string; registered: boolean }>;
  receipt: JournalData['receipt'];
  error?: JournalData['error'];
  /** What a resume found missing at the server and did again. */
  repairs?: JournalData['repairs'];
  /** Listed while another window or process executes the run (its lock is held there). */
  busyElsewhere?: boolean;
}

export const reportOf = (data: JournalData): RunReport => ({
  runId: data.runId,
  storeName: data.plan.storeName,
  environment: data.plan.environment,
  status: data.status,
  tssId: data.tssId,
  tssSerialNumber: data.tssSerialNumber,
  bsiCertificationId: data.bsiCertificationId,
  timeInit: data.timeInit,
  clients: data.clients.map((c) => ({ ...c })),
  receipt: data.receipt,
  error: data.error,
  ...(data.repairs ? { repairs: data.repairs } : {}),
});

/** The engine's progress with the store it is for. */
export const progressEventOf = (event: RunProgress<StepName>, data: JournalData): ProgressEvent => ({
  runId: event.runId,
  storeName: data.plan.storeName,
  step: event.step,
  index: event.index,
  total: event.total,
  status: event.status,
  fraction: event.fraction,
  detail: event.detail,
});
