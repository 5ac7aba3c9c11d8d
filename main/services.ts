import { mkdirSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Dispatch, type Handlers, createDispatch } from './bridge/dispatch';
import { PRODUCT_NAME } from './data-dir';
import { listEnvironments } from './environments';
import { EventHub } from './events';
import { listKnownTss, revealPuk, unblockAdminPin } from './provisioning/puk-recovery';
import type { SandboxOptionsInput } from './sandbox/options';
import { type OpenStore, openConfStore } from './settings/key-value-store';
import { SettingsService } from './settings/settings-service';
import { checkReceipt } from './tse';
import { type KeyWrapper, type VaultOptions, unavailableKeyWrapper } from './vault';
import { Connections } from './workbench/connections';
import { Documents } from './workbench/documents';
import { Organizations } from './workbench/organizations';
import { type PrintPort, noPrintPort } from './workbench/print-port';
import { RunManager } from './workbench/run-manager';
import { TssOperations } from './workbench/tss-operations';
import { VaultAccess } from './workbench/vault-access';

export interface ServicesConfig {
  dataDir: string;
  version: string;
  /** electron-store in the app; conf (same format) everywhere else. */
  openStore?: OpenStore;
  /** Electron's safeStorage in the app; elsewhere none, and the passphrase unlocks the vault. */
  keyWrapper?: KeyWrapper;
  vaultOptions?: VaultOptions;
  /** Electron's printing in the app, Chromium's in the browser shell. */
  printPort?: PrintPort;
  /** Options for the built-in sandbox (tests shorten its deployment delay). */
  sandbox?: SandboxOptionsInput;
  /** Where fiskaly TEST and LIVE answer (tests point it at a second sandbox). */
  fiskalyUrl?: string;
}

export interface Services {
  dispatch: Dispatch;
  events: EventHub;
  settings: SettingsService;
  runs: RunManager;
  /** The built-in sandbox's API address (starting it if needed): the e2e tests turn its fault knobs. */
  sandboxUrl(): Promise<string>;
  close(): Promise<void>;
}

/** The composition root. No Electron here: the app, the CLI, the browser shell and the tests all call it. */
export function createServices(config: ServicesConfig): Services {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const events = new EventHub();
  const settings = new SettingsService((config.openStore ?? openConfStore)('settings', config.dataDir), events);
  const vault = new VaultAccess(config.dataDir, config.keyWrapper ?? unavailableKeyWrapper('no OS keychain in this process'), config.vaultOptions);
  const connections = new Connections(config.dataDir, () => vault.unlocked(), { sandbox: { deployDelayMs: 0, ...config.sandbox }, fiskalyUrl: config.fiskalyUrl });
  const runs = new RunManager(config.dataDir, vault, connections, events, () => settings.clientConcurrency());
  const organizations = new Organizations(vault, connections);
  const tss = new TssOperations(config.dataDir, vault, connections);
  const documents = new Documents(config.dataDir, config.printPort ?? noPrintPort);

  const paper = (width: 80 | 58) => `${width}mm` as const;

  const handlers: Handlers = {
    'app:info': () => ({ name: PRODUCT_NAME, version: config.version, dataDir: config.dataDir, environments: listEnvironments(null) }),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.set(patch),
    'vault:status': () => vault.status(),
    'vault:setup': ({ passphrase }) => vault.setup(passphrase),
    'vault:unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault:export-recovery': async ({ passphrase }) => {
      const path = join(config.dataDir, 'recovery', `tss-companion-${new Date().toISOString().slice(0, 10)}.tsscr`);
      await (await vault.unlocked()).exportRecoveryFile(path, passphrase);
      return { path, bytes: (await stat(path)).size };
    },
    'vault:import-recovery': async ({ file, passphrase }) => {
      // The vault reads recovery files from disk; the page hands the chosen file over as bytes.
      const folder = await mkdtemp(join(tmpdir(), 'tss-companion-import-'));
      const path = join(folder, 'import.tsscr');
      try {
        await writeFile(path, Buffer.from(file, 'base64'), { mode: 0o600 });
        const summary = await (await vault.unlocked()).importRecoveryFile(path, passphrase);
        return { added: summary.added.length, updated: summary.updated.length, kept: summary.kept.length };
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
    'orgs:list': () => organizations.list(),
    'orgs:save': (input) => organizations.save(input),
    'runs:list': () => runs.list(),
    'runs:get': ({ runId }) => runs.get(runId),
    'provisioning:start': ({ plan, organizationId }) => runs.start(plan, organizationId),
    'provisioning:resume': ({ runId }) => runs.resume(runId),
    'provisioning:cancel': ({ runId }) => runs.cancel(runId),
    'provisioning:repair': ({ runId }) => runs.resume(runId, { repair: true }),
    'provisioning:abandon': ({ runId }) => runs.abandon(runId),
    // Before the first passphrase there is no vault, so nothing to list (not an error to show).
    'recovery:list': async () => ((await vault.isInitialized()) ? listKnownTss(await vault.opened()) : []),
    'recovery:reveal': async ({ tssId, passphrase }) => ({ puk: await revealPuk(await vault.opened(), tssId, passphrase) }),
    'recovery:unblock': async ({ tssId, newPin }) => {
      const home = (await listKnownTss(await vault.opened())).find((t) => t.tssId === tssId);
      const client = await connections.clientFor(home?.environment ?? 'sandbox', home?.organizationId);
      await unblockAdminPin(client, await vault.unlocked(), tssId, newPin);
      return {};
    },
    'tss:overview': ({ tssId }) => tss.overview(tssId),
    'tss:set-client-state': ({ tssId, clientId, state }) => tss.setClientState(tssId, clientId, state),
    'tss:close-stale': ({ tssId }) => tss.closeStale(tssId),
    'tss:export': ({ tssId }) => tss.exportTar(tssId),
    'tss:disable': ({ tssId, confirmation }) => tss.disable(tssId, confirmation),
    'receipt:get': ({ runId }) => documents.receipt(runId),
    'receipt:verify': ({ qrCodeData, tssSerialNumber }) => {
      const result = checkReceipt(qrCodeData, tssSerialNumber ? { tssSerialNumber } : {});
      return { valid: result.valid, checks: result.checks };
    },
    'print:printers': () => (config.printPort ?? noPrintPort).printers(),
    'print:receipt': ({ runId, printer, width }) => documents.printReceipt(runId, printer, paper(width)),
    'print:pdf': ({ runId, width }) => documents.receiptPdf(runId, paper(width)),
    'print:escpos': ({ runId, host, port, width, nativeQr }) => documents.escpos(runId, host, port, paper(width), nativeQr),
    'report:handover': ({ runId }) => documents.handoverReport(runId),
  };

  return {
    dispatch: createDispatch(handlers),
    events,
    settings,
    runs,
    sandboxUrl: () => connections.sandboxUrl(),
    close: async () => {
      await runs.settle();
      await connections.close();
      vault.close();
    },
  };
}
