import { chmodSync, mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PRODUCTS, type ProductId, sandboxBaseUrl } from '../preload/contract/products';
import type { EnvironmentId } from '../preload/contract/settings';
import { type Dispatch, type Handlers, createDispatch } from './core/bridge/dispatch';
import { DATA_SUBFOLDERS, PRODUCT_NAME } from './core/data-dir';
import { securePrivateTree } from './core/durable/private-folder';
import { checkCredentials } from './core/session/check-credentials';
import { listEnvironments } from './products/sign-de/environments';
import { EventHub } from './core/events';
import { listKnownTss, revealPuk, unblockAdminPin } from './products/sign-de/provisioning/puk-recovery';
import type { SandboxOptionsInput } from './products/sign-de/sandbox/options';
import { type OpenStore, openConfStore } from './core/settings/key-value-store';
import { SettingsService } from './core/settings/settings-service';
import { checkNetworkPrinter } from './printing';
import { checkReceipt } from './products/sign-de/tse';
import { type KeyWrapper, type VaultOptions, unavailableKeyWrapper } from './vault';
import { planConfirmation, requirePassphrase } from './vault/confirmation';
import { Connections } from './products/sign-de/connections/connections';
import { Documents } from './products/sign-de/receipt/documents';
import { Organizations } from './products/sign-de/connections/organizations';
import { type PrintPort, noPrintPort } from './printing/print-port';
import { RunManager } from './products/sign-de/provisioning/run-manager';
import type { ExportEngineOptions } from './products/sign-de/store/tss-exports';
import { TssOperations } from './products/sign-de/store/tss-operations';
import { VaultAccess } from './vault/vault-access';

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
  /** The export poller's clock and pace (tests pass a clock their sleep advances). */
  exports?: Omit<ExportEngineOptions, 'onProgress'>;
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
  chmodSync(config.dataDir, 0o700);
  // Owner-only again (files an older version or a wide umask left), and crashed writers' temp files gone.
  const secured = securePrivateTree(config.dataDir, DATA_SUBFOLDERS).catch(() => {});
  const events = new EventHub();
  const settings = new SettingsService((config.openStore ?? openConfStore)('settings', config.dataDir), events);
  const vault = new VaultAccess(config.dataDir, config.keyWrapper ?? unavailableKeyWrapper('no OS keychain in this process'), config.vaultOptions);
  const connections = new Connections(config.dataDir, () => vault.unlocked(), { sandbox: { deployDelayMs: 0, ...config.sandbox }, fiskalyUrl: config.fiskalyUrl });
  const runs = new RunManager(config.dataDir, vault, connections, events, () => settings.clientConcurrency());
  const organizations = new Organizations(vault, connections);
  const tss = new TssOperations(config.dataDir, vault, connections, { ...config.exports, onProgress: (progress) => events.emit('tss:export-progress', progress) });
  const documents = new Documents(config.dataDir, config.printPort ?? noPrintPort);

  const paper = (width: 80 | 58) => `${width}mm` as const;
  /** Where 'orgs:check' logs in: the product's place in the built-in sandbox, or fiskaly's (tests point fiskalyUrl at a sandbox). */
  const checkUrl = async (product: ProductId, environment: EnvironmentId): Promise<string> => {
    if (environment === 'sandbox') return sandboxBaseUrl(await connections.sandboxUrl(), product);
    if (config.fiskalyUrl) return product === 'sign-de' ? config.fiskalyUrl : sandboxBaseUrl(config.fiskalyUrl, product);
    return environment === 'live' ? PRODUCTS[product].liveBaseUrl : PRODUCTS[product].testBaseUrl;
  };

  const handlers: Handlers = {
    'app:info': () => ({ name: PRODUCT_NAME, version: config.version, dataDir: config.dataDir, environments: listEnvironments(null) }),
    'settings:get': () => settings.get(),
    // The passphrase confirms and is dropped here: it must never reach the settings file.
    'settings:set': async ({ passphrase, ...patch }) => {
      if (patch.environment === 'live' && settings.get().environment !== 'live') await requirePassphrase(vault, 'switch-to-live', passphrase);
      return settings.save(patch);
    },
    'vault:status': () => vault.status(),
    'vault:setup': ({ passphrase }) => vault.setup(passphrase),
    'vault:unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault:export-recovery': async ({ passphrase }) => {
      const path = join(config.dataDir, 'recovery', `tss-companion-${new Date().toISOString().slice(0, 10)}.tsscr`);
      await (await vault.unlocked()).exportRecoveryFile(path, passphrase);
      return { path, bytes: (await stat(path)).size };
    },
    // The vault's own passphrase is checked in main: a page cannot import a file it sealed itself.
    'vault:import-recovery': ({ file, passphrase, vaultPassphrase }) => vault.importRecovery(Buffer.from(file, 'base64'), passphrase, vaultPassphrase),
    'vault:restore-previous': ({ passphrase }) => vault.restorePrevious(passphrase),
    'orgs:list': () => organizations.list(),
    'orgs:save': (input) => organizations.save(input),
    'orgs:check': async ({ environment, ...input }) => checkCredentials({ ...input, apiVersion: settings.unifiedApiVersion(), baseUrl: await checkUrl(input.product, environment) }),
    'runs:list': () => runs.list(),
    'runs:get': ({ runId }) => runs.get(runId),
    'provisioning:start': async ({ plan, organizationId, passphrase }) => {
      const action = planConfirmation(plan);
      if (action) await requirePassphrase(vault, action, passphrase);
      return runs.start(plan, organizationId);
    },
    'provisioning:resume': ({ runId }) => runs.resume(runId),
    'provisioning:cancel': ({ runId }) => runs.cancel(runId),
    'provisioning:repair': ({ runId }) => runs.resume(runId, { repair: true }),
    'provisioning:abandon': ({ runId }) => runs.abandon(runId),
    // Before the first passphrase there is no vault, so nothing to list (not an error to show).
    'recovery:list': async () => ((await vault.isInitialized()) ? listKnownTss(await vault.opened()) : []),
    'recovery:reveal': async ({ tssId, passphrase }) => ({ puk: await revealPuk(await vault.opened(), tssId, passphrase) }),
    // Unblocking sets a PIN (the technician's or a generated one): confirmed either way.
    'recovery:unblock': async ({ tssId, newPin, passphrase }) => {
      await requirePassphrase(vault, 'set-admin-pin', passphrase);
      const home = (await listKnownTss(await vault.opened())).find((t) => t.tssId === tssId);
      const client = await connections.clientFor(home?.environment ?? 'sandbox', home?.organizationId);
      await unblockAdminPin(client, await vault.unlocked(), tssId, newPin);
      return {};
    },
    'tss:overview': ({ tssId }) => tss.overview(tssId),
    'tss:set-client-state': ({ tssId, clientId, state }) => tss.setClientState(tssId, clientId, state),
    'tss:stale-preview': ({ tssId, olderThanHours }) => tss.previewStale(tssId, olderThanHours),
    'tss:close-stale': ({ tssId, olderThanHours, transactionIds }) => tss.closeStale(tssId, olderThanHours, transactionIds),
    'tss:export': ({ tssId }) => tss.exportTar(tssId),
    'tss:export-status': ({ tssId }) => tss.exportStatus(tssId),
    'tss:disable': async ({ tssId, confirmation, passphrase }) => {
      await requirePassphrase(vault, 'disable-tss', passphrase);
      return tss.disable(tssId, confirmation);
    },
    'receipt:get': ({ runId }) => documents.receipt(runId),
    'receipt:verify': ({ qrCodeData, tssSerialNumber }) => {
      const result = checkReceipt(qrCodeData, tssSerialNumber ? { tssSerialNumber } : {});
      return { valid: result.valid, checks: result.checks };
    },
    'print:printers': () => (config.printPort ?? noPrintPort).printers(),
    'print:receipt': ({ runId, printer, width }) => documents.printReceipt(runId, printer, paper(width)),
    'print:pdf': ({ runId, width }) => documents.receiptPdf(runId, paper(width)),
    // The address rule first, before the receipt is even built; sendToNetworkPrinter checks again at the socket.
    'print:escpos': async ({ runId, host, port, width, nativeQr }) => {
      await checkNetworkPrinter({ host, port });
      return documents.escpos(runId, host, port, paper(width), nativeQr);
    },
    'report:handover': ({ runId }) => documents.handoverReport(runId),
  };

  return {
    dispatch: createDispatch(handlers),
    events,
    settings,
    runs,
    sandboxUrl: () => connections.sandboxUrl(),
    close: async () => {
      tss.stopExports();
      await runs.settle();
      await connections.close();
      await settings.flush();
      await secured;
      vault.close();
    },
  };
}
