import { decodeCanonicalBase64 } from './base64';

/**
 * The receipt QR payload (DSFinV-K Annex I), exactly as fiskaly returns it in `qr_code_data`:
 * V0;client serial;processType;processData;tx number;signature counter;start time;log time;algorithm;log time format;signature;public key
 */

export const QR_CODE_FIELDS = [
  'version',
  'clientSerialNumber',
  'processType',
  'processData',
  'transactionNumber',
  'signatureCounter',
  'startTime',
  'logTime',
  'signatureAlgorithm',
  'logTimeFormat',
  'signature',
  'publicKey',
] as const;
export type QrCodeField = (typeof QR_CODE_FIELDS)[number];

export const QR_CODE_VERSION = 'V0';

export interface QrCodeData {
  version: typeof QR_CODE_VERSION;
  clientSerialNumber: string;
  processType: string;
  processData: string;
  transactionNumber: number;
  /** Signature counter of the Finish log. */
  signatureCounter: number;
  /** Unix seconds (time_start). */
  startTime: number;
  /** Unix seconds of the Finish log (time_end). */
  logTime: number;
  /** Any text: which algorithms can be checked is the receipt check's business. */
  signatureAlgorithm: string;
  logTimeFormat: string;
  /** base64, as printed. */
  signature: string;
  /** base64, as printed. */
  publicKey: string;
}

export interface QrCodeParseError {
  /** 'structure' when the text does not even have the twelve fields. */
  field: QrCodeField | 'structure';
  message: string;
}

export type QrCodeParseResult = { ok: true; value: QrCodeData } | { ok: false; error: QrCodeParseError };

const SEPARATOR = ';';
const FIXED_BEFORE_PROCESS_DATA = 3;
const FIXED_AFTER_PROCESS_DATA = 8;
/** Seconds only: the signed log holds unix seconds, so milliseconds other than .000 cannot be right. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;
const UNSIGNED_INTEGER = /^(0|[1-9]\d*)$/;

export function buildQrCodeData(data: Omit<QrCodeData, 'version'>): string {
  const fields: Record<QrCodeField, string> = {
    version: QR_CODE_VERSION,
    clientSerialNumber: data.clientSerialNumber,
    processType: data.processType,
    processData: data.processData,
    transactionNumber: unsignedInteger(data.transactionNumber, 'transactionNumber'),
    signatureCounter: unsignedInteger(data.signatureCounter, 'signatureCounter'),
    startTime: isoTime(data.startTime),
    logTime: isoTime(data.logTime),
    signatureAlgorithm: data.signatureAlgorithm,
    logTimeFormat: data.logTimeFormat,
    signature: data.signature,
    publicKey: data.publicKey,
  };
  for (const name of QR_CODE_FIELDS) {
    if (name !== 'processData' && fields[name].includes(SEPARATOR)) throw new Error(`${name} must not contain ${SEPARATOR}`);
  }
  return QR_CODE_FIELDS.map((name) => fields[name]).join(SEPARATOR);
}

/** processData is everything between the first three and the last eight fields, so a ';' inside it survives. */
export function parseQrCodeData(text: string): QrCodeParseResult {
  const parts = text.split(SEPARATOR);
  if (parts.length < QR_CODE_FIELDS.length) {
    return fail('structure', `expected ${QR_CODE_FIELDS.length} fields separated by "${SEPARATOR}", found ${parts.length}`);
  }
  const head = parts.slice(0, FIXED_BEFORE_PROCESS_DATA);
  const tail = parts.slice(parts.length - FIXED_AFTER_PROCESS_DATA);
  const processData = parts.slice(FIXED_BEFORE_PROCESS_DATA, parts.length - FIXED_AFTER_PROCESS_DATA).join(SEPARATOR);
  const [version, clientSerialNumber, processType] = head as [string, string, string];
  const [transactionNumber, signatureCounter, startTime, logTime, signatureAlgorithm, logTimeFormat, signature, publicKey] = tail as [
    string, string, string, string, string, string, string, string,
  ];

  if (version !== QR_CODE_VERSION) return fail('version', `expected ${QR_CODE_VERSION}, found ${JSON.stringify(version)}`);
  if (clientSerialNumber === '') return fail('clientSerialNumber', 'empty');
  if (processType === '') return fail('processType', 'empty');
  const numbers = {
    transactionNumber: parseUnsignedInteger(transactionNumber),
    signatureCounter: parseUnsignedInteger(signatureCounter),
    startTime: parseIsoTime(startTime),
    logTime: parseIsoTime(logTime),
  };
  if (numbers.transactionNumber === undefined) return fail('transactionNumber', 'not a whole number without leading zeros');
  if (numbers.signatureCounter === undefined) return fail('signatureCounter', 'not a whole number without leading zeros');
  if (numbers.startTime === undefined) return fail('startTime', 'not a UTC time like 2023-01-20T18:27:22.000Z');
  if (numbers.logTime === undefined) return fail('logTime', 'not a UTC time like 2023-01-20T18:33:07.000Z');
  if (signatureAlgorithm === '') return fail('signatureAlgorithm', 'empty');
  if (logTimeFormat === '') return fail('logTimeFormat', 'empty');
  if (!decodeCanonicalBase64(signature)) return fail('signature', 'not base64');
  if (!decodeCanonicalBase64(publicKey)) return fail('publicKey', 'not base64');

  return {
    ok: true,
    value: {
      version,
      clientSerialNumber,
      processType,
      processData,
      transactionNumber: numbers.transactionNumber,
      signatureCounter: numbers.signatureCounter,
      startTime: numbers.startTime,
      logTime: numbers.logTime,
      signatureAlgorithm,
      logTimeFormat,
      signature,
      publicKey,
    },
  };
}

function fail(field: QrCodeParseError['field'], message: string): QrCodeParseResult {
  return { ok: false, error: { field, message } };
}

function parseUnsignedInteger(text: string): number | undefined {
  if (!UNSIGNED_INTEGER.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Rejects impossible dates such as 2023-02-30 by formatting back and comparing. */
function parseIsoTime(text: string): number | undefined {
  if (!ISO_TIME.test(text)) return undefined;
  const millis = Date.parse(text);
  if (Number.isNaN(millis) || new Date(millis).toISOString() !== text) return undefined;
  return millis / 1000;
}

function unsignedInteger(value: number, name: string): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return String(value);
}

function isoTime(unixSeconds: number): string {
  if (!Number.isSafeInteger(unixSeconds) || unixSeconds < 0) throw new Error('times are whole unix seconds');
  return new Date(unixSeconds * 1000).toISOString();
}
