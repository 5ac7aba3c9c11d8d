import {
  type LogMessageFields,
  type ParsedLogMessage,
  LogMessageError,
  encodeLogFile,
  encodeSignedLogData,
  logTrailer,
} from './log-message';
import type { SignatureAlgorithm } from './signature-algorithm';

/**
 * System logs (admin login/logout, PIN change, state changes, client registration).
 *
 * fiskaly's exact system-log bytes are unknown, so this layout is this project's own choice, modelled on
 * TR-03151's SystemLogMessage: [0] operationType, [1] systemOperationData, then the common trailer.
 * systemOperationData is whatever bytes the caller chooses; TR-03151 defines an ASN.1 structure per
 * operation, which nothing here tries to reproduce.
 */

/** id-SE-API-system-log */
export const SYSTEM_LOG_OID = '0.4.0.127.0.7.3.7.1.2';

export const SYSTEM_LOG_OPERATIONS = [
  'AuthenticateUser',
  'LogOut',
  'UnblockUser',
  'UpdateDevice',
  'RegisterClient',
  'DeregisterClient',
] as const;
export type SystemLogOperation = (typeof SYSTEM_LOG_OPERATIONS)[number];

const TAG = { operationType: 0, systemOperationData: 1 } as const;

export interface SystemLogInput {
  operationType: SystemLogOperation;
  systemOperationData: Uint8Array | string;
  serialNumber: string;
  signatureAlgorithm?: SignatureAlgorithm;
  signatureCounter: number;
  logTime: number;
}

export interface SystemLog {
  kind: 'system';
  /** Any word: logs from elsewhere may use operation names this project never writes. */
  operationType: string;
  systemOperationData: Uint8Array;
  serialNumber: string;
  signatureAlgorithm: SignatureAlgorithm;
  signatureCounter: number;
  logTime: number;
  signatureValue: Uint8Array;
  signedData: Uint8Array;
}

export function systemLogFields(input: SystemLogInput): LogMessageFields {
  const data = input.systemOperationData;
  return {
    certifiedDataType: SYSTEM_LOG_OID,
    certifiedData: [
      { tag: TAG.operationType, content: new Uint8Array(Buffer.from(input.operationType, 'utf8')) },
      { tag: TAG.systemOperationData, content: typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'utf8')) : data },
    ],
    ...logTrailer(input),
  };
}

export function encodeSystemLog(input: SystemLogInput): Uint8Array {
  return encodeSignedLogData(systemLogFields(input));
}

export function encodeSystemLogFile(input: SystemLogInput, signatureValue: Uint8Array): Uint8Array {
  return encodeLogFile(systemLogFields(input), signatureValue);
}

export function readSystemLog(log: ParsedLogMessage): SystemLog {
  if (log.certifiedDataType !== SYSTEM_LOG_OID) throw new LogMessageError('not a system log');
  const operationType = log.certifiedData.find((field) => field.tag === TAG.operationType);
  if (!operationType) throw new LogMessageError('system log without operationType');
  return {
    kind: 'system',
    operationType: Buffer.from(operationType.content).toString('utf8'),
    systemOperationData: log.certifiedData.find((field) => field.tag === TAG.systemOperationData)?.content ?? new Uint8Array(),
    serialNumber: Buffer.from(log.serialNumber).toString('hex'),
    signatureAlgorithm: log.signatureAlgorithm,
    signatureCounter: log.signatureCounter,
    logTime: log.logTime,
    signatureValue: log.signatureValue,
    signedData: log.signedData,
  };
}
