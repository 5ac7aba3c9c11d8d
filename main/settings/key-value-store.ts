import Conf from 'conf';

/** The little a settings file needs; electron-store in the app, conf in plain Node (same file format). */
export interface KeyValueStore {
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
