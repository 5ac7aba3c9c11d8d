import { randomUUID } from 'node:crypto';
import type { StepName } from '../../../../preload/contract/sign-de/provisioning-steps';
import type { NextAction, ReceiptRecord } from '../../../../preload/contract/sign-de/runs';
import { type JournalKind, RunJournal, runsFolder } from '../../../core/runs/run-journal';
import type { RunRecord } from '../../../core/runs/run-record';
import type { StorePlan } from './store-plan';

export { STEP_NAMES, type StepName } from '../../../../preload/contract/sign-de/provisioning-steps';
export type { NextAction, ReceiptRecord } from '../../../../preload/contract/sign-de/runs';
export { JournalTakenOver, runLockTarget } from '../../../core/runs/run-journal';
export type { RunStatus } from '../../../core/runs/run-record';

export interface JournalClient {
  serialNumber: string;
  clientId: string;
  registered: boolean;
}

/** The plan as the journal keeps it: never the technician's PIN. */
export type JournaledPlan = Omit<StorePlan, 'adminPin'>;

/**
 * One store's provisioning run: the engine's record (status, done steps, error, repairs) and this flow's
 * payload beside it. Every id (TSS, clients, test transaction) is chosen when the run is made, before any
 * request. No PIN, PUK or secret is ever in it.
 */
export interface JournalData extends RunRecord<StepName, NextAction> {
  plan: JournaledPlan;
  tssId: string;
  clients: JournalClient[];
  receipt: ReceiptRecord | null;
  organizationId?: string;
  apiEnv?: 'TEST' | 'LIVE';
  tssSerialNumber?: string;
  bsiCertificationId?: string;
  timeInit?: number;
}

/** Provisioning journals; those written before runs had kinds (every journal of older versions) are these. */
export const PROVISIONING_JOURNAL: JournalKind<JournalData> = {
  kind: 'sign-de/provisioning',
  ownsUnmarked: true,
  upgrade(data) {
    // Journals of older versions advised "fix-plan", which no screen or command does: a resume with the right key does.
    if (data.error && (data.error.next as string) === 'fix-plan') data.error.next = 'resume';
  },
};

export const journalDir = runsFolder;

/** A provisioning run's journal (the engine's write-ahead journal with this flow's payload). */
export type Journal = RunJournal<JournalData>;

export const Journal = {
  /** A new run with all its ids chosen up front. */
  create(dataDir: string, plan: StorePlan, now = new Date()): Promise<Journal> {
    const { adminPin: _pin, ...journaled } = plan;
    return RunJournal.create(
      dataDir,
      PROVISIONING_JOURNAL,
      {
        plan: journaled,
        tssId: randomUUID(),
        clients: plan.clients.map((c) => ({ serialNumber: c.serialNumber, clientId: randomUUID(), registered: false })),
        receipt: plan.testReceipt ? { txId: randomUUID() } : null,
      },
      now,
    );
  },
  load: (dataDir: string, runId: string): Promise<Journal> => RunJournal.load(dataDir, PROVISIONING_JOURNAL, runId),
  /** Every provisioning run on this laptop, newest first; unreadable files are skipped, not deleted. */
  list: (dataDir: string): Promise<JournalData[]> => RunJournal.list(dataDir, PROVISIONING_JOURNAL),
};
