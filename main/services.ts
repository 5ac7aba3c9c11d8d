import { chmodSync, mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { recoveryFileName } from '../preload/contract/core/files';
import { type BridgeEvents, type Result, startChannels } from '../preload/contract';
import type { ProgressEvent, RunReport } from '../preload/contract/sign-de/runs';
import { PRODUCTS, type ProductId, sandboxBaseUrl } from '../preload/contract/core/products';
import type { EnvironmentId } from '../preload/contract/core/settings';
import { type HandlerSet, composeHandlers } from './core/bridge/compose-handlers';
import { type Dispatch, createDispatch } from './core/bridge/dispatch';
import { loggedDispatch } from './core/bridge/logged-dispatch';
import { DATA_SUBFOLDERS, PRODUCT_NAME } from './core/data-dir';
import { securePrivateTree } from './core/durable/private-folder';
import { EventHub } from './core/events';
import { fileHandlers } from './core/files/file-handlers';
import type { FilesPort } from './core/files/files-port';
import { SaveTargets } from './core/files/save-targets';
import { type Log, openLog, silentLog } from './core/log';
import { isSecretKey } from './core/log-scrub';
import { rendererLogWriter } from './core/renderer-log';
import { buildSupportBundle, versionFacts } from './core/support-bundle';
import { checkCredentials } from './core/session/check-credentials';
import type { HttpExchange } from './core/session/http-exchange';
import { type OpenStore, openConfStore } from './core/settings/key-value-store';
import { SettingsService } from './core/settings/settings-service';
import type { Wing } from './core/wing';
import { type PrintPort, noPrintPort } from './printing/print-port';
import { type SignDeCore, type SignDeServices, signDeWing } from './products/sign-de';
import type { ForegroundDrive, ForegroundRuns } from './products/sign-de/provisioning/foreground-runs';
import type { SandboxOptionsInput } from './products/sign-de/sandbox/options';
import type { ExportEngineOptions } from './products/sign-de/store/tss-exports';
import { type EntryKinds, type EntryRegistry, type KeyWrapper, type VaultOptions, combineRegistries, unavailableKeyWrapper } from './vault';
import { activityPage } from './vault/audit-activity';
import { requirePassphrase } from './vault/confirmation';
import { VaultAccess } from './vault/vault-access';

export interface ServicesConfig {
  dataDir: string;
  version: string;
  /** electron-store in the app; conf (same format) everywhere else. */
  openStore?: OpenStore;
  /** Electron's safeStorage in the app; elsewhere none, and the passphrase unlocks the vault. */
  keyWrapper?: KeyWrapper;
  /** The scrypt cost and clock (tests); the wings register the vault's kinds themselves. */
  vaultOptions?: Omit<VaultOptions, keyof EntryRegistry>;
  /** Electron's printing in the app, Chromium's in the browser shell. */
  printPort?: PrintPort;
  /** Options for SIGN DE's built-in sandbox (tests shorten its deployment delay). */
  sandbox?: SandboxOptionsInput;
  /** Where fiskaly SIGN DE TEST and LIVE answer (tests point it at a second sandbox). */
  fiskalyUrl?: string;
  /** How fiskaly is reached: Electron's net.fetch in the app (system proxy and certificates); else undici with the proxy variables. */
  exchange?: HttpExchange;
  /** SIGN DE's export poller's clock and pace (tests pass a clock their sleep advances). */
  exports?: Omit<ExportEngineOptions, 'onProgress'>;
  /** The OS's save dialogs in the app; elsewhere the page's own chooser, defaulting to ~/Documents. */
  files?: FilesPort;
  /** The shell that runs (`app`, `cli`, `browser-shell`): it logs to `<dataDir>/logs/<shell>.log`. None: no log file (tests). */
  logShell?: string;
}

/** The vault's registration: every wing's kinds, and every wing's environments for the labels. */
const VAULT_REGISTRY = combineRegistries(registryOf(signDeWing));

export interface Services {
  dispatch: Dispatch;
  events: EventHub;
  settings: SettingsService;
  /** The one vault of the data folder, with every wing's kinds registered. */
  vault: VaultAccess<typeof VAULT_REGISTRY.kinds>;
  /** The SIGN DE wing's services: the CLI drives its runs and connections, tests read its runs and sandbox. */
  signDe: SignDeServices;
  /** The shell's log file (a silent log when `logShell` was not given). */
  log: Log;
  /** Where a product's key is checked: its place in the built-in sandbox (started if needed), or fiskaly's. */
  productUrl(product: ProductId, environment: EnvironmentId): Promise<string>;
  close(): Promise<void>;
}

/**
 * The composition root: the core (settings, events, the vault, printing) and the wings on it. No Electron
 * here: the app, the CLI, the browser shell and the tests all call it, so there is no second one.
 */
export function createServices(config: ServicesConfig): Services {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(config.dataDir, 0o700);
  // Owner-only again (files an older version or a wide umask left), and crashed writers' temp files gone.
  const secured = securePrivateTree(config.dataDir, DATA_SUBFOLDERS).catch(() => {});
  const log = config.logShell ? openLog(config.dataDir, { shell: config.logShell }) : silentLog;
  const { shell: _inTheBase, ...versions } = versionFacts(config.version, config.logShell ?? 'none');
  log.info('services started', { ...versions, dataDir: config.dataDir });
  const events = new EventHub();
  const stopRunLog = logRunEvents(events, log);
  const settings = new SettingsService((config.openStore ?? openConfStore)('settings', config.dataDir), events);
  const keyWrapper = config.keyWrapper ?? unavailableKeyWrapper('no OS keychain in this process');
  const vault = new VaultAccess(config.dataDir, keyWrapper, { ...config.vaultOptions, ...VAULT_REGISTRY });
  const printPort = config.printPort ?? noPrintPort;
  const filesPort: FilesPort = config.files ?? { chooser: 'in-app', documentsDir: join(homedir(), 'Documents') };
  const files = new SaveTargets({ dataDir: config.dataDir, documentsDir: filesPort.documentsDir, grantsOnly: filesPort.chooser === 'native' });

  const signDeCore: SignDeCore = {
    dataDir: config.dataDir,
    vault,
    events,
    printPort,
    files,
    clientConcurrency: () => settings.clientConcurrency(),
    sandbox: config.sandbox,
    fiskalyUrl: config.fiskalyUrl,
    exchange: config.exchange,
    exports: config.exports,
  };
  const signDe = signDeWing.start(signDeCore);
  logForegroundRuns(signDe.services.foregroundRuns, log);
  const wings = [{ wing: signDeWing, started: signDe }];

  // The built-in sandbox (SIGN DE's wing runs it) also answers the other products' logins.
  const productUrl = async (product: ProductId, environment: EnvironmentId): Promise<string> => {
    if (environment === 'sandbox') return sandboxBaseUrl(await signDe.services.connections.sandboxUrl(), product);
    // Tests point fiskalyUrl at a second sandbox, which serves every product under its prefix.
    if (config.fiskalyUrl) return product === 'sign-de' ? config.fiskalyUrl : sandboxBaseUrl(config.fiskalyUrl, product);
    return environment === 'live' ? PRODUCTS[product].liveBaseUrl : PRODUCTS[product].testBaseUrl;
  };

  // The channels every product shares: the app, its settings, the vault, the list of printers.
  const neutral: HandlerSet = {
    'app:info': () => ({ name: PRODUCT_NAME, version: config.version, dataDir: config.dataDir, environments: wings.flatMap(({ wing }) => wing.environments) }),
    'settings:get': () => settings.get(),
    // The passphrase confirms and is dropped here: it must never reach the settings file.
    'settings:set': async ({ passphrase, ...patch }) => {
      if (patch.environment === 'live' && settings.get().environment !== 'live') await requirePassphrase(vault, 'switch-to-live', passphrase);
      return settings.save(patch);
    },
    'vault:status': () => vault.status(),
    'vault:setup': ({ passphrase }) => vault.setup(passphrase),
    'vault:unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault:export-recovery': async ({ passphrase, destination, tssId, store }) => {
      const name = recoveryFileName(new Date(), tssId ? store : undefined);
      const path = files.file(destination, name) ?? join(config.dataDir, 'recovery', name);
      await (await vault.unlocked()).exportRecoveryFile(path, passphrase, undefined, tssId);
      files.remember(path);
      return { path, bytes: (await stat(path)).size };
    },
    // The vault's own passphrase is checked in main: a page cannot import a file it sealed itself.
    'vault:import-recovery': ({ file, passphrase, vaultPassphrase, newVault }) =>
      newVault
        ? vault.setupFromRecovery(Buffer.from(file, 'base64'), passphrase, vaultPassphrase)
        : vault.importRecovery(Buffer.from(file, 'base64'), passphrase, vaultPassphrase),
    'vault:restore-previous': ({ passphrase }) => vault.restorePrevious(passphrase),
    'print:printers': () => printPort.printers(),
    // Any product's key and secret, checked by logging in once: the answer names no token.
    'orgs:check': async ({ environment, ...input }) =>
      checkCredentials({
        ...input,
        apiVersion: settings.unifiedApiVersion(),
        baseUrl: await productUrl(input.product, environment),
        ...(environment === 'sandbox' ? { direct: true } : { exchange: config.exchange }),
      }),
    // The first screen's reads in one round trip, each answered as if called alone.
    'app:start': async () => {
      const answers = await Promise.all(startChannels.map(async (channel) => [channel, await dispatch(channel, undefined)] as const));
      return Object.fromEntries(answers) as { [C in (typeof startChannels)[number]]: Result<never> };
    },
    'log:write': rendererLogWriter(log),
    'support:bundle': async (request) => {
      const bundle = await buildSupportBundle({
        place: (name) => files.file(request?.destination, name),
        dataDir: config.dataDir,
        settings: settings.get(),
        appVersion: config.version,
        shell: config.logShell ?? 'none',
        knownSecrets: () => vaultSecrets(vault),
      });
      files.remember(bundle.path);
      log.info('support bundle saved', { files: bundle.files.length, kilobytes: Math.ceil(bundle.bytes / 1024) });
      return { path: bundle.path, bytes: bundle.bytes };
    },
    'activity:list': async (page) => {
      const listing = (await vault.isInitialized()) ? await (await vault.opened()).list() : [];
      return activityPage(config.dataDir, listing, page);
    },
  };
  const handlers = composeHandlers([
    { owner: 'the composition', handlers: neutral },
    { owner: 'the file chooser', handlers: fileHandlers(filesPort, files) },
    ...wings.map(({ wing, started }) => ({ owner: wing.label, handlers: started.handlers })),
  ]);

  const dispatch = loggedDispatch(createDispatch(handlers), log);

  return {
    dispatch,
    events,
    settings,
    vault,
    signDe: signDe.services,
    log,
    productUrl,
    close: async () => {
      for (const { started } of wings) await started.close();
      await settings.flush();
      await secured;
      vault.close();
      stopRunLog();
      log.info('services closed');
      await log.close();
    },
  };
}

/** What a wing (whatever it needs from the core) registers with the vault: its kinds, for labels naming its environments. */
function registryOf<K extends EntryKinds>(wing: Wing<never, K, unknown>): EntryRegistry<K> {
  return { kinds: wing.vaultKinds, environments: wing.environments.map((environment) => environment.id) };
}

/** Runs started, finished, failed or cancelled, as plain facts (ids, status, the error's code and step). */
function logRunEvents(events: EventHub, log: Log): () => void {
  const seen = new Set<string>();
  return events.subscribe((event, payload) => {
    if (event === 'provisioning:progress') {
      const { runId, storeName } = payload as BridgeEvents['provisioning:progress'];
      if (!seen.has(runId)) log.info('run started', { runId, storeName });
      seen.add(runId);
    } else if (event === 'provisioning:finished') {
      const report = payload as BridgeEvents['provisioning:finished'];
      seen.delete(report.runId);
      logRunReport(log, report);
    }
  });
}

function logRunReport(log: Log, report: RunReport): void {
  const facts = { runId: report.runId, storeName: report.storeName, environment: report.environment, tssId: report.tssId, status: report.status };
  if (report.status === 'failed') log.warn('run failed', { ...facts, code: report.error?.code, step: report.error?.step, message: report.error?.message });
  else log.info(`run ${report.status}`, facts);
}

/**
 * The CLI's runs report to their caller, not as events: the same facts are logged by wrapping the two ways
 * in (start, resume) on this services' instance.
 */
function logForegroundRuns(runs: ForegroundRuns, log: Log): void {
  const logged = async (drive: ForegroundDrive, work: (drive: ForegroundDrive) => Promise<RunReport>): Promise<RunReport> => {
    let started = false;
    const onProgress = (event: ProgressEvent) => {
      if (!started) log.info('run started', { runId: event.runId, storeName: event.storeName });
      started = true;
      drive.onProgress?.(event);
    };
    try {
      const report = await work({ ...drive, onProgress });
      logRunReport(log, report);
      return report;
    } catch (error) {
      log.warn('run failed', { code: (error as { code?: unknown }).code, message: error instanceof Error ? error.message : typeof error });
      throw error;
    }
  };
  const start = runs.start.bind(runs);
  const resume = runs.resume.bind(runs);
  runs.start = (plan, drive) => logged(drive, (d) => start(plan, d));
  runs.resume = (runId, drive, options) => logged(drive, (d) => resume(runId, d, options));
}

/** The vault's secrets (PINs, PUKs, API secrets; not API keys) while it is unlocked, for the support bundle's last check; none when locked. */
async function vaultSecrets(vault: VaultAccess<EntryKinds>): Promise<string[]> {
  const opened = await vault.opened().catch(() => null);
  if (!opened?.status().unlocked) return [];
  const secrets: string[] = [];
  for (const entry of await opened.list()) {
    if (entry.unknownKind) continue;
    const secret = await opened.get(entry.id, entry.kind).catch(() => null);
    for (const [key, value] of Object.entries((secret ?? {}) as Record<string, unknown>)) if (isSecretKey(key) && typeof value === 'string') secrets.push(value);
  }
  return secrets;
}
