/** TR-03151 / KassenSichV crypto shared by the sandbox (which signs) and the app (which verifies). */
export { type SandboxCa, createSandboxCa, issueTssCertificate, sandboxCaCertificate, certificateSerialNumber } from './certificate';
export { type ExportContents, type ExportTss, type TarEntry, INFO_CSV_COLUMNS, buildExportTar, logFileName, readExportTar } from './export-tar';
export { type SignedLog, readLogFile } from './log-file';
export { LogMessageError, parseLogFile, wrapSignedLogData } from './log-message';
export {
  type ProcessData,
  type StandardV1,
  type TransactionSchema,
  ProcessDataError,
  processDataFromSchema,
} from './process-data';
export { type QrCodeData, type QrCodeField, type QrCodeParseError, type QrCodeParseResult, buildQrCodeData, parseQrCodeData } from './qr-code-data';
export { type KnownReceiptFacts, type ReceiptCheckResult, checkReceipt } from './receipt-check';
export { serialNumberOfPublicKey } from './serial-number';
export { SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from './signature-algorithm';
export {
  type TssKey,
  PublicKeyError,
  generateTssKey,
  publicKeyFromRawPoint,
  signLog,
  tssKeyFromPkcs8Pem,
  tssKeyToPkcs8Pem,
  verifyLogSignature,
} from './signer';
export {
  SYSTEM_LOG_OPERATIONS,
  type SystemLog,
  type SystemLogInput,
  type SystemLogOperation,
  encodeSystemLog,
  encodeSystemLogFile,
} from './system-log';
export {
  TRANSACTION_OPERATIONS,
  type TransactionLog,
  type TransactionLogInput,
  type TransactionOperation,
  encodeTransactionLog,
  encodeTransactionLogFile,
} from './transaction-log';
