import type { MigrationStepName } from '../../../../preload/contract/sign-de/migration';
import type { StepContext, StepExecutor } from '../../../core/runs/run-flow';
import type { RecordChange } from '../../../core/runs/run-record';
import type { Vault } from '../../../vault';
import type { FiskalyClient } from '../api/client';
import { withRetryNotices } from '../api/http';
import type { FiskalyV1Client } from '../api-v1/client';
import type { Journal, JournalData } from '../provisioning/journal';
import { ProvisioningSteps } from '../provisioning/provisioning-steps';
import { isPrepareStep } from './migration-flow';
import type { MigrationJournal, MigrationRecord } from './migration-journal';
import { type CutOverDeps, closeActive, downloadV1Export, quietCheck, signTillReceipts, triggerV1Export, verifyTillReceipts } from './migration-steps-cutover';
import { disableV1, readBackV1, recordStore } from './migration-steps-decommission';
import { inventoryStep } from './migration-steps-inventory';

type Change = RecordChange<MigrationRecord>;

/** What a migration's steps need from outside the journal: the vault, one client per API version. */
export interface MigrationStepDeps {
  dataDir: string;
  vault: Vault;
  v1(): FiskalyV1Client | Promise<FiskalyV1Client>;
  v2(): FiskalyClient | Promise<FiskalyClient>;
  clientConcurrency?: number;
}

/**
 * The new TSS's provisioning record as a journal of its own for provisioning's steps (and their
 * reconciliation): it lives inside the migration's journal and is written with it. The tills follow the
 * V2 client ids a reconciliation may adopt from the server (no twin client).
 */
function v2Journal(journal: MigrationJournal): Journal {
  const syncTills = (d: MigrationRecord) => {
    for (const till of d.tills) {
      const client = d.v2.clients.find((c) => c.serialNumber === till.serialNumber);
      if (client) till.v2ClientId = client.clientId;
    }
  };
  const facade = {
    get data(): JournalData {
      return journal.data.v2;
    },
    update: (change: RecordChange<JournalData>) =>
      journal.update((d) => {
        change(d.v2);
        syncTills(d);
      }),
  };
  return facade as unknown as Journal;
}

/** One execution of a migration run: inventory and cut-over here, the prepare phase by provisioning's own steps. */
export class MigrationSteps implements StepExecutor<MigrationRecord> {
  private v1!: FiskalyV1Client;
  private v2!: FiskalyClient;
  private prepare: ProvisioningSteps | null = null;

  constructor(
    private readonly journal: MigrationJournal,
    private readonly deps: MigrationStepDeps,
  ) {}

  async begin(): Promise<void> {
    this.v1 = await this.deps.v1();
    this.v2 = await this.deps.v2();
  }

  run(step: MigrationStepName, context: StepContext): Promise<Change | void> {
    return withRetryNotices((notice) => context.retrying(notice), () => this.runStep(step, context));
  }

  private get cutOver(): CutOverDeps {
    return { journal: this.journal, v1: this.v1, v2: this.v2, dataDir: this.deps.dataDir };
  }

  private async runStep(step: MigrationStepName, context: StepContext): Promise<Change | void> {
    if (isPrepareStep(step)) return this.prepareStep(step, context);
    switch (step) {
      case 'v1-auth':
      case 'v1-read':
      case 'v2-auth':
      case 'v2-existing-tss':
        return inventoryStep(step, this.journal.data, this.v1, this.v2);
      case 'v1-quiet-check':
        return quietCheck(this.cutOver);
      case 'v1-close-active':
        return closeActive(this.cutOver, context);
      case 'v1-export':
        return triggerV1Export(this.cutOver, context);
      case 'v1-export-download':
        return downloadV1Export(this.cutOver);
      case 'v2-test-receipts':
        return signTillReceipts(this.cutOver, context);
      case 'receipts-verified':
        return verifyTillReceipts(this.cutOver);
      case 'v1-disable':
        return disableV1(this.cutOver, context);
      case 'v1-read-back':
        return readBackV1(this.cutOver);
      case 'store-record':
        return recordStore(this.cutOver);
    }
  }

  /**
   * Once the prepare phase is done: the new TSS as fiskaly shows it now (INITIALIZED, every till's client
   * REGISTERED). What is missing sends the run through its steps again, the reconciliation redoing it.
   */
  async verify(): Promise<string[]> {
    if (!this.journal.data.done.includes('admin-logout')) return [];
    return (await this.provisioning()).verify();
  }

  private async provisioning(): Promise<ProvisioningSteps> {
    if (!this.prepare) {
      this.prepare = new ProvisioningSteps(v2Journal(this.journal), { vault: this.deps.vault, clientFor: () => this.v2, clientConcurrency: this.deps.clientConcurrency }, {});
      await this.prepare.begin();
    }
    return this.prepare;
  }

  /** A provisioning step on the new TSS; it is marked done in the TSS's own record too. */
  private async prepareStep(step: MigrationStepName & JournalData['done'][number], context: StepContext): Promise<Change> {
    const change = await (await this.provisioning()).run(step, context);
    return (d) => {
      change?.(d.v2);
      if (!d.v2.done.includes(step)) d.v2.done.push(step);
    };
  }
}
