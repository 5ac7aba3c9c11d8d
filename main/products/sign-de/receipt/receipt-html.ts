import { escapeHtml } from '../../../printing/html-escape';
import { PAPER, type PaperWidth } from '../../../printing/paper';
import { qrDotsPerModule, qrModuleMm, qrModulesWithQuietZone, qrSvg } from '../../../printing/qr-symbol';
import type { ReceiptModel } from '../../../../preload/contract/sign-de/receipt';
import { receiptTextLayout } from './receipt-text';

/**
 * The receipt as one self-contained HTML page for printing through the OS or to PDF in Chromium:
 * page as wide as the paper, no page margins, the same lines as the ESC/POS printout in a monospace
 * font, the QR code as inline SVG. Nothing is loaded from anywhere (a CSP forbids it).
 */

export interface ReceiptHtmlOptions {
  paper: PaperWidth;
  /** Printer dots per QR module (≥ 4); by default as large as fits, up to 5. */
  qrDotsPerModule?: number;
}

export interface ReceiptHtml {
  html: string;
  /** The @page size, for printToPDF/print page sizes that must be given in numbers. */
  pageWidthMm: number;
  pageHeightMm: number;
  /** QR module edge in mm (≥ 0.5 mm: 4 dots at 203 dpi). */
  qrModuleMm: number;
}

const FONT_SIZE_MM = 2.4;
const LINE_HEIGHT_MM = 3;
const VERTICAL_PADDING_MM = 4;
const QR_GAP_MM = 3;
/** Blank paper after the last line, so the cutter does not cut through it. */
const CUTTER_ALLOWANCE_MM = 10;

export async function renderReceiptHtml(model: ReceiptModel, options: ReceiptHtmlOptions): Promise<ReceiptHtml> {
  const paper = PAPER[options.paper];
  const layout = receiptTextLayout(model, paper.columns);
  const moduleMm = qrModuleMm(qrDotsPerModule(model.qrCodeData, options.paper, options.qrDotsPerModule));
  const qrEdgeMm = qrModulesWithQuietZone(model.qrCodeData) * moduleMm;
  const svg = await qrSvg(model.qrCodeData, moduleMm, 'QR-Code des Belegs (DSFinV-K)');
  const sideMm = (paper.paperMm - paper.printableMm) / 2;
  const lineCount = layout.header.length + layout.body.length + layout.footer.length;
  const pageHeightMm = Math.ceil(2 * VERTICAL_PADDING_MM + lineCount * LINE_HEIGHT_MM + qrEdgeMm + 2 * QR_GAP_MM + CUTTER_ALLOWANCE_MM);
  const lines = (text: string[]) => text.map(escapeHtml).join('\n');
  const title = `${model.training ? 'Trainingsbeleg' : 'Testbeleg'} ${model.seller.name} – TSE-Transaktion ${model.transactionNumber}`;

  const html = `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
@page { size: ${paper.paperMm}mm ${pageHeightMm}mm; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
.receipt {
  box-sizing: border-box;
  width: ${paper.paperMm}mm;
  padding: ${VERTICAL_PADDING_MM}mm ${sideMm}mm;
  font-family: "DejaVu Sans Mono", "Liberation Mono", "Courier New", monospace;
  font-size: ${FONT_SIZE_MM}mm;
  line-height: ${LINE_HEIGHT_MM}mm;
}
pre { margin: 0; font: inherit; white-space: pre-wrap; overflow-wrap: anywhere; }
.header { font-weight: bold; }
.qr { display: flex; justify-content: center; margin: ${QR_GAP_MM}mm 0; }
.qr svg { display: block; flex: none; }
</style>
</head>
<body>
<main class="receipt" data-paper="${options.paper}" data-training="${model.training}">
<pre class="header">${lines(layout.header)}</pre>
<pre class="body">${lines(layout.body)}</pre>
<div class="qr">${svg}</div>
<pre class="footer">${lines(layout.footer)}</pre>
</main>
</body>
</html>
`;
  return { html, pageWidthMm: paper.paperMm, pageHeightMm, qrModuleMm: moduleMm };
}
