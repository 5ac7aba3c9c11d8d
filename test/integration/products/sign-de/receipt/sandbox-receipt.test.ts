import { randomUUID } from 'node:crypto';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testReceiptSchema } from '../../../../../main/products/sign-de/provisioning/test-receipt';
import type { ReceiptModel } from '../../../../../preload/contract/sign-de/receipt';
import { type ReceiptModelInput, buildReceiptModel, encodeReceiptEscPos, receiptTextLayout } from '../../../../../main/products/sign-de/receipt';
import type { Sandbox } from '../../../../../main/products/sign-de/sandbox/server';
import { type SandboxApi, startSandbox } from '../../../../support/sandbox-api';
import { qrStoreDataPayloads, rasterImages, rasterToRgba } from '../../../../unit/main/printing/escpos-commands';

type Body = Record<string, unknown>;

/**
 * The provisioning test transaction run against the sandbox (a TSS signs it: nothing hand-made), and the
 * printed receipt built from what the journal keeps of it.
 */
describe('the test receipt of a sandbox transaction', () => {
  let sandbox: Sandbox;
  let api: SandboxApi;
  let input: ReceiptModelInput;
  let finish: Body;
  let model: ReceiptModel;

  beforeAll(async () => {
    ({ sandbox, api } = await startSandbox());
    await api.login();
    const { tssId, tss } = await api.initializedTss();
    const clientId = randomUUID();
    const clientSerialNumber = 'KASSE 01 (Theke)';
    expect((await api.request('PUT', `/tss/${tssId}/client/${clientId}`, { serial_number: clientSerialNumber })).status).toBe(200);
    const txId = randomUUID();
    expect((await api.request('PUT', `/tss/${tssId}/tx/${txId}?tx_revision=1`, { state: 'ACTIVE', client_id: clientId })).status).toBe(200);
    const response = await api.request('PUT', `/tss/${tssId}/tx/${txId}?tx_revision=2`, {
      state: 'FINISHED',
      client_id: clientId,
      schema: testReceiptSchema('sandbox'),
    });
    expect(response.status).toBe(200);
    finish = response.body;
    const signature = finish.signature as Body;
    input = {
      storeName: 'Testfiliale Köln-Süd',
      storeAddress: 'Große Straße 12\n50667 Köln',
      environment: 'sandbox',
      tssId,
      tssSerialNumber: tss.serial_number as string,
      bsiCertificationId: tss.bsi_certification_id as string | undefined,
      clientSerialNumber,
      receipt: {
        number: finish.number as number,
        qrCodeData: finish.qr_code_data as string,
        timeStart: finish.time_start as number,
        timeEnd: finish.time_end as number,
        signatureCounter: String(signature.counter),
        receiptType: ((finish.schema as Body).standard_v1 as { receipt: { receipt_type: string } }).receipt.receipt_type,
      },
    };
    model = buildReceiptModel(input);
  });
  afterAll(() => sandbox?.close());

  it('has every field the receipt must show, matching the API response', () => {
    const signature = finish.signature as Body;
    expect(model.signatureCheck).toEqual({ valid: true, failed: [] });
    expect(model.training).toBe(true);
    expect(model.seller.name).toBe('Testfiliale Köln-Süd');
    expect(model.seller.addressLines).toEqual(['Große Straße 12', '50667 Köln']);
    expect(model.startTime).toBe(new Date((finish.time_start as number) * 1000).toISOString());
    expect(model.endTime).toBe(new Date((finish.time_end as number) * 1000).toISOString());
    expect(model.items).toEqual([expect.objectContaining({ quantity: 1, description: 'Testbeleg / test receipt', total: '1.00' })]);
    expect(model.vat.map((v) => [v.rate.percent, v.gross, v.tax, v.net])).toEqual([['19', '1.00', '0.16', '0.84']]);
    expect(model.payments).toEqual([{ type: 'Bar', currency: 'EUR', amount: '1.00' }]);
    expect(model.transactionNumber).toBe(finish.number);
    expect(model.tse.serialNumber).toBe(finish.tss_serial_number);
    expect(model.tse.clientSerialNumber).toBe(finish.client_serial_number);
    expect(model.tse.signature).toBe(signature.value);
    expect(model.tse.signatureCounter).toBe(Number(signature.counter));
    expect(model.tse.signatureAlgorithm).toBe(signature.algorithm);
    expect(model.tse.publicKey).toBe(signature.public_key);
    expect(model.tse.logTimeFormat).toBe((finish.log as Body).timestamp_format);
    expect(model.qrCodeData).toBe(finish.qr_code_data);
    expect(model.missingRequiredContent).toEqual([]);
  });

  it('fits 58 mm paper without cutting any value', () => {
    const layout = receiptTextLayout(model, 32);
    const lines = [...layout.header, ...layout.body, ...layout.footer];
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(32);
    const printed = lines.join('');
    for (const value of [model.tse.signature, model.tse.publicKey, model.tse.serialNumber, model.tse.processData, model.tse.clientSerialNumber]) {
      expect(printed).toContain(value);
    }
  });

  it('prints a QR code, native or raster, that holds exactly the qr_code_data', () => {
    expect(qrStoreDataPayloads(encodeReceiptEscPos(model, { paper: '58mm' }))).toEqual([finish.qr_code_data]);
    const [image] = rasterImages(encodeReceiptEscPos(model, { paper: '58mm', nativeQr: false }));
    if (!image) throw new Error('no raster image');
    expect(jsQR(rasterToRgba(image), image.width, image.height)?.data).toBe(finish.qr_code_data);
  });
});
