import { mkdirSync } from 'node:fs';
import { PRODUCT_NAME } from './data-dir';
import { type Dispatch, type Handlers, createDispatch } from './bridge/dispatch';
import { listEnvironments } from './environments';
import { EventHub } from './events';
import { type OpenStore, openConfStore } from './settings/key-value-store';
import { SettingsService } from './settings/settings-service';

export interface ServicesConfig {
  dataDir: string;
  version: string;
  /** electron-store in the app; conf (same format) everywhere else. */
  openStore?: OpenStore;
}

export interface Services {
  dispatch: Dispatch;
  events: EventHub;
  settings: SettingsService;
  close(): Promise<void>;
}

/** The composition root. No Electron here: the app, the CLI, the browser shell and the tests all call it. */
export function createServices(config: ServicesConfig): Services {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const events = new EventHub();
  const openStore = config.openStore ?? openConfStore;
  const settings = new SettingsService(openStore('settings', config.dataDir), events);

  const handlers: Handlers = {
    'app:info': () => ({
      name: PRODUCT_NAME,
      version: config.version,
      dataDir: config.dataDir,
      environments: listEnvironments(null),
    }),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.set(patch),
  };

  return {
    dispatch: createDispatch(handlers),
    events,
    settings,
    close: async () => {},
  };
}
