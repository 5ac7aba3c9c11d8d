import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { type PrintLayout, encodeEscPos } from '../../../../main/printing';
import { printedText, qrSettings, qrStoreDataPayloads, rasterImages, rasterToRgba } from './escpos-commands';

/** Printing knows no receipt: any product's lines and QR payload print the same way. */
const layout: PrintLayout = {
  columns: 48,
  header: ['Startbeleg', 'Registrierkasse 1'],
  body: ['Betrag                               0,00 EUR', 'Übergabe – Prüfung'],
  footer: ['Danke'],
};
const payload = '_R1-AT0_KASSE-1_1_2026-11-30T10:00:00_0,00_0,00_0,00_0,00_0,00_XYZ=_1a2b_abc=_sig';

describe('ESC/POS from a neutral layout', () => {
  it('prints header, body, the QR payload and the footer in that order, with typographic dashes made plain', () => {
    const bytes = encodeEscPos(layout, payload, { paper: '80mm' });
    const text = printedText(bytes);
    const order = ['Startbeleg', 'Registrierkasse 1', 'Betrag', 'bergabe - Pr', 'Danke'].map((line) => text.indexOf(line));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(qrStoreDataPayloads(bytes)).toEqual([payload]);
    expect(qrSettings(bytes).size).toBeGreaterThanOrEqual(4);
  });

  it('prints the same payload as a raster image that decodes back', () => {
    const [image] = rasterImages(encodeEscPos(layout, payload, { paper: '58mm', nativeQr: false }));
    const decoded = jsQR(rasterToRgba(image!), image!.width, image!.height);
    expect(decoded?.data).toBe(payload);
  });

  it('refuses a payload a printer cannot take unchanged', () => {
    expect(() => encodeEscPos(layout, 'Grüße', { paper: '80mm' })).toThrow(expect.objectContaining({ code: 'E_RECEIPT_QR_INVALID' }));
  });
});
