import { testReceiptSchema } from '../../../../../../main/products/sign-de/provisioning/test-receipt';
import type { ReceiptModelInput } from '../../../../../../main/products/sign-de/receipt';
import type { StoreMasterData } from '../../../../../../preload/contract/sign-de/master-data';
import { buildQrCodeData, encodeTransactionLog, generateTssKey, processDataFromSchema, signLog } from '../../../../../../main/products/sign-de/tse';

/** 2026-08-18T18:38:19Z: summer time in Berlin (MESZ, UTC+2). */
export const SUMMER_START = 1_787_078_299;
/** 2026-01-20T18:27:22Z: winter time in Berlin (MEZ, UTC+1). */
export const WINTER_START = 1_768_933_642;

/** A Cologne bakery's taxpayer and Betriebsstätte, as a TEST or LIVE plan carries them. */
export const MASTER_DATA: StoreMasterData = {
  taxpayer: { legalName: 'Bäckerei Müller GmbH & Co. KG', taxNumber: '214/5678/1234', bundesland: 'NW' },
  establishment: { designation: 'Filiale Süd', street: 'Große Straße', houseNumber: '12', houseNumberSuffix: 'a', postcode: '50667', town: 'Köln' },
};

export interface SignedReceiptOptions {
  environment?: 'sandbox' | 'test' | 'live';
  clientSerialNumber?: string;
  timeStart?: number;
  storeAddress?: string;
}

/**
 * The provisioning test receipt (1.00 EUR cash, 19 %) signed like a TSS signs it: a Finish log over the
 * processData, signed with a fresh P-256 key, and the DSFinV-K QR text built from it.
 */
export function signedTestReceipt(options: SignedReceiptOptions = {}): ReceiptModelInput {
  const environment = options.environment ?? 'sandbox';
  const clientSerialNumber = options.clientSerialNumber ?? 'KASSE-01 Filiale Koeln';
  const timeStart = options.timeStart ?? SUMMER_START;
  const timeEnd = timeStart + 2;
  const key = generateTssKey();
  const schema = testReceiptSchema(environment);
  const { processType, processData } = processDataFromSchema(schema);
  const transactionNumber = 7;
  const signatureCounter = 42;
  const log = encodeTransactionLog({
    operationType: 'FinishTransaction',
    clientId: clientSerialNumber,
    processData,
    processType,
    transactionNumber,
    serialNumber: key.serialNumber,
    signatureCounter,
    logTime: timeEnd,
  });
  const qrCodeData = buildQrCodeData({
    clientSerialNumber,
    processType,
    processData: Buffer.from(processData).toString('utf8'),
    transactionNumber,
    signatureCounter,
    startTime: timeStart,
    logTime: timeEnd,
    signatureAlgorithm: 'ecdsa-plain-SHA256',
    logTimeFormat: 'unixTime',
    signature: signLog(key.privateKey, log),
    publicKey: key.publicKey,
  });
  return {
    storeName: 'Bäckerei Müller & Söhne <Filiale Süd>',
    storeAddress: options.storeAddress ?? 'Große Straße 12\n50667 Köln',
    environment,
    tssId: 'a3a0c7d6-3a5c-4f0e-9c1b-7f2d9c1e4b11',
    tssSerialNumber: key.serialNumber,
    bsiCertificationId: 'BSI-K-TR-0490-2021',
    clientSerialNumber,
    receipt: {
      number: transactionNumber,
      qrCodeData,
      timeStart,
      timeEnd,
      signatureCounter: String(signatureCounter),
      receiptType: schema.standard_v1.receipt.receipt_type,
    },
  };
}
