import type { RECEIPT_TIME_ZONE } from './german-format';

/**
 * A SIGN DE test receipt as main builds it (§6 KassenSichV, AEAO zu §146a Nr. 2.2) and the preview shows it,
 * and the checks of its signature.
 */

export type ReceiptEnvironment = 'sandbox' | 'test' | 'live';

export interface VatRate {
  /** fiskaly's vat_rate name. */
  key: 'NORMAL' | 'REDUCED_1' | 'SPECIAL_RATE_1' | 'SPECIAL_RATE_2' | 'NULL';
  /** DSFinV-K USt-Schlüssel 1–5 as the letter printed next to amounts. */
  letter: 'A' | 'B' | 'C' | 'D' | 'E';
  /** The rate as printed, in percent: "19", "7", "10.7", "5.5", "0". */
  percent: string;
  /** The rate in tenths of a percent, for exact arithmetic. */
  permille: bigint;
}

export interface VatAmount {
  rate: VatRate;
  /** Amounts as two-decimal strings with a dot, as processData has them: "1.00". */
  gross: string;
  tax: string;
  net: string;
}

export interface PaymentAmount {
  /** DSFinV-K ZAHLART_TYP as signed: "Bar" or "Unbar". */
  type: 'Bar' | 'Unbar';
  /** ISO 4217; EUR when processData names none. */
  currency: string;
  amount: string;
}

export interface ReceiptItem {
  quantity: number;
  description: string;
  /** Two-decimal amounts with a dot, gross. */
  unitPrice: string;
  total: string;
  vatRate: VatRate;
}

export interface ReceiptTse {
  tssId: string;
  /** TSE-Seriennummer. */
  serialNumber: string;
  bsiCertificationId?: string;
  /** Kassen-Seriennummer (the EAS / client serial number). */
  clientSerialNumber: string;
  /** TSE-Signatur, base64 as signed. */
  signature: string;
  /** TSE-Signaturzähler. */
  signatureCounter: number;
  /** TSE-Hashalgorithmus, e.g. ecdsa-plain-SHA256. */
  signatureAlgorithm: string;
  /** TSE-Zeitformat, e.g. unixTime. */
  logTimeFormat: string;
  /** TSE-PublicKey, base64. */
  publicKey: string;
  processType: string;
  processData: string;
}

/** What a receipt can lack: the seller's name or address (the screens name them in their language). */
export type MissingReceiptContent = 'seller-name' | 'seller-address';

export interface ReceiptModel {
  environment: ReceiptEnvironment;
  /** Not a fiscal receipt: sandbox or TEST, or a TRAINING receipt in LIVE. */
  training: boolean;
  /** "TRAININGSBELEG – kein steuerlicher Beleg" or "Testbeleg". */
  headline: string;
  headlineEnglish: string;
  /** Which system signed it, for the technician: "fiskaly TEST", … */
  environmentLabel: string;
  /**
   * Name and address of the seller (§ 6 KassenSichV): the taxpayer's legal name and the Betriebsstätte
   * (designation, then "street no, postcode town") from the master data; without master data (sandbox) the
   * store's name and free-text address.
   */
  seller: { name: string; addressLines: string[] };
  /** The zone the receipt shows its times in. */
  timeZone: typeof RECEIPT_TIME_ZONE;
  /** Date of issue: the Berlin calendar date of the end time, YYYY-MM-DD. */
  issueDate: string;
  /** ISO 8601 UTC (TSE-Start). */
  startTime: string;
  /** ISO 8601 UTC (TSE-Stop, the Finish log's time). */
  endTime: string;
  /** TSE-Transaktion. */
  transactionNumber: number;
  /** fiskaly receipt_type. */
  receiptType: string;
  /** DSFinV-K BON_TYP from processData: Beleg, AVTraining, … */
  bonTyp: string;
  items: ReceiptItem[];
  vat: VatAmount[];
  currency: 'EUR';
  total: string;
  payments: PaymentAmount[];
  tse: ReceiptTse;
  /** The QR code's text, exactly as signed and returned (DSFinV-K Annex I, V0). */
  qrCodeData: string;
  /** The receipt check (signature over the Finish log) on this very QR text. */
  signatureCheck: { valid: boolean; failed: string[] };
  /** Legally required content (§ 6 KassenSichV) the input did not have: printed as a gap, named here by code. */
  missingRequiredContent: MissingReceiptContent[];
}

export type ReceiptCheckName = 'format' | 'algorithm' | 'log-time-format' | 'public-key' | 'serial-number' | 'start-time' | 'signature';

export interface ReceiptCheck {
  name: ReceiptCheckName;
  ok: boolean;
  /** Plain English for logs and support; the UI translates by name. */
  detail: string;
}

/** What 'receipt:verify' answers: the checks of a QR code's signature. */
export interface ReceiptVerification {
  valid: boolean;
  checks: ReceiptCheck[];
}
