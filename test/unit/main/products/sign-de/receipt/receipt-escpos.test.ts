import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { PAPER } from '../../../../../../main/printing';
import { buildReceiptModel, encodeReceiptEscPos } from '../../../../../../main/products/sign-de/receipt';
import { qrModulesWithQuietZone } from '../../../../../../main/printing/qr-symbol';
import { printedText, qrSettings, qrStoreDataPayloads, rasterImages, rasterToRgba } from '../../../printing/escpos-commands';
import { signedTestReceipt } from './signed-receipt';

const model = buildReceiptModel(signedTestReceipt({ environment: 'live' }));
const latin = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const cp858 = (text: string) => text.replace(/ä/g, '\x84').replace(/ö/g, '\x94').replace(/ü/g, '\x81').replace(/ß/g, '\xe1');

describe('ESC/POS receipt', () => {
  it('stores the QR data natively (GS ( k), byte for byte, model 2, level M, at least 4 dots per module', () => {
    for (const paper of ['80mm', '58mm'] as const) {
      const bytes = encodeReceiptEscPos(model, { paper });
      expect(qrStoreDataPayloads(bytes)).toEqual([model.qrCodeData]);
      const settings = qrSettings(bytes);
      expect(settings).toEqual({ model: 0x32, size: paper === '80mm' ? 5 : 4, errorLevel: 0x31 });
      // the symbol with its quiet zone fits the printable width
      expect(qrModulesWithQuietZone(model.qrCodeData) * (settings.size ?? 0)).toBeLessThanOrEqual(PAPER[paper].printableDots);
      // print command follows the data
      expect(latin(bytes)).toContain(`${model.qrCodeData}\x1d(k\x03\x001Q0`);
      expect(rasterImages(bytes)).toEqual([]);
    }
  });

  it('prints the QR as a GS v 0 raster image that decodes to the QR data when native QR is off', () => {
    for (const paper of ['80mm', '58mm'] as const) {
      const bytes = encodeReceiptEscPos(model, { paper, nativeQr: false });
      expect(qrStoreDataPayloads(bytes)).toEqual([]);
      const images = rasterImages(bytes);
      expect(images).toHaveLength(1);
      const [image] = images;
      if (!image) throw new Error('no raster image');
      expect(image.width).toBeLessThanOrEqual(PAPER[paper].printableDots);
      expect(jsQR(rasterToRgba(image), image.width, image.height)?.data).toBe(model.qrCodeData);

      // the top-left finder pattern: 4 quiet modules, then 7 dark modules of the same whole number of dots each
      const dots = paper === '80mm' ? 5 : 4;
      const row = image.dots.subarray(4 * dots * image.width, 4 * dots * image.width + image.width);
      expect([...row.subarray(0, 4 * dots)].every((d) => d === 0)).toBe(true);
      expect([...row.subarray(4 * dots, 11 * dots)].every((d) => d === 1)).toBe(true);
      expect(row[11 * dots]).toBe(0);
    }
  });

  it('takes a larger module size when asked and refuses one below 4 dots or too wide for the paper', () => {
    expect(qrSettings(encodeReceiptEscPos(model, { paper: '80mm', qrDotsPerModule: 7 })).size).toBe(7);
    expect(() => encodeReceiptEscPos(model, { paper: '80mm', qrDotsPerModule: 3 })).toThrow(expect.objectContaining({ code: 'E_RECEIPT_QR_TOO_LARGE' }));
    expect(() => encodeReceiptEscPos(model, { paper: '58mm', qrDotsPerModule: 5 })).toThrow(/from 4 to 4/);
  });

  it('selects code page 858 and prints German text with its umlauts, and typographic dashes as "-"', () => {
    const text = latin(encodeReceiptEscPos(model, { paper: '58mm' }));
    expect(text.startsWith('\x1b@')).toBe(true);
    expect(text).toContain('\x1bt\x13');
    expect(text).toContain(cp858('Bäckerei Müller & Söhne'));
    expect(text).toContain(cp858('Große Straße 12'));
    expect(text).toContain(cp858('TSE-Signaturzähler'));
    expect(text).toContain('TRAININGSBELEG - kein');
    expect(text).not.toContain('?');
  });

  it('prints every line within the paper width, and nothing but known commands', () => {
    for (const paper of ['80mm', '58mm'] as const) {
      for (const nativeQr of [true, false]) {
        const lines = printedText(encodeReceiptEscPos(model, { paper, nativeQr })).split('\n');
        expect(lines.length).toBeGreaterThan(50);
        for (const line of lines) expect(line.length, JSON.stringify(line)).toBeLessThanOrEqual(PAPER[paper].columns);
      }
    }
  });

  it('feeds five lines past the cutter and then cuts', () => {
    const bytes = encodeReceiptEscPos(model, { paper: '80mm' });
    const cut = latin(bytes).lastIndexOf('\x1dV');
    expect(cut).toBeGreaterThan(0);
    expect([...bytes.subarray(cut - 5, cut + 3)]).toEqual([0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x1d, 0x56, 0x00]);
    expect([...bytes.subarray(cut + 3)].every((b) => b === 0x0a)).toBe(true);
  });
});
