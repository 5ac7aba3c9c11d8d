import type { BridgeError } from '../../../preload/contract/core/result';

/** What the technician was doing when a call failed; it picks the error's first sentence. */
export type Operation =
  | 'loadInfo'
  | 'loadSettings'
  | 'saveSettings'
  | 'loadVault'
  | 'setupVault'
  | 'unlockVault'
  | 'exportRecovery'
  | 'saveSupportBundle'
  | 'importRecovery'
  | 'restoreVault'
  | 'loadOrgs'
  | 'saveOrg'
  | 'loadRuns'
  | 'loadKnownTss'
  | 'loadTssSummary'
  | 'startRun'
  | 'resumeRun'
  | 'cancelRun'
  | 'repairRun'
  | 'abandonRun'
  | 'revealPuk'
  | 'unblockPin'
  | 'loadOverview'
  | 'setClientState'
  | 'previewStale'
  | 'closeStale'
  | 'exportTss'
  | 'disableTss'
  | 'loadReceipt'
  | 'verifyReceipt'
  | 'loadPrinters'
  | 'printReceipt'
  | 'printPdf'
  | 'printEscpos'
  | 'handoverReport'
  | 'loadStoreRecord'
  | 'setMasterData'
  | 'addTills'
  | 'deregisterTill'
  | 'saveHandover'
  | 'loadMigrationInventory'
  | 'loadMigrationRuns'
  | 'startMigration'
  | 'resumeMigration'
  | 'cancelMigration'
  | 'saveMigrationDocuments';

/** A failed bridge call as the UI shows it: at most one per operation, the newest one. */
export interface UiError extends BridgeError {
  operation: Operation;
  /** The row the action was for (a TSS id, a run id) where a screen lists several: its error shows beside that row. */
  subject?: string;
}

/**
 * What a view shows an action's error beside: the operation (wherever it failed), or `operation:subject`
 * (only for that row). See `shownBeside`.
 */
export type ActionOnView = Operation | `${Operation}:${string}`;

export const actionOnRow = (operation: Operation, subject: string): ActionOnView => `${operation}:${subject}`;

/** Whether the view shows `error` beside its action: the action is on it, for any row or for the error's own. */
export function shownBeside(error: UiError, actions: readonly string[]): boolean {
  return actions.includes(error.operation) || (error.subject !== undefined && actions.includes(actionOnRow(error.operation, error.subject)));
}

/**
 * Where an error is shown: next to the part of a screen it is about. Errors of an area the current view
 * does not show appear in the frame's message region instead, so none is ever invisible.
 */
export type ErrorArea = 'app' | 'vault' | 'backup' | 'orgs' | 'stores' | 'run' | 'recovery' | 'overview' | 'receipt' | 'handover' | 'store' | 'migration';

export const operationArea: Record<Operation, ErrorArea> = {
  loadInfo: 'app',
  loadSettings: 'app',
  saveSettings: 'app',
  loadVault: 'vault',
  setupVault: 'vault',
  unlockVault: 'vault',
  exportRecovery: 'backup',
  saveSupportBundle: 'app',
  importRecovery: 'backup',
  restoreVault: 'vault',
  loadOrgs: 'orgs',
  saveOrg: 'orgs',
  loadRuns: 'stores',
  loadKnownTss: 'stores',
  loadTssSummary: 'stores',
  startRun: 'run',
  resumeRun: 'run',
  cancelRun: 'run',
  repairRun: 'run',
  abandonRun: 'stores',
  revealPuk: 'recovery',
  unblockPin: 'recovery',
  loadOverview: 'overview',
  setClientState: 'overview',
  previewStale: 'overview',
  closeStale: 'overview',
  exportTss: 'overview',
  disableTss: 'overview',
  loadReceipt: 'receipt',
  verifyReceipt: 'receipt',
  loadStoreRecord: 'store',
  setMasterData: 'store',
  addTills: 'store',
  deregisterTill: 'store',
  saveHandover: 'store',
  loadPrinters: 'receipt',
  printReceipt: 'receipt',
  printPdf: 'receipt',
  printEscpos: 'receipt',
  handoverReport: 'handover',
  loadMigrationInventory: 'migration',
  loadMigrationRuns: 'migration',
  startMigration: 'migration',
  resumeMigration: 'migration',
  cancelMigration: 'migration',
  saveMigrationDocuments: 'migration',
};

/** Operations a "try again" button can repeat without asking anything again. */
export const retryableOperations: readonly Operation[] = [
  'loadInfo',
  'loadSettings',
  'loadVault',
  'loadOrgs',
  'loadRuns',
  'loadKnownTss',
  'loadOverview',
  'loadReceipt',
  'verifyReceipt',
  'loadPrinters',
];

/**
 * Operations whose error is shown only beside the button or form that started them (by `<ActionError>`),
 * never in a screen's area notices: at the top of a page it is far from the action and often off-screen.
 * An operation goes on this list once every screen that offers its action places an `<ActionError>` there.
 */
export const besideActionOperations: readonly Operation[] = [
  'setupVault',
  'unlockVault',
  'exportRecovery',
  'importRecovery',
  'restoreVault',
  'revealPuk',
  'unblockPin',
  'startRun',
  'cancelRun',
  'resumeRun',
  'repairRun',
  'loadPrinters',
  'printReceipt',
  'printPdf',
  'printEscpos',
  'loadTssSummary',
  'abandonRun',
  'startMigration',
  'resumeMigration',
  'cancelMigration',
  'saveMigrationDocuments',
];

/** The errors a navigation leaves behind: a failed load stays (the screens still lack its data), an action's goes. */
export function errorsAfterNavigation(errors: UiError[]): UiError[] {
  const kept = errors.filter((error) => retryableOperations.includes(error.operation));
  return kept.length === errors.length ? errors : kept;
}

export function withError(errors: UiError[], error: UiError): UiError[] {
  return [...errors.filter((existing) => existing.operation !== error.operation), error];
}

export function withoutError(errors: UiError[], operation: Operation): UiError[] {
  return errors.some((error) => error.operation === operation)
    ? errors.filter((error) => error.operation !== operation)
    : errors;
}

export function errorsIn(errors: UiError[], areas: readonly ErrorArea[]): UiError[] {
  return errors.filter((error) => areas.includes(operationArea[error.operation]));
}
