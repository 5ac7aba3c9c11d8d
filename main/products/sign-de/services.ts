import type { HttpExchange } from '../../core/session/http-exchange';
import type { EventHub } from '../../core/events';
import type { SaveTargets } from '../../core/files/save-targets';
import type { PrintPort } from '../../printing/print-port';
import { Connections } from './connections/connections';
import { Organizations } from './connections/organizations';
import { MigrationRunManager } from './migration/migration-run-manager';
import { ForegroundRuns } from './provisioning/foreground-runs';
import { RunManager } from './provisioning/run-manager';
import { HandoverDocuments } from './handover';
import { Documents } from './receipt/documents';
import type { SandboxOptionsInput } from './sandbox/options';
import type { ExportEngineOptions } from './store/tss-exports';
import { StoreRecords } from './store/store-records';
import { TssOperations } from './store/tss-operations';
import type { SignDeVaultAccess } from './vault-kinds';

/** What the SIGN DE wing takes from the composition root. */
export interface SignDeCore {
  dataDir: string;
  vault: SignDeVaultAccess;
  events: EventHub;
  printPort: PrintPort;
  /** Where the technician's files may be saved (the chosen places, never the data folder). */
  files: SaveTargets;
  /** How many POS clients an app run registers at once (the settings). */
  clientConcurrency(): number;
  /** Options for the built-in sandbox (tests shorten its deployment delay). */
  sandbox?: SandboxOptionsInput;
  /** Where fiskaly TEST and LIVE answer (tests point it at a second sandbox). */
  fiskalyUrl?: string;
  /** How fiskaly is reached: the app's Electron net.fetch; else undici with the proxy variables. */
  exchange?: HttpExchange;
  /** The export poller's clock and pace (tests pass a clock their sleep advances). */
  exports?: Omit<ExportEngineOptions, 'onProgress'>;
}

/** The SIGN DE wing's services: behind its bridge handlers, and what the CLI drives directly. */
export interface SignDeServices {
  /** fiskaly clients per organization, the built-in sandbox, and clients at an address the caller names. */
  connections: Connections;
  /** The app's runs, in the background. */
  runs: RunManager;
  /** The CLI's runs, in the foreground. */
  foregroundRuns: ForegroundRuns;
  organizations: Organizations;
  tss: TssOperations;
  documents: Documents;
  /** What this laptop keeps of each store it set up (master data, tills, TSE, changes): the handover's source. */
  storeRecords: StoreRecords;
  /** The § 146a(4) AO handover of a store (PDF, JSON, XML), from its store record. */
  handover: HandoverDocuments;
  /** The app's V1 → V2 migrations, in the background (the CLI's `migrate` drives its own in the foreground). */
  migrations: MigrationRunManager;
}

export function createSignDeServices(core: SignDeCore): SignDeServices {
  const connections = new Connections(core.dataDir, () => core.vault.unlocked(), { sandbox: { deployDelayMs: 0, ...core.sandbox }, fiskalyUrl: core.fiskalyUrl, exchange: core.exchange });
  const storeRecords = new StoreRecords(core.dataDir);
  const handover = new HandoverDocuments(core.dataDir, core.printPort, storeRecords);
  return {
    connections,
    runs: new RunManager(core.dataDir, core.vault, connections, core.events, core.clientConcurrency),
    foregroundRuns: new ForegroundRuns(core.dataDir, core.vault),
    organizations: new Organizations(core.vault, connections),
    tss: new TssOperations(core.dataDir, core.vault, connections, { ...core.exports, onProgress: (progress) => core.events.emit('tss:export-progress', progress) }),
    documents: new Documents(core.dataDir, core.printPort),
    storeRecords,
    handover,
    migrations: new MigrationRunManager(core.dataDir, core.vault, connections, core.events, handover, core.clientConcurrency),
  };
}

/** Stops exports polling, waits for the runs of this process, closes the sessions and the sandbox. */
export async function closeSignDeServices(services: SignDeServices): Promise<void> {
  services.tss.stopExports();
  await Promise.all([services.runs.settle(), services.migrations.settle()]);
  await services.connections.close();
}
