import type { ReceiptCheck } from '../../../../preload/contract/sign-de/receipt';
import { decodeCanonicalBase64 } from './base64';
import { type QrCodeData, parseQrCodeData } from './qr-code-data';
import { serialNumberOfPublicKey } from './serial-number';
import { type SignatureAlgorithm, isSignatureAlgorithm } from './signature-algorithm';
import { publicKeyFromRawPoint, verifyLogSignature } from './signer';
import { encodeTransactionLog } from './transaction-log';

export interface ReceiptCheckResult {
  valid: boolean;
  checks: ReceiptCheck[];
  /** Present when the QR text could be read. */
  receipt?: QrCodeData;
}

export interface KnownReceiptFacts {
  /** The TSS serial_number the receipt should come from. */
  tssSerialNumber?: string;
  /** The transaction's time_start (unix seconds): the Finish signature does not cover it. */
  startTime?: number;
}

/**
 * Checks a receipt from its qr_code_data alone by rebuilding the signed Finish log
 * (the same reconstruction that verifies real fiskaly receipts).
 */
export function checkReceipt(qrCodeData: string, known: KnownReceiptFacts = {}): ReceiptCheckResult {
  const parsed = parseQrCodeData(qrCodeData);
  if (!parsed.ok) {
    return { valid: false, checks: [{ name: 'format', ok: false, detail: `${parsed.error.field}: ${parsed.error.message}` }] };
  }
  const receipt = parsed.value;
  const point = decodeCanonicalBase64(receipt.publicKey) ?? new Uint8Array();
  const computedSerial = serialNumberOfPublicKey(point);
  const knownSerial = known.tssSerialNumber?.toLowerCase();

  const checks: ReceiptCheck[] = [
    { name: 'format', ok: true, detail: `${receipt.version} with 12 fields` },
    isSignatureAlgorithm(receipt.signatureAlgorithm)
      ? { name: 'algorithm', ok: true, detail: receipt.signatureAlgorithm }
      : { name: 'algorithm', ok: false, detail: `unsupported signature algorithm ${JSON.stringify(receipt.signatureAlgorithm)}` },
    receipt.logTimeFormat === 'unixTime'
      ? { name: 'log-time-format', ok: true, detail: 'unixTime' }
      : { name: 'log-time-format', ok: false, detail: `unsupported log time format ${JSON.stringify(receipt.logTimeFormat)}` },
    publicKeyCheck(point),
    knownSerial === undefined
      ? { name: 'serial-number', ok: true, detail: `TSS serial number from the public key: ${computedSerial}` }
      : knownSerial === computedSerial
        ? { name: 'serial-number', ok: true, detail: `public key belongs to TSS ${computedSerial}` }
        : { name: 'serial-number', ok: false, detail: `public key belongs to TSS ${computedSerial}, expected ${knownSerial}` },
    startTimeCheck(receipt, known.startTime),
  ];

  const algorithm = isSignatureAlgorithm(receipt.signatureAlgorithm) ? receipt.signatureAlgorithm : undefined;
  const blocking = checks.filter((check) => !check.ok && check.name !== 'serial-number' && check.name !== 'start-time');
  const logSerial = knownSerial !== undefined && /^[0-9a-f]{64}$/.test(knownSerial) ? knownSerial : computedSerial;
  checks.push(
    blocking.length > 0 || algorithm === undefined
      ? { name: 'signature', ok: false, detail: `not checked: ${blocking.map((check) => check.name).join(', ')} failed` }
      : signatureCheck(receipt, algorithm, logSerial),
  );
  return { valid: checks.every((check) => check.ok), checks, receipt };
}

function publicKeyCheck(point: Uint8Array): ReceiptCheck {
  try {
    publicKeyFromRawPoint(point);
    return { name: 'public-key', ok: true, detail: point.byteLength === 65 ? 'P-256 point' : 'P-384 point' };
  } catch (error) {
    return { name: 'public-key', ok: false, detail: (error as Error).message };
  }
}

function startTimeCheck(receipt: QrCodeData, knownStartTime: number | undefined): ReceiptCheck {
  if (receipt.startTime > receipt.logTime) return { name: 'start-time', ok: false, detail: 'transaction starts after its finish log' };
  if (knownStartTime !== undefined && knownStartTime !== receipt.startTime) {
    return { name: 'start-time', ok: false, detail: `start time differs from the transaction's (${knownStartTime})` };
  }
  return {
    name: 'start-time',
    ok: true,
    detail: knownStartTime === undefined ? 'not after the finish log (the signature does not cover it)' : 'matches the transaction',
  };
}

function signatureCheck(receipt: QrCodeData, algorithm: SignatureAlgorithm, serialNumber: string): ReceiptCheck {
  const signedData = encodeTransactionLog({
    operationType: 'FinishTransaction',
    clientId: receipt.clientSerialNumber,
    processData: receipt.processData,
    processType: receipt.processType,
    transactionNumber: receipt.transactionNumber,
    serialNumber,
    signatureAlgorithm: algorithm,
    signatureCounter: receipt.signatureCounter,
    logTime: receipt.logTime,
  });
  return verifyLogSignature(receipt.publicKey, signedData, receipt.signature, algorithm)
    ? { name: 'signature', ok: true, detail: `${algorithm} signature over the finish log verifies` }
    : { name: 'signature', ok: false, detail: 'the signature does not match the receipt data' };
}
