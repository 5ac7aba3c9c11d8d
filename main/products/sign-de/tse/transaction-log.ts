import {
  type LogMessageFields,
  type ParsedLogMessage,
  LogMessageError,
  encodeLogFile,
  encodeSignedLogData,
  logTrailer,
  integerContent,
  integerFromContent,
} from './log-message';
import type { SignatureAlgorithm } from './signature-algorithm';

/** id-SE-API-transaction-log */
export const TRANSACTION_LOG_OID = '0.4.0.127.0.7.3.7.1.1';

export const TRANSACTION_OPERATIONS = ['StartTransaction', 'UpdateTransaction', 'FinishTransaction'] as const;
export type TransactionOperation = (typeof TRANSACTION_OPERATIONS)[number];

const TAG = { operationType: 0, clientId: 1, processData: 2, processType: 3, transactionNumber: 5 } as const;

export interface TransactionLogInput {
  operationType: TransactionOperation;
  /** The client's serial_number, not its UUID. */
  clientId: string;
  processData: Uint8Array | string;
  processType: string;
  transactionNumber: number;
  /** The TSS serial_number (64 hex digits). */
  serialNumber: string;
  signatureAlgorithm?: SignatureAlgorithm;
  signatureCounter: number;
  /** Unix seconds. */
  logTime: number;
}

export interface TransactionLog {
  kind: 'transaction';
  operationType: TransactionOperation;
  clientId: string;
  processData: Uint8Array;
  processType: string;
  transactionNumber: number;
  serialNumber: string;
  signatureAlgorithm: SignatureAlgorithm;
  signatureCounter: number;
  logTime: number;
  signatureValue: Uint8Array;
  signedData: Uint8Array;
}

/**
 * Field set verified against real fiskaly Update and Finish signatures: no [4] additionalExternalData,
 * no [6] additionalInternalData, no seAuditData. [2] and [3] are always written, empty at Start:
 * fiskaly's exact Start bytes are unknown, so a Start log from here may differ from theirs.
 */
export function transactionLogFields(input: TransactionLogInput): LogMessageFields {
  return {
    certifiedDataType: TRANSACTION_LOG_OID,
    certifiedData: [
      { tag: TAG.operationType, content: utf8(input.operationType) },
      { tag: TAG.clientId, content: utf8(input.clientId) },
      { tag: TAG.processData, content: typeof input.processData === 'string' ? utf8(input.processData) : input.processData },
      { tag: TAG.processType, content: utf8(input.processType) },
      { tag: TAG.transactionNumber, content: integerContent(input.transactionNumber) },
    ],
    ...logTrailer(input),
  };
}

/** The bytes the TSS signs. */
export function encodeTransactionLog(input: TransactionLogInput): Uint8Array {
  return encodeSignedLogData(transactionLogFields(input));
}

export function encodeTransactionLogFile(input: TransactionLogInput, signatureValue: Uint8Array): Uint8Array {
  return encodeLogFile(transactionLogFields(input), signatureValue);
}

export function readTransactionLog(log: ParsedLogMessage): TransactionLog {
  if (log.certifiedDataType !== TRANSACTION_LOG_OID) throw new LogMessageError('not a transaction log');
  const field = (tag: number, name: string): Uint8Array => {
    const found = log.certifiedData.find((candidate) => candidate.tag === tag);
    if (!found) throw new LogMessageError(`transaction log without ${name}`);
    return found.content;
  };
  const operationType = text(field(TAG.operationType, 'operationType'));
  if (!(TRANSACTION_OPERATIONS as readonly string[]).includes(operationType)) {
    throw new LogMessageError(`unknown transaction operationType ${JSON.stringify(operationType)}`);
  }
  return {
    kind: 'transaction',
    operationType: operationType as TransactionOperation,
    clientId: text(field(TAG.clientId, 'clientId')),
    processData: field(TAG.processData, 'processData'),
    processType: text(field(TAG.processType, 'processType')),
    transactionNumber: integerFromContent(field(TAG.transactionNumber, 'transactionNumber'), 'transactionNumber'),
    serialNumber: Buffer.from(log.serialNumber).toString('hex'),
    signatureAlgorithm: log.signatureAlgorithm,
    signatureCounter: log.signatureCounter,
    logTime: log.logTime,
    signatureValue: log.signatureValue,
    signedData: log.signedData,
  };
}

function utf8(value: string): Uint8Array {
  return new Uint8Array(Buffer.from(value, 'utf8'));
}

function text(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}
