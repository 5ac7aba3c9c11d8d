import ElectronStore from 'electron-store';
import type { OpenStore } from '../core/settings/key-value-store';

/** electron-store in the app; it writes the same JSON file conf does, so the CLI reads what the app wrote. */
export const openElectronStore: OpenStore = (name, dataDir) =>
  new ElectronStore<Record<string, unknown>>({ name, cwd: dataDir, configFileMode: 0o600 });
