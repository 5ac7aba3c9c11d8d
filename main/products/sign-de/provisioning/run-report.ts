import type { RunProgress } from '../../../core/runs/run-flow';
import type { ProgressEvent, RunReport } from '../../../../preload/contract/sign-de/runs';
import type { JournalData, StepName } from './journal';
import { provisioningFlow } from './provisioning-flow';

export type { ProgressEvent, RunReport };

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
  steps: [...provisioningFlow.steps(data)],
  done: [...data.done],
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
  ...(event.retry ? { retry: event.retry } : {}),
});
