import type { EnvironmentId } from './settings';

export interface EnvironmentInfo {
  id: EnvironmentId;
  /** The SIGN DE v2 base URL; for the sandbox it is known only once the sandbox runs. */
  baseUrl: string | null;
  /** Receipts signed here are training receipts, not fiscal ones. */
  training: boolean;
}

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  environments: EnvironmentInfo[];
}
