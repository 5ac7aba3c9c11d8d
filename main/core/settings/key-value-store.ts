import Conf from 'conf';

/**
 * The little a settings file needs; electron-store in the app, conf in plain Node (same file format).
 * Both read the file afresh on every get and write it whole, atomically, on every set; SettingsService
 * holds the cross-process lock of `path` around each set, so what another process set stays.
 */
export interface KeyValueStore {
  /** The JSON file the store reads and writes. */
  readonly path: string;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export type OpenStore = (name: string, dataDir: string) => KeyValueStore;

export const openConfStore: OpenStore = (name, dataDir) =>
  new Conf<Record<string, unknown>>({
    projectName: 'tss-companion',
    cwd: dataDir,
    configName: name,
    configFileMode: 0o600,
  });
