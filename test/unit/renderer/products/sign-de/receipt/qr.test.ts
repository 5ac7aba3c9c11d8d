import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { QR_QUIET_ZONE_MODULES } from '../../../../../../preload/contract/core/printing';
import { QR_DOTS_PER_MODULE, qrSymbol } from '../../../../../../renderer/src/products/sign-de/receipt/qr';

/** A DSFinV-K QR text as long as a real fiskaly TEST one (365 characters). */
const QR_TEXT = `V0;UT-TEST-101bd1cd-42;Kassenbeleg-V1;Beleg^4.20_0.00_0.00_0.00_0.00^4.20:Unbar;1;27;2026-08-18T18:38:19.000Z;2026-08-18T18:38:19.000Z;ecdsa-plain-SHA256;unixTime;${'k'.repeat(86)}==;${'B'.repeat(86)}A=`;

describe('receipt QR symbol', () => {
  it('uses byte mode, error correction M, a quiet zone of 4 and 4 dots per module', () => {
    const symbol = qrSymbol(QR_TEXT);
    const reference = QRCode.create([{ data: new TextEncoder().encode(QR_TEXT), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    expect(reference.segments.map((segment) => segment.mode.id)).toEqual(['Byte']);
    expect(symbol.modules).toBe(reference.modules.size);
    expect(symbol.sizeDots).toBe((symbol.modules + 2 * QR_QUIET_ZONE_MODULES) * QR_DOTS_PER_MODULE);
    expect(QR_DOTS_PER_MODULE).toBeGreaterThanOrEqual(4);
    // fits 58 mm paper (384 dots) at 4 dots per module
    expect(symbol.sizeDots).toBeLessThanOrEqual(384);
    const svg = decodeURIComponent(symbol.src.replace('data:image/svg+xml;charset=utf-8,', ''));
    expect(svg).toContain(`viewBox="0 0 ${symbol.modules + 8} ${symbol.modules + 8}"`);
    expect(svg).toContain(`width="${symbol.sizeDots}"`);
    expect(symbol.sizeMm).toBeCloseTo((symbol.sizeDots * 25.4) / 203, 1);
  });

  it('draws exactly the signed text: the SVG it makes decodes back to it', () => {
    const symbol = qrSymbol(QR_TEXT);
    const svg = decodeURIComponent(symbol.src.replace('data:image/svg+xml;charset=utf-8,', ''));
    const size = symbol.modules + 2 * QR_QUIET_ZONE_MODULES;
    const dark = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
    expect(dark).toBeTruthy();
    // qrcode strokes each run of dark modules as "M x y" / "m dx dy" then "h length", one row per y.
    const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
    let x = 0;
    let y = 0;
    for (const [, command, a, b] of dark!.matchAll(/([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?/g)) {
      if (command === 'M') [x, y] = [Number(a), Number(b)];
      else if (command === 'm') [x, y] = [x + Number(a), y + Number(b)];
      else {
        for (let column = x; column < x + Number(a); column += 1) {
          const offset = (Math.floor(y) * size + column) * 4;
          pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
        }
        x += Number(a);
      }
    }
    expect(jsQR(pixels, size, size)?.data).toBe(QR_TEXT);
  });
});
