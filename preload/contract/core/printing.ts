/**
 * What main's printing and the receipt preview in the page must agree on, as plain values: receipt
 * printers' resolution and the QR symbol's parameters (byte mode, error correction M, a 4-module quiet
 * zone, at least 4 printer dots per module: 0.5 mm at 203 dpi).
 */

export interface PrinterInfo {
  name: string;
  isDefault: boolean;
}

/** Thermal receipt printers' heads: 203 dots per inch. */
export const PRINTER_DPI = 203;

export const QR_ERROR_CORRECTION = 'M';
export const QR_QUIET_ZONE_MODULES = 4;
export const MIN_DOTS_PER_MODULE = 4;

/** Modules per side of a QR symbol with its quiet zone, from the modules of the symbol itself. */
export const withQuietZone = (modules: number): number => modules + 2 * QR_QUIET_ZONE_MODULES;

/** Millimetres for a number of dots at PRINTER_DPI, rounded up to the micrometre so it is never fewer dots. */
export function dotsToMm(dots: number): number {
  return Math.ceil((dots * 25.4 * 1000) / PRINTER_DPI) / 1000;
}
