import QRCode, { type QRCodeSegment } from 'qrcode';
import { escapeHtml } from './html-escape';
import {
  MIN_DOTS_PER_MODULE,
  QR_ERROR_CORRECTION,
  QR_QUIET_ZONE_MODULES,
  dotsToMm,
  withQuietZone,
} from '../../preload/contract/core/printing';
import { PAPER, type PaperWidth } from './paper';
import { PrintError, PrintErrorCode } from './print-error';

/**
 * The receipt's QR code, the same symbol for every output: byte mode (the text is never re-encoded
 * or shortened), error correction M, a 4-module quiet zone, and a whole number of printer dots per
 * module, at least 4 (0.5 mm at 203 dpi). The preview in the page draws it with the same parameters.
 */

/** GS ( k function 167 takes 1–16 on Epson, 1–8 in most libraries and clones. */
export const MAX_DOTS_PER_MODULE = 8;
/** Bigger modules scan more easily, but past 5 the code gets longer than the receipt needs. */
const PREFERRED_DOTS_PER_MODULE = 5;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Modules per side, quiet zone included. */
export function qrModulesWithQuietZone(data: string): number {
  return withQuietZone(QRCode.create(segments(data), { errorCorrectionLevel: QR_ERROR_CORRECTION }).modules.size);
}

/**
 * Dots per module for this paper: `requested` when it fits, else the largest up to 5 that does.
 * Throws when not even 4 dots per module fit (a P-256 receipt needs 324 dots; 58 mm paper has 384).
 */
export function qrDotsPerModule(data: string, paper: PaperWidth, requested?: number): number {
  const modules = qrModulesWithQuietZone(data);
  const available = PAPER[paper].printableDots;
  const largest = Math.min(MAX_DOTS_PER_MODULE, Math.floor(available / modules));
  if (largest < MIN_DOTS_PER_MODULE) {
    throw new PrintError(
      PrintErrorCode.qrTooLarge,
      `The QR code needs ${modules * MIN_DOTS_PER_MODULE} dots at ${MIN_DOTS_PER_MODULE} dots per module, ${paper} paper has ${available}.`,
    );
  }
  if (requested === undefined) return Math.min(largest, PREFERRED_DOTS_PER_MODULE);
  if (!Number.isInteger(requested) || requested < MIN_DOTS_PER_MODULE || requested > largest) {
    throw new PrintError(
      PrintErrorCode.qrTooLarge,
      `${requested} dots per module does not work on ${paper} paper: use a whole number from ${MIN_DOTS_PER_MODULE} to ${largest}.`,
    );
  }
  return requested;
}

/** Edge length in mm of one module printed at `dotsPerModule` dots, never less than that many dots. */
export function qrModuleMm(dotsPerModule: number): number {
  return dotsToMm(dotsPerModule);
}

/**
 * An inline <svg> (no namespace URL, nothing to fetch) sized in mm: `moduleMm` per module, quiet zone
 * included, drawn with crisp edges so a printer driver does not smooth the modules.
 */
export async function qrSvg(data: string, moduleMm: number, label = 'QR-Code'): Promise<string> {
  const svg = await QRCode.toString(segments(data), {
    type: 'svg',
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    margin: QR_QUIET_ZONE_MODULES,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
  const modules = qrModulesWithQuietZone(data);
  const edge = `${round(modules * moduleMm)}mm`;
  const opening = /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /;
  if (!opening.test(svg)) throw new Error('the qrcode package returned an SVG of an unknown shape');
  return svg.trim().replace(opening, `<svg width="${edge}" height="${edge}" role="img" aria-label="${escapeHtml(label)}" `);
}

export interface QrBitmap {
  width: number;
  height: number;
  /** RGBA, black modules on white, quiet zone included. */
  data: Uint8ClampedArray;
}

/** The symbol as pixels, `dotsPerModule` pixels per module: one pixel is one printer dot. */
export function qrBitmap(data: string, dotsPerModule: number): QrBitmap {
  if (!Number.isInteger(dotsPerModule) || dotsPerModule < 1) throw new Error(`dotsPerModule must be a positive integer, got ${dotsPerModule}`);
  const { modules } = QRCode.create(segments(data), { errorCorrectionLevel: QR_ERROR_CORRECTION });
  const side = withQuietZone(modules.size) * dotsPerModule;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    const row = Math.floor(y / dotsPerModule) - QR_QUIET_ZONE_MODULES;
    for (let x = 0; x < side; x++) {
      const column = Math.floor(x / dotsPerModule) - QR_QUIET_ZONE_MODULES;
      const dark = row >= 0 && row < modules.size && column >= 0 && column < modules.size && modules.get(row, column) === 1;
      if (dark) pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return { width: side, height: side, data: pixels };
}

/**
 * One byte-mode segment. The text must be printable ASCII (fiskaly's Kassenbeleg-V1 QR always is):
 * then the bytes are the same whatever code page a printer or library assumes.
 */
function segments(data: string): QRCodeSegment[] {
  if (!PRINTABLE_ASCII.test(data)) {
    throw new PrintError(PrintErrorCode.qrInvalid, 'The QR data holds characters outside printable ASCII; it cannot be printed unchanged.');
  }
  return [{ mode: 'byte', data: new Uint8Array(Buffer.from(data, 'latin1')) }];
}

function round(mm: number): number {
  return Math.round(mm * 1000) / 1000;
}
