import { LogMessageError, parseLogFile } from './log-message';
import { SYSTEM_LOG_OID, type SystemLog, readSystemLog } from './system-log';
import { TRANSACTION_LOG_OID, type TransactionLog, readTransactionLog } from './transaction-log';

export type SignedLog = TransactionLog | SystemLog;

/** Reads a log file from an export TAR as a transaction or a system log. Throws LogMessageError otherwise. */
export function readLogFile(bytes: Uint8Array): SignedLog {
  const log = parseLogFile(bytes);
  if (log.certifiedDataType === TRANSACTION_LOG_OID) return readTransactionLog(log);
  if (log.certifiedDataType === SYSTEM_LOG_OID) return readSystemLog(log);
  throw new LogMessageError(`unsupported certifiedDataType ${log.certifiedDataType}`);
}
