/**
 * What the technician's screens get back from main. Types only: each is defined next to the code that
 * makes it, so there is one definition; the renderer sees them through this file.
 */
import type { ProgressEvent, RunReport } from '../../main/products/sign-de/provisioning/orchestrator';
import type { KnownTss } from '../../main/products/sign-de/provisioning/puk-recovery';
import type { ExportProgress } from '../../main/products/sign-de/store/tss-exports';
import type { ReceiptCheckResult } from '../../main/products/sign-de/tse';
import type { EnvironmentId } from './core/settings';

export type { ExportProgress, KnownTss, ProgressEvent, RunReport };

export interface VaultState {
  /** No vault yet: the first use asks for the recovery passphrase. */
  initialized: boolean;
  unlocked: boolean;
  /** Why the OS keychain did not open the vault (null when it did or was not asked). */
  keychainProblem: string | null;
  entries: number;
  /**
   * Set when vault.json was refused: damaged or altered (E_VAULT_TAMPERED) or older than the newest
   * generation this laptop saved (E_VAULT_ROLLBACK). `previousIntact`: 'vault:restore-previous' can help.
   */
  damage?: { code: 'E_VAULT_TAMPERED' | 'E_VAULT_ROLLBACK'; previousIntact: boolean } | null;
}

/** What 'vault:import-recovery' did. A stored PUK or PIN is never replaced: a different one is a conflict. */
export interface RecoveryImportResult {
  added: number;
  updated: number;
  kept: number;
  /** Entries the vault held with a different secret: both kept, the vault goes on using its own. */
  conflicts: Array<{ tssId: string; kind: 'admin-pin' | 'admin-puk' | 'api-credentials'; storeName?: string }>;
}

export interface Organization {
  /** fiskaly's organization id, from the token's claims. */
  id: string;
  environment: Exclude<EnvironmentId, 'sandbox'>;
  label: string;
  /** The first characters of the API key, to tell keys apart; never the secret. */
  apiKeyHint: string;
}

export interface TssOverview {
  tssId: string;
  environment: EnvironmentId;
  storeName?: string;
  state: string;
  serialNumber: string;
  bsiCertificationId?: string;
  timeInit?: number;
  signatureCounter: string | null;
  transactionCounter: string | null;
  registeredClients: number;
  maxRegisteredClients: number;
  activeTransactions: number;
  maxActiveTransactions: number;
  clients: Array<{ id: string; serialNumber: string; state: string }>;
}

export interface SavedFile {
  path: string;
  bytes: number;
}

export interface ReceiptVerification {
  valid: boolean;
  checks: ReceiptCheckResult['checks'];
}

export interface PrinterInfo {
  name: string;
  isDefault: boolean;
}
