import type { StaleCloseResult, StalePreview } from '../../../../preload/contract/sign-de/stale-transactions';
import type { TssOverview } from '../../../../preload/contract/sign-de/tss';
import { AppError } from '../../../core/errors';
import type { FiskalyClient } from '../api/client';
import { Journal } from '../provisioning/journal';
import type { Connections, EnvironmentId } from '../connections/connections';
import type { ExportProgress } from '../../../../preload/contract/sign-de/tss';
import { type ExportEngineOptions, TssExports } from './tss-exports';
import { closeStaleTransactions, previewStaleTransactions } from './stale-transactions';
import { signDeEnvironmentOf } from '../environments';
import type { SignDeVaultAccess } from '../vault-kinds';
import { asTssAdmin } from './tss-admin';
import { certificateExpiry } from './certificate-expiry';
import { markPinBlocked, markPinWorks, pinBlockedSince } from './pin-blocks';
import { isPinBlocked } from '../provisioning/puk-recovery';

interface TssHome {
  environment: EnvironmentId;
  organizationId?: string;
  storeName?: string;
}

/** The store overview's actions on one TSS, wherever it lives (sandbox, TEST or LIVE). */
export class TssOperations {
  private readonly exports: TssExports;

  constructor(
    private readonly dataDir: string,
    private readonly vault: SignDeVaultAccess,
    private readonly connections: Connections,
    exportOptions: ExportEngineOptions = {},
  ) {
    this.exports = new TssExports(dataDir, async (tssId) => {
      const { client, home } = await this.client(tssId);
      return { client, storeName: home.storeName };
    }, exportOptions);
  }

  async overview(tssId: string): Promise<TssOverview> {
    const { client, home } = await this.client(tssId);
    const [tss, clients, blockedSince] = await Promise.all([
      client.getTss(tssId),
      client.listClients(tssId),
      this.lastRunStoppedOnBlockedPin(tssId).then((runBlocked) => pinBlockedSince(this.dataDir, tssId, runBlocked)),
    ]);
    return {
      tssId,
      environment: home.environment,
      storeName: home.storeName,
      state: tss.state,
      serialNumber: tss.serialNumber,
      bsiCertificationId: tss.bsiCertificationId,
      timeInit: tss.timeInit,
      signatureCounter: tss.signatureCounter,
      transactionCounter: tss.transactionCounter,
      registeredClients: tss.registeredClients,
      maxRegisteredClients: tss.maxRegisteredClients,
      activeTransactions: tss.activeTransactions,
      maxActiveTransactions: tss.maxActiveTransactions,
      clients: clients.map((c) => ({ id: c.id, serialNumber: c.serialNumber, state: c.state })),
      certificate: certificateExpiry(tss.certificate),
      adminPinBlockedSince: blockedSince,
    };
  }

  /** The PIN works again (set anew with the PUK): the overview stops warning. */
  forgetPinBlock(tssId: string): Promise<void> {
    return markPinWorks(this.dataDir, tssId, { always: true });
  }

  /** The time of this TSS's newest run, when that run stopped because the admin PIN is blocked. */
  private async lastRunStoppedOnBlockedPin(tssId: string): Promise<string | null> {
    const runs = (await Journal.list(this.dataDir)).filter((run) => run.tssId === tssId);
    const last = runs.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).at(-1);
    return last?.status === 'failed' && last.error?.code === 'E_ADMIN_PIN_BLOCKED' ? last.updatedAt : null;
  }

  async setClientState(tssId: string, clientId: string, state: 'REGISTERED' | 'DEREGISTERED'): Promise<TssOverview> {
    const { client } = await this.client(tssId);
    await this.asAdmin(client, tssId, () => client.updateClient(tssId, clientId, state));
    return this.overview(tssId);
  }

  /** The ACTIVE transactions started at least `olderThanHours` ago, per till (nothing changes). */
  async previewStale(tssId: string, olderThanHours: number): Promise<StalePreview> {
    const { client } = await this.client(tssId);
    return previewStaleTransactions(client, tssId, olderThanHours);
  }

  /** Cancels the confirmed ones, each checked again against the rule (stale-transactions.ts). */
  async closeStale(tssId: string, olderThanHours: number, transactionIds: string[]): Promise<StaleCloseResult> {
    const { client } = await this.client(tssId);
    return closeStaleTransactions(client, tssId, olderThanHours, transactionIds);
  }

  /** Resumes the TSS's pending export or starts one (see TssExports); resolves when the TAR is saved. */
  exportTar(tssId: string): Promise<{ path: string; bytes: number }> {
    return this.exports.exportTar(tssId);
  }

  /** The TSS's current or last export, from the journal (a pending one survives restarts). */
  exportStatus(tssId: string): Promise<ExportProgress | null> {
    return this.exports.status(tssId);
  }

  /** Ends the waits of running exports (they stay pending in the journal). */
  stopExports(): void {
    this.exports.stop();
  }

  /** Takes the TSS out of service for good; the technician must type the store name (or DISABLE) first. */
  async disable(tssId: string, confirmation: string): Promise<TssOverview> {
    const { client, home } = await this.client(tssId);
    const accepted = [home.storeName, 'DISABLE'].filter(Boolean);
    if (!accepted.includes(confirmation.trim())) {
      throw new AppError('E_CONFIRMATION_MISMATCH', `Type "${accepted[0]}" exactly to disable this TSS. Disabling cannot be undone.`);
    }
    await this.asAdmin(client, tssId, () => client.updateTss(tssId, 'DISABLED'));
    return this.overview(tssId);
  }

  /** Admin work; a 423 is remembered for the overview, and a PIN that works again clears it. */
  private async asAdmin<T>(client: FiskalyClient, tssId: string, work: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await asTssAdmin(client, await this.vault.unlocked(), tssId, work);
    } catch (error) {
      if (isPinBlocked(error)) await markPinBlocked(this.dataDir, tssId);
      throw error;
    }
    // The PIN worked: a block known here (a 423, or a run that stopped on one) is over.
    if (await pinBlockedSince(this.dataDir, tssId, await this.lastRunStoppedOnBlockedPin(tssId))) await markPinWorks(this.dataDir, tssId, { always: true });
    return result;
  }

  private async client(tssId: string): Promise<{ client: FiskalyClient; home: TssHome }> {
    const home = await this.home(tssId);
    return { client: await this.connections.clientFor(home.environment, home.organizationId), home };
  }

  /** Where a TSS lives: from the run that made it, else from its vault labels. */
  private async home(tssId: string): Promise<TssHome> {
    const run = (await Journal.list(this.dataDir)).find((r) => r.tssId === tssId);
    if (run) return { environment: run.plan.environment, organizationId: run.organizationId, storeName: run.plan.storeName };
    const entry = (await (await this.vault.opened()).list()).find((e) => e.id === tssId);
    const environment = entry && signDeEnvironmentOf(entry.labels.environment);
    if (entry && environment) return { environment, organizationId: entry.labels.organizationId, storeName: entry.labels.storeName };
    throw new AppError('E_TSS_UNKNOWN', 'This laptop knows nothing about that TSS. Import its recovery file first.');
  }
}
