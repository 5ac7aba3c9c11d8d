import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { PAPER, type PaperWidth } from './paper';
import { qrBitmap, qrDotsPerModule } from './qr-symbol';
import type { PrintLayout } from './print-layout';

/**
 * A layout and its QR code as ESC/POS bytes for a thermal printer (Epson TM and compatibles): Font A at 48 or 32
 * columns, code page 858 (Latin-1 with €: ä ö ü ß € print as such), the QR code either native
 * (GS ( k, model 2, level M) or as a raster image (GS v 0) for printers without QR support; then a feed
 * past the cutter and a full cut.
 */

export interface EscPosOptions {
  paper: PaperWidth;
  /** GS ( k when true (the default); a GS v 0 raster image of the same symbol when false. */
  nativeQr?: boolean;
  /** Printer dots per QR module (4–8); by default as large as fits, up to 5. */
  qrDotsPerModule?: number;
}

/** ESC t 19 on Epson and most clones: PC858 (Euro). */
export const ESC_POS_CODEPAGE = 'cp858';
/** Lines fed before the cut: the knife sits a few millimetres above the print head. */
export const FEED_BEFORE_CUT = 5;

/** Characters PC858 lacks, replaced one for one so no line gets wider. */
const TYPOGRAPHIC: Readonly<Record<string, string>> = {
  '–': '-',
  '—': '-',
  '‐': '-',
  '‑': '-',
  '„': '"',
  '“': '"',
  '”': '"',
  '‚': "'",
  '‘': "'",
  '’': "'",
  '\u00a0': ' ',
};

export function encodeEscPos(layout: PrintLayout, qrPayload: string, options: EscPosOptions): Uint8Array {
  const paper = PAPER[options.paper];
  const dots = qrDotsPerModule(qrPayload, options.paper, options.qrDotsPerModule);
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: paper.columns,
    codepageMapping: 'epson',
    newline: '\n',
    feedBeforeCut: FEED_BEFORE_CUT,
    imageMode: 'raster',
    errors: 'strict',
  });
  const lines = (text: string[]) => text.forEach((line) => encoder.line(printable(line)));

  encoder.initialize().codepage(ESC_POS_CODEPAGE).align('left');
  encoder.bold(true);
  lines(layout.header);
  encoder.bold(false);
  lines(layout.body);
  encoder.newline().align('center');
  if (options.nativeQr ?? true) {
    encoder.qrcode(qrPayload, { model: 2, size: dots, errorlevel: 'm' });
  } else {
    const bitmap = qrBitmap(qrPayload, dots);
    encoder.image(bitmap, { width: bitmap.width, height: bitmap.height, algorithm: 'threshold', threshold: 128, mode: 'raster' });
  }
  encoder.align('left').newline();
  lines(layout.footer);
  encoder.cut('full');
  return encoder.encode();
}

function printable(line: string): string {
  return line.replace(/[–—‐‑„“”‚‘’\u00a0]/g, (character) => TYPOGRAPHIC[character] ?? character);
}
