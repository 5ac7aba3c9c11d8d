import { describe, expect, it } from 'vitest';
import { ReceiptError, buildReceiptModel } from '../../../../../../main/products/sign-de/receipt';
import { MASTER_DATA, SUMMER_START, signedTestReceipt } from './signed-receipt';

describe('buildReceiptModel', () => {
  it('has every field §6 KassenSichV and the AEAO require, taken from the signed QR data', () => {
    const input = signedTestReceipt();
    const model = buildReceiptModel(input);
    const qrFields = input.receipt.qrCodeData.split(';');

    // seller
    expect(model.seller).toEqual({ name: 'Bäckerei Müller & Söhne <Filiale Süd>', addressLines: ['Große Straße 12', '50667 Köln'] });
    // date, start and end
    expect(model.startTime).toBe('2026-08-18T18:38:19.000Z');
    expect(model.endTime).toBe('2026-08-18T18:38:21.000Z');
    expect(model.issueDate).toBe('2026-08-18');
    expect(model.timeZone).toBe('Europe/Berlin');
    // goods and quantity, price, tax amount and rate
    expect(model.items).toEqual([
      { quantity: 1, description: 'Testbeleg / test receipt', unitPrice: '1.00', total: '1.00', vatRate: expect.objectContaining({ key: 'NORMAL', percent: '19', letter: 'A' }) },
    ]);
    expect(model.vat).toEqual([{ rate: expect.objectContaining({ percent: '19' }), gross: '1.00', tax: '0.16', net: '0.84' }]);
    expect(model.total).toBe('1.00');
    expect(model.currency).toBe('EUR');
    // amount per payment type
    expect(model.payments).toEqual([{ type: 'Bar', currency: 'EUR', amount: '1.00' }]);
    // transaction number, serial numbers, signature and counter, time format, algorithm, public key
    expect(model.transactionNumber).toBe(7);
    expect(model.tse.serialNumber).toBe(input.tssSerialNumber);
    expect(model.tse.serialNumber).toMatch(/^[0-9a-f]{64}$/);
    expect(model.tse.clientSerialNumber).toBe('KASSE-01 Filiale Koeln');
    expect(model.tse.signature).toBe(qrFields[10]);
    expect(model.tse.signature).toHaveLength(88);
    expect(model.tse.signatureCounter).toBe(42);
    expect(model.tse.logTimeFormat).toBe('unixTime');
    expect(model.tse.signatureAlgorithm).toBe('ecdsa-plain-SHA256');
    expect(model.tse.publicKey).toBe(qrFields[11]);
    expect(model.tse.processType).toBe('Kassenbeleg-V1');
    expect(model.tse.processData).toBe('Beleg^1.00_0.00_0.00_0.00_0.00^1.00:Bar');
    expect(model.tse.bsiCertificationId).toBe('BSI-K-TR-0490-2021');
    expect(model.tse.tssId).toBe(input.tssId);
    // the QR data, unchanged
    expect(model.qrCodeData).toBe(input.receipt.qrCodeData);
    expect(model.signatureCheck).toEqual({ valid: true, failed: [] });
    expect(model.missingRequiredContent).toEqual([]);
  });

  it('marks sandbox and TEST receipts as training receipts, whatever their type', () => {
    for (const environment of ['sandbox', 'test'] as const) {
      const model = buildReceiptModel(signedTestReceipt({ environment }));
      expect(model.bonTyp).toBe('Beleg');
      expect(model.training).toBe(true);
      expect(model.headline).toBe('TRAININGSBELEG – kein steuerlicher Beleg');
    }
  });

  it('marks the LIVE test receipt (TRAINING, AVTraining) as a training receipt', () => {
    const model = buildReceiptModel(signedTestReceipt({ environment: 'live' }));
    expect(model.receiptType).toBe('TRAINING');
    expect(model.bonTyp).toBe('AVTraining');
    expect(model.tse.processData).toBe('AVTraining^1.00_0.00_0.00_0.00_0.00^1.00:Bar');
    expect(model.training).toBe(true);
    expect(model.headline).toMatch(/^TRAININGSBELEG/);
  });

  it('calls a LIVE receipt of type RECEIPT a "Testbeleg", not a training receipt', () => {
    const input = signedTestReceipt({ environment: 'sandbox' });
    const model = buildReceiptModel({ ...input, environment: 'live' });
    expect(model.training).toBe(false);
    expect(model.headline).toBe('Testbeleg');
  });

  it('refuses a transaction whose own fields disagree with its QR code', () => {
    const input = signedTestReceipt();
    const cases = [
      { ...input, receipt: { ...input.receipt, number: 8 } },
      { ...input, receipt: { ...input.receipt, signatureCounter: '43' } },
      { ...input, receipt: { ...input.receipt, timeStart: SUMMER_START - 1 } },
      { ...input, receipt: { ...input.receipt, timeEnd: input.receipt.timeEnd + 1 } },
      { ...input, clientSerialNumber: 'KASSE-02' },
      { ...input, receipt: { ...input.receipt, receiptType: 'TRAINING' } },
    ];
    for (const bad of cases) {
      expect(() => buildReceiptModel(bad)).toThrow(expect.objectContaining({ code: 'E_RECEIPT_DATA_MISMATCH' }));
    }
  });

  it('accepts the signature counter as the API gives it (a number)', () => {
    const input = signedTestReceipt();
    expect(buildReceiptModel({ ...input, receipt: { ...input.receipt, signatureCounter: 42 } }).tse.signatureCounter).toBe(42);
  });

  it('computes the TSE serial number from the public key when the run does not know it, and flags a wrong one', () => {
    const input = signedTestReceipt();
    const { tssSerialNumber, ...withoutSerial } = input;
    expect(buildReceiptModel(withoutSerial).tse.serialNumber).toBe(tssSerialNumber);
    expect(buildReceiptModel({ ...input, tssSerialNumber: '' }).tse.serialNumber).toBe(tssSerialNumber);
    const wrong = buildReceiptModel({ ...input, tssSerialNumber: 'f'.repeat(64) });
    expect(wrong.signatureCheck.valid).toBe(false);
    expect(wrong.signatureCheck.failed.join()).toMatch(/^serial-number: public key belongs to TSS/);
  });

  it('reports a receipt whose signature does not verify', () => {
    const input = signedTestReceipt();
    const fields = input.receipt.qrCodeData.split(';');
    const signature = Buffer.from(fields[10] ?? '', 'base64');
    signature[5] = (signature[5] ?? 0) ^ 1;
    fields[10] = signature.toString('base64');
    const model = buildReceiptModel({ ...input, receipt: { ...input.receipt, qrCodeData: fields.join(';') } });
    expect(model.signatureCheck.valid).toBe(false);
    expect(model.signatureCheck.failed.join()).toMatch(/^signature:/);
  });

  it('names the taxpayer and the Betriebsstätte from the master data (§ 6 KassenSichV)', () => {
    const model = buildReceiptModel({ ...signedTestReceipt({ environment: 'test' }), masterData: MASTER_DATA });
    expect(model.seller).toEqual({ name: 'Bäckerei Müller GmbH & Co. KG', addressLines: ['Filiale Süd', 'Große Straße 12a, 50667 Köln'] });
    expect(model.missingRequiredContent).toEqual([]);
    const { designation: _d, ...plain } = MASTER_DATA.establishment;
    expect(buildReceiptModel({ ...signedTestReceipt(), masterData: { ...MASTER_DATA, establishment: plain } }).seller.addressLines).toEqual(['Große Straße 12a, 50667 Köln']);
  });

  it('names a missing seller address instead of inventing one', () => {
    const input = signedTestReceipt();
    const { storeAddress: _address, ...withoutAddress } = input;
    const model = buildReceiptModel(withoutAddress);
    expect(model.seller.addressLines).toEqual([]);
    expect(model.missingRequiredContent).toEqual(['seller-address']);
    expect(buildReceiptModel({ ...input, storeAddress: ' \n ' }).missingRequiredContent).toHaveLength(1);
  });

  it('refuses QR data that is not DSFinV-K V0', () => {
    const input = signedTestReceipt();
    const error = (() => {
      try {
        buildReceiptModel({ ...input, receipt: { ...input.receipt, qrCodeData: 'V1;nope' } });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ReceiptError);
    expect(error).toMatchObject({ code: 'E_RECEIPT_QR_INVALID' });
  });
});
