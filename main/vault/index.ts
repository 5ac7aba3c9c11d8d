/** The vault's public surface: the class, its key wrappers, the recovery file and the types around them. */
export { Vault, type ImportSummary, type VaultOptions, type VaultStatus } from './vault';
export { type KeyWrapper, unavailableKeyWrapper } from './key-wrapper';
export { FileKeyWrapper } from './file-key-wrapper';
export {
  type RecoveryFileContents,
  type RecoveryRevealOptions,
  readRecoveryFile,
  revealFromRecoveryFile,
  RECOVERY_FORMAT,
} from './recovery-file';
export { type AuditAction, type AuditRecord, readAuditLog, AUDIT_FILE } from './audit-log';
export { assertPassphraseStrength, PASSPHRASE_MIN_CHARS } from './passphrase';
export { PRODUCTION_SCRYPT, type ScryptCostOptions } from './kdf';
export { VaultError, VaultErrorCode } from './vault-errors';
export { VAULT_FILE } from './vault-file';
export { API_CREDENTIALS_KIND, combineRegistries } from './entry-schema';
export * from './types';
