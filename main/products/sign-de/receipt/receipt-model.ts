import type { ReceiptEnvironment, ReceiptModel } from '../../../../preload/contract/sign-de/receipt';
import { checkReceipt, parseQrCodeData, serialNumberOfPublicKey } from '../tse';
import { amountsFromProcessData } from './receipt-amounts';
import { ReceiptError, ReceiptErrorCode } from './receipt-error';
import { RECEIPT_TIME_ZONE, berlinIsoDate } from '../../../../preload/contract/sign-de/german-format';
import { type StoreMasterData, addressLine } from '../../../../preload/contract/sign-de/master-data';

/**
 * Everything a printed test receipt shows (§6 KassenSichV, AEAO zu §146a Nr. 2.2), taken from the signed
 * qr_code_data wherever the QR has it, so the human-readable text can never disagree with the QR code.
 */

export interface ReceiptModelInput {
  storeName: string;
  /** The store's postal address, one line per line; absent when the plan has none. */
  storeAddress?: string;
  /** Taxpayer and Betriebsstätte: when given, the receipt names the legal name and this address instead. */
  masterData?: StoreMasterData;
  environment: ReceiptEnvironment;
  /** fiskaly's TSS UUID. */
  tssId: string;
  /**
   * The TSS serial_number: hex SHA-256 of its public key. When absent (or empty) it is computed from the
   * public key in the QR data; when given, the receipt check compares the two.
   */
  tssSerialNumber?: string;
  bsiCertificationId?: string;
  clientSerialNumber: string;
  /** The finished test transaction (as the provisioning journal keeps it). */
  receipt: {
    number: number;
    qrCodeData: string;
    /** Unix seconds. */
    timeStart: number;
    /** Unix seconds. */
    timeEnd: number;
    /** The journal keeps it as text, the API answers with a number. */
    signatureCounter: string | number;
    /** fiskaly's receipt_type: RECEIPT, TRAINING, … */
    receiptType: string;
  };
}

export const TEST_ITEM_DESCRIPTION = 'Testbeleg / test receipt';

const ENVIRONMENT_LABELS: Record<ReceiptEnvironment, string> = {
  sandbox: 'Sandbox (lokal, keine echte TSE)',
  test: 'fiskaly TEST',
  live: 'fiskaly LIVE',
};

export function buildReceiptModel(input: ReceiptModelInput): ReceiptModel {
  const { receipt } = input;
  const parsed = parseQrCodeData(receipt.qrCodeData);
  if (!parsed.ok) {
    throw new ReceiptError(ReceiptErrorCode.qrInvalid, `The receipt's QR data is not readable (${parsed.error.field}: ${parsed.error.message}).`);
  }
  const qr = parsed.value;
  const mismatches = [
    qr.transactionNumber !== receipt.number && `transaction number ${receipt.number} vs ${qr.transactionNumber} in the QR`,
    String(qr.signatureCounter) !== String(receipt.signatureCounter) && `signature counter ${receipt.signatureCounter} vs ${qr.signatureCounter} in the QR`,
    qr.startTime !== receipt.timeStart && `start time ${receipt.timeStart} vs ${qr.startTime} in the QR`,
    qr.logTime !== receipt.timeEnd && `end time ${receipt.timeEnd} vs ${qr.logTime} in the QR`,
    qr.clientSerialNumber !== input.clientSerialNumber && `client serial number ${JSON.stringify(input.clientSerialNumber)} vs ${JSON.stringify(qr.clientSerialNumber)} in the QR`,
  ].filter((m): m is string => typeof m === 'string');
  if (mismatches.length > 0) {
    throw new ReceiptError(ReceiptErrorCode.dataMismatch, `The transaction and its QR code disagree: ${mismatches.join('; ')}.`);
  }

  const amounts = amountsFromProcessData(qr.processType, qr.processData);
  const trainingBonTyp = amounts.bonTyp === 'AVTraining';
  if (trainingBonTyp !== (receipt.receiptType === 'TRAINING')) {
    throw new ReceiptError(
      ReceiptErrorCode.dataMismatch,
      `The transaction and its QR code disagree: receipt type ${receipt.receiptType} vs ${amounts.bonTyp} in the QR.`,
    );
  }
  const training = input.environment !== 'live' || trainingBonTyp;

  const tssSerialNumber = input.tssSerialNumber || serialNumberOfPublicKey(new Uint8Array(Buffer.from(qr.publicKey, 'base64')));
  const check = checkReceipt(receipt.qrCodeData, { tssSerialNumber, startTime: receipt.timeStart });
  const seller = sellerOf(input);
  const startTime = isoTime(qr.startTime);
  const endTime = isoTime(qr.logTime);

  return {
    environment: input.environment,
    training,
    headline: training ? 'TRAININGSBELEG – kein steuerlicher Beleg' : 'Testbeleg',
    headlineEnglish: training ? 'Training receipt – not a fiscal receipt' : 'Test receipt',
    environmentLabel: ENVIRONMENT_LABELS[input.environment],
    seller,
    timeZone: RECEIPT_TIME_ZONE,
    issueDate: berlinIsoDate(endTime),
    startTime,
    endTime,
    transactionNumber: qr.transactionNumber,
    receiptType: receipt.receiptType,
    bonTyp: amounts.bonTyp,
    items: amounts.vat.map((vat) => ({ quantity: 1, description: TEST_ITEM_DESCRIPTION, unitPrice: vat.gross, total: vat.gross, vatRate: vat.rate })),
    vat: amounts.vat,
    currency: 'EUR',
    total: amounts.total,
    payments: amounts.payments,
    tse: {
      tssId: input.tssId,
      serialNumber: tssSerialNumber,
      ...(input.bsiCertificationId ? { bsiCertificationId: input.bsiCertificationId } : {}),
      clientSerialNumber: qr.clientSerialNumber,
      signature: qr.signature,
      signatureCounter: qr.signatureCounter,
      signatureAlgorithm: qr.signatureAlgorithm,
      logTimeFormat: qr.logTimeFormat,
      publicKey: qr.publicKey,
      processType: qr.processType,
      processData: qr.processData,
    },
    qrCodeData: receipt.qrCodeData,
    signatureCheck: { valid: check.valid, failed: check.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`) },
    missingRequiredContent: [
      ...(seller.name === '' ? (['seller-name'] as const) : []),
      ...(seller.addressLines.length === 0 ? (['seller-address'] as const) : []),
    ],
  };
}

/**
 * Name and address of the seller (§ 6 KassenSichV): the taxpayer's legal name and the Betriebsstätte from the
 * master data; a sandbox store without master data falls back to its name and free-text address.
 */
function sellerOf(input: ReceiptModelInput): ReceiptModel['seller'] {
  if (input.masterData) {
    const { taxpayer, establishment } = input.masterData;
    return { name: taxpayer.legalName.trim(), addressLines: [...(establishment.designation ? [establishment.designation] : []), addressLine(establishment)] };
  }
  const addressLines = (input.storeAddress ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return { name: input.storeName.trim(), addressLines };
}

function isoTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString();
}
