import QRCode from 'qrcode';
import { MIN_DOTS_PER_MODULE, PRINTER_DPI, QR_ERROR_CORRECTION, QR_QUIET_ZONE_MODULES, withQuietZone } from '../../../../../preload/contract/core/printing';

/**
 * The receipt's QR code as the printer makes it (field-practice §3.2, §4), with the parameters main's
 * printing uses (contract/core/printing.ts), at the smallest print scale: the preview draws the receipt
 * one printer dot per CSS pixel, so one module is at least 4 device pixels.
 */
export const QR_DOTS_PER_MODULE = MIN_DOTS_PER_MODULE;

export interface QrSymbol {
  /** A data: URL of the SVG, for an <img> (the CSP allows data: images, not inline markup). */
  src: string;
  /** Modules per side without the quiet zone (73 for a QR version 14). */
  modules: number;
  /** Side in printer dots (= CSS pixels in the preview), quiet zone included. */
  sizeDots: number;
  /** The same in millimetres on paper, to a tenth (for the text that names the symbol). */
  sizeMm: number;
}

/** Builds the symbol synchronously (qrcode calls back at once), so it can render on the first paint. */
export function qrSymbol(text: string): QrSymbol {
  const segments = [{ data: new TextEncoder().encode(text), mode: 'byte' as const }];
  const modules = QRCode.create(segments, { errorCorrectionLevel: QR_ERROR_CORRECTION }).modules.size;
  const sizeDots = withQuietZone(modules) * QR_DOTS_PER_MODULE;
  let svg = '';
  let failure: unknown = null;
  QRCode.toString(
    segments,
    { type: 'svg', errorCorrectionLevel: QR_ERROR_CORRECTION, margin: QR_QUIET_ZONE_MODULES, width: sizeDots },
    (error, output) => {
      failure = error;
      svg = output;
    },
  );
  if (failure || svg === '') throw new Error('The QR code could not be drawn.');
  return {
    src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
    modules,
    sizeDots,
    sizeMm: Math.round(((sizeDots * 25.4) / PRINTER_DPI) * 10) / 10,
  };
}
