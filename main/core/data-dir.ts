import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'TSS Companion';

/**
 * Where the app keeps its data when Electron is not there to say: the same folder Electron's
 * `app.getPath('userData')` gives, so the CLI and the browser shell share the app's data.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.TSS_COMPANION_DATA_DIR) return env.TSS_COMPANION_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/**
 * The sub-folders main writes into (journals, recovery files, PDFs, exports, sandbox state, print jobs, store records):
 * kept owner-only and tidied of crashed writers' temp files when a process starts on the folder.
 */
export const DATA_SUBFOLDERS = ['runs', 'recovery', 'documents', 'exports', 'sandbox', 'printed', 'stores', 'handover', 'logs', 'support'] as const;
