import type { ActivityPage } from './activity';
import type { AppInfo } from './app-info';
import type { ChosenPath, FolderListing, SaveLocation, SavedFile } from './files';
import type { Organization } from './organizations';
import type { PrinterInfo } from './printing';
import type { CredentialsCheck } from './products';
import type { Settings } from './settings';
import type { RecoveryImportResult, VaultState } from './vault';

/** The channels every product shares: the app, its settings, the vault, organizations and the printer list. */
export const coreChannels = [
  'app:info',
  'settings:get',
  'settings:set',
  'vault:status',
  'vault:setup',
  'vault:unlock',
  'vault:export-recovery',
  'vault:import-recovery',
  'vault:restore-previous',
  'orgs:list',
  'orgs:save',
  'orgs:check',
  'print:printers',
  'files:location',
  'files:choose',
  'files:list',
  'files:show',
  'log:write',
  'support:bundle',
  'activity:list',
] as const;

export type CoreChannel = (typeof coreChannels)[number];

/** What each core channel resolves to when it succeeds. */
export interface CoreChannelResponses {
  'app:info': AppInfo;
  'settings:get': Settings;
  'settings:set': Settings;
  'vault:status': VaultState;
  'vault:setup': VaultState;
  'vault:unlock': VaultState;
  'vault:export-recovery': SavedFile;
  'vault:import-recovery': RecoveryImportResult;
  'vault:restore-previous': VaultState;
  'orgs:list': Organization[];
  'orgs:save': Organization;
  'orgs:check': CredentialsCheck;
  'print:printers': PrinterInfo[];
  /** The default folder for a store's files, and which chooser this shell has. */
  'files:location': SaveLocation;
  /** The OS's save or folder dialog (the app only); main remembers the answer as the one place it may write. */
  'files:choose': ChosenPath;
  /** A folder's contents for the in-app chooser (the browser shell only). */
  'files:list': FolderListing;
  /** Shows a saved file in the OS's file manager (the app only). */
  'files:show': Empty;
  /** The renderer's line went to the log (or was dropped: too many too fast). */
  'log:write': Empty;
  /** A zip of logs, settings, journals, store records, the audit log and versions; no secret. */
  'support:bundle': SavedFile;
  /** The vault's audit log, newest first, a page at a time. */
  'activity:list': ActivityPage;
}

/** A channel with an empty answer (`{}`). */
export type Empty = Record<string, never>;

/** The core's reads the first screen needs, answered together by `app:start` (no payload each). */
export const coreStartChannels = ['app:info', 'settings:get', 'vault:status', 'orgs:list'] as const satisfies readonly CoreChannel[];
