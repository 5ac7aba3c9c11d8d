import { chmodSync, mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PRODUCTS, type ProductId, sandboxBaseUrl } from '../preload/contract/core/products';
import type { EnvironmentId } from '../preload/contract/core/settings';
import { type HandlerSet, composeHandlers } from './core/bridge/compose-handlers';
import { type Dispatch, createDispatch } from './core/bridge/dispatch';
import { DATA_SUBFOLDERS, PRODUCT_NAME } from './core/data-dir';
import { securePrivateTree } from './core/durable/private-folder';
import { EventHub } from './core/events';
import { checkCredentials } from './core/session/check-credentials';
import { type OpenStore, openConfStore } from './core/settings/key-value-store';
import { SettingsService } from './core/settings/settings-service';
import type { Wing } from './core/wing';
import { type PrintPort, noPrintPort } from './printing/print-port';
import { type SignDeCore, type SignDeServices, signDeWing } from './products/sign-de';
import type { SandboxOptionsInput } from './products/sign-de/sandbox/options';
import type { ExportEngineOptions } from './products/sign-de/store/tss-exports';
import { type EntryKinds, type EntryRegistry, type KeyWrapper, type VaultOptions, combineRegistries, unavailableKeyWrapper } from './vault';
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
  /** SIGN DE's export poller's clock and pace (tests pass a clock their sleep advances). */
  exports?: Omit<ExportEngineOptions, 'onProgress'>;
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
  const events = new EventHub();
  const settings = new SettingsService((config.openStore ?? openConfStore)('settings', config.dataDir), events);
  const keyWrapper = config.keyWrapper ?? unavailableKeyWrapper('no OS keychain in this process');
  const vault = new VaultAccess(config.dataDir, keyWrapper, { ...config.vaultOptions, ...VAULT_REGISTRY });
  const printPort = config.printPort ?? noPrintPort;

  const signDeCore: SignDeCore = {
    dataDir: config.dataDir,
    vault,
    events,
    printPort,
    clientConcurrency: () => settings.clientConcurrency(),
    sandbox: config.sandbox,
    fiskalyUrl: config.fiskalyUrl,
    exports: config.exports,
  };
  const signDe = signDeWing.start(signDeCore);
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
    'vault:export-recovery': async ({ passphrase }) => {
      const path = join(config.dataDir, 'recovery', `tss-companion-${new Date().toISOString().slice(0, 10)}.tsscr`);
      await (await vault.unlocked()).exportRecoveryFile(path, passphrase);
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
      checkCredentials({ ...input, apiVersion: settings.unifiedApiVersion(), baseUrl: await productUrl(input.product, environment) }),
  };
  const handlers = composeHandlers([
    { owner: 'the composition', handlers: neutral },
    ...wings.map(({ wing, started }) => ({ owner: wing.label, handlers: started.handlers })),
  ]);

  return {
    dispatch: createDispatch(handlers),
    events,
    settings,
    vault,
    signDe: signDe.services,
    productUrl,
    close: async () => {
      for (const { started } of wings) await started.close();
      await settings.flush();
      await secured;
      vault.close();
    },
  };
}

/** What a wing (whatever it needs from the core) registers with the vault: its kinds, for labels naming its environments. */
function registryOf<K extends EntryKinds>(wing: Wing<never, K, unknown>): EntryRegistry<K> {
  return { kinds: wing.vaultKinds, environments: wing.environments.map((environment) => environment.id) };
}
